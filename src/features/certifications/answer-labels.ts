import { TOPICS } from '../../domain/statement-topics';

/**
 * A stored answer's question, by its path in the stored answers ("values.training.how" → the
 * question's label; "topics.training.review.on" → "Review of <topic>").
 */
export function answerLabel(path: string): string {
  const [root, topicId, key] = path.split('.');
  const topic = TOPICS.find((t) => t.id === topicId);
  if (!topic) return path;
  if (root === 'values') return topic.questions.find((q) => q.key === key)?.label ?? `${topic.title}: ${key ?? ''}`;
  if (root === 'topics') return `Review of “${topic.title}”`;
  return `${topic.title}: ${path}`;
}

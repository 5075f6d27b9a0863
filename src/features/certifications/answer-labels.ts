import { QUESTIONNAIRE } from './questionnaire';

/** A questionnaire answer's question, by its path in the answers ("training.how" → "How staff are trained"). */
export function answerLabel(path: string): string {
  for (const group of QUESTIONNAIRE) for (const q of group.questions) if (q.path === path) return q.label;
  // An answer the questionnaire does not ask directly: its group's title is the best name for it.
  const group = QUESTIONNAIRE.find((g) => g.questions.some((q) => q.path.split('.')[0] === path.split('.')[0]));
  return group ? `${group.title}: ${path}` : path;
}

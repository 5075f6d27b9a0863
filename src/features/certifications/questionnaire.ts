import { formatLong } from '../../domain/dates';
import type { TopicStatus } from '../../domain/statement-topics';

/** What the form says about a topic's state, in a sentence. */
export function topicStateText(s: TopicStatus, coveredYear: number): string {
  const r = s.review;
  switch (s.state) {
    case 'notApplicable':
      return 'Does not apply to the answers above.';
    case 'unanswered':
      if (!r) return 'Not answered yet.';
      return `Not finished: ${s.missing.length} ${s.missing.length === 1 ? 'question has' : 'questions have'} no answer.`;
    case 'needsReview':
      return r?.origin === 'lastYear'
        ? `Carried over from the ${r.fromYear ?? 'last'} certification${r.fromYear ? ` (calendar year ${r.fromYear - 1})` : ''}${r.lastReviewedOn ? `, reviewed then on ${formatLong(r.lastReviewedOn)}` : ''}: not yet reviewed for ${coveredYear}. Change what is different now, then confirm.`
        : 'Sample answers from typical small-carrier practice, not yet reviewed. Change every answer that is not how the company works, then confirm.';
    case 'done':
      if (!r || r.origin === 'user' || !r.reviewedOn) return 'Answered.';
      return r.origin === 'lastYear' ? `Reviewed for ${coveredYear} on ${formatLong(r.reviewedOn)}.` : `Sample answers reviewed on ${formatLong(r.reviewedOn)}.`;
  }
}

export const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

export function yesNoValue(v: unknown): string {
  return v === true ? 'yes' : v === false ? 'no' : '';
}

export function fromYesNo(v: string): boolean | null {
  return v === 'yes' ? true : v === 'no' ? false : null;
}

/** A whole number as typed, or null for an empty field, or undefined when it is not one. */
export function parseWholeNumber(text: string): number | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  return /^\d{1,4}$/.test(t) ? Number(t) : undefined;
}

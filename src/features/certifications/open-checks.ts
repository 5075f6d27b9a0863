import type { AssembledPackage } from '../../domain/certification-record';

export interface OpenChecks {
  errors: number;
  warnings: number;
  /** Questionnaire topics still to answer or to review. */
  topics: number;
}

/** What still stands between a draft and "ready to sign", counted for the season board. */
export function openChecks(assembled: Pick<AssembledPackage, 'openFindings' | 'questionnaire'>): OpenChecks {
  return {
    errors: assembled.openFindings.filter((f) => f.severity === 'error').length,
    warnings: assembled.openFindings.filter((f) => f.severity === 'warning').length,
    topics: assembled.questionnaire.filter((t) => t.state === 'unanswered' || t.state === 'needsReview').length,
  };
}

export function describeOpenChecks(c: OpenChecks): string {
  const parts = [
    c.errors ? `${c.errors} ${c.errors === 1 ? 'error' : 'errors'}` : '',
    c.warnings ? `${c.warnings} ${c.warnings === 1 ? 'warning' : 'warnings'}` : '',
    c.topics ? `${c.topics} ${c.topics === 1 ? 'topic' : 'topics'} to answer or review` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'None';
}

/** A sort key: errors weigh most, then topics, then warnings; not yet counted sorts first. */
export function openChecksWeight(c: OpenChecks | undefined): number {
  return c ? c.errors * 10_000 + c.topics * 100 + c.warnings : -1;
}

/**
 * The sections of the statement, in order. Kept apart from `statement.ts` so that checking a
 * stored certification (its section edits) does not load the statement's drafting code.
 */
export const STATEMENT_SECTION_IDS = [
  'scope', 'use', 'approval', 'approval-system', 'notices', 'approval-records', 'training',
  'campaign-records', 'supervisory-review', 'opt-out-failure', 'authentication', 'passwords',
  'account-changes', 'business-customers', 'cmrs', 'vendors', 'breach', 'data-brokers',
  'complaints', 'pretexting', 'contact', 'conclusion',
] as const;
export type StatementSectionId = (typeof STATEMENT_SECTION_IDS)[number];

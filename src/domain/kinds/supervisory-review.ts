/** A supervisor's review of a proposed outbound request for customer approval (§ 64.2009(d)). */
import { field, options } from './fields';
import { clip, defineKind, joinSummary, labelOf } from './kind';

const DECISION_OPTIONS = options({ approved: 'Approved', denied: 'Denied', changesRequested: 'Changes requested' });

export const supervisoryReview = defineKind({
  kind: 'supervisoryReview',
  title: 'Supervisory review',
  plural: 'Supervisory reviews',
  citation: '§ 64.2009(d)',
  description: 'A supervisor’s review of a proposed outbound request for customer approval; kept 1 year (§ 64.2009(d)).',
  fields: {
    request: field.textarea('The marketing request', { required: true }),
    reviewer: field.text('Reviewer', { required: true }),
    decision: field.choice('Decision', DECISION_OPTIONS, 'Choose a decision.'),
    reviewedOn: field.date('Review date', { required: true }),
  },
  dateField: 'reviewedOn',
  retention: 'retainSupervisoryReview',
  summary: (r) => joinSummary(clip(r.request, 60), labelOf(DECISION_OPTIONS, r.decision), `by ${clip(r.reviewer, 30)}`),
});

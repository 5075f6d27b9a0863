/** A customer's approval or disapproval of the use of CPNI (§ 64.2007). */
import * as v from 'valibot';
import { field, options } from './fields';
import { clip, defineKind, joinSummary, labelOf } from './kind';

export const APPROVAL_TYPE_OPTIONS = options({ optIn: 'Opt-in', optOut: 'Opt-out' });
export const APPROVAL_MEDIUM_OPTIONS = options({ oral: 'Oral', written: 'Written', electronic: 'Electronic' });
export const APPROVAL_STATUS_OPTIONS = options({ granted: 'Granted', denied: 'Denied', revoked: 'Revoked' });

export const approval = defineKind({
  kind: 'approval',
  title: 'Customer approval',
  plural: 'Customer approvals',
  citation: '§ 64.2007',
  description: 'A customer’s approval or disapproval of the use of CPNI; kept 1 year (§ 64.2007(a)(3)).',
  fields: {
    accountRef: field.custom(
      'Customer account reference',
      'text',
      v.pipe(v.string(), v.trim(), v.nonEmpty('Customer account reference is required.'), v.maxLength(64, 'Account reference is at most 64 characters.')),
      { required: true, hint: 'An account number or similar reference, not CPNI itself.' },
    ),
    approvalType: field.choice('Approval type', APPROVAL_TYPE_OPTIONS, 'Approval type must be opt-in or opt-out.'),
    medium: field.choice('Medium', APPROVAL_MEDIUM_OPTIONS, 'Medium must be oral, written or electronic.', {
      hint: 'With oral approval the carrier bears the burden of proving it (§ 64.2007(a)(1)).',
    }),
    status: field.choice('Status', APPROVAL_STATUS_OPTIONS, 'Status must be granted, denied or revoked.'),
    decidedOn: field.date('Date', { required: true }),
    scope: field.textarea('Scope', { hint: 'What the approval covers: uses, affiliates or agents, services.' }),
  },
  dateField: 'decidedOn',
  retention: 'retainApproval',
  retentionNote: 'While you still rely on this approval, keep it: it is your proof of approval.',
  summary: (r) =>
    joinSummary(
      `Account ${clip(r.accountRef, 30)}`,
      labelOf(APPROVAL_TYPE_OPTIONS, r.approvalType),
      labelOf(APPROVAL_MEDIUM_OPTIONS, r.medium).toLowerCase(),
      labelOf(APPROVAL_STATUS_OPTIONS, r.status).toLowerCase(),
    ),
});

/**
 * What makes two approval records the same event: the client, the customer account, the
 * approval type, the decision and its date. Importing the same CSV file twice finds every row
 * already stored by this key and adds nothing (the import report lists them). The account is
 * compared without surrounding spaces and without regard to case ("ab-100" = "AB-100").
 */
export function approvalKey(clientId: string, a: { accountRef: string; approvalType: string; status: string; decidedOn: string }): string {
  return JSON.stringify([clientId, a.accountRef.trim().toUpperCase(), a.approvalType, a.status, a.decidedOn]);
}

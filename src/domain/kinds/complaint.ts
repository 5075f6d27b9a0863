/** A customer complaint about unauthorized release of CPNI, counted by category in the certification (§ 64.2009(e)). */
import { field } from './fields';
import { clip, defineKind, joinSummary, labelOf } from './kind';

export const COMPLAINT_CATEGORIES = ['employeeAccess', 'unauthorizedDisclosure', 'onlineAccess', 'other'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];
export const COMPLAINT_CATEGORY_LABELS: Record<ComplaintCategory, string> = {
  employeeAccess: 'Improper access by employees',
  unauthorizedDisclosure: 'Improper disclosure to individuals not authorized to receive the information',
  onlineAccess: 'Improper access to online information by individuals not authorized to view the information',
  other: 'Other',
};
const COMPLAINT_OPTIONS = COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: COMPLAINT_CATEGORY_LABELS[c] }));

export const PUBLIC_SUMMARY_HINT =
  'Printed in the public ECFS filing instead of the internal notes above. Leave blank to print only the count. Never name the customer or give a number, e-mail or account.';
export const RECORDS_ONLY_HINT = 'For your records only; never printed in the filing.';

export const complaint = defineKind({
  kind: 'complaint',
  title: 'Customer complaint',
  plural: 'Customer complaints',
  citation: '§ 64.2009(e)',
  description: 'A customer complaint about unauthorized release of CPNI; counted by category in the annual certification (§ 64.2009(e)).',
  fields: {
    receivedOn: field.date('Received on', { required: true }),
    category: field.choice('Category', COMPLAINT_OPTIONS, 'Choose a category.'),
    summary: field.textarea('Internal notes', { required: true, hint: RECORDS_ONLY_HINT, messageLabel: 'Summary' }),
    /** What the filing may print about it; internal notes stay in `summary`. */
    publicSummary: field.textarea('Public summary (printed in the filing)', { hint: PUBLIC_SUMMARY_HINT }),
    resolution: field.textarea('Resolution', { hint: RECORDS_ONLY_HINT }),
  },
  dateField: 'receivedOn',
  retention: 'retainSupporting',
  summary: (r) => joinSummary(labelOf(COMPLAINT_OPTIONS, r.category), clip(r.summary, 60)),
});

/** CPNI disclosed or provided to, or accessed by, a third party (§ 64.2009(c)). */
import { field, options } from './fields';
import { clip, defineKind, joinSummary, labelOf } from './kind';

export const DISCLOSURE_BASIS_OPTIONS = options({
  customerApproval: 'Customer approval',
  legalProcess: 'Legal process (subpoena, court order or other legal requirement)',
  carveOut: 'A carve-out where no approval is needed',
});
export const DISCLOSURE_BASES = ['customerApproval', 'legalProcess', 'carveOut'] as const;

export const disclosure = defineKind({
  kind: 'disclosure',
  title: 'Third-party disclosure',
  plural: 'Third-party disclosures',
  citation: '§ 64.2009(c)',
  description: 'CPNI disclosed or provided to, or accessed by, a third party; kept 1 year (§ 64.2009(c)).',
  fields: {
    recipient: field.text('Recipient', { required: true }),
    what: field.textarea('What CPNI was disclosed or accessed', { required: true }),
    disclosedOn: field.date('Date', { required: true }),
    basis: field.choice('Basis', DISCLOSURE_BASIS_OPTIONS, 'Choose the basis for the disclosure.'),
    basisDetail: field.textarea('Details of the basis', { hint: 'The approval, the legal process, or the carve-out relied on.' }),
  },
  dateField: 'disclosedOn',
  retention: 'retainDisclosure',
  summary: (r) => joinSummary(clip(r.recipient, 50), clip(r.what, 60), labelOf(DISCLOSURE_BASIS_OPTIONS, r.basis)),
});

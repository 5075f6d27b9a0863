/** A sales or marketing campaign that used CPNI (§ 64.2009(c)). */
import { field, options } from './fields';
import { clip, defineKind, joinSummary, labelOf } from './kind';

export const APPROVAL_BASIS_OPTIONS = options({
  optIn: 'Customer opt-in approval',
  optOut: 'Customer opt-out approval',
  noneNeeded: 'No approval needed (a carve-out applies)',
});
export const APPROVAL_BASES = ['optIn', 'optOut', 'noneNeeded'] as const;

export const campaign = defineKind({
  kind: 'campaign',
  title: 'Marketing campaign',
  plural: 'Marketing campaigns',
  citation: '§ 64.2009(c)',
  description: 'A sales or marketing campaign that used CPNI: what was used and what was offered; kept 1 year (§ 64.2009(c)).',
  fields: {
    name: field.text('Campaign name', { required: true }),
    description: field.textarea('Description', { required: true }),
    startedOn: field.date('Start date', { required: true }),
    endedOn: field.date('End date'),
    cpniUsed: field.textarea('The specific CPNI used', { required: true }),
    productsOffered: field.textarea('Products and services offered', { required: true }),
    channels: field.text('Channels', { hint: 'For example: bill insert, email, outbound calls.' }),
    approvalBasis: field.choice('Approval basis', APPROVAL_BASIS_OPTIONS, 'Choose the approval basis.', {
      hint: 'Opt-out suffices only for marketing communications-related services (§ 64.2007(b)); otherwise opt-in is required.',
    }),
    carveOut: field.text('Which carve-out', {
      showWhen: { field: 'approvalBasis', is: 'noneNeeded' },
      hint: 'For example: services the customer already buys (§ 64.2005(a)).',
    }),
    supervisoryReviewId: field.link('Supervisory review', 'supervisoryReview', { emptyLabel: 'None linked', hint: 'The review of this outbound request (§ 64.2009(d)).' }),
  },
  dateField: 'startedOn',
  retention: 'retainCampaign',
  summary: (r) => joinSummary(clip(r.name, 50), clip(r.productsOffered, 50), labelOf(APPROVAL_BASIS_OPTIONS, r.approvalBasis)),
});

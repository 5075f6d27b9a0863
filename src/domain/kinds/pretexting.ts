/** An attempt to get CPNI by pretending to be the customer, and how it was stopped (§ 64.2010(a)). */
import { PUBLIC_SUMMARY_HINT, RECORDS_ONLY_HINT } from './complaint';
import { field, options } from './fields';
import { clip, defineKind, joinSummary, labelOf } from './kind';

const CHANNEL_OPTIONS = options({ phone: 'Phone', online: 'Online', inStore: 'In store' });

export const pretexting = defineKind({
  kind: 'pretexting',
  title: 'Pretexting attempt',
  plural: 'Pretexting attempts',
  citation: '§ 64.2010(a)',
  description: 'An attempt to get CPNI by pretending to be the customer, and how it was stopped (§ 64.2010(a)).',
  fields: {
    occurredOn: field.date('Date', { required: true }),
    channel: field.choice('Channel', CHANNEL_OPTIONS, 'Choose the channel.'),
    method: field.textarea('Method', { required: true, hint: RECORDS_ONLY_HINT }),
    howStopped: field.textarea('How it was stopped', { hint: RECORDS_ONLY_HINT }),
    publicSummary: field.textarea('Public summary (printed in the filing)', { hint: PUBLIC_SUMMARY_HINT }),
  },
  dateField: 'occurredOn',
  retention: 'retainSupporting',
  summary: (r) => joinSummary(labelOf(CHANNEL_OPTIONS, r.channel), clip(r.method, 70)),
});

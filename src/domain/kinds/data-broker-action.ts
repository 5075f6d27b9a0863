/** A proceeding instituted or petition filed against data brokers, reported in the certification (§ 64.2009(e)). */
import { PUBLIC_SUMMARY_HINT, RECORDS_ONLY_HINT } from './complaint';
import { field, options } from './fields';
import { clip, defineKind, joinSummary, labelOf } from './kind';

const FORUM_OPTIONS = options({ stateCommission: 'State commission', court: 'Court', fcc: 'FCC' });
const ACTION_KIND_OPTIONS = options({ proceeding: 'Proceeding instituted', petition: 'Petition filed' });

export const dataBrokerAction = defineKind({
  kind: 'dataBrokerAction',
  title: 'Action against data brokers',
  plural: 'Actions against data brokers',
  citation: '§ 64.2009(e)',
  description: 'A proceeding instituted or petition filed against data brokers; reported in the annual certification (§ 64.2009(e)).',
  fields: {
    actionOn: field.date('Date', { required: true }),
    forum: field.choice('Forum', FORUM_OPTIONS, 'Choose the forum.'),
    actionKind: field.choice('Kind of action', ACTION_KIND_OPTIONS, 'Choose proceeding instituted or petition filed.'),
    description: field.textarea('Description', { required: true, hint: RECORDS_ONLY_HINT }),
    publicSummary: field.textarea('Public summary (printed in the filing)', { hint: PUBLIC_SUMMARY_HINT }),
    outcome: field.textarea('Outcome', { hint: 'For your records only; never printed in the filing (put a public outcome in the public summary).' }),
  },
  dateField: 'actionOn',
  retention: 'retainSupporting',
  summary: (r) => joinSummary(labelOf(ACTION_KIND_OPTIONS, r.actionKind), labelOf(FORUM_OPTIONS, r.forum), clip(r.description, 50)),
});

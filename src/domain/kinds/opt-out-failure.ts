/** An opt-out mechanism that did not work properly: a letter to the FCC within five business days (§ 64.2009(f)). */
import { closureDates } from '../breach-clock';
import { formatLong } from '../dates';
import { DUTIES, interpretationNote } from '../duties';
import { optOutFailureNoticeDue } from '../duty-dates';
import { field } from './fields';
import { clip, defineKind, joinSummary } from './kind';

export const optOutFailure = defineKind({
  kind: 'optOutFailure',
  title: 'Opt-out mechanism failure',
  plural: 'Opt-out mechanism failures',
  citation: '§ 64.2009(f)',
  description: 'An opt-out mechanism that did not work properly; a letter to the FCC is due within five business days (§ 64.2009(f)).',
  fields: {
    learnedOn: field.date('Learned on', { required: true, hint: 'The day you learned the problem was more than an anomaly.' }),
    mechanism: field.text('Opt-out mechanism', { required: true }),
    problem: field.textarea('The problem', { required: true }),
    remedy: field.textarea('Proposed remedy'),
    remedyOn: field.date('Remedy in place on (or planned for)', { messageLabel: 'Remedy date' }),
    stateCommissionsNotified: field.text('State commissions told'),
    stateCommissionAction: field.textarea('Action the state commissions took'),
    customerNotice: field.textarea('Notice to customers', { hint: 'A copy of any notice sent to customers goes with the letter.' }),
    letterSentOn: field.date('Letter to the FCC sent on', { messageLabel: 'Letter sent on' }),
  },
  dateField: 'learnedOn',
  retention: 'retainSupporting',
  clocks: (r, ctx) => ({
    clocks: [
      {
        dutyId: 'optOutFailureNotice',
        kind: 'deadline',
        date: optOutFailureNoticeDue(r.learnedOn, { closures: closureDates(ctx.settings) }),
        doneOn: r.letterSentOn,
        title: 'Letter to the FCC due',
        citation: DUTIES.optOutFailureNotice.citation,
        ruleVersion: '2007 rule (in force)',
        note: interpretationNote('optOutFailureNotice'),
      },
    ],
    notes: [],
  }),
  summary: (r) => joinSummary(clip(r.mechanism, 40), clip(r.problem, 60), r.letterSentOn ? `letter sent ${formatLong(r.letterSentOn)}` : 'letter not yet sent'),
});

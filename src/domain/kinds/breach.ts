/** A breach of CPNI (§ 64.2011): its notices to law enforcement and customers, and its clocks. */
import { breachClock, breachClockInput, breachRuleFor, type BreachSettings } from '../breach-clock';
import type { Clock } from '../clock';
import { formatLong } from '../dates';
import { DUTIES, interpretationNote } from '../duties';
import { field, options } from './fields';
import { clip, defineKind, joinSummary, people, type KindRecord, type RecordClockList } from './kind';

const INTENT_OPTIONS = options({ intentional: 'Intentional', inadvertent: 'Inadvertent' });
const HARM_OPTIONS = options({ yes: 'Yes, harm is reasonably likely', no: 'No, harm is not reasonably likely' });
const LAW = 'Notice to law enforcement';

const fields = {
  discoveredOn: field.date('Discovered on', { required: true, group: 'Discovery' }),
  determinedOn: field.date('Reasonably determined on', {
    required: true,
    group: 'Discovery',
    hint: 'The day the carrier reasonably determined a breach occurred. The notice clocks start here (§ 64.2011(b)).',
  }),
  cpniInvolved: field.textarea('What CPNI was involved', {
    required: true,
    group: 'What happened',
    hint: 'Describe the CPNI in detail (§ 64.2011(d)); do not paste the customers’ CPNI itself.',
  }),
  coveredDataInvolved: field.textarea('Covered data beyond CPNI (2023 rule)', {
    group: 'What happened',
    hint: 'The 2023 amendments (FCC 23-111, not yet effective) also cover certain personally identifiable information.',
  }),
  circumstances: field.textarea('Circumstances', { group: 'What happened' }),
  intent: field.optionalChoice('Intentional or inadvertent', INTENT_OPTIONS, {
    emptyLabel: 'Not yet known',
    group: 'What happened',
    hint: 'The 2007 rule in force covers intentional breaches; the 2023 rule would add inadvertent ones.',
  }),
  customersAffected: field.number('Customers affected', { group: 'What happened', hint: 'A whole number; leave empty if not yet known.' }),
  harmLikely: field.optionalChoice('Is harm to customers reasonably likely?', HARM_OPTIONS, { emptyLabel: 'Not yet determined', group: 'What happened' }),
  harmReasoning: field.textarea('Why (the basis for the harm and customer-count determinations)', { group: 'What happened' }),
  agenciesNotifiedOn: field.date('Agencies notified on', { group: LAW, hint: 'The USSS and FBI, through the central reporting facility (§ 64.2011(b)).' }),
  reportingFacilityRef: field.text('Reporting facility reference', { group: LAW }),
  urgentHarm: field.checkbox('Extraordinarily urgent need to notify customers to avoid immediate and irreparable harm', {
    group: LAW,
    hint: 'Customers may then be told sooner, but only after consulting the investigating agency (§ 64.2011(b)(2)).',
  }),
  urgentHarmAgency: field.text('Agency consulted', { group: LAW, showWhen: { field: 'urgentHarm', is: true } }),
  urgentHarmConsultedOn: field.date('Consulted on', { group: LAW, showWhen: { field: 'urgentHarm', is: true }, messageLabel: 'Urgent-harm consultation date' }),
  lawEnforcementDelay: field.checkbox('An agency directed a delay of customer notice', {
    group: LAW,
    hint: 'An initial period of up to 30 days, extendable; the direction must be in writing (§ 64.2011(b)(3)).',
  }),
  delayAgency: field.text('Agency that directed the delay', { group: LAW, showWhen: { field: 'lawEnforcementDelay', is: true } }),
  delayUntil: field.date('Delay until', { group: LAW, showWhen: { field: 'lawEnforcementDelay', is: true } }),
  delayWrittenDirection: field.checkbox('Written direction received', { group: LAW, showWhen: { field: 'lawEnforcementDelay', is: true } }),
  customersNotifiedOn: field.date('Customers notified on', { group: 'Notice to customers' }),
  customerNoticeMethod: field.text('How customers were notified', { group: 'Notice to customers' }),
  annualSummaryFiledOn: field.date('Annual summary filed on', {
    group: 'Annual summary to the FCC (2023 rule)',
    hint: 'Only under the 2023 rule, once in effect: a breach of fewer than 500 customers with no harm reasonably likely goes in an annual summary to the FCC instead (amended § 64.2011(a)(3)).',
  }),
};

type Breach = KindRecord<'breach', typeof fields>;

/** The clocks of § 64.2011: the agency notice, then the customer wait (2007) or limit (2023), or the annual summary. */
function breachClocks(r: Breach, settings: BreachSettings): RecordClockList {
  const clock = breachClock(breachClockInput(r), settings);
  const is2023 = clock.rule === '2023';
  const version = is2023 ? `2023 rule (FCC 23-111), effective ${formatLong(settings.breachRule2023EffectiveDate ?? '')} per your Settings` : '2007 rule (in force)';
  const clocks: Clock[] = [];
  if (is2023 && clock.annualSummaryDue) {
    // Fewer than 500 customers and no likely harm: the summary replaces the agency notice (amended § 64.2011(a)(3)).
    clocks.push({
      dutyId: 'breachAnnualSummary2023',
      kind: 'deadline',
      date: clock.annualSummaryDue,
      doneOn: r.annualSummaryFiledOn,
      title: 'Annual summary to the FCC due (unverified date)',
      citation: DUTIES.breachAnnualSummary2023.citation,
      ruleVersion: version,
      unverified: true,
      note: DUTIES.breachAnnualSummary2023.interpretation,
    });
  } else {
    const agency = is2023 ? DUTIES.breachAgencyNotice2023 : DUTIES.breachAgencyNotice2007;
    clocks.push({
      dutyId: agency.id,
      kind: 'deadline',
      date: clock.agencyNoticeDue,
      doneOn: r.agenciesNotifiedOn,
      title: is2023 ? 'Notice to the FCC, USSS and FBI due' : 'Notice to the USSS and FBI due',
      citation: agency.citation,
      ruleVersion: version,
      note: is2023 ? 'Amended § 64.2011, in force from the effective date in your Settings.' : interpretationNote(agency.id),
    });
  }
  if (!is2023) {
    // § 64.2011(b)(1): a "not before" date; the 2007 rule sets no outer limit after it.
    clocks.push({
      dutyId: 'breachCustomerWait2007',
      kind: 'notBefore',
      date: clock.customerNoticeEarliest,
      doneOn: r.customersNotifiedOn,
      title: 'Customers may be told from',
      citation: DUTIES.breachCustomerWait2007.citation,
      ruleVersion: version,
      note: clock.customerNoticeEarliest
        ? `Customers may be told from ${formatLong(clock.customerNoticeEarliest)}, not before; the 2007 rule sets no outer limit after that.`
        : 'Enter the date the agencies were notified to see this date.',
    });
  } else if (clock.customerNoticeDue) {
    clocks.push({
      dutyId: 'breachCustomerNotice2023',
      kind: 'deadline',
      date: clock.customerNoticeDue,
      doneOn: r.customersNotifiedOn,
      title: 'Notice to customers due',
      citation: DUTIES.breachCustomerNotice2023.citation,
      ruleVersion: version,
      note: [
        clock.customerNoticeEarliest && clock.customerNoticeEarliest > r.determinedOn ? `Not before ${formatLong(clock.customerNoticeEarliest)}.` : undefined,
        interpretationNote('breachCustomerNotice2023'),
      ]
        .filter(Boolean)
        .join(' '),
    });
  }
  return { clocks, notes: clock.notes };
}

export const breach = defineKind({
  kind: 'breach',
  title: 'Breach incident',
  plural: 'Breach incidents',
  citation: '§ 64.2011',
  description: 'A breach of CPNI, its notices to law enforcement and customers, and its clocks; kept 2 years (§ 64.2011).',
  fields,
  dateField: 'determinedOn',
  retention: (r, settings) => (breachRuleFor(r.determinedOn, settings) === '2023' ? 'retainBreach2023' : 'retainBreach2007'),
  clocks: (r, ctx) => breachClocks(r, ctx.settings ?? {}),
  summary: (r) =>
    joinSummary(clip(r.cpniInvolved, 70), people(r.customersAffected, 'customer', 'customers'), r.agenciesNotifiedOn ? `agencies notified ${formatLong(r.agenciesNotifiedOn)}` : 'agencies not yet notified'),
});

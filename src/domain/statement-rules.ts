/**
 * Which versions of the rules the accompanying statement describes. A filing speaks of the
 * calendar year it covers, so the statement describes the rules in force during that year:
 *
 * - § 64.2011 (breaches): the 2007 text, unless the user's Settings give an effective date for
 *   the amendments of FCC 23-111 on or before the year's last day. The rest of that order took
 *   effect on March 13, 2024, so an earlier date cannot be right and is ignored.
 * - § 64.2010(h) (SIM changes, adopted in 2023): only when a compliance date has been entered
 *   and it falls on or before the year's last day (§ 64.2010(h)(9): no compliance is required
 *   until the paragraph carries a compliance date).
 * - Calendar years 2016 and 2017: the FCC's 2016 privacy order (FCC 16-148) rewrote the subpart,
 *   Congress nullified it in April 2017 and the FCC restored the earlier text in September 2017;
 *   the 2007 rules describe both years. No certification was due in 2017 (for calendar year 2016).
 *
 * The statement only ever says what the company does under those rules; what CPNI Desk could not
 * verify about them is said to the user in the editor (`ruleNotes`), never in the filing.
 */
import { formatLong, isIsoDate, makeDate, type IsoDate } from './dates';
import { CERTIFICATION_GAP_YEARS } from './duties';
import type { Service, Settings } from './schema';
import type { BreachRule } from './breach-clock';

/** FCC 23-111 took effect on this day, except its § 64.2011 amendments (delayed indefinitely). */
export const FCC_23_111_EFFECTIVE: IsoDate = '2024-03-13';
/** § 64.2010(h) was added by the rules published on this day (88 FR 85814). */
export const SIM_CHANGE_RULE_PUBLISHED: IsoDate = '2023-12-08';

function lastDayOf(year: number): IsoDate {
  return makeDate(year, 12, 31);
}

/** The 2023 breach rule's effective date from Settings, when it is a date that rule could have. */
function breach2023Effective(settings: Partial<Pick<Settings, 'breachRule2023EffectiveDate'>> | undefined): IsoDate | undefined {
  const d = settings?.breachRule2023EffectiveDate;
  return d && isIsoDate(d) && d >= FCC_23_111_EFFECTIVE ? d : undefined;
}

/** The version of § 64.2011 in force at the end of the covered year. */
export function breachRuleForCoveredYear(coveredYear: number, settings?: Partial<Pick<Settings, 'breachRule2023EffectiveDate'>>): BreachRule {
  const effective = breach2023Effective(settings);
  return effective && effective <= lastDayOf(coveredYear) ? '2023' : '2007';
}

/** Whether compliance with § 64.2010(h) was required at some point in the covered year. */
export function simChangeApplies(complianceDate: IsoDate | '' | undefined, coveredYear: number): boolean {
  return !!complianceDate && isIsoDate(complianceDate) && complianceDate >= SIM_CHANGE_RULE_PUBLISHED && complianceDate <= lastDayOf(coveredYear);
}

/** Why a § 64.2010(h) compliance date cannot be used, or '' when it can (or is empty). */
export function simChangeDateProblem(date: string): string {
  if (!date) return '';
  if (!isIsoDate(date)) return 'Enter the date as YYYY-MM-DD.';
  if (date < SIM_CHANGE_RULE_PUBLISHED) return `§ 64.2010(h) was adopted in December 2023; a compliance date before ${formatLong(SIM_CHANGE_RULE_PUBLISHED)} cannot be right.`;
  return '';
}

export interface RuleNote {
  tone: 'info' | 'warning';
  text: string;
}

/**
 * What the editor tells the user about the rule versions behind this statement, including what
 * CPNI Desk could not verify. None of it is printed in the filing.
 */
export function ruleNotes(input: {
  certificationYear: number;
  services: readonly Service[];
  simChangeComplianceDate: IsoDate | '';
  settings?: Partial<Pick<Settings, 'breachRule2023EffectiveDate'>>;
}): RuleNote[] {
  const covered = input.certificationYear - 1;
  const out: RuleNote[] = [];
  if (CERTIFICATION_GAP_YEARS.includes(input.certificationYear))
    out.push({
      tone: 'warning',
      text: `No certification was due in ${input.certificationYear}: the FCC's 2016 privacy order had dropped it, Congress nullified that order in April 2017, and filings resumed in 2018 for calendar year 2017.`,
    });
  if (covered === 2016 || covered === 2017)
    out.push({
      tone: 'info',
      text: `For calendar year ${covered} the statement describes the 2007 CPNI rules: the FCC's 2016 privacy order (FCC 16-148) was nullified by Congress in April 2017, and the FCC restored the earlier rule text in September 2017.`,
    });

  const setting = input.settings?.breachRule2023EffectiveDate ?? '';
  const effective = breach2023Effective(input.settings);
  if (setting && !effective)
    out.push({
      tone: 'warning',
      text: `The 2023 breach rule's effective date in Settings (${setting}) is before FCC 23-111 could take effect (${formatLong(FCC_23_111_EFFECTIVE)}), so it is not used: the breach section describes the 2007 version of § 64.2011.`,
    });
  else if (!effective)
    out.push({
      tone: 'info',
      text: `The breach section describes the 2007 version of § 64.2011. No effective date for the 2023 amendments (FCC 23-111) is set in Settings; when the FCC announces one, enter it there.`,
    });
  else if (effective > lastDayOf(covered))
    out.push({
      tone: 'info',
      text: `The breach section describes the 2007 version of § 64.2011, in force throughout ${covered}: the 2023 amendments took effect on ${formatLong(effective)} (from Settings).`,
    });
  else {
    out.push({
      tone: 'warning',
      text: `The breach section describes the 2023 amendments to § 64.2011 (FCC 23-111), because Settings say they took effect on ${formatLong(effective)}. CPNI Desk could not verify that date: check it against the FCC's effective-date notice before filing.`,
    });
    if (effective > makeDate(covered, 1, 1))
      out.push({
        tone: 'warning',
        text: `The 2023 amendments took effect during ${covered}: a breach determined before ${formatLong(effective)} was handled under the 2007 rule. If there was one, say so in the breach section.`,
      });
  }

  if (input.services.includes('wireless')) {
    const date = input.simChangeComplianceDate;
    if (!date || simChangeDateProblem(date))
      out.push({
        tone: 'info',
        text: `The statement has no SIM-change section: compliance with § 64.2010(h) is not required until the FCC sets a compliance date (§ 64.2010(h)(9)), and none is entered. CPNI Desk knows of none; if the FCC announces one, enter it below.`,
      });
    else if (!simChangeApplies(date, covered))
      out.push({
        tone: 'info',
        text: `The statement has no SIM-change section: compliance with § 64.2010(h) is required from ${formatLong(date)}, after ${covered}.`,
      });
    else
      out.push({
        tone: 'warning',
        text: `The statement describes the company's SIM-change procedures under § 64.2010(h), because its compliance date is entered as ${formatLong(date)}. CPNI Desk could not verify that date: check it against the FCC's notice before filing.`,
      });
  }
  return out;
}

/**
 * Days the FCC's headquarters was closed although they were not legal public holidays.
 * § 1.4(e)(1) makes each of them a "holiday" for filing deadlines, so the FCC calendar in
 * calendar.ts skips them. They cannot be computed, so the list ships with the app and the
 * user adds their own in Settings (weather closures, funding lapses).
 *
 * Confidence tags: 'V' the text of the order itself was read;
 * 'S' a secondary source (named in `source`); 'R' from memory, to be verified. Every entry
 * is an executive order closing executive departments and agencies: that the FCC (an
 * independent agency) closed with them is assumed, not confirmed by an FCC notice.
 */
import type { IsoDate } from './dates';

export type Confidence = 'V' | 'S' | 'R';

export interface FccClosure {
  date: IsoDate;
  note: string;
  source: string;
  confidence: Confidence;
}

export const CONFIDENCE_LABELS: Record<Confidence, string> = {
  V: 'Verified against the order itself',
  S: 'From a secondary source; not checked against an FCC notice',
  R: 'From memory; unverified',
};

export const FCC_CLOSURES: readonly FccClosure[] = [
  {
    date: '2012-12-24',
    note: 'Christmas Eve closure of executive departments (President Obama).',
    source: 'An AP report of Dec. 19, 2018 lists 2012 among the years with such an order; the date is from memory.',
    confidence: 'R',
  },
  {
    date: '2014-12-26',
    note: 'Day after Christmas closure of executive departments (President Obama).',
    source: 'Secondary source named in the CPNI reference, section (g); AP report of Dec. 19, 2018 lists 2014.',
    confidence: 'S',
  },
  {
    date: '2018-12-05',
    note: 'National Day of Mourning for President George H. W. Bush; executive departments closed.',
    source: 'Executive order of Dec. 1, 2018, as reported by Business Insider and KXXV (Dec. 1, 2018). The CPNI reference had this date from memory.',
    confidence: 'S',
  },
  {
    date: '2018-12-24',
    note: 'Christmas Eve closure of executive departments.',
    source: 'Executive Order 13854 of Dec. 18, 2018, 83 FR 65481.',
    confidence: 'V',
  },
  {
    date: '2019-12-24',
    note: 'Christmas Eve closure of executive departments.',
    source: 'Executive Order 13900 of Dec. 17, 2019, 84 FR 69983.',
    confidence: 'V',
  },
  {
    date: '2020-12-24',
    note: 'Christmas Eve closure of executive departments.',
    source: 'Executive order of Dec. 11, 2020 (reported by The Epoch Times, Dec. 2020).',
    confidence: 'S',
  },
  {
    date: '2024-12-24',
    note: 'Christmas Eve closure of executive departments.',
    source: 'Executive Order 14129 (CPNI reference, section (g)).',
    confidence: 'S',
  },
  {
    date: '2025-01-09',
    note: 'National Day of Mourning for President Jimmy Carter; executive departments closed.',
    source: 'Executive Order 14133, 90 FR 187 (CPNI reference, section (g)).',
    confidence: 'S',
  },
  {
    date: '2025-12-24',
    note: 'Christmas Eve closure of executive departments.',
    source: 'Executive order of Dec. 18, 2025 closing executive departments on Dec. 24 and Dec. 26, 2025.',
    confidence: 'S',
  },
  {
    date: '2025-12-26',
    note: 'Day after Christmas closure of executive departments.',
    source: 'Executive order of Dec. 18, 2025 closing executive departments on Dec. 24 and Dec. 26, 2025.',
    confidence: 'S',
  },
];

/** The label to show beside a shipped closure, e.g. "From memory; unverified". */
export function closureLabel(closure: FccClosure): string {
  return CONFIDENCE_LABELS[closure.confidence];
}

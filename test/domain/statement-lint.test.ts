// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  lintCertification,
  lintStatement,
  mergeFindings,
  parseWrittenDate,
  segmentSentences,
  hasBlockingFindings,
  type CertificationLintFields,
  type Finding,
  type LintContext,
} from '../../src/domain/statement-lint';
import { citationProblems, findCitations } from '../../src/domain/citations';
import { cleanStatementText, faultyStatementText, sampleLintContext as ctx } from '../fixtures/statements';

const brief = (f: Finding) => ({ id: f.id, severity: f.severity, excerpt: f.excerpt });
const of = (text: string, id: string, c: LintContext = ctx) => lintStatement(text, c).filter((f) => f.id === id);

describe('the faulty sample', () => {
  const findings = lintStatement(faultyStatementText, ctx);

  it.each([
    ['wrong-docket', 'error', 'WC Docket No. 06-36'],
    ['wrong-docket', 'error', 'CC Docket No. 96-115'],
    ['citation-wrong-certification-section', 'error', '64.2010(e)'],
    ['title-years', 'error', 'Certification for 2025 covering 2025'],
    ['filed-after-due-date', 'error', 'March 4, 2026'],
    ['signature-after-filing', 'error', 'March 5, 2026'],
    ['filer-id-is-frn', 'error', '0012345678'],
    ['signatory-not-officer', 'error', 'Regulatory Consultant'],
    ['due-date-stated', 'warning', 'March 1, 2026'],
    ['fiscal-year', 'error', 'fiscal year'],
    ['cpni-includes-subscriber-list', 'error', 'CPNI includes subscriber list information, call detail and billing records (§ 64.2002).'],
    ['citation-unknown-section', 'error', '64.2002'],
    ['citation-unknown-section', 'error', '64.2012'],
    ['citation-unknown-paragraph', 'error', '64.2001(e)'],
    ['opt-out-for-third-parties', 'error', 'The Company uses opt-out approval to share CPNI with its agents and with joint venture partners.'],
    ['oral-opt-out-notice', 'error', 'Opt-out notices are given orally by customer service representatives.'],
    ['annual-training-claim', 'error', 'The FCC requires annual CPNI training for all employees under Section 64.2001(e).'],
    [
      'biographical-prompt',
      'error',
      'Passwords: customers are asked for their date of birth as the password prompt, and representatives use the last four digits of the Social Security number as the back-up question.',
    ],
    ['account-change-to-new-contact', 'error', 'When an address of record is changed, a confirmation letter showing the new address is mailed to the new address.'],
    ['account-change-reveals', 'error', 'When an address of record is changed, a confirmation letter showing the new address is mailed to the new address.'],
    ['opt-in-in-opt-out-failure', 'error', 'opt-in mechanisms'],
    ['opt-out-letter-business-days', 'error', '5 days'],
    // Wrapped across a line break in the sample.
    ['breach-business-days', 'error', 'seven calendar days'],
    [
      'breach-rule-mismatch',
      'error',
      'Breaches are reported to the FCC, the Secret Service and the FBI within seven calendar days, and customers are notified within 30 days.',
    ],
    ['hedged-compliance', 'warning', 'substantially in compliance'],
    ['data-broker-statement-missing', 'error', ''],
    ['complaint-statement-missing', 'error', ''],
  ] as const)('finds %s (%s): "%s"', (id, severity, excerpt) => {
    expect(findings.map(brief)).toContainEqual({ id, severity, excerpt });
  });

  it('finds nothing else', () => {
    expect(findings).toHaveLength(27);
  });

  it('points each excerpt at its place in the text', () => {
    for (const f of findings.filter((x) => x.start !== undefined)) {
      expect(faultyStatementText.slice(f.start, f.end).replace(/\s+/g, ' ')).toBe(f.excerpt);
    }
  });

  it('gives every finding a rule and a fix, and blocks export', () => {
    for (const f of findings) {
      expect(f.rule).not.toBe('');
      expect(f.fix).not.toBe('');
      expect(f.message).not.toBe('');
    }
    expect(hasBlockingFindings(findings)).toBe(true);
  });

  it('explains the March 1 weekend roll-forward', () => {
    const [due] = findings.filter((f) => f.id === 'due-date-stated');
    expect(due?.message).toContain('March 1, 2026 is a Sunday');
    expect(due?.fix).toBe('Write March 2, 2026.');
  });
});

describe('the clean sample', () => {
  it('has no findings under the 2007 breach rule', () => {
    expect(lintStatement(cleanStatementText, ctx)).toEqual([]);
  });

  it('is flagged when the 2023 breach rule is in force: the USSS/FBI-only notice and the seven-day wait', () => {
    const findings = lintStatement(cleanStatementText, { ...ctx, breachRule: '2023' });
    expect(findings.map((f) => f.id)).toEqual(['breach-rule-mismatch', 'breach-rule-mismatch']);
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
    expect(findings.map((f) => f.excerpt).join(' ')).toContain('seven full business days have passed');
  });
});

describe('citations', () => {
  it('reads the ways filings write a section', () => {
    const text = '§§ 64.2009(e) and 64.2010(e)(1); Section 64.2008(d)(3); 47 C.F.R. 64.2011; 47 CFR §64.2003 (q).';
    expect(findCitations(text).map((c) => [c.section, c.paragraphs])).toEqual([
      ['64.2009', ['e']],
      ['64.2010', ['e', '1']],
      ['64.2008', ['d', '3']],
      ['64.2011', []],
      ['64.2003', ['q']],
    ]);
    expect(citationProblems(text)).toEqual([]);
  });

  it('does not mistake a year in parentheses for a paragraph', () => {
    expect(findCitations('the amended § 64.2011 (2023) rule')[0]?.paragraphs).toEqual([]);
  });

  it('flags § 64.2010(e) cited for the certification, in any form', () => {
    for (const text of [
      'This certification is made under Section 64.2010(e).',
      'Annual 64.2010(e) CPNI Certification for 2026 covering calendar year 2025',
      'The officer certifies compliance, as 47 C.F.R. §§ 64.2009(e) and 64.2010(e) require.',
    ]) {
      expect(of(text, 'citation-wrong-certification-section').map((f) => f.excerpt)).toEqual(['64.2010(e)']);
    }
  });

  it('accepts § 64.2010(e) where it belongs: password setup', () => {
    expect(of('Passwords are set up without biographical information (§ 64.2010(e)).', 'citation-wrong-certification-section')).toEqual([]);
  });

  it('flags a title that cites another section', () => {
    expect(of('Annual 47 C.F.R. § 64.2011 CPNI Certification for 2026 covering 2025', 'citation-wrong-certification-section')).toHaveLength(1);
  });

  it('names the 2016 sections that Congress nullified', () => {
    const [f] = of('See SECTION 64.2004.', 'citation-unknown-section');
    expect(f?.message).toContain('2016');
  });
});

describe('days and business days', () => {
  it.each(['7 days', 'seven (7) days', 'a 7-day deadline', 'Seven\nDays', 'seven full days'])('flags "%s" for breach notice', (phrase) => {
    const found = of(`The Company notifies the FBI and USSS of a breach within ${phrase}.`, 'breach-business-days');
    expect(found).toHaveLength(1);
    expect(found[0]?.severity).toBe('error');
  });

  it.each(['seven business days', 'seven (7) business days', '7 business days', 'seven full business days'])('accepts "%s"', (phrase) => {
    expect(of(`The Company notifies the USSS and FBI of a breach within ${phrase}.`, 'breach-business-days')).toEqual([]);
  });

  it.each(['5 days', 'five days', 'five (5) days', 'five calendar days'])('flags "%s" for the opt-out failure letter', (phrase) => {
    expect(of(`If opt-out mechanisms do not work, the Company writes to the FCC within ${phrase}.`, 'opt-out-letter-business-days')).toHaveLength(1);
  });

  it('leaves the 2023 30-day customer notice alone (calendar days)', () => {
    const text = 'The Company notifies the FCC, USSS and FBI of a breach within seven business days, and customers within 30 days.';
    expect(lintStatement(text, { ...ctx, breachRule: '2023' }).filter((f) => /days|breach/.test(f.id))).toEqual([]);
  });

  it('ignores a seven-day period that is not a breach notice', () => {
    expect(of('New employees are trained within 7 days of hire.', 'breach-business-days')).toEqual([]);
  });
});

describe('sentences that deny the pitfall stay quiet', () => {
  it.each([
    'Representatives never ask for the SSN, its last four digits, date of birth or mother\'s maiden name when a password is set up.',
    'The back-up question may not be the customer\'s date of birth.',
    'Passwords are not based on the customer\'s Social Security number.',
    'Customers choose passwords without any prompt such as a date of birth.',
  ])('biographical: %s', (text) => {
    expect(of(text, 'biographical-prompt')).toEqual([]);
  });

  it.each([
    'If the customer does not remember the password, the representative asks for the customer\'s date of birth.',
    'Back-up question: mother\'s maiden name.',
    'Callers are verified with the last 4 digits of their SSN.',
    'Representatives use the customer\'s DOB as the PIN hint.',
    'Representatives never ask for the SSN; instead they verify the caller with the date of birth.',
  ])('biographical, flagged: %s', (text) => {
    expect(of(text, 'biographical-prompt')).toHaveLength(1);
  });

  it.each([
    ['The FCC does not require annual training.', 0],
    ['The rules set no frequency; the Company trains employees every year as a matter of policy.', 0],
    ['Annual CPNI training is required by the FCC.', 1],
    ['As required by § 64.2009(b), all employees receive annual CPNI training.', 1],
    ['FCC-mandated yearly training is given to all staff.', 1],
    ['The FCC\'s CPNI policy requires annual training.', 1],
  ] as const)('training: %s', (text, n) => {
    expect(of(text, 'annual-training-claim')).toHaveLength(n);
  });

  it.each([
    ['The notice goes to the address of record, never to the new address.', 0],
    ['The notice is not sent to the new e-mail address and does not reveal the new password.', 0],
    ['A text is sent to the customer\'s new phone number when the password is changed.', 1],
  ] as const)('account changes: %s', (text, n) => {
    expect(lintStatement(text, ctx).filter((f) => f.id.startsWith('account-change'))).toHaveLength(n);
  });

  it.each([
    ['Opt-out notices are sent by mail, never orally.', 0],
    ['Opt-out notices are given orally during the one-time call.', 0],
    ['Customers are informed of their opt-out rights orally at sign-up.', 1],
  ] as const)('oral notices: %s', (text, n) => {
    expect(of(text, 'oral-opt-out-notice')).toHaveLength(n);
  });

  it.each([
    ['Joint venture partners never receive CPNI under opt-out approval.', 0],
    ['Independent contractors receive CPNI only with opt-in approval; agents under opt-out.', 0],
    ['CPNI is shared with independent contractors under opt-out approval.', 1],
  ] as const)('third parties: %s', (text, n) => {
    expect(of(text, 'opt-out-for-third-parties')).toHaveLength(n);
  });

  it.each([
    ['CPNI does not include subscriber list information.', 0],
    ['Subscriber list information is also CPNI.', 1],
  ] as const)('subscriber lists: %s', (text, n) => {
    expect(of(text, 'cpni-includes-subscriber-list')).toHaveLength(n);
  });
});

describe('dockets, hedges and years', () => {
  it.each([
    ['WCB docket 06-36', 'wrong-docket', 'error'],
    ['Filed in WC Docket 06-36.', 'wrong-docket', 'error'],
    ['This certification is filed in WC Docket No. 22-21.', 'wrong-docket', 'error'],
    ['Docket No. 06-36', 'docket-unqualified', 'warning'],
  ] as const)('%s', (text, id, severity) => {
    expect(lintStatement(text, ctx).find((f) => f.id === id)?.severity).toBe(severity);
  });

  it('accepts EB Docket No. 06-36 and a rulemaking docket named as history', () => {
    const text = 'EB Docket No. 06-36. The rules adopted in CC Docket No. 96-115 protect CPNI.';
    expect(lintStatement(text, ctx).filter((f) => f.id.includes('docket'))).toEqual([]);
  });

  it.each(['substantial compliance', 'Substantially Compliant', 'materially in compliance', 'is largely in compliance'])('flags "%s"', (phrase) => {
    expect(of(`The Company is in ${phrase}.`, 'hedged-compliance')).toHaveLength(1);
  });

  it.each([
    ['Certification for 2026 covering the prior calendar year 2025', []],
    ['Certification for calendar year 2025', []],
    ['Certification for 2026, covering 2024', ['title-years']],
    ['Certification for 2025 covering 2024', ['title-years']],
    ['Certification for 2023', ['title-years']],
    ['Certification for 2025', ['title-year-ambiguous']],
    ['This filing covers calendar year 2024.', ['title-years']],
  ] as const)('%s', (text, ids) => {
    expect(lintStatement(text, ctx).filter((f) => f.id.startsWith('title')).map((f) => f.id)).toEqual(ids);
  });
});

describe('the breach paragraph and the rule version in force', () => {
  it('flags a claim that the 2023 rule is in force when the 2007 rule applies', () => {
    expect(of('The amended breach rules adopted in FCC 23-111 are now in effect.', 'breach-rule-mismatch')).toHaveLength(1);
    expect(of('Covered data breaches affecting fewer than 500 customers go in an annual summary.', 'breach-rule-mismatch')).toHaveLength(1);
  });

  it('accepts a note that the 2023 amendments have not taken effect', () => {
    expect(of('The 2023 amendments to the breach rule (FCC 23-111) have not taken effect.', 'breach-rule-mismatch')).toEqual([]);
  });

  it('flags a note that the 2023 amendments are not in effect when they are', () => {
    const c2023: LintContext = { ...ctx, breachRule: '2023' };
    expect(of('The 2023 amendments to the breach rule are not yet in effect.', 'breach-rule-mismatch', c2023)).toHaveLength(1);
    expect(of('Breaches are reported to the FCC, the USSS and the FBI within seven business days.', 'breach-rule-mismatch', c2023)).toEqual([]);
  });

  it('does not take the FCC website for the FCC as a recipient', () => {
    expect(of('Breaches go to the USSS and FBI through the facility at www.fcc.gov/eb/cpni.', 'breach-rule-mismatch')).toEqual([]);
  });
});

describe('printed fields', () => {
  it('checks each Filer ID printed against the FRN and the record', () => {
    expect(of('Filer ID (FRN): 0012345678', 'filer-id-is-frn')).toHaveLength(1);
    expect(of('Form 499 Filer ID: 812399', 'filer-id-unknown')[0]?.severity).toBe('warning');
    expect(lintStatement('Form 499 Filer ID 812345', ctx).filter((f) => f.id.startsWith('filer'))).toEqual([]);
  });

  it('reads the title under a signature line', () => {
    expect(of('/s/ Pat Reyes\nTitle: Office Manager', 'signatory-not-officer').map((f) => f.excerpt)).toEqual(['Office Manager']);
    expect(of('/s/ Pat Reyes\nTitle: Vice President, Operations', 'signatory-not-officer')).toEqual([]);
  });

  it('falls back to the context for the signatory and dates the text does not print', () => {
    const c: LintContext = { ...ctx, signatoryTitle: 'Consultant', signatureDate: '2026-02-27', dateFiled: '2026-02-26' };
    const findings = lintStatement(cleanStatementText.replace(/^(Title of signatory|Date filed|Date signed):.*\n/gm, ''), c);
    expect(findings.map(brief)).toEqual([
      { id: 'signatory-not-officer', severity: 'error', excerpt: 'Consultant' },
      { id: 'signature-after-filing', severity: 'error', excerpt: '2026-02-27' },
    ]);
  });

  it('reports a printed date that differs from the record', () => {
    const c: LintContext = { ...ctx, dateFiled: '2026-02-24', signatureDate: '2026-02-18' };
    expect(lintStatement(cleanStatementText, c).map(brief)).toEqual([{ id: 'date-filed-mismatch', severity: 'error', excerpt: 'February 20, 2026' }]);
  });

  it('accepts the right due date, and flags a filing before the covered year ended', () => {
    expect(of('This certification is due March 2, 2026.', 'due-date-stated')).toEqual([]);
    expect(of('Date filed: 12/30/2025', 'filed-before-year-end')).toHaveLength(1);
  });

  it('parses the date forms filings use', () => {
    expect(['March 2, 2026', 'Mar. 2 2026', '2026-03-02', '3/2/2026'].map(parseWrittenDate)).toEqual(Array(4).fill('2026-03-02'));
    expect(parseWrittenDate('February 30, 2026')).toBeUndefined();
  });
});

describe('completeness', () => {
  it('accepts affirmative "none" statements in other words', () => {
    const text = 'No actions against data brokers were taken in 2025. No complaints were received.';
    expect(lintStatement(text, ctx).filter((f) => f.id.endsWith('statement-missing'))).toEqual([]);
  });

  it('warns about a bare assertion and leftover placeholders', () => {
    const text =
      'The Company has established procedures that ensure compliance. It took no actions against data brokers and received no complaints. [To complete: training]';
    const ids = lintStatement(text, ctx).map((f) => f.id);
    expect(ids).toContain('bare-assertion');
    expect(ids).toContain('placeholder');
  });
});

describe('segmentSentences', () => {
  it('does not split at abbreviations or section numbers', () => {
    const s = segmentSentences('It notifies the U.S. Secret Service. It files in EB Docket No. 06-36 under 47 C.F.R. § 64.2009(e). Done.');
    expect(s.map((x) => x.text)).toEqual([
      'It notifies the U.S. Secret Service.',
      'It files in EB Docket No. 06-36 under 47 C.F.R. § 64.2009(e).',
      'Done.',
    ]);
  });

  it('splits headings and list items on their own lines, without their numbers', () => {
    expect(segmentSentences('1. Heading\n\nBody text\n2. Next item\n(b) Last').map((x) => x.text)).toEqual(['Heading', 'Body text', 'Next item', 'Last']);
  });
});

describe('lintCertification', () => {
  const good: CertificationLintFields = {
    filingYear: 2026,
    coveredYear: 2025,
    titleLine: 'Annual 47 C.F.R. § 64.2009(e) CPNI Certification for 2026 covering calendar year 2025',
    docket: 'EB Docket No. 06-36',
    companies: [
      { name: 'Desk Telephone Co.', filerId: '812345' },
      { name: 'Desk Wireless LLC', filerId: '812346' },
    ],
    signatoryName: 'Maria Okafor',
    signatoryTitle: 'President',
    signatureDate: '2026-02-18',
    dateFiled: '2026-02-20',
    dataBrokerStatement: 'The company has not taken any actions against data brokers in calendar year 2025.',
    complaintStatement: 'The company has not received any customer complaints in calendar year 2025.',
    certificationText: 'I certify that I am an officer of the company, acting as its agent, and have personal knowledge that its operating procedures are adequate to ensure compliance.',
  };

  it('has no findings for complete, consistent fields', () => {
    expect(lintCertification(good, ctx)).toEqual([]);
  });

  it.each([
    [{ coveredYear: 2026 }, 'title-years'],
    [{ titleLine: 'Annual CPNI Certification for 2025 covering 2025' }, 'title-years'],
    [{ titleLine: 'Annual 64.2010(e) CPNI Certification for 2026 covering 2025' }, 'citation-wrong-certification-section'],
    [{ docket: 'WC Docket No. 06-36' }, 'wrong-docket'],
    [{ companies: [{ name: 'Desk Telephone Co.', filerId: '0012345678' }] }, 'filer-id-is-frn'],
    [{ companies: [{ name: 'Desk Wireless LLC', filerId: '' }] }, 'filer-id-missing'],
    [{ companies: [] }, 'companies-missing'],
    [{ signatoryTitle: 'Regulatory Consultant' }, 'signatory-not-officer'],
    [{ signatureDate: '2026-02-21' }, 'signature-after-filing'],
    [{ dateFiled: '2026-03-03', signatureDate: '2026-03-01' }, 'filed-after-due-date'],
    [{ dataBrokerStatement: '' }, 'data-broker-statement-missing'],
    [{ complaintStatement: undefined }, 'complaint-statement-missing'],
    [{ certificationText: 'I certify that the company complies.' }, 'certification-language-missing'],
  ] as const)('%o → %s (error)', (change, id) => {
    const findings = lintCertification({ ...good, ...change } as CertificationLintFields, ctx);
    expect(findings.find((f) => f.id === id)?.severity).toBe('error');
  });

  it('warns (does not block) on a Filer ID that is not six digits, since the length is not confirmed', () => {
    const findings = lintCertification({ ...good, companies: [{ name: 'Desk Telephone Co.', filerId: '81234' }] }, ctx);
    expect(findings.map(brief)).toEqual([{ id: 'filer-id-length', severity: 'warning', excerpt: '81234' }]);
  });

  it('reports a fact found by both lints once', () => {
    const c: LintContext = { ...ctx, signatoryTitle: 'Regulatory Consultant' };
    const text = cleanStatementText.replace(/^Title of signatory:.*\n/m, '');
    const merged = mergeFindings(lintStatement(text, c), lintCertification({ ...good, signatoryTitle: 'Regulatory Consultant' }, c));
    expect(merged.map(brief)).toEqual([{ id: 'signatory-not-officer', severity: 'error', excerpt: 'Regulatory Consultant' }]);
  });
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  STATEMENT_SECTION_IDS,
  answerProblems,
  defaultAnswers,
  draftStatement,
  renderStatementText,
  type StatementAnswers,
  type StatementContext,
  type StatementSection,
  type StatementSectionId,
} from '../../src/domain/statement';
import { lintStatement, type LintContext } from '../../src/domain/statement-lint';
import { citationProblems } from '../../src/domain/citations';
import { SERVICES } from '../../src/domain/schema';

const none = { employeeAccess: 0, unauthorizedDisclosure: 0, onlineAccess: 0, other: 0 };

const ctx: StatementContext = {
  companies: [
    { name: 'Desk Telephone Co.', filerId: '812345' },
    { name: 'Desk Wireless LLC', filerId: '812346' },
  ],
  filingYear: 2026,
  coveredYear: 2025,
  services: ['wireline', 'interconnectedVoip'],
  breachRule: '2007',
  dataBrokerActions: [],
  complaints: { counts: none, summaries: [] },
};

const lintCtx = (c: StatementContext): LintContext => ({
  filingYear: c.filingYear,
  coveredYear: c.coveredYear,
  dueDate: '2026-03-02',
  breachRule: c.breachRule,
  frns: ['0012345678'],
  filerIds: c.companies.map((x) => x.filerId),
});

function section(sections: StatementSection[], id: StatementSectionId): StatementSection {
  const s = sections.find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id}`);
  return s;
}

function withMarketing(m: Partial<StatementAnswers['marketing']>, change: (a: StatementAnswers) => void = () => {}): StatementAnswers {
  const a = defaultAnswers();
  a.marketing = { ...a.marketing, usesCpni: true, ...m };
  change(a);
  return a;
}

const optOutCarrier = () =>
  withMarketing({ own: 'optOut', agents: 'optOut', affiliates: 'optIn', thirdParties: 'optIn' }, (a) => {
    a.notices.electronic = true;
    a.notices.oralOneTime = true;
  });

describe('draftStatement', () => {
  it('drafts every section in numbered order, each with a citation that exists', () => {
    const sections = draftStatement(defaultAnswers(), ctx);
    expect(sections.map((s) => s.id)).toEqual([...STATEMENT_SECTION_IDS]);
    for (const s of sections) {
      expect(s.heading).not.toBe('');
      expect(s.body).not.toBe('');
      expect(s.citation).not.toBe('');
      expect(citationProblems(`${s.citation} ${s.body}`)).toEqual([]);
    }
  });

  it('names the companies with their Filer IDs, the docket and the covered year', () => {
    const scope = section(draftStatement(defaultAnswers(), ctx), 'scope').body;
    expect(scope).toContain('Desk Telephone Co. (Form 499 Filer ID 812345)');
    expect(scope).toContain('Desk Wireless LLC (Form 499 Filer ID 812346)');
    expect(scope).toContain('EB Docket No. 06-36');
    expect(scope).toContain('47 C.F.R. § 64.2009(e)');
    expect(scope).toContain('filed in 2026 and covers calendar year 2025');
    expect(scope).toContain('interconnected VoIP');
  });

  describe('a carrier that does not use CPNI for marketing', () => {
    const sections = draftStatement(defaultAnswers(), ctx);

    it('says so, and says why approval, notices and the opt-out letter do not apply', () => {
      expect(section(sections, 'use').body).toContain('does not use CPNI for marketing');
      expect(section(sections, 'approval').body).toContain('Because the Company does not use CPNI for marketing, it does not seek customer approval');
      expect(section(sections, 'notices').body).toContain('sends no CPNI notices');
      expect(section(sections, 'opt-out-failure').body).toContain('does not use opt-out approval');
      expect(section(sections, 'supervisory-review').body).toContain('because it does not use CPNI for marketing');
      expect(section(sections, 'campaign-records').body).toContain('ran no sales or marketing campaigns using CPNI in 2025');
    });

    it('still names the system that shows approval status and keeps the third-party disclosure log', () => {
      expect(section(sections, 'approval-system').body).toContain('"CPNI approval" field');
      expect(section(sections, 'campaign-records').body).toContain('disclosed or provided to a third party');
      expect(section(sections, 'campaign-records').body).toContain('at least one year');
    });
  });

  describe('a carrier that markets with opt-out approval', () => {
    const sections = draftStatement(optOutCarrier(), ctx);

    it('states the approval for each recipient, and opt-in for third parties', () => {
      const body = section(sections, 'approval').body;
      expect(body).toContain('For its own marketing of communications-related services to a customer, the Company uses CPNI only with the customer\'s opt-out approval.');
      expect(body).toContain('to its agents for marketing communications-related services only with the customer\'s opt-out approval');
      expect(body).toContain('affiliates that provide communications-related services, for marketing those services, only with the customer\'s opt-in approval');
      expect(body).toContain('Joint venture partners, independent contractors and other third parties receive CPNI for marketing only with the customer\'s opt-in approval');
    });

    it('explains the notice: 30-day wait, mail start, two-year renewal, e-mail conditions and one-time oral use', () => {
      const body = section(sections, 'notices').body;
      expect(body).toContain('at least 30 days');
      expect(body).toContain('third day after mailing');
      expect(body).toContain('Every two years');
      expect(body).toContain('§ 64.2008(d)(3)');
      expect(body).toContain('one-time use of CPNI during a single inbound or outbound call');
    });

    it('describes the five-business-day letter to the FCC with every element, about opt-out only', () => {
      const body = section(sections, 'opt-out-failure').body;
      expect(body).toContain('within five business days');
      expect(body).not.toMatch(/opt-in/i);
      for (const element of ['name', 'opt-out mechanisms used', 'problems experienced', 'remedy proposed', 'state commissions', 'copy of any notice sent to customers', 'contact information'])
        expect(body).toContain(element);
    });

    it('requires supervisory approval of outbound requests and keeps the records', () => {
      const body = section(sections, 'supervisory-review').body;
      expect(body).toContain('must obtain the approval of the compliance officer before making any outbound marketing request');
      expect(body).toContain('kept for at least one year');
    });

    it('leaves out the e-mail conditions when notices go by mail only', () => {
      const a = optOutCarrier();
      a.notices.electronic = false;
      expect(section(draftStatement(a, ctx), 'notices').body).not.toContain('§ 64.2008(d)(3)');
    });
  });

  it('describes a carrier that markets only with opt-in approval without the opt-out machinery', () => {
    const sections = draftStatement(withMarketing({ own: 'optIn', thirdParties: 'optIn' }), ctx);
    expect(section(sections, 'notices').body).toContain('does not rely on opt-out approval');
    expect(section(sections, 'opt-out-failure').body).toContain('does not use opt-out approval');
  });

  it('covers authentication on calls, online and in store, or says why a channel does not apply', () => {
    const plain = section(draftStatement(defaultAnswers(), ctx), 'authentication').body;
    expect(plain).toContain('gives the account password');
    expect(plain).toContain('call back the telephone number of record or mail the information to the address of record');
    expect(plain).toContain('does not offer customers online access to CPNI, so § 64.2010(c) does not apply');
    expect(plain).toContain('has no retail stores, so § 64.2010(d) does not apply');

    const a = defaultAnswers();
    a.authentication.online = { offered: true, initialAuthentication: 'with a one-time code sent by text message to the telephone number of record' };
    a.authentication.retailStores = true;
    const full = section(draftStatement(a, ctx), 'authentication').body;
    expect(full).toContain('with a one-time code sent by text message');
    expect(full).toContain('valid, unexpired, government-issued photo ID');
  });

  it('states both conditions of the business-customer exemption when it is used', () => {
    const a = defaultAnswers();
    a.businessCustomers.contractAuthentication = true;
    const body = section(draftStatement(a, ctx), 'business-customers').body;
    expect(body).toContain('both a dedicated account representative and a contract that specifically addresses');
  });

  it('says account-change notices go immediately to the number or address of record, never the new one', () => {
    const body = section(draftStatement(defaultAnswers(), ctx), 'account-changes').body;
    expect(body).toContain('immediately');
    for (const item of ['password', 'back-up means of authentication', 'online account', 'address of record']) expect(body).toContain(item);
    expect(body).toContain('never sent to the new address');
  });

  it('marks the SIM-change safeguards as pending only for wireless carriers', () => {
    expect(section(draftStatement(defaultAnswers(), ctx), 'cmrs').body).toContain('does not provide commercial mobile radio service');
    const wireless = { ...ctx, services: ['wireless' as const] };
    expect(section(draftStatement(defaultAnswers(), wireless), 'cmrs').body).toContain('compliance date is pending');
    const a = defaultAnswers();
    a.cmrs.complianceDate = '2026-07-15';
    expect(section(draftStatement(a, wireless), 'cmrs').body).toContain('required from July 15, 2026');
  });

  it('describes the breach rule in force', () => {
    const old = section(draftStatement(defaultAnswers(), ctx), 'breach');
    expect(old.body).toContain('United States Secret Service and the Federal Bureau of Investigation');
    expect(old.body).toContain('seven full business days');
    expect(old.body).not.toMatch(/no later than 30 days/);
    const current = section(draftStatement(defaultAnswers(), { ...ctx, breachRule: '2023' }), 'breach');
    expect(current.body).toContain('the FCC, the United States Secret Service and the Federal Bureau of Investigation');
    expect(current.body).toContain('no later than 30 days');
    expect(current.body).not.toContain('full business days');
  });

  it('presents training on a schedule the carrier chooses, annual training only as practice', () => {
    const body = section(draftStatement(defaultAnswers(), ctx), 'training').body;
    expect(body).toContain('on a schedule the Company chooses');
    expect(body).toContain('Annual refresher training is the Company\'s own practice; the rules require training but set no frequency.');
    expect(body).toContain('express disciplinary process');
    const a = defaultAnswers();
    a.training.annualAsPractice = false;
    expect(section(draftStatement(a, ctx), 'training').body).not.toMatch(/annual/i);
  });

  it('states data-broker actions and complaint counts, "none" included', () => {
    const sections = draftStatement(defaultAnswers(), ctx);
    expect(section(sections, 'data-brokers').body).toContain('took no actions against data brokers');
    expect(section(sections, 'complaints').body).toContain('received no customer complaints');
    const busy = draftStatement(defaultAnswers(), {
      ...ctx,
      dataBrokerActions: ['On June 3, 2025 the Company filed a petition with the state commission against a data broker'],
      complaints: { counts: { ...none, employeeAccess: 2, onlineAccess: 1 }, summaries: ['two employees looked up accounts without a reason', 'One customer\'s online account was opened by a relative.'] },
    });
    expect(section(busy, 'data-brokers').body).toContain('(1) On June 3, 2025 the Company filed a petition');
    const complaints = section(busy, 'complaints').body;
    expect(complaints).toContain('received 3 customer complaints');
    expect(complaints).toContain('improper access by employees: 2');
    expect(complaints).toContain('In summary: (1) Two employees looked up accounts without a reason. (2) One customer\'s online account was opened by a relative.');
    const countsOnly = section(draftStatement(defaultAnswers(), { ...ctx, complaints: { counts: { ...none, employeeAccess: 1 }, summaries: [] } }), 'complaints').body;
    expect(countsOnly).toBe('In calendar year 2025, the Company received 1 customer complaint about the unauthorized release of CPNI. By category: improper access by employees: 1; improper disclosure to individuals not authorized to receive the information: 0; improper access to online information by individuals not authorized to view the information: 0.');
  });

  it('leaves placeholders, not guesses, when the records are not given', () => {
    const sections = draftStatement(defaultAnswers(), { ...ctx, dataBrokerActions: undefined, complaints: undefined });
    const text = renderStatementText(sections);
    const findings = lintStatement(text, lintCtx(ctx));
    expect(findings.map((f) => f.id)).toEqual(['placeholder', 'placeholder']);
  });

  it('concludes "is in compliance", or explains why not', () => {
    expect(section(draftStatement(defaultAnswers(), ctx), 'conclusion').body).toContain('ensure that the Company is in compliance');
    const a = defaultAnswers();
    a.conclusion = { inCompliance: false, explanation: 'the two-year opt-out notice due in October 2025 was sent in January 2026' };
    const body = section(draftStatement(a, ctx), 'conclusion').body;
    expect(body).toContain('The Company is not in compliance');
    expect(body).toContain('The two-year opt-out notice due in October 2025 was sent in January 2026.');
    expect(body).not.toMatch(/substantial/i);
  });

  it('carries a biographical back-up question through to the lint', () => {
    const a = defaultAnswers();
    a.authentication.backupMethod = "the representative asks for the last four digits of the customer's SSN";
    const findings = lintStatement(renderStatementText(draftStatement(a, ctx)), lintCtx(ctx));
    expect(findings.map((f) => [f.id, f.severity])).toEqual([['biographical-prompt', 'warning']]);
    expect(findings[0]?.excerpt).toContain('last four digits');
    expect(answerProblems(a).map((p) => p.field)).toContain('authentication.backupMethod');
  });
});

describe('renderStatementText', () => {
  it('numbers the headings, adds the citation and keeps each body', () => {
    const text = renderStatementText(draftStatement(defaultAnswers(), ctx));
    expect(text.startsWith('1. Companies, services and period covered (47 C.F.R. § 64.2009(e))\n\nThis statement accompanies')).toBe(true);
    expect(text).toContain('\n\n12. Passwords and back-up authentication (47 C.F.R. § 64.2010(e))\n\n');
    expect(text).toContain('\n\n22. Conclusion (47 C.F.R. § 64.2009(e))\n\n');
  });

  it('points cross-references at the right section numbers', () => {
    const text = renderStatementText(draftStatement(defaultAnswers(), ctx));
    expect(text).toContain('11. Protection against pretexting; customer authentication');
    expect(text).toContain('13. Notice of account changes');
    expect(text).toContain('procedures described in sections 11 to 13');
    expect(text).toContain('7. Training and discipline');
    expect(text).toContain('the training in section 7');
  });
});

describe('the lint stays quiet on drafted statements', () => {
  const cases: [string, StatementAnswers, StatementContext][] = [
    ['defaults', defaultAnswers(), ctx],
    ['opt-out marketing, 2023 breach rule', optOutCarrier(), { ...ctx, breachRule: '2023' }],
    ['opt-in only, wireless', withMarketing({ own: 'optIn', agents: 'optIn', thirdParties: 'optIn' }), { ...ctx, services: ['wireless'] }],
    ['marketing within existing categories only', withMarketing({}), ctx],
  ];
  it.each(cases)('%s', (_name, answers, c) => {
    expect(lintStatement(renderStatementText(draftStatement(answers, c)), lintCtx(c))).toEqual([]);
  });

  it('for any combination of answers and context', () => {
    const choice = fc.constantFrom('none' as const, 'optOut' as const, 'optIn' as const);
    fc.assert(
      fc.property(
        fc.record({
          marketing: fc.record({ usesCpni: fc.boolean(), own: choice, agents: choice, affiliates: choice, thirdParties: fc.constantFrom('none' as const, 'optIn' as const) }),
          electronic: fc.boolean(),
          mail: fc.boolean(),
          oralOneTime: fc.boolean(),
          wait: fc.integer({ min: 30, max: 60 }),
          refresh: fc.boolean(),
          retention: fc.integer({ min: 1, max: 5 }),
          annual: fc.boolean(),
          calls: fc.record({ password: fc.boolean(), callBack: fc.boolean(), mailToAddressOfRecord: fc.boolean() }),
          online: fc.boolean(),
          retail: fc.boolean(),
          change: fc.record({ voicemailOrText: fc.boolean(), mail: fc.boolean() }),
          business: fc.boolean(),
          simDate: fc.constantFrom('', '2026-07-15'),
          vendors: fc.boolean(),
          contact: fc.boolean(),
          inCompliance: fc.boolean(),
          services: fc.subarray([...SERVICES], { minLength: 1 }),
          breachRule: fc.constantFrom('2007' as const, '2023' as const),
          brokerActions: fc.boolean(),
          complaints: fc.nat({ max: 3 }),
          filingYear: fc.integer({ min: 2018, max: 2040 }),
        }),
        (x) => {
          const a = defaultAnswers();
          a.marketing = x.marketing;
          a.notices = { electronic: x.electronic, mail: x.mail, oralOneTime: x.oralOneTime, optOutWaitDays: x.wait, refreshEveryTwoYears: x.refresh };
          a.approvalRecordsRetentionYears = x.retention;
          a.campaignRecords.retentionYears = x.retention;
          a.supervisoryReview.retentionYears = x.retention;
          a.training.annualAsPractice = x.annual;
          a.authentication.calls = x.calls;
          a.authentication.online = { offered: x.online, initialAuthentication: 'with a one-time code sent to the telephone number of record' };
          a.authentication.retailStores = x.retail;
          a.accountChangeNotices = { ...a.accountChangeNotices, ...x.change };
          a.businessCustomers.contractAuthentication = x.business;
          a.cmrs.complianceDate = x.simDate;
          a.vendors = { hasAccess: x.vendors, description: 'A billing vendor prints and mails the Company\'s bills.' };
          if (x.contact) a.contact = { name: 'Lee Park', title: 'Compliance Manager', email: 'lee@example.com', phone: '(202) 555-0100' };
          a.conclusion = x.inCompliance
            ? { inCompliance: true, explanation: '' }
            : { inCompliance: false, explanation: 'the two-year notice due in October was sent three weeks late; a calendar reminder now tracks it' };
          const c: StatementContext = {
            ...ctx,
            services: x.services,
            breachRule: x.breachRule,
            filingYear: x.filingYear,
            coveredYear: x.filingYear - 1,
            dataBrokerActions: x.brokerActions ? ['The Company filed a petition at the state commission against a data broker that sold call records'] : [],
            complaints: { counts: { ...none, unauthorizedDisclosure: x.complaints }, summaries: x.complaints ? ['Each complaint was investigated and closed.'] : [] },
          };
          const text = renderStatementText(draftStatement(a, c));
          expect(lintStatement(text, { ...lintCtx(c), dueDate: `${x.filingYear}-03-01` })).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('answerProblems', () => {
  it('has none for the defaults', () => {
    expect(answerProblems(defaultAnswers())).toEqual([]);
  });

  it('names each gap an opt-out carrier can have, and the conclusion that ignores them', () => {
    const a = optOutCarrier();
    a.notices = { ...a.notices, optOutWaitDays: 20, refreshEveryTwoYears: false, mail: false, electronic: false };
    a.accountChangeNotices = { ...a.accountChangeNotices, voicemailOrText: false, mail: false };
    expect(answerProblems(a).map((p) => p.field)).toEqual([
      'notices.optOutWaitDays',
      'notices.refreshEveryTwoYears',
      'notices.mail',
      'accountChangeNotices.mail',
      'conclusion.inCompliance',
    ]);
  });

  it('asks for the explanation when the carrier is not in compliance', () => {
    const a = defaultAnswers();
    a.conclusion.inCompliance = false;
    expect(answerProblems(a).map((p) => p.field)).toEqual(['conclusion.explanation']);
  });
});

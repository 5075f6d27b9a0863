// @vitest-environment node
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  STATEMENT_SECTION_IDS,
  answerProblems,
  draftStatement,
  renderStatementText,
  type StatementContext,
  type StatementSection,
  type StatementSectionId,
} from '../../src/domain/statement';
import { SAMPLE_ANSWERS, emptyAnswers, marketsWithCpni, seeksApproval, usesOptOut, type StatementAnswers } from '../../src/domain/statement-answers';
import { answerSets, answersFrom } from '../fixtures/answer-sets';
import { lintStatement, type LintContext } from '../../src/domain/statement-lint';
import { citationProblems } from '../../src/domain/citations';

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
  dueDate: `${c.filingYear}-03-01`,
  breachRule: c.breachRule,
  frns: ['0012345678'],
  filerIds: c.companies.map((x) => x.filerId),
});

function section(sections: StatementSection[], id: StatementSectionId): StatementSection {
  const s = sections.find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id}`);
  return s;
}

function answers(change: (a: StatementAnswers) => void = () => {}): StatementAnswers {
  const a = structuredClone(SAMPLE_ANSWERS);
  change(a);
  return a;
}

const optOutCarrier = () =>
  answers((a) => {
    a.marketing = { withinCategories: true, own: 'optOut', agents: 'optOut', affiliates: 'optIn', thirdParties: 'optIn' };
    a.notices = { method: 'both', optOutWaitDays: 30, refreshEveryTwoYears: true, oralOneTime: true };
  });

/** A carrier that markets only within the categories of service its customers already buy. */
const withinCategoriesCarrier = () => answers((a) => (a.marketing.withinCategories = true));

const text = (a: StatementAnswers, c: StatementContext = ctx) => renderStatementText(draftStatement(a, c));

describe('draftStatement', () => {
  it('drafts the sections in numbered order, each citing a rule that exists (the contact, which no rule requires, cites none)', () => {
    const sections = draftStatement(answers(), ctx);
    expect(sections.map((s) => s.id)).toEqual(STATEMENT_SECTION_IDS.filter((id) => id !== 'cmrs'));
    for (const s of sections) {
      expect(s.heading).not.toBe('');
      expect(s.body).not.toBe('');
      if (s.id === 'contact') expect(s.citation).toBe('');
      else expect(s.citation).not.toBe('');
      expect(citationProblems(`${s.citation} ${s.body}`)).toEqual([]);
    }
  });

  it('names the companies with their Filer IDs, the docket and the covered year', () => {
    const scope = section(draftStatement(answers(), ctx), 'scope').body;
    expect(scope).toContain('Desk Telephone Co. (Form 499 Filer ID 812345)');
    expect(scope).toContain('Desk Wireless LLC (Form 499 Filer ID 812346)');
    expect(scope).toContain('EB Docket No. 06-36');
    expect(scope).toContain('filed in 2026 and covers calendar year 2025');
    expect(scope).toContain('interconnected VoIP');
  });

  describe('a carrier that does not use CPNI for marketing', () => {
    const sections = draftStatement(answers(), ctx);

    it('says so once, and says why approval, notices, review and the opt-out letter do not apply', () => {
      expect(section(sections, 'use').body).toContain('The Company does not use CPNI for marketing');
      expect(section(sections, 'use').body).not.toMatch(/to market offerings|within the categories/);
      expect(section(sections, 'approval').body).toBe('Because the Company does not use CPNI for marketing, it does not seek customer approval under § 64.2007.');
      expect(section(sections, 'notices').body).toContain('sends no CPNI notices');
      expect(section(sections, 'opt-out-failure').body).toContain('does not use opt-out approval');
      expect(section(sections, 'supervisory-review').body).toContain('does not use CPNI for outbound marketing');
      expect(section(sections, 'campaign-records').body).toContain('runs no sales or marketing campaigns that use its customers\' CPNI');
    });

    it('still names the system that shows approval status and keeps the third-party disclosure log', () => {
      expect(section(sections, 'approval-system').body).toContain('"CPNI approval" field');
      expect(section(sections, 'campaign-records').body).toContain('disclosed or provided to a third party');
      expect(section(sections, 'campaign-records').body).toContain('at least one year');
    });
  });

  describe('a carrier that markets only within the categories of service its customers already buy', () => {
    const sections = draftStatement(withinCategoriesCarrier(), ctx);
    const all = renderStatementText(sections);

    it('says it uses CPNI for that marketing, needing no approval, and never that it does not use CPNI for marketing', () => {
      expect(section(sections, 'use').body).toContain('It uses CPNI, without customer approval, to market service offerings within the categories of service');
      expect(section(sections, 'use').body).toContain('§ 64.2005(a)');
      expect(section(sections, 'use').body).toContain('It does not use or disclose CPNI for any marketing that requires customer approval.');
      expect(all).not.toMatch(/does not use CPNI for marketing/);
      expect(section(sections, 'approval').body).toContain('uses CPNI for marketing only within the categories of service a customer already buys, which requires no approval');
    });

    it('records every campaign that uses CPNI under § 64.2009(c), though none needed approval', () => {
      const body = section(sections, 'campaign-records').body;
      expect(body).toContain('each sales and marketing campaign, its own and its affiliates\', that uses its customers\' CPNI, whether or not the campaign needed customer approval');
      expect(body).toContain('the specific CPNI used, and the products and services offered');
      expect(all).not.toMatch(/ran no sales or marketing campaigns|runs no sales or marketing campaigns/);
    });

    it('reviews its outbound marketing without claiming requests for approval', () => {
      const body = section(sections, 'supervisory-review').body;
      expect(body).toContain('The compliance officer reviews each outbound marketing campaign that uses CPNI');
      expect(body).toContain('its sales personnel make no outbound requests for approval');
    });
  });

  describe('a carrier that markets with opt-out approval', () => {
    const sections = draftStatement(optOutCarrier(), ctx);

    it('states the approval for each recipient, and opt-in for third parties', () => {
      const body = section(sections, 'approval').body;
      expect(body).toContain('For its own marketing of communications-related services outside the categories of service a customer already buys, the Company uses CPNI only with the customer\'s opt-out approval.');
      expect(body).toContain('to its agents, for marketing communications-related services, only with the customer\'s opt-out approval');
      expect(body).toContain('affiliates that provide communications-related services, for marketing those services, only with the customer\'s opt-in approval');
      expect(body).toContain('joint venture partners, independent contractors and other third parties for marketing only with the customer\'s opt-in approval');
    });

    it('says the notice states the waiting period: 30 days, from the third day after mailing; two-year renewal; e-mail conditions; one-time oral use', () => {
      const body = section(sections, 'notices').body;
      expect(body).toContain('Each opt-out notice tells the customer that the Company waits 30 days for a response before it assumes approval (§ 64.2008(d)(1)).');
      expect(body).toContain('only after those 30 days have passed, counted from the day an e-mailed notice was sent, or from the third day after a notice was mailed');
      expect(body).toContain('Every two years');
      expect(body).toContain('§ 64.2008(d)(3)');
      expect(body).toContain('one-time use of CPNI during a single inbound or outbound call');
    });

    it('counts a mailed notice only from the third day after mailing, and leaves out the e-mail conditions', () => {
      const body = section(draftStatement(answers((a) => ((a.marketing.own = 'optOut'), (a.notices.method = 'mail'))), ctx), 'notices').body;
      expect(body).toContain('counted from the third day after the notice was mailed');
      expect(body).not.toContain('§ 64.2008(d)(3)');
    });

    it('describes the five-business-day letter to the FCC with every element, about opt-out only', () => {
      const body = section(sections, 'opt-out-failure').body;
      expect(body).toContain('within five business days');
      expect(body).not.toMatch(/opt-in/i);
      for (const element of ['name', 'opt-out mechanisms used', 'problems experienced', 'remedy proposed', 'state commissions', 'copy of the notice sent to customers', 'contact information'])
        expect(body).toContain(element);
    });

    it('requires supervisory approval of outbound requests and keeps the records', () => {
      const body = section(sections, 'supervisory-review').body;
      expect(body).toContain('must obtain the approval of the compliance officer before making any outbound marketing request');
      expect(body).toContain('kept for at least one year');
    });
  });

  it('describes a carrier that markets only with opt-in approval without the opt-out machinery', () => {
    const sections = draftStatement(answers((a) => ((a.marketing.own = 'optIn'), (a.marketing.thirdParties = 'optIn'))), ctx);
    expect(section(sections, 'notices').body).toContain('does not use opt-out approval');
    expect(section(sections, 'notices').body).toContain('(§ 64.2008(e))');
    expect(section(sections, 'opt-out-failure').body).toContain('does not use opt-out approval');
  });

  it('covers authentication on calls, online and in person, or says why a channel does not apply', () => {
    const plain = section(draftStatement(answers((a) => (a.authentication.inPerson = false)), ctx), 'authentication').body;
    expect(plain).toContain('gives the account password');
    expect(plain).toContain('call back the telephone number of record or mail the information to the address of record');
    expect(plain).toContain('does not offer customers online access to CPNI, so § 64.2010(c) does not apply');
    expect(plain).toContain('does not disclose CPNI to customers in person');

    const full = section(
      draftStatement(
        answers((a) => {
          a.authentication.online = true;
          a.authentication.onlineFirstAuthentication = 'With a one-time code sent by text message to the telephone number of record.';
        }),
        ctx,
      ),
      'authentication',
    ).body;
    expect(full).toContain('authenticates the customer with a one-time code sent by text message to the telephone number of record, without using');
    expect(full).toContain('valid, unexpired, government-issued photo ID');
  });

  it('says how the customer is authenticated before choosing a password, and that the back-up method asks for nothing biographical', () => {
    const body = section(draftStatement(answers(), ctx), 'passwords').body;
    expect(body).toContain(
      'Before a customer establishes a password, the Company authenticates the customer in person with a valid government-issued photo ID, or by calling the customer back at the telephone number of record, without using readily available biographical information or account information.',
    );
    expect(body).toContain('The back-up method never prompts the customer for readily available biographical information or account information.');
    const noBackup = section(draftStatement(answers((a) => (a.passwords.backupOffered = false)), ctx), 'passwords').body;
    expect(noBackup).toContain('The Company offers no back-up method of authentication');
    expect(noBackup).not.toContain('back-up answer');
  });

  it('keeps the capitals of a name placed mid-sentence, and lowers a leading "The" or "With"', () => {
    const sections = draftStatement(
      answers((a) => {
        a.marketing.own = 'optOut';
        a.supervisoryReview.reviewer = 'Dana Whitfield, General Manager';
        a.optOutFailure.owner = 'The compliance officer';
      }),
      ctx,
    );
    expect(section(sections, 'supervisory-review').body).toContain('must obtain the approval of Dana Whitfield, General Manager before making');
    expect(section(sections, 'opt-out-failure').body).toContain('more than an anomaly, the compliance officer sends a written notice');
  });

  it('states both conditions of the business-customer exemption when it is used', () => {
    const body = section(draftStatement(answers((a) => (a.businessCustomers.contractAuthentication = true)), ctx), 'business-customers').body;
    expect(body).toContain('both a dedicated account representative and a contract that specifically addresses');
  });

  it('says account-change notices go immediately to the number or address of record, never the new one', () => {
    const body = section(draftStatement(answers(), ctx), 'account-changes').body;
    expect(body).toContain('immediately');
    for (const item of ['password', 'back-up means of authentication', 'address of record']) expect(body).toContain(item);
    expect(body).not.toContain('online account');
    expect(section(draftStatement(answers((a) => ((a.authentication.online = true), (a.authentication.onlineFirstAuthentication = 'by mail'))), ctx), 'account-changes').body).toContain('an online account');
    expect(body).toContain('never sent to the new address');
  });

  it('gives training one schedule, from the answer, with no note about what the rules require', () => {
    const body = section(draftStatement(answers((a) => (a.training.schedule = 'when hired and once a year after that.')), ctx), 'training').body;
    expect(body).toContain('They are trained in person from the Company\'s written CPNI procedures manual, when hired and once a year after that.');
    expect(body).not.toMatch(/frequency|practice|rules require/i);
    expect(body).toContain('express disciplinary process');
  });

  it('states data-broker actions and complaint counts, "none" included', () => {
    const sections = draftStatement(answers(), ctx);
    expect(section(sections, 'data-brokers').body).toContain('took no actions against data brokers');
    expect(section(sections, 'complaints').body).toContain('received no customer complaints');
    const busy = draftStatement(answers(), {
      ...ctx,
      dataBrokerActions: ['On June 3, 2025 the Company filed a petition with the state commission against a data broker'],
      complaints: { counts: { ...none, employeeAccess: 2, onlineAccess: 1 }, summaries: ['two employees looked up accounts without a reason', 'One customer\'s online account was opened by a relative.'] },
    });
    expect(section(busy, 'data-brokers').body).toContain('(1) On June 3, 2025 the Company filed a petition');
    const complaints = section(busy, 'complaints').body;
    expect(complaints).toContain('received 3 customer complaints');
    expect(complaints).toContain('improper access by employees: 2');
    expect(complaints).toContain('In summary: (1) Two employees looked up accounts without a reason. (2) One customer\'s online account was opened by a relative.');
    const countsOnly = section(draftStatement(answers(), { ...ctx, complaints: { counts: { ...none, employeeAccess: 1 }, summaries: [] } }), 'complaints').body;
    expect(countsOnly).toBe('In calendar year 2025, the Company received 1 customer complaint about the unauthorized release of CPNI. By category: improper access by employees: 1; improper disclosure to individuals not authorized to receive the information: 0; improper access to online information by individuals not authorized to view the information: 0.');
  });

  it('leaves placeholders, not guesses, when the records are not given', () => {
    const findings = lintStatement(text(answers(), { ...ctx, dataBrokerActions: undefined, complaints: undefined }), lintCtx(ctx));
    expect(findings.map((f) => f.id)).toEqual(['placeholder', 'placeholder']);
  });

  it('drafts a placeholder naming the questionnaire topic for every section whose topic is unanswered', () => {
    const sections = draftStatement(emptyAnswers().values, ctx);
    expect(section(sections, 'training').body).toBe('[To complete: answer “Training and discipline” in the questionnaire.]');
    expect(section(sections, 'approval-system').body).toBe('[To complete: answer “Use of CPNI for marketing” and “System that shows approval status” in the questionnaire.]');
    expect(section(sections, 'scope').body).not.toContain('[To complete');
    const findings = lintStatement(renderStatementText(sections), lintCtx(ctx));
    expect(findings.filter((f) => f.id === 'placeholder').length).toBe(sections.filter((s) => s.body.startsWith('[To complete: answer')).length);
    // A partly answered topic is still a placeholder: no sentence is drafted from half the answers.
    const half = { ...emptyAnswers().values, training: { who: 'Everyone' } };
    expect(section(draftStatement(half, ctx), 'training').body).toContain('[To complete');
  });

  it('concludes "is in compliance", or explains why not', () => {
    expect(section(draftStatement(answers(), ctx), 'conclusion').body).toContain('ensure that the Company is in compliance');
    const body = section(
      draftStatement(answers((a) => (a.conclusion = { inCompliance: false, explanation: 'the two-year opt-out notice due in October 2025 was sent in January 2026' })), ctx),
      'conclusion',
    ).body;
    expect(body).toContain('The Company is not in compliance');
    expect(body).toContain('The two-year opt-out notice due in October 2025 was sent in January 2026.');
    expect(body).not.toMatch(/substantial/i);
  });

  it('carries a biographical back-up question through to the lint and the questionnaire', () => {
    const a = answers((x) => (x.passwords.backupMethod = "the representative asks for the last four digits of the customer's SSN"));
    const findings = lintStatement(text(a), lintCtx(ctx));
    expect(findings.map((f) => [f.id, f.severity])).toEqual([['biographical-prompt', 'error']]);
    expect(findings[0]?.excerpt).toContain('last four digits');
    expect(answerProblems(a).map((p) => p.field)).toEqual(['passwords.backupMethod', 'conclusion.inCompliance']);
  });
});

describe('rules of the covered year', () => {
  const wireless: StatementContext = { ...ctx, services: ['wireless'] };

  it('describes the 2007 breach rule without any note on the 2023 amendments', () => {
    const body = section(draftStatement(answers(), ctx), 'breach').body;
    expect(body).toContain('United States Secret Service and the Federal Bureau of Investigation');
    expect(body).toContain('seven full business days');
    expect(body).not.toMatch(/no later than 30 days|23-111|2023|taken effect|amendment/);
  });

  it('describes the 2023 breach rule when it is in force', () => {
    const body = section(draftStatement(answers(), { ...ctx, breachRule: '2023' }), 'breach').body;
    expect(body).toContain('the FCC, the United States Secret Service and the Federal Bureau of Investigation');
    expect(body).toContain('no later than 30 days');
    expect(body).not.toContain('full business days');
  });

  it('has a SIM-change section only for a wireless carrier, once a § 64.2010(h) compliance date falls in or before the covered year', () => {
    const ids = (c: StatementContext) => draftStatement(answers(), c).map((s) => s.id);
    expect(ids(wireless)).not.toContain('cmrs');
    expect(text(answers(), wireless)).not.toMatch(/64\.2010\(h\)|SIM/);
    expect(ids({ ...wireless, simChangeComplianceDate: '2026-07-15' })).not.toContain('cmrs');
    expect(ids({ ...ctx, simChangeComplianceDate: '2025-01-15' })).not.toContain('cmrs');
    const inForce = draftStatement(answers(), { ...wireless, simChangeComplianceDate: '2025-01-01' });
    expect(section(inForce, 'cmrs').body).toMatch(/^As a provider of commercial mobile radio service, the Company handles SIM change requests as follows\. Before a SIM change/);
    expect(section(draftStatement(answers(), { ...wireless, simChangeComplianceDate: '2025-07-15' }), 'cmrs').body).toContain('Since July 15, 2025, as a provider');
  });

  it('numbers the sections after the SIM-change section one higher, cross-references included', () => {
    const t = text(answers(), { ...wireless, simChangeComplianceDate: '2025-01-01' });
    expect(t).toContain('\n\n15. SIM changes (wireless service) (47 C.F.R. § 64.2010(h))\n\n');
    expect(t).toContain('\n\n22. Conclusion');
    expect(text(answers())).toContain('\n\n21. Conclusion');
  });
});

describe('renderStatementText', () => {
  it('numbers the headings, adds the citation and keeps each body', () => {
    const t = text(answers());
    expect(t.startsWith('1. Companies, services and period covered (47 C.F.R. § 64.2009(e))\n\nThis statement accompanies')).toBe(true);
    expect(t).toContain('\n\n12. Passwords and back-up authentication (47 C.F.R. § 64.2010(e))\n\n');
    expect(t).toContain('\n\n20. Compliance contact\n\n');
    expect(t).toContain('\n\n21. Conclusion (47 C.F.R. § 64.2009(e))\n\n');
  });

  it('points cross-references at the right section numbers', () => {
    const t = text(answers());
    expect(t).toContain('11. Protection against pretexting; customer authentication');
    expect(t).toContain('13. Notice of account changes');
    expect(t).toContain('procedures described in sections 11 to 13');
    expect(t).toContain('7. Training and discipline');
    expect(t).toContain('the training in section 7');
  });
});

// ---- every statement the questionnaire can draft ------------------------------------------------

/** Phrases that claim one side of a yes/no fact, and those that claim the other. */
const CLAIMS = {
  marketing: {
    yes: [/\bIt uses CPNI, without customer approval, to market\b/, /\bfor (?:any other )?marketing only with the customer approvals\b/, /\beach sales and marketing campaign\b/, /\breviews each outbound marketing campaign\b/],
    no: [/\bdoes not use CPNI for (?:outbound )?marketing\b/, /\bruns? no sales or marketing campaigns\b/, /\bran no sales or marketing campaigns\b/],
  },
  optOut: {
    yes: [/\bwith the customer's opt-out approval\b/, /\bEach opt-out notice\b/, /\bopt-out mechanisms do not work properly\b/, /\bwhose approval rests on opt-out\b/],
    no: [/\bdoes not (?:use|rely on) opt-out approval\b/],
  },
  online: {
    yes: [/\bBefore giving a customer online access to CPNI\b/, /\bthrough online account access\b/, /\ban online account\b/],
    no: [/\bdoes not offer customers online access\b/],
  },
  inPerson: {
    yes: [/\bgovernment-issued photo ID that matches\b/, /\bdisclosing CPNI [^.]*\bin person\b/],
    no: [/\bdoes not disclose CPNI to customers in person\b/],
  },
} as const;

function claims(t: string, fact: keyof typeof CLAIMS): { yes: boolean; no: boolean } {
  return { yes: CLAIMS[fact].yes.some((re) => re.test(t)), no: CLAIMS[fact].no.some((re) => re.test(t)) };
}

/** What the filing must never say about itself or the law's status. */
const TOOL_NOTES = /not a rule requirement|matter of practice|set(?:s)? no frequency|ha(?:s|ve) not (?:yet )?taken effect|not yet (?:announced|in effect|effective)|compliance date (?:is )?pending|could not (?:be )?verif|unverified|FCC 23-111|CPNI Desk/i;

describe('every statement the questionnaire can draft', () => {
  it('states each fact the way the answers give it, never both ways, with no tool notes, and the lint finds nothing', () => {
    fc.assert(
      fc.property(
        answerSets,
        fc.integer({ min: 2008, max: 2030 }),
        fc.subarray(['wireline', 'interconnectedVoip', 'wireless'] as const, { minLength: 1 }),
        fc.constantFrom('2007' as const, '2023' as const),
        fc.constantFrom('', '2024-07-15', '2026-01-01', '2029-06-30'),
        fc.boolean(),
        fc.nat({ max: 3 }),
        (x, coveredYear, services, breachRule, simDate, brokerActions, complaintCount) => {
          const a = answersFrom(x);
          const c: StatementContext = {
            ...ctx,
            services: [...services],
            breachRule,
            simChangeComplianceDate: simDate,
            filingYear: coveredYear + 1,
            coveredYear,
            dataBrokerActions: brokerActions ? ['The Company filed a petition at the state commission against a data broker that sold call records'] : [],
            complaints: { counts: { ...none, unauthorizedDisclosure: complaintCount }, summaries: complaintCount ? ['Each complaint was investigated and closed.'] : [] },
          };
          const t = text(a, c);
          const expected = {
            marketing: marketsWithCpni(a.marketing),
            optOut: usesOptOut(a.marketing),
            online: a.authentication.online,
            inPerson: a.authentication.inPerson,
          };
          for (const fact of Object.keys(expected) as (keyof typeof expected)[]) {
            const said = claims(t, fact);
            expect({ fact, ...said }).toEqual({ fact, yes: expected[fact], no: !expected[fact] });
          }
          if (!seeksApproval(a.marketing)) expect(t).not.toMatch(/with the customer's opt-(?:in|out) approval/);
          expect(t).not.toMatch(TOOL_NOTES);
          expect(lintStatement(t, lintCtx(c))).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);
});

describe('answerProblems', () => {
  it('has none for the sample answers', () => {
    expect(answerProblems(answers())).toEqual([]);
  });

  it('names each gap an opt-out carrier can have, and the conclusion that ignores them', () => {
    const a = optOutCarrier();
    a.notices = { ...a.notices, optOutWaitDays: 20, refreshEveryTwoYears: false };
    a.campaignRecords.retentionYears = 0;
    expect(answerProblems(a).map((p) => p.field)).toEqual(['notices.optOutWaitDays', 'notices.refreshEveryTwoYears', 'campaignRecords.retentionYears', 'conclusion.inCompliance']);
  });

  it('asks nothing of answers not given yet', () => {
    expect(answerProblems(emptyAnswers().values)).toEqual([]);
  });
});

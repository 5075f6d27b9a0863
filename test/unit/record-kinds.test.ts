// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { RECORD_FIELD_SCHEMAS, RECORD_KINDS, type ComplianceRecord, type RecordKind } from '../../src/domain/records';
import { validate, type Validated } from '../../src/domain/schema';
import { RECORD_KIND_META, summarize } from '../../src/features/records/record-kinds';
import { draftFromRecord, emptyRecordDraft, inputFromDraft, type RecordDraft } from '../../src/features/records/record-draft';

/** What the user sees after pressing Save with this draft. */
function check(kind: RecordKind, changes: RecordDraft = {}): Validated<Record<string, unknown>> {
  return validate(RECORD_FIELD_SCHEMAS[kind], inputFromDraft(kind, { ...emptyRecordDraft(kind), ...changes }));
}
const errorsOf = (kind: RecordKind, changes: RecordDraft = {}) => {
  const r = check(kind, changes);
  return r.ok ? {} : r.errors;
};

const VALID: Record<RecordKind, RecordDraft> = {
  breach: { discoveredOn: '2026-03-01', determinedOn: '2026-03-02', cpniInvolved: 'Call detail records of 40 accounts' },
  campaign: {
    name: 'Spring fiber upgrade',
    description: 'Letters to DSL customers',
    startedOn: '2026-04-01',
    cpniUsed: 'Service type and plan',
    productsOffered: 'Fiber internet',
    approvalBasis: 'optOut',
  },
  disclosure: { recipient: 'Acme Billing LLC', what: 'Billing records', disclosedOn: '2026-05-05', basis: 'legalProcess' },
  approval: { accountRef: '100234', approvalType: 'optOut', medium: 'written', status: 'granted', decidedOn: '2026-01-15' },
  notice: { sentOn: '2026-01-05', method: 'mail', audienceSize: '1200' },
  supervisoryReview: { request: 'Outbound calls offering voicemail', reviewer: 'J. Ortiz', decision: 'approved', reviewedOn: '2026-02-02' },
  training: { heldOn: '2026-02-10', topic: 'CPNI basics and the disciplinary process' },
  complaint: { receivedOn: '2026-06-01', category: 'employeeAccess', summary: 'Employee looked up a neighbour’s calls' },
  dataBrokerAction: { actionOn: '2026-07-07', forum: 'court', actionKind: 'petition', description: 'Petition against a data broker' },
  pretexting: { occurredOn: '2026-08-08', channel: 'phone', method: 'Caller posed as the account holder' },
  optOutFailure: { learnedOn: '2026-09-09', mechanism: 'Web opt-out form', problem: 'Form submissions were not saved' },
};

describe('record kinds: presentation table', () => {
  it('describes every field of every schema, and no field the schema lacks', () => {
    for (const kind of RECORD_KINDS) {
      const schemaFields = Object.keys(RECORD_FIELD_SCHEMAS[kind].entries).sort();
      const formFields = RECORD_KIND_META[kind].fields.map((f) => f.name).sort();
      expect(formFields, kind).toEqual(schemaFields);
    }
  });

  it('gives every kind a description that cites its rule', () => {
    const cites: Record<RecordKind, string> = {
      breach: '§ 64.2011',
      campaign: '§ 64.2009(c)',
      disclosure: '§ 64.2009(c)',
      approval: '§ 64.2007',
      notice: '§ 64.2008',
      supervisoryReview: '§ 64.2009(d)',
      training: '§ 64.2009(b)',
      complaint: '§ 64.2009(e)',
      dataBrokerAction: '§ 64.2009(e)',
      pretexting: '§ 64.2010(a)',
      optOutFailure: '§ 64.2009(f)',
    };
    for (const kind of RECORD_KINDS) expect(RECORD_KIND_META[kind].description, kind).toContain(cites[kind]);
  });

  it('offers only choices the schema accepts, each with words rather than the stored value', () => {
    for (const kind of RECORD_KINDS) {
      for (const f of RECORD_KIND_META[kind].fields) {
        if (f.control !== 'select' || f.linksTo) continue;
        expect(f.options?.length, `${kind}.${f.name}`).toBeGreaterThan(0);
        for (const o of f.options ?? []) {
          expect(check(kind, { ...VALID[kind], [f.name]: o.value }).ok, `${kind}.${f.name}=${o.value}`).toBe(true);
          expect(o.label).not.toBe('');
        }
      }
    }
  });
});

describe('record kinds: validation as the user sees it', () => {
  it('accepts a filled-in record of every kind', () => {
    for (const kind of RECORD_KINDS) expect(check(kind, VALID[kind]), kind).toMatchObject({ ok: true });
  });

  it('names every required field of an empty form', () => {
    expect(errorsOf('breach')).toEqual({
      discoveredOn: 'Discovered on is required.',
      determinedOn: 'Reasonably determined on is required.',
      cpniInvolved: 'What CPNI was involved is required.',
    });
    expect(errorsOf('campaign')).toEqual({
      name: 'Campaign name is required.',
      description: 'Description is required.',
      startedOn: 'Start date is required.',
      cpniUsed: 'The specific CPNI used is required.',
      productsOffered: 'Products and services offered is required.',
      approvalBasis: 'Choose the approval basis.',
    });
    expect(errorsOf('disclosure')).toEqual({
      recipient: 'Recipient is required.',
      what: 'What CPNI was disclosed or accessed is required.',
      disclosedOn: 'Date is required.',
      basis: 'Choose the basis for the disclosure.',
    });
    expect(errorsOf('approval')).toEqual({
      accountRef: 'Customer account reference is required.',
      approvalType: 'Approval type must be opt-in or opt-out.',
      medium: 'Medium must be oral, written or electronic.',
      status: 'Status must be granted, denied or revoked.',
      decidedOn: 'Date is required.',
    });
    expect(errorsOf('notice')).toEqual({ sentOn: 'Sent on is required.', method: 'Method must be electronic or mail.' });
    expect(errorsOf('supervisoryReview')).toEqual({
      request: 'The marketing request is required.',
      reviewer: 'Reviewer is required.',
      decision: 'Choose a decision.',
      reviewedOn: 'Review date is required.',
    });
    expect(errorsOf('training')).toEqual({ heldOn: 'Training date is required.', topic: 'Topic is required.' });
    expect(errorsOf('complaint')).toEqual({
      receivedOn: 'Received on is required.',
      category: 'Choose a category.',
      summary: 'Summary is required.',
    });
    expect(errorsOf('dataBrokerAction')).toEqual({
      actionOn: 'Date is required.',
      forum: 'Choose the forum.',
      actionKind: 'Choose proceeding instituted or petition filed.',
      description: 'Description is required.',
    });
    expect(errorsOf('pretexting')).toEqual({ occurredOn: 'Date is required.', channel: 'Choose the channel.', method: 'Method is required.' });
    expect(errorsOf('optOutFailure')).toEqual({
      learnedOn: 'Learned on is required.',
      mechanism: 'Opt-out mechanism is required.',
      problem: 'The problem is required.',
    });
  });

  it('marks exactly the fields the schema requires as required on the form', () => {
    for (const kind of RECORD_KINDS) {
      const required = RECORD_KIND_META[kind].fields.filter((f) => f.required).map((f) => f.name).sort();
      expect(Object.keys(errorsOf(kind)).sort(), kind).toEqual(required);
    }
  });

  it('treats whitespace as empty in required text', () => {
    expect(errorsOf('training', { ...VALID.training, topic: '   ' })).toEqual({ topic: 'Topic is required.' });
  });

  it('refuses dates that do not exist, in required and optional date fields', () => {
    expect(errorsOf('breach', { ...VALID.breach, determinedOn: '2026-02-30' })).toEqual({
      determinedOn: 'Reasonably determined on is not a real date on the calendar.',
    });
    expect(errorsOf('breach', { ...VALID.breach, agenciesNotifiedOn: '3/4/2026' })).toEqual({
      agenciesNotifiedOn: 'Agencies notified on must be a date (YYYY-MM-DD).',
    });
    expect(errorsOf('campaign', { ...VALID.campaign, endedOn: '2026-13-01' })).toEqual({ endedOn: 'End date is not a real date on the calendar.' });
    expect(errorsOf('optOutFailure', { ...VALID.optOutFailure, letterSentOn: 'soon' })).toEqual({
      letterSentOn: 'Letter sent on must be a date (YYYY-MM-DD).',
    });
  });

  it('takes counts as whole, non-negative numbers and keeps empty counts empty', () => {
    expect(errorsOf('breach', { ...VALID.breach, customersAffected: '-3' })).toEqual({ customersAffected: 'Customers affected cannot be negative.' });
    expect(errorsOf('breach', { ...VALID.breach, customersAffected: '2.5' })).toEqual({ customersAffected: 'Customers affected must be a whole number.' });
    expect(errorsOf('notice', { ...VALID.notice, audienceSize: 'about 300' })).toEqual({ audienceSize: 'Audience size must be a whole number.' });
    const written = check('notice', { ...VALID.notice, audienceSize: '1,200' });
    expect(written.ok && written.value.audienceSize).toBe(1200);
    const none = check('breach', { ...VALID.breach, customersAffected: '' });
    expect(none.ok && none.value.customersAffected).toBe('');
  });

  it('refuses values outside a picklist with the choices in words', () => {
    expect(errorsOf('approval', { ...VALID.approval, medium: 'fax' })).toEqual({ medium: 'Medium must be oral, written or electronic.' });
    expect(errorsOf('approval', { ...VALID.approval, status: 'pending' })).toEqual({ status: 'Status must be granted, denied or revoked.' });
    expect(errorsOf('notice', { ...VALID.notice, method: 'oral' })).toEqual({ method: 'Method must be electronic or mail.' });
    expect(errorsOf('complaint', { ...VALID.complaint, category: 'billing' })).toEqual({ category: 'Choose a category.' });
  });

  it('limits account references to 64 characters', () => {
    expect(errorsOf('approval', { ...VALID.approval, accountRef: '9'.repeat(65) })).toEqual({ accountRef: 'Account reference is at most 64 characters.' });
  });

  it('checks and keeps the urgent-harm and delay details only while their box is ticked', () => {
    const details = { urgentHarmAgency: 'FBI', urgentHarmConsultedOn: 'not a date', delayAgency: 'USSS', delayUntil: '2026-04-31' };
    const unticked = check('breach', { ...VALID.breach, ...details });
    expect(unticked.ok).toBe(true);
    expect(unticked.ok && [unticked.value.urgentHarmAgency, unticked.value.delayUntil]).toEqual(['', '']);

    expect(errorsOf('breach', { ...VALID.breach, ...details, urgentHarm: true, lawEnforcementDelay: true })).toEqual({
      urgentHarmConsultedOn: 'Urgent-harm consultation date must be a date (YYYY-MM-DD).',
      delayUntil: 'Delay until is not a real date on the calendar.',
    });
    const ticked = check('breach', { ...VALID.breach, ...details, urgentHarmConsultedOn: '2026-03-03', delayUntil: '2026-04-30', urgentHarm: true, lawEnforcementDelay: true, delayWrittenDirection: true });
    expect(ticked.ok && ticked.value).toMatchObject({ urgentHarm: true, urgentHarmAgency: 'FBI', lawEnforcementDelay: true, delayUntil: '2026-04-30', delayWrittenDirection: true });
  });

  it('asks for the carve-out only when no approval was needed', () => {
    const withApproval = check('campaign', { ...VALID.campaign, carveOut: '§ 64.2005(a)' });
    expect(withApproval.ok && withApproval.value.carveOut).toBe('');
    const carveOut = check('campaign', { ...VALID.campaign, approvalBasis: 'noneNeeded', carveOut: '§ 64.2005(a)' });
    expect(carveOut.ok && carveOut.value.carveOut).toBe('§ 64.2005(a)');
  });
});

describe('record kinds: drafts and summaries', () => {
  const stored = (kind: RecordKind, draft: RecordDraft): ComplianceRecord => {
    const r = check(kind, draft);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return { ...r.value, id: 'r1', clientId: 'c1', kind, createdAt: '', updatedAt: '' } as unknown as ComplianceRecord;
  };

  it('brings a stored record back into the form unchanged', () => {
    for (const kind of RECORD_KINDS) {
      const record = stored(kind, VALID[kind]);
      const again = check(kind, draftFromRecord(kind, record as unknown as Record<string, unknown>));
      expect(again.ok && again.value, kind).toEqual(check(kind, VALID[kind]).ok && (check(kind, VALID[kind]) as { value: unknown }).value);
    }
  });

  it('summarises a record in one line, in words', () => {
    expect(summarize(stored('approval', VALID.approval))).toBe('Account 100234 · Opt-out · written · granted');
    expect(summarize(stored('breach', { ...VALID.breach, customersAffected: '40' }))).toBe('Call detail records of 40 accounts · 40 customers · agencies not yet notified');
    expect(summarize(stored('notice', VALID.notice))).toBe('Mail · 1,200 customers');
    expect(summarize(stored('optOutFailure', { ...VALID.optOutFailure, letterSentOn: '2026-09-14' }))).toBe(
      'Web opt-out form · Form submissions were not saved · letter sent September 14, 2026',
    );
    for (const kind of RECORD_KINDS) {
      const line = summarize(stored(kind, VALID[kind]));
      expect(line, kind).not.toBe('');
      expect(line).not.toContain('\n');
    }
  });
});

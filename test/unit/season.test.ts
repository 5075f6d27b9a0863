// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { newCertification, type Certification } from '../../src/domain/certification-record';
import { parseFiledList } from '../../src/domain/season';
import { planSeason } from '../../src/domain/season-plan';
import type { Client } from '../../src/domain/schema';
import { reviewedAnswers } from '../fixtures/answers';

const client = (id: string, over: Partial<Client> = {}): Client => ({
  id, createdAt: '', updatedAt: '', legalName: `Carrier ${id}`, dbaNames: [], filerId: `84000${id}`, frn: '', address: { street: '', city: '', state: '', zip: '' },
  phone: '', email: '', officers: [{ id: 'o', name: 'Ana Ruiz', title: 'President', isDefaultSignatory: true }], services: ['wireline'], affiliates: [], notes: '', archived: false, ...over,
});
const cert = (c: Client, year: number, over: Partial<Certification> = {}): Certification => ({ ...newCertification(c, year), id: `${c.id}-${year}`, createdAt: '', updatedAt: '', ...over });

describe('planning the season', () => {
  it('skips archived clients and flags a signatory who is no longer an officer', () => {
    const moved = client('1', { officers: [{ id: 'p', name: 'Joe Ruiz', title: 'President', isDefaultSignatory: true }] });
    const last = cert(client('1'), 2026);
    const plan = planSeason([moved, client('2', { archived: true })], [last], 2027);
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({ outcome: 'rolled', fields: { certificationYear: 2027, signatory: { name: 'Ana Ruiz' } } });
    expect(plan[0]!.attention).toContain("Signatory Ana Ruiz is no longer among Carrier 1's officers: check who signs.");
  });

  it('rolls forward an amended filing rather than the filing it amended', () => {
    const c = client('1');
    const original = cert(c, 2026, { signatory: { name: 'Ana Ruiz', title: 'President' }, amendedById: 'amend' });
    const amended = cert(c, 2026, { id: 'amend', amends: { certificationId: original.id, filedOn: '2026-02-20', ecfsConfirmation: '1' }, signatory: { name: 'Ana Ruiz', title: 'Chief Executive Officer' } });
    const [item] = planSeason([c], [original, amended], 2027);
    expect(item!.fields?.rolledFromId).toBe('amend');
    expect(item!.attention).toContain("Signatory's title was “Chief Executive Officer”; the client page now says “President”.");
  });

  it('says how many carried-over answers need this year’s review', () => {
    const c = client('1');
    const [item] = planSeason([c], [cert(c, 2026, { answers: reviewedAnswers('2026-02-01') })], 2027);
    expect(item!.attention[0]).toMatch(/^Questionnaire: \d+ topics answered for 2025, carried over, each to be reviewed for 2026\.$/);
  });
});

describe('a pasted list of filings', () => {
  it('reads tabs, commas or semicolons, US or ISO dates, skips a header, and names each bad line', () => {
    const lines = parseFiledList('Filer ID,Date filed,ECFS\n823456\t2/20/2027\t1022098765432\n823457; 2027-02-21; 1022098765433\nabc,2027-02-21,1\n823458,2027-02-30,1\n823459,2027-02-21\n');
    expect(lines.map((l) => [l.line, l.filerId, l.filedOn, l.ecfsConfirmation, l.error])).toEqual([
      [2, '823456', '2027-02-20', '1022098765432', undefined],
      [3, '823457', '2027-02-21', '1022098765433', undefined],
      [4, 'abc', '2027-02-21', '1', '“abc” is not a Form 499 Filer ID (digits only).'],
      [5, '823458', '2027-02-30', '1', '“2027-02-30” is not a date (use YYYY-MM-DD or M/D/YYYY).'],
      [6, '823459', '2027-02-21', '', 'The ECFS confirmation number is missing.'],
    ]);
  });

  it('reads columns lined up with spaces', () => {
    const [line] = parseFiledList('830011    2027-02-27   20270227123456');
    expect(line).toMatchObject({ filerId: '830011', filedOn: '2027-02-27', ecfsConfirmation: '20270227123456' });
    expect(line!.error).toBeUndefined();
  });
});

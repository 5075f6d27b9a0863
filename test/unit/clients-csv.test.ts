// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { clientsCsvTemplate, parseClientsCsv } from '../../src/features/clients/clients-csv';
import type { Client } from '../../src/domain/schema';

const stored = (over: Partial<Client> = {}): Client => ({
  id: 'c1',
  createdAt: '2026-01-02T10:00:00.000Z',
  updatedAt: '2026-01-02T10:00:00.000Z',
  legalName: 'Mesa Rural Telephone Co.',
  dbaNames: [],
  filerId: '823456',
  frn: '',
  address: { street: '1 Mesa Way', city: 'Mesa', state: 'AZ', zip: '85201' },
  phone: '',
  email: '',
  officers: [{ id: 'o1', name: 'Ana Ruiz', title: 'President', isDefaultSignatory: true }],
  services: ['wireline'],
  affiliates: [],
  notes: 'keep me',
  archived: false,
  ...over,
});

describe('client CSV import', () => {
  it('reads a spreadsheet export with a BOM, CRLF line ends, quoted commas and doubled quotes', () => {
    const csv =
      '\uFEFFLegal Name,Filer ID,DBA Names,Officer 1 Name,Officer 1 Title,Services\r\n' +
      '"Canyon Rim Communications, Inc.",829900,"Rim ""Fiber""; Rim Mobile",Sam Begay,General Manager,"wireline; wireless"\r\n';
    const report = parseClientsCsv(csv, []);
    expect(report.fileErrors).toEqual([]);
    expect(report.rows).toHaveLength(1);
    const row = report.rows[0]!;
    expect(row).toMatchObject({ row: 2, action: 'new', legalName: 'Canyon Rim Communications, Inc.', filerId: '829900' });
    expect(row.value).toMatchObject({ dbaNames: ['Rim "Fiber"', 'Rim Mobile'], services: ['wireline', 'wireless'] });
    // One officer: that officer is the default signatory.
    expect(row.value?.officers).toEqual([expect.objectContaining({ name: 'Sam Begay', title: 'General Manager', isDefaultSignatory: true })]);
  });

  it('checks a Filer ID as the client form does: "83-9002" is refused, not read as another number', () => {
    const report = parseClientsCsv('legal_name,filer_id,affiliate_1_name,affiliate_1_filer_id\nMalformed Filer Telephone,83-9002,,\nGood Tel,839003,Good Wireless,83 9004\n', []);
    expect(report.rows.map((r) => [r.row, r.action])).toEqual([
      [2, 'invalid'],
      [3, 'invalid'],
    ]);
    expect(report.rows[0]!.errors.join(' ')).toMatch(/Filer ID must contain digits only/);
    expect(report.rows[1]!.errors.join(' ')).toMatch(/digits only/);
  });

  it('numbers rows as a spreadsheet shows them, blank lines included', () => {
    const report = parseClientsCsv('legal_name,filer_id,state\nGood Tel,839001,KS\n\n,,\nBad State Tel,839002,ZZ\n', []);
    expect(report.rows.map((r) => [r.row, r.action])).toEqual([
      [2, 'new'],
      [5, 'invalid'],
    ]);
  });

  it('says which row holds a quote that is never closed, instead of reading the rest of the file as its name', () => {
    const report = parseClientsCsv('legal_name,filer_id\nGood Tel,839001\n"Open Quote Tel,839002\nThird Tel,839003\n', []);
    const open = report.rows.find((r) => r.row === 3)!;
    expect(open.action).toBe('invalid');
    expect(open.errors.join(' ')).toMatch(/quoted cell in this row is never closed/);
    expect(open.legalName).not.toContain('\n');
    expect(report.rows.find((r) => r.row === 2)?.action).toBe('new');
  });

  it('reads semicolon-separated files, as European-locale spreadsheets save them', () => {
    const csv = 'legal_name;filer_id;city;state\nPrairie Valley Telephone Company;823456;Hays;ks\nHigh Plains Tel;823499;Colby;KS\n';
    const report = parseClientsCsv(csv, []);
    expect(report.counts).toMatchObject({ new: 2, invalid: 0 });
    expect(report.rows[0]!.value?.address).toEqual({ street: '', city: 'Hays', state: 'KS', zip: '' });
  });

  it('refuses a file without the required columns and says which', () => {
    const report = parseClientsCsv('company name,phone\nAcme,2025550100\n', []);
    expect(report.rows).toEqual([]);
    expect(report.fileErrors[0]).toMatch(/no “filer_id” column/);
    expect(parseClientsCsv('', []).fileErrors[0]).toMatch(/empty/);
  });

  it('names ignored columns and extra cells, and takes missing trailing cells as empty', () => {
    const csv = 'legal_name,filer_id,favourite colour,zip\nAcme Telephone,823111,blue\nBeta Tel,823222,red,67601,stray\n';
    const report = parseClientsCsv(csv, []);
    expect(report.warnings.join(' ')).toMatch(/“favourite colour”/);
    expect(report.rows.map((r) => r.action)).toEqual(['new', 'new']);
    expect(report.rows[0]!.value?.address.zip).toBe('');
    expect(report.rows[1]!.warnings.join(' ')).toMatch(/extra cells are ignored/);
  });

  it('reports each bad row in words with its spreadsheet row number, and imports none of it', () => {
    const csv = [
      'legal_name,filer_id,frn,state,services,officer_1_name,officer_1_title,signatory',
      ',823111,,,,,,',
      'Gamma Tel,82-31-12,12345,,,,,',
      'Delta Tel,823113,,XX,,,,',
      'Echo Tel,823114,,,cable TV,,,',
      'Foxtrot Tel,823115,,,,Kim Lee,President,3',
      'Golf Tel,823116,,,,Kim Lee,,',
    ].join('\n');
    const rows = parseClientsCsv(csv, []).rows;
    expect(rows.map((r) => r.action)).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'invalid', 'invalid']);
    expect(rows[0]).toMatchObject({ row: 2, errors: ['Legal name is required.'] });
    expect(rows[1]!.errors.join(' ')).toMatch(/FRN must be exactly 10 digits/);
    expect(rows[2]!.errors.join(' ')).toMatch(/USPS code/);
    expect(rows[3]!.errors.join(' ')).toMatch(/“cable TV” is not one of wireline, interconnected VoIP, wireless/);
    expect(rows[4]!.errors.join(' ')).toMatch(/Signatory “3” is not one of the officers/);
    expect(rows[5]!.errors.join(' ')).toMatch(/^Officer 1: Officer title is required\./);
  });

  it('keeps the first row of a Filer ID repeated in the file and skips the rest, saying which row it repeats', () => {
    const csv = 'legal_name,filer_id\nAcme Telephone,823111\nAcme Telephone Co,823111\n';
    const rows = parseClientsCsv(csv, []).rows;
    expect(rows.map((r) => r.action)).toEqual(['new', 'duplicateInFile']);
    expect(rows[1]).toMatchObject({ firstRow: 2 });
  });

  it('matches a stored client by Filer ID: the update lists what changes, and empty cells keep what is stored', () => {
    const csv = 'legal_name,filer_id,city,notes,officer_1_name,officer_1_title,officer_2_name,officer_2_title,signatory\nMesa Rural Telephone Cooperative,823456,,,Ana Ruiz,President,Joe Ruiz,Secretary,Joe Ruiz\n';
    const [row] = parseClientsCsv(csv, [stored()]).rows;
    expect(row).toMatchObject({
      action: 'update',
      changes: ['legal name: Mesa Rural Telephone Co. → Mesa Rural Telephone Cooperative', 'officers: Ana Ruiz, President, default signatory → Ana Ruiz, President; Joe Ruiz, Secretary, default signatory'],
    });
    expect(row!.value).toMatchObject({ legalName: 'Mesa Rural Telephone Cooperative', notes: 'keep me', address: { city: 'Mesa', state: 'AZ' } });
    // The officer already on file keeps their id; the signatory is chosen by name.
    expect(row!.value?.officers).toEqual([
      { id: 'o1', name: 'Ana Ruiz', title: 'President', isDefaultSignatory: false },
      expect.objectContaining({ name: 'Joe Ruiz', title: 'Secretary', isDefaultSignatory: true }),
    ]);
    const same = parseClientsCsv('legal_name,filer_id\nMesa Rural Telephone Co.,823456\n', [stored()]).rows[0];
    expect(same).toMatchObject({ action: 'update', changes: [] });
  });

  it('reads affiliates with their own Filer IDs, and warns on a title that may not be an officer’s', () => {
    const csv = 'legal_name,filer_id,affiliate_1_name,affiliate_1_filer_id,officer_1_name,officer_1_title\nPrairie Valley Telephone Company,823456,Prairie Valley Wireless LLC,823457,Pat Doe,Compliance Analyst\n';
    const [row] = parseClientsCsv(csv, []).rows;
    expect(row!.value?.affiliates).toEqual([expect.objectContaining({ legalName: 'Prairie Valley Wireless LLC', filerId: '823457' })]);
    expect(row!.warnings.join(' ')).toMatch(/does not look like an officer's title.*§ 64\.2009\(e\)/);
  });

  it('the template it offers imports cleanly', () => {
    const report = parseClientsCsv(clientsCsvTemplate(), []);
    expect(report.fileErrors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.counts).toMatchObject({ new: 2, invalid: 0 });
    expect(report.rows[0]!.value).toMatchObject({ filerId: '823456', services: ['wireline', 'interconnectedVoip'], affiliates: [expect.objectContaining({ filerId: '823457' })] });
    expect(report.rows[0]!.value?.officers.find((o) => o.isDefaultSignatory)?.name).toBe('Dana R. Whitfield');
  });
});

// @vitest-environment node
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { assemblePackage, newCertification } from '../../src/domain/certification-record';
import type { ComplianceRecord } from '../../src/domain/records';
import type { Client, PreparerFields } from '../../src/domain/schema';
import { exportBatch, type BatchItem } from '../../src/documents/batch';
import { exportPackage, type PackageMode } from '../../src/documents/package';
import { loadFont } from './read-back';
import { reviewedAnswers } from '../fixtures/answers';

// Each test renders and reads back whole PDFs: seconds each when the machine is busy.
vi.setConfig({ testTimeout: 60_000 });

const stamp = { createdAt: '2025-01-02T15:00:00Z', updatedAt: '2025-01-02T15:00:00Z' };

const preparer: PreparerFields = {
  name: 'Morgan T. Ellis',
  credentials: 'J.D.',
  firm: 'Ellis Regulatory Consulting LLC',
  letterhead: [],
  address: { street: '200 Commerce Street', city: 'Wichita', state: 'KS', zip: '67202' },
  phone: '(316) 555-0190',
  email: 'filings@ellisreg.example',
  isDefault: true,
};

function client(id: string, legalName: string, filerId: string, officerTitle = 'President'): Client {
  return {
    ...stamp,
    id,
    legalName,
    dbaNames: [],
    filerId,
    frn: '',
    address: { street: '1 Exchange Road', city: 'Hillsboro', state: 'KS', zip: '67063' },
    phone: '',
    email: '',
    officers: [{ id: `${id}-o`, name: 'Avery Stone', title: officerTitle, isDefaultSignatory: true }],
    services: ['wireline'],
    affiliates: [],
    notes: '',
    archived: false,
  };
}

function item(c: Client, mode: PackageMode = 'single', records: ComplianceRecord[] = []): BatchItem {
  return {
    label: c.legalName,
    build: () => {
      const cert = { ...newCertification(c, 2026, 'p'), answers: reviewedAnswers(), dateFiled: '2026-02-20', signatureDate: '2026-02-18' };
      const assembled = assemblePackage(cert, c, records, { closures: [], breachRule2023EffectiveDate: '' });
      return exportPackage({ cert, assembled, client: c, preparer, documentDate: '2026-02-10', signed: true }, { mode, loadFont });
    },
  };
}

const complaint: ComplianceRecord = {
  ...stamp,
  id: 'r-1',
  clientId: 'c',
  kind: 'complaint',
  receivedOn: '2025-06-01',
  category: 'employeeAccess',
  summary: 'An employee looked up a neighbour’s call records.',
  publicSummary: '',
  resolution: 'Employee dismissed.',
};

const alpha = client('a', 'Alpha Rural Telephone Co.', '812001');
const bravo = client('b', 'Bravo Telecom LLC', '812002', 'Outside Regulatory Consultant');
const charlie = client('c', 'Charlie Mutual Telephone', '812003');

function threeClients(): BatchItem[] {
  return [item(alpha), item(bravo), item(charlie, 'separate', [complaint])];
}

describe('the consultant batch export', () => {
  it('zips every package that exports and lists the blocked client with its reason', async () => {
    const progress: [number, number, string][] = [];
    const result = await exportBatch(threeClients(), (done, total, label) => progress.push([done, total, label]), { date: '2026-02-20' });

    expect(progress).toEqual([
      [1, 3, 'Alpha Rural Telephone Co.'],
      [2, 3, 'Bravo Telecom LLC'],
      [3, 3, 'Charlie Mutual Telephone'],
    ]);
    expect(result.exported).toEqual(['Alpha Rural Telephone Co.', 'Charlie Mutual Telephone']);
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]!.label).toBe('Bravo Telecom LLC');
    expect(result.failed[0]!.reason).toMatch(/^The 2026 certification of Bravo Telecom LLC cannot be exported/);
    expect(result.failed[0]!.reason).toContain('Outside Regulatory Consultant');

    const files = unzipSync(result.zip);
    const charlieFolder = 'Charlie Mutual Telephone/Charlie Mutual Telephone CPNI Certification 2026 - ';
    expect(Object.keys(files).sort()).toEqual(
      [
        'Alpha Rural Telephone Co. CPNI Certification 2026.pdf',
        `${charlieFolder}1 Cover Letter.pdf`,
        `${charlieFolder}2 Certification.pdf`,
        `${charlieFolder}3 Attachment A Statement.pdf`,
        `${charlieFolder}4 Attachment B Complaints.pdf`,
        'README.txt',
      ].sort(),
    );
    for (const [name, bytes] of Object.entries(files)) {
      if (name.endsWith('.pdf')) expect(strFromU8(bytes.subarray(0, 5))).toBe('%PDF-');
    }
    expect(Object.keys(files).some((name) => name.includes('Bravo'))).toBe(false);

    const alone = await item(alpha).build();
    expect(Buffer.from(files['Alpha Rural Telephone Co. CPNI Certification 2026.pdf']!).equals(Buffer.from(alone[0]!.bytes))).toBe(true);

    const readme = strFromU8(files['README.txt']!);
    expect(readme).toContain('Exported (2):');
    expect(readme).toContain('- Alpha Rural Telephone Co.');
    expect(readme).toContain('    Alpha Rural Telephone Co. CPNI Certification 2026.pdf');
    expect(readme).toContain(`    ${charlieFolder}2 Certification.pdf`);
    expect(readme).toContain('Not exported (1):');
    expect(readme).toContain(`- Bravo Telecom LLC: ${result.failed[0]!.reason}`);
  });

  it('lists a client whose name no font can show, with the character', async () => {
    const result = await exportBatch([item(alpha), item(client('d', 'Delta 中 Telecom', '812004'))]);
    expect(result.exported).toEqual(['Alpha Rural Telephone Co.']);
    expect(result.failed).toEqual([{ label: 'Delta 中 Telecom', reason: expect.stringContaining('“中” (U+4E2D)') }]);
    expect(strFromU8(unzipSync(result.zip)['README.txt']!)).toContain('- Delta 中 Telecom: ');
  });

  it('gives the same zip for the same packages, every entry dated the given day', async () => {
    const a = await exportBatch(threeClients(), undefined, { date: '2026-02-20' });
    const b = await exportBatch(threeClients(), undefined, { date: '2026-02-20' });
    expect(Buffer.from(a.zip).equals(Buffer.from(b.zip))).toBe(true);

    // Walk the local file headers: DOS date (year since 1980, month, day) and time 12:00:00.
    const zip = Buffer.from(a.zip);
    let headers = 0;
    for (let at = 0; zip.readUInt32LE(at) === 0x04034b50; at += 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28) + zip.readUInt32LE(at + 18)) {
      const time = zip.readUInt16LE(at + 10);
      const date = zip.readUInt16LE(at + 12);
      expect([1980 + (date >> 9), (date >> 5) & 0xf, date & 0x1f]).toEqual([2026, 2, 20]);
      expect([time >> 11, (time >> 5) & 0x3f]).toEqual([12, 0]);
      headers++;
    }
    expect(headers).toBeGreaterThanOrEqual(6);

    const later = await exportBatch(threeClients(), undefined, { date: '2026-02-21' });
    expect(Buffer.from(later.zip).equals(zip)).toBe(false);
  });

  it('builds two packages at once when asked, and still gives the same zip, in the same order, with the PDFs stored as they are', async () => {
    const one = await exportBatch(threeClients(), undefined, { date: '2026-02-20' });
    const progress: number[] = [];
    const two = await exportBatch(threeClients(), (done) => progress.push(done), { date: '2026-02-20', ahead: 2 });
    expect(Buffer.from(two.zip).equals(Buffer.from(one.zip))).toBe(true);
    expect(progress).toEqual([1, 2, 3]);
    // Compression method 0 (stored) for every PDF: jsPDF deflated it already.
    const zip = Buffer.from(two.zip);
    for (let at = 0; zip.readUInt32LE(at) === 0x04034b50; at += 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28) + zip.readUInt32LE(at + 18)) {
      const name = zip.subarray(at + 30, at + 30 + zip.readUInt16LE(at + 26)).toString('utf8');
      if (name.endsWith('.pdf')) expect(zip.readUInt16LE(at + 8)).toBe(0);
    }
  });

  it('starts the next build as soon as one finishes, never more than asked at once, and keeps the order', async () => {
    let release!: () => void;
    const slow = new Promise<void>((done) => (release = done));
    const calls: string[] = [];
    let running = 0;
    let most = 0;
    const pdf = (name: string) => [{ fileName: `${name}.pdf`, bytes: new TextEncoder().encode(`%PDF ${name}`) }];
    const items: BatchItem[] = ['first', 'second', 'third', 'fourth'].map((name, i) => ({
      label: name,
      build: async () => {
        calls.push(name);
        running += 1;
        most = Math.max(most, running);
        if (i === 0) await slow;
        running -= 1;
        return pdf(name);
      },
    }));
    const done = exportBatch(items, undefined, { ahead: 2 });
    // The first is still being built: the second finished, so the third and fourth were started.
    await vi.waitFor(() => expect(calls).toEqual(['first', 'second', 'third', 'fourth']));
    release();
    const result = await done;
    expect(most).toBe(2);
    expect(result.exported).toEqual(['first', 'second', 'third', 'fourth']);
    expect(Object.keys(unzipSync(result.zip))).toEqual(['first.pdf', 'second.pdf', 'third.pdf', 'fourth.pdf', 'README.txt']);
  });

  it('keeps two clients with the same file name apart', async () => {
    const twin = client('e', 'Alpha Rural Telephone Co.', '812005');
    const result = await exportBatch([item(alpha), item(twin)]);
    expect(Object.keys(unzipSync(result.zip)).sort()).toEqual([
      'Alpha Rural Telephone Co. CPNI Certification 2026 (2).pdf',
      'Alpha Rural Telephone Co. CPNI Certification 2026.pdf',
      'README.txt',
    ]);
  });
});

/** A carrier, its preparer, records and certification, as the package tests export them. */
import { deflateSync } from 'node:zlib';
import { assemblePackage, newCertification, type CertificationFields } from '../../src/domain/certification-record';
import type { ComplianceRecord } from '../../src/domain/records';
import type { Client, PreparerFields } from '../../src/domain/schema';
import type { PackageInput } from '../../src/documents/package';
import { reviewedAnswers } from '../fixtures/answers';

export const stamp = { createdAt: '2025-01-02T15:00:00Z', updatedAt: '2025-01-02T15:00:00Z' };

export function makeClient(legalName = 'Prairie Valley Telephone Company'): Client {
  return {
    ...stamp,
    id: 'client-1',
    legalName,
    dbaNames: [],
    filerId: '823456',
    frn: '0012345678',
    address: { street: '410 Main Street', city: 'Hillsboro', state: 'KS', zip: '67063' },
    phone: '(620) 555-0142',
    email: 'office@prairievalley.example',
    officers: [{ id: 'o-1', name: 'Dana R. Whitfield', title: 'President and Chief Executive Officer', isDefaultSignatory: true }],
    services: ['wireline', 'wireless'],
    affiliates: [{ id: 'a-1', legalName: 'Prairie Valley Wireless LLC', filerId: '823457' }],
    notes: '',
    archived: false,
  };
}

export const preparer: PreparerFields = {
  name: 'Morgan T. Ellis',
  credentials: 'J.D., Regulatory Consultant',
  firm: 'Ellis Regulatory Consulting LLC',
  letterhead: [],
  address: { street: '200 Commerce Street, Suite 4', city: 'Wichita', state: 'KS', zip: '67202' },
  phone: '(316) 555-0190',
  email: 'filings@ellisreg.example',
  isDefault: true,
};

const base = { ...stamp, clientId: 'client-1' };
export const complaints: ComplianceRecord[] = [
  { ...base, id: 'r-1', kind: 'complaint', receivedOn: '2025-03-14', category: 'employeeAccess', summary: 'A customer reported that a billing clerk looked up her call records without a business reason.', publicSummary: '', resolution: 'The clerk was disciplined and retrained.' },
  { ...base, id: 'r-2', kind: 'complaint', receivedOn: '2025-08-02', category: 'unauthorizedDisclosure', summary: 'A caller obtained a copy of a bill by claiming to be the account holder.', publicSummary: '', resolution: 'Staff were reminded that bills are sent only to the address of record.' },
  // Outside the covered year: not counted.
  { ...base, id: 'r-3', kind: 'complaint', receivedOn: '2024-12-30', category: 'onlineAccess', summary: 'Old complaint.', publicSummary: '', resolution: '' },
];
export const brokerAction: ComplianceRecord = {
  ...base,
  id: 'r-4',
  kind: 'dataBrokerAction',
  publicSummary: '',
  actionOn: '2025-05-20',
  forum: 'court',
  actionKind: 'proceeding',
  description: 'Suit in the U.S. District Court for the District of Kansas against a website selling customer call records.',
  outcome: 'A permanent injunction was entered.',
};

export const settings = { closures: [], breachRule2023EffectiveDate: '' };
export const contactEdit = 'Questions about this statement may be directed to Dana R. Whitfield, President and Chief Executive Officer, at (620) 555-0142 or office@prairievalley.example.';

export function certification(client: Client, changes: Partial<CertificationFields> = {}): CertificationFields {
  const fresh = newCertification(client, 2026, 'preparer-1');
  return {
    ...fresh,
    answers: reviewedAnswers(),
    dateFiled: '2026-02-20',
    signatureDate: '2026-02-18',
    sectionEdits: { contact: contactEdit },
    coverLetter: { ...fresh.coverLetter, cc: ['Dana R. Whitfield, Prairie Valley Telephone Company'] },
    ...changes,
  };
}

/** A signed package unless `signed: false` asks for the draft. */
export function packageInput(
  options: { client?: Client; records?: ComplianceRecord[]; cert?: Partial<CertificationFields>; preparer?: PreparerFields | null; signed?: boolean } = {},
): PackageInput {
  const client = options.client ?? makeClient();
  const cert = certification(client, options.cert);
  const assembled = assemblePackage(cert, client, options.records ?? [...complaints, brokerAction], settings);
  return {
    cert,
    assembled,
    client,
    ...(options.preparer === null ? {} : { preparer: options.preparer ?? preparer }),
    documentDate: '2026-02-10',
    signed: options.signed ?? true,
  };
}

/** A small opaque PNG (a dark diagonal stroke on white). */
export function pngDataUrl(width: number, height: number): string {
  const row = width * 3 + 1;
  const raw = Buffer.alloc(row * height, 0xff);
  for (let y = 0; y < height; y++) {
    raw[y * row] = 0;
    const x = Math.floor((y / height) * width);
    raw.fill(0x20, y * row + 1 + x * 3, y * row + 1 + Math.min(width, x + 3) * 3);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  let c = 0xffffffff;
  for (const byte of body) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  crc.writeUInt32BE((c ^ 0xffffffff) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/**
 * Clients from a CSV file or a spreadsheet's CSV export: one carrier per row, each checked with
 * the same schema as the client form (src/domain/schema.ts), then matched by Form 499 Filer ID
 * against the clients already stored. Nothing here stores anything.
 */
import Papa from 'papaparse';
import { SERVICES, SERVICE_LABELS, clientSchema, clientWarnings, validate, type Client, type ClientFields, type Service } from '../../domain/schema';
import { shownValue } from '../../domain/change-diff';

/** The columns a file may carry, as the template names them. Header matching ignores case, spaces, dashes and underscores. */
export const CLIENT_COLUMNS = [
  { name: 'legal_name', required: true, explain: 'The carrier’s legal name, as on its Form 499-A.' },
  { name: 'filer_id', required: true, explain: 'Form 499 Filer ID (digits only; usually 6). Rows are matched to existing clients by it.' },
  { name: 'dba_names', required: false, explain: 'Names it does business under, separated by semicolons.' },
  { name: 'frn', required: false, explain: 'FCC Registration Number, 10 digits with leading zeros.' },
  { name: 'street', required: false, explain: 'Street address.' },
  { name: 'city', required: false, explain: 'City.' },
  { name: 'state', required: false, explain: 'USPS state code, such as KS or PR.' },
  { name: 'zip', required: false, explain: 'ZIP or ZIP+4.' },
  { name: 'phone', required: false, explain: 'Phone with area code.' },
  { name: 'email', required: false, explain: 'Contact e-mail.' },
  { name: 'services', required: false, explain: 'Any of: wireline; interconnected VoIP; wireless — separated by semicolons.' },
  { name: 'officer_1_name', required: false, explain: 'An officer’s name. Add officer_2_name, officer_3_name… for more.' },
  { name: 'officer_1_title', required: false, explain: 'That officer’s title (the certification is signed by an officer, § 64.2009(e)).' },
  { name: 'signatory', required: false, explain: 'Which officer signs by default: their number (1, 2…) or their name. Left empty: the first officer.' },
  { name: 'affiliate_1_name', required: false, explain: 'An affiliate covered by the same certification. Add affiliate_2_name… for more.' },
  { name: 'affiliate_1_filer_id', required: false, explain: 'That affiliate’s own Form 499 Filer ID.' },
  { name: 'notes', required: false, explain: 'Internal notes (never printed in a filing).' },
] as const;

type Field = 'legalName' | 'filerId' | 'dbaNames' | 'frn' | 'street' | 'city' | 'state' | 'zip' | 'phone' | 'email' | 'services' | 'signatory' | 'notes';

const ALIASES: Record<string, Field> = {
  legalname: 'legalName', companyname: 'legalName', company: 'legalName', carrier: 'legalName', carriername: 'legalName', name: 'legalName',
  filerid: 'filerId', '499filerid': 'filerId', form499filerid: 'filerId', form499id: 'filerId', filer: 'filerId',
  dbanames: 'dbaNames', dba: 'dbaNames', dbas: 'dbaNames', doingbusinessas: 'dbaNames',
  frn: 'frn', fccregistrationnumber: 'frn',
  street: 'street', streetaddress: 'street', address: 'street', address1: 'street', addressline1: 'street',
  city: 'city', state: 'state', zip: 'zip', zipcode: 'zip', postalcode: 'zip',
  phone: 'phone', telephone: 'phone', phonenumber: 'phone',
  email: 'email', emailaddress: 'email',
  services: 'services', service: 'services',
  signatory: 'signatory', defaultsignatory: 'signatory',
  notes: 'notes', note: 'notes',
};

const headerKey = (h: string) => h.replace(/^\uFEFF/, '').toLowerCase().replace(/[\s_\-.#]/g, '');

type Column = { field: Field } | { officer: number; part: 'name' | 'title' } | { affiliate: number; part: 'name' | 'filerId' };

function columnOf(header: string): Column | undefined {
  const key = headerKey(header);
  const field = ALIASES[key];
  if (field) return { field };
  const officer = /^officer(\d*)(name|title)$/.exec(key) ?? (key === 'signatoryname' ? ['', '1', 'name'] : key === 'signatorytitle' ? ['', '1', 'title'] : null);
  if (officer) return { officer: Number(officer[1] || 1), part: officer[2] as 'name' | 'title' };
  const affiliate = /^affiliate(\d*)(name|filerid)$/.exec(key);
  if (affiliate) return { affiliate: Number(affiliate[1] || 1), part: affiliate[2] === 'name' ? 'name' : 'filerId' };
  return undefined;
}

export type RowAction = 'new' | 'update' | 'duplicateInFile' | 'invalid';

export interface ClientCsvRow {
  /** The row number a spreadsheet shows: the header is row 1. */
  row: number;
  legalName: string;
  filerId: string;
  action: RowAction;
  /** What would be stored for a new client, or the fields an update sets. */
  value?: ClientFields;
  /** For 'update': the stored client the row matches, and the fields that would change. */
  existing?: Client;
  changes?: string[];
  /** For 'duplicateInFile': the earlier row with the same Filer ID. */
  firstRow?: number;
  errors: string[];
  warnings: string[];
}

export interface ClientCsvReport {
  /** Problems with the file as a whole: nothing can be imported. */
  fileErrors: string[];
  /** Things to know that do not stop the import (ignored columns). */
  warnings: string[];
  rows: ClientCsvRow[];
  counts: Record<RowAction, number>;
}

const SERVICE_WORDS: [RegExp, Service][] = [
  [/^(interconnected\s*)?voip$|^interconnectedvoip$/i, 'interconnectedVoip'],
  [/^(wireline|wire\s*line|landline|local\s*exchange|ilec|clec)$/i, 'wireline'],
  [/^(wireless|cmrs|mobile|cellular)(\s*\(cmrs\))?$/i, 'wireless'],
];

function parseServices(text: string): { services: Service[]; unknown: string[] } {
  const services: Service[] = [];
  const unknown: string[] = [];
  for (const raw of text.split(/[;|,/]|\band\b/i)) {
    const word = raw.trim();
    if (!word) continue;
    const label = SERVICES.find((s) => SERVICE_LABELS[s].toLowerCase() === word.toLowerCase());
    const service = label ?? SERVICE_WORDS.find(([re]) => re.test(word))?.[1];
    if (!service) unknown.push(word);
    else if (!services.includes(service)) services.push(service);
  }
  return { services, unknown };
}

const list = (text: string) => text.split(/[;|]/).map((s) => s.trim()).filter(Boolean);
const quoted = (s: string) => `“${s}”`;

/** Field paths of the client schema in the words of the file's columns. */
function columnWords(path: string): string {
  const officer = /^officers\.(\d+)\.(\w+)/.exec(path);
  if (officer) return `officer ${Number(officer[1]) + 1}`;
  const affiliate = /^affiliates\.(\d+)\.(\w+)/.exec(path);
  if (affiliate) return `affiliate ${Number(affiliate[1]) + 1}`;
  return '';
}

function messages(errors: Record<string, string>): string[] {
  return Object.entries(errors).map(([path, message]) => {
    const where = columnWords(path);
    return where ? `${where[0]!.toUpperCase()}${where.slice(1)}: ${message}` : message;
  });
}

interface ParsedRow {
  input: Record<string, unknown>;
  errors: string[];
}

function rowInput(cells: string[], columns: (Column | undefined)[], existing: Client | undefined): ParsedRow {
  const fields: Partial<Record<Field, string>> = {};
  const officers = new Map<number, { name: string; title: string }>();
  const affiliates = new Map<number, { name: string; filerId: string }>();
  const errors: string[] = [];
  columns.forEach((column, i) => {
    const cell = (cells[i] ?? '').trim();
    if (!column || !cell) return;
    if ('field' in column) fields[column.field] = cell;
    else if ('officer' in column) {
      const o = officers.get(column.officer) ?? { name: '', title: '' };
      o[column.part] = cell;
      officers.set(column.officer, o);
    } else {
      const a = affiliates.get(column.affiliate) ?? { name: '', filerId: '' };
      a[column.part] = cell;
      affiliates.set(column.affiliate, a);
    }
  });

  // An update keeps what the file leaves empty: a cell blank in the file never erases a stored value.
  const base: Record<string, unknown> = existing
    ? {
        legalName: existing.legalName, dbaNames: existing.dbaNames, filerId: existing.filerId, frn: existing.frn, address: { ...existing.address },
        phone: existing.phone, email: existing.email, officers: existing.officers, services: existing.services, affiliates: existing.affiliates,
        notes: existing.notes, archived: existing.archived,
      }
    : { legalName: '', filerId: '' };
  const input: Record<string, unknown> = { ...base };
  const address = { street: '', city: '', state: '', zip: '', ...(base.address as object | undefined) } as Record<string, string>;
  for (const key of ['legalName', 'filerId', 'frn', 'phone', 'email', 'notes'] as const) if (fields[key] !== undefined) input[key] = fields[key];
  for (const key of ['street', 'city', 'state', 'zip'] as const) if (fields[key] !== undefined) address[key] = fields[key]!;
  input.address = address;
  if (fields.dbaNames !== undefined) input.dbaNames = list(fields.dbaNames);
  if (fields.services !== undefined) {
    const { services, unknown } = parseServices(fields.services);
    if (unknown.length) errors.push(`Services: ${unknown.map(quoted).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not one of wireline, interconnected VoIP, wireless.`);
    input.services = services;
  }

  if (officers.size) {
    const stored = existing?.officers ?? [];
    const entries = [...officers.entries()].sort(([a], [b]) => a - b);
    input.officers = entries.map(([, o], i) => ({
      id: stored.find((s) => s.name.trim().toLowerCase() === o.name.trim().toLowerCase())?.id ?? `officer-${i + 1}-${crypto.randomUUID()}`,
      name: o.name,
      title: o.title,
      isDefaultSignatory: false,
    }));
  }
  const officerList = (input.officers as { name: string; isDefaultSignatory: boolean }[] | undefined) ?? [];
  if (fields.signatory !== undefined) {
    const wanted = fields.signatory;
    const index = /^\d+$/.test(wanted) ? Number(wanted) - 1 : officerList.findIndex((o) => o.name.trim().toLowerCase() === wanted.toLowerCase());
    if (index < 0 || index >= officerList.length) errors.push(`Signatory ${quoted(wanted)} is not one of the officers on this row.`);
    else input.officers = officerList.map((o, i) => ({ ...o, isDefaultSignatory: i === index }));
  } else if (officers.size && officerList.length === 1) {
    input.officers = officerList.map((o) => ({ ...o, isDefaultSignatory: true }));
  }

  if (affiliates.size) {
    const stored = existing?.affiliates ?? [];
    input.affiliates = [...affiliates.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, a], i) => ({
        id: stored.find((s) => s.filerId === a.filerId)?.id ?? `affiliate-${i + 1}-${crypto.randomUUID()}`,
        legalName: a.name,
        filerId: a.filerId,
      }));
  }
  return { input, errors };
}

const LABELS: Partial<Record<keyof ClientFields, string>> = {
  legalName: 'legal name', dbaNames: 'DBAs', frn: 'FRN', address: 'address', phone: 'phone', email: 'e-mail',
  officers: 'officers', services: 'services', affiliates: 'affiliates', notes: 'notes',
};

/** Each field the update changes, in words with its value before and after ("legal name: Mesa Tel → Mesa Telephone Co."). */
function changedFields(before: Client, after: ClientFields): string[] {
  const out: string[] = [];
  for (const [key, label] of Object.entries(LABELS) as [keyof ClientFields, string][]) {
    const a = key === 'officers' ? before.officers.map((o) => [o.name, o.title, o.isDefaultSignatory]) : before[key];
    const b = key === 'officers' ? after.officers.map((o) => [o.name, o.title, o.isDefaultSignatory]) : after[key];
    const strip = (x: unknown) => JSON.stringify(x, (k, v) => (k === 'id' ? undefined : v));
    if (strip(a) !== strip(b)) out.push(`${label}: ${shownValue(before[key]) || '(empty)'} → ${shownValue(after[key]) || '(empty)'}`);
  }
  return out;
}

/**
 * Reads the file and plans the import: each row is new, an update of the stored client with the
 * same Filer ID, a repeat of an earlier row's Filer ID (skipped), or invalid (with its messages).
 */
export function parseClientsCsv(text: string, stored: readonly Client[]): ClientCsvReport {
  // Blank lines are kept while parsing so that each row keeps the number a spreadsheet shows.
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false, delimitersToGuess: [',', ';', '\t', '|'] });
  const counts: Record<RowAction, number> = { new: 0, update: 0, duplicateInFile: 0, invalid: 0 };
  const records = parsed.data.map((cells, i) => ({ cells, row: i + 1 })).filter((r) => r.cells.some((c) => c.trim()));
  const header = records[0]?.cells;
  const body = records.slice(1);
  const unclosed = new Set(parsed.errors.filter((e) => e.type === 'Quotes').map((e) => (e.row ?? 0) + 1));
  if (!header || header.every((h) => !h.trim())) return { fileErrors: ['The file is empty: it needs a header row naming the columns, then one client per row.'], warnings: [], rows: [], counts };

  const columns = header.map(columnOf);
  const present = new Set(columns.flatMap((c) => (c && 'field' in c ? [c.field] : [])));
  const missing = (['legalName', 'filerId'] as const).filter((f) => !present.has(f));
  if (missing.length) {
    const names = missing.map((f) => (f === 'legalName' ? '“legal_name”' : '“filer_id”')).join(' and ');
    return { fileErrors: [`The header row has no ${names} column. The first row must name the columns; download the template to see them.`], warnings: [], rows: [], counts };
  }
  const warnings: string[] = [];
  const ignored = header.filter((h, i) => h.trim() && !columns[i]);
  if (ignored.length) warnings.push(`These columns are not client fields and are ignored: ${ignored.map(quoted).join(', ')}.`);

  const byFilerId = new Map<string, Client>();
  for (const c of stored) if (!byFilerId.has(c.filerId)) byFilerId.set(c.filerId, c);
  const seen = new Map<string, number>();
  const filerColumn = columns.findIndex((c) => c && 'field' in c && c.field === 'filerId');
  const nameColumn = columns.findIndex((c) => c && 'field' in c && c.field === 'legalName');

  const rows = body.map(({ cells, row }): ClientCsvRow => {
    const filerId = (cells[filerColumn] ?? '').trim();
    const legalName = (cells[nameColumn] ?? '').trim();
    const base = { row, legalName, filerId, errors: [] as string[], warnings: [] as string[] };
    if (unclosed.has(row))
      return { ...base, legalName: legalName.split('\n')[0]!.slice(0, 80), action: 'invalid', errors: ['A quoted cell in this row is never closed, so the rest of the file was read into it. Close the quote (a cell that starts with " ends with "), then choose the file again.'] };
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim()))
      base.warnings.push(`The row has ${cells.length} cells but the header names ${header.length}; the extra cells are ignored.`);
    const earlier = filerId ? seen.get(filerId) : undefined;
    if (earlier !== undefined) return { ...base, action: 'duplicateInFile', firstRow: earlier, warnings: [...base.warnings, `Filer ID ${filerId} is also on row ${earlier}; this row is skipped.`] };
    const existing = filerId ? byFilerId.get(filerId) : undefined;
    const { input, errors } = rowInput(cells, columns, existing);
    const result = validate(clientSchema, input);
    if (!result.ok || errors.length) return { ...base, action: 'invalid', errors: [...errors, ...(result.ok ? [] : messages(result.errors))] };
    if (filerId) seen.set(filerId, row);
    const warned = messages(clientWarnings(result.value));
    if (existing) return { ...base, action: 'update', value: result.value, existing, changes: changedFields(existing, result.value), warnings: [...base.warnings, ...warned] };
    return { ...base, action: 'new', value: result.value, warnings: [...base.warnings, ...warned] };
  });
  for (const r of rows) counts[r.action] += 1;
  if (rows.length === 0) warnings.push('The file has a header row but no clients.');
  for (const e of parsed.errors) if (e.type === 'Quotes') warnings.push(`Row ${(e.row ?? 0) + 1}: ${e.message}.`);
  return { fileErrors: [], warnings, rows, counts };
}

const csvCell = (s: string) => (/[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** A template to fill in: the header and two example rows (the import screen explains each column). */
export function clientsCsvTemplate(): string {
  const header = [...CLIENT_COLUMNS.map((c) => c.name), 'officer_2_name', 'officer_2_title'];
  const rows = [
    ['Prairie Valley Telephone Company', '823456', 'PVT; Prairie Valley Fiber', '0012345678', '100 Main Street', 'Hays', 'KS', '67601', '(785) 555-0100', 'office@pvt.example', 'wireline; interconnected VoIP', 'Dana R. Whitfield', 'President', '1', 'Prairie Valley Wireless LLC', '823457', '', 'Lee Ortiz', 'Secretary-Treasurer'],
    ['Canyon Rim Communications, Inc.', '829900', '', '', '4 Rim Road', 'Page', 'AZ', '86040', '', '', 'wireless', 'Sam Begay', 'General Manager', '', '', '', 'Switch in Page', '', ''],
  ];
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

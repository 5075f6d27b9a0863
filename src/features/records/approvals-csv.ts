/**
 * Customer approvals from a CSV file: the header row, then one approval per row, each checked
 * with the same schema as the form (src/domain/records.ts). Nothing here stores anything.
 */
import Papa from 'papaparse';
import { approvalFields, approvalKey } from '../../domain/records';
import { validate } from '../../domain/schema';
import { formatCount } from '../../domain/counts';

export const APPROVAL_COLUMNS = ['account', 'type', 'medium', 'status', 'date', 'scope'] as const;
export type ApprovalColumn = (typeof APPROVAL_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly ApprovalColumn[] = ['account', 'type', 'medium', 'status', 'date'];

/** Above this many rows the user is warned that the file is large (the import still works). */
export const LARGE_FILE_ROWS = 50_000;

export interface CsvRow {
  /** The row number a spreadsheet shows: the header is row 1. */
  row: number;
  values: Record<ApprovalColumn, string>;
  /** What would be stored, when the row is valid. */
  value?: Record<string, unknown>;
  /** Messages in words, one per problem. */
  errors: string[];
  /** The earlier row of this file with the same approval (account, type, decision, date): this one is skipped. */
  duplicateOf?: number;
}

export interface CsvReport {
  /** Problems with the file as a whole (no header, missing columns): nothing can be imported. */
  fileErrors: string[];
  /** Things to know that do not stop the import (ignored columns, a very large file). */
  warnings: string[];
  rows: CsvRow[];
  valid: number;
  invalid: number;
  /** Valid rows that repeat an earlier row of the file; they are not imported. */
  duplicates: number;
}

const words = (list: readonly string[]) => list.map((c) => `“${c}”`).join(', ');
const EXPECTED = `The header row must name the columns ${words(REQUIRED_COLUMNS)}, and optionally “scope”, in any order.`;

/** "M/D/YYYY" → "YYYY-MM-DD"; anything else is returned as it was (the schema judges it). */
export function normalizeCsvDate(value: string): string {
  const v = value.trim();
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  if (us) return `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}`;
  return v;
}

function approvalType(value: string): string {
  const key = value.trim().toLowerCase().replace(/[\s_-]/g, '');
  return key === 'optin' ? 'optIn' : key === 'optout' ? 'optOut' : value.trim();
}

/** The row as the approval schema expects it. */
export function approvalInput(values: Record<ApprovalColumn, string>): Record<string, unknown> {
  return {
    accountRef: values.account,
    approvalType: approvalType(values.type),
    medium: values.medium.trim().toLowerCase(),
    status: values.status.trim().toLowerCase(),
    decidedOn: normalizeCsvDate(values.date),
    scope: values.scope,
  };
}

/** "Row 7: Date must be a date (YYYY-MM-DD)." */
export function rowMessage(row: CsvRow): string {
  return `Row ${row.row}: ${row.errors.join(' ')}`;
}

/** "Same approval as row 3: skipped." */
export function duplicateMessage(row: CsvRow): string {
  return `Same approval as row ${row.duplicateOf} (account, type, status and date): skipped.`;
}

/** "rows 2, 3 and 5" */
export function rowList(rows: readonly number[], max = 20): string {
  const shown = rows.slice(0, max).map(String);
  const more = rows.length - shown.length;
  const list = shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
  return `${rows.length === 1 ? 'row' : 'rows'} ${list}${more > 0 ? ` (and ${formatCount(more)} more)` : ''}`;
}

export function parseApprovalsCsv(text: string): CsvReport {
  const report: CsvReport = { fileErrors: [], warnings: [], rows: [], valid: 0, invalid: 0, duplicates: 0 };
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: false });
  const data = parsed.data;
  const header = (data[0] ?? []).map((h) => h.trim().toLowerCase());
  if (header.every((h) => h === '')) {
    report.fileErrors.push(`The file is empty. ${EXPECTED}`);
    return report;
  }

  const known = header.filter((h): h is ApprovalColumn => (APPROVAL_COLUMNS as readonly string[]).includes(h));
  if (known.length === 0) {
    report.fileErrors.push(`The first row must be a header row. ${EXPECTED} The first row of this file is: ${words(data[0] ?? [])}.`);
    return report;
  }
  const duplicates = [...new Set(known.filter((h, i) => known.indexOf(h) !== i))];
  for (const d of duplicates) report.fileErrors.push(`The column “${d}” appears more than once; keep one.`);
  const missing = REQUIRED_COLUMNS.filter((c) => !known.includes(c));
  if (missing.length) report.fileErrors.push(`Missing ${missing.length === 1 ? 'column' : 'columns'} ${words(missing)}. ${EXPECTED}`);
  const unknown = header.filter((h) => h && !(APPROVAL_COLUMNS as readonly string[]).includes(h));
  if (unknown.length)
    report.warnings.push(`${unknown.length === 1 ? 'The column' : 'The columns'} ${words(unknown)} ${unknown.length === 1 ? 'is' : 'are'} not used by CPNI Desk and will be ignored.`);
  if (header.some((h) => h === '')) report.warnings.push('A column with no name in the header row will be ignored.');
  if (report.fileErrors.length) return report;

  const index = Object.fromEntries(APPROVAL_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<ApprovalColumn, number>;
  const parseErrors = new Map<number, string[]>();
  for (const e of parsed.errors) {
    if (e.row === undefined) continue;
    const list = parseErrors.get(e.row) ?? [];
    list.push(e.code === 'MissingQuotes' ? 'A quoted value is not closed; check the quotation marks.' : `${e.message}.`);
    parseErrors.set(e.row, list);
  }

  const firstRowOf = new Map<string, number>();
  for (let i = 1; i < data.length; i++) {
    const cells = data[i]!;
    if (cells.every((c) => c.trim() === '')) continue; // blank lines, and the one after a final newline
    const values = Object.fromEntries(APPROVAL_COLUMNS.map((c) => [c, index[c] >= 0 ? (cells[index[c]] ?? '') : ''])) as Record<ApprovalColumn, string>;
    const row: CsvRow = { row: i + 1, values, errors: [...(parseErrors.get(i) ?? [])] };
    if (cells.length > header.length)
      row.errors.push(`This row has ${cells.length} values but the header names ${header.length} columns; check for an unquoted comma.`);
    const checked = validate(approvalFields, approvalInput(values));
    if (!checked.ok) row.errors.push(...Object.values(checked.errors));
    if (row.errors.length === 0 && checked.ok) {
      // The same approval twice in one file is stored once (the client is the same for every row).
      const key = approvalKey('', checked.value as Parameters<typeof approvalKey>[1]);
      const first = firstRowOf.get(key);
      if (first !== undefined) {
        row.duplicateOf = first;
        report.duplicates++;
      } else {
        firstRowOf.set(key, row.row);
        row.value = checked.value;
        report.valid++;
      }
    } else report.invalid++;
    report.rows.push(row);
  }
  if (report.rows.length === 0) report.fileErrors.push('The file has a header row but no approvals under it.');
  if (report.rows.length > LARGE_FILE_ROWS)
    report.warnings.push(
      `This file has ${formatCount(report.rows.length)} rows, more than ${formatCount(LARGE_FILE_ROWS)}. It can still be imported; the report below shows it a page at a time, and the import may take a little while.`,
    );
  return report;
}

/** A small file showing every column and both accepted date forms. */
export function sampleApprovalsCsv(): string {
  return [
    'account,type,medium,status,date,scope',
    '100234,opt-out,written,granted,2026-01-15,Marketing of communications-related services by affiliates',
    '100871,opt-in,oral,granted,2/3/2026,One-time use during this call',
    '101552,opt-in,electronic,denied,2026-02-10,',
    '100234,opt-out,electronic,revoked,3/1/2026,',
    '',
  ].join('\r\n');
}

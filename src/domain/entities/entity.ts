/**
 * What every stored entity is defined by, in one file per entity: its row schema at the current
 * version, that version, its defaults, and one migration from each earlier version. Every way a
 * row comes in (a form's save, the database upgrade, a backup being restored) goes through
 * `upgradeRow`: a row from an earlier version is upgraded on the way in, a row from a newer
 * version is refused with a message saying so, and the result is checked against the schema.
 */
import * as v from 'valibot';
import { isIsoDate } from '../dates';

export type Row = Record<string, unknown>;

/** Row field holding the entity version that wrote it; rows from before versions were kept have none (version 1). */
export const VERSION_FIELD = 'entityVersion';

export interface EntityDefinition<T> {
  /** The entity's name in the change log and in messages ("client", "certification"). */
  readonly name: string;
  /** The current version: rows are written with it. */
  readonly version: number;
  /** The whole stored row at the current version. */
  readonly schema: v.GenericSchema<unknown, T>;
  /**
   * `migrations[n]` turns a version-n row into a version-(n+1) row. It may throw an
   * `EntityProblem` for a row it cannot upgrade; it never guesses.
   */
  readonly migrations: Readonly<Record<number, (row: Row) => Row>>;
  /**
   * Rows never carry their version (the change log: each entry's hash covers every field it
   * holds, so nothing is added to a stored entry). Its migrations must then accept any version.
   */
  readonly unstamped?: boolean;
}

/** A row that cannot be upgraded, in words. */
export class EntityProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EntityProblem';
  }
}

export function defineEntity<T>(def: EntityDefinition<T>): EntityDefinition<T> {
  for (let n = 1; n < def.version; n++) if (!def.migrations[n]) throw new Error(`The ${def.name} entity has no migration from version ${n}.`);
  return def;
}

export const isPlainObject = (x: unknown): x is Row => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The version a row was written with (1 for rows from before versions were kept), or a message. */
export function rowVersion(def: EntityDefinition<unknown>, row: Row): number | string {
  const version = row[VERSION_FIELD];
  if (version === undefined) return 1;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return `Its version (${VERSION_FIELD}) must be a whole number from 1.`;
  if (version > def.version)
    return `It was saved by a newer version of CPNI Desk (${def.name} version ${version}; this version knows up to ${def.version}). Update the app to read it.`;
  return version;
}

/**
 * Runs the migrations from the row's version to the current one, without checking the result
 * (the database upgrade keeps a row it cannot check rather than lose it). Throws `EntityProblem`.
 */
export function migrateRow(def: EntityDefinition<unknown>, raw: unknown): Row {
  if (!isPlainObject(raw)) throw new EntityProblem(`A ${def.name} must be an object.`);
  const from = rowVersion(def, raw);
  if (typeof from === 'string') throw new EntityProblem(from);
  let row: Row = { ...raw };
  for (let n = from; n < def.version; n++) row = def.migrations[n]!(row);
  // An entity still at its first version has never needed the field; the change log never carries it.
  if (def.version > 1 && !def.unstamped) row[VERSION_FIELD] = def.version;
  return row;
}

// ---- Problems in words ----

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  strict_object: 'an object',
  loose_object: 'an object',
  record: 'an object',
  integer: 'a whole number',
  null: 'empty',
  // Only `plain` below leaves a custom check without its own message.
  custom: 'an object (not a list)',
};

/** Valibot's own message for a check that has none of ours: the field's name, in words. */
function plainMessage(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  const field = path ? `“${path}”` : 'The row';
  if (issue.input === undefined) return `${field} is missing.`;
  if ((issue.type === 'picklist' || issue.type === 'literal') && issue.expected) {
    const options = issue.expected.replace(/^\((.*)\)$/, '$1').split(' | ').map((o) => (o === '""' ? 'empty' : o.replaceAll('"', '')));
    return `${field} must be ${options.length > 1 ? `one of ${options.join(', ')}` : options[0]}.`;
  }
  if (issue.type === 'strict_object' && issue.expected === 'never') return `${field} is not a field this version of CPNI Desk knows.`;
  return `${field} must be ${TYPE_WORDS[issue.type] ?? (issue.expected && !/[<>|()]/.test(issue.expected) ? issue.expected : 'something else')}.`;
}

// A nested issue gets its path only after its message is made, so ours is written afterwards.
const PLAIN = '\u0000plain';
const CONFIG = { abortPipeEarly: true, message: () => PLAIN } as const;

/** Every field's first message, in order, or the parsed value. */
export function checkAgainst<S extends v.GenericSchema>(schema: S, input: unknown): { output?: v.InferOutput<S>; messages: string[] } {
  const result = v.safeParse(schema, input, CONFIG);
  if (result.success) return { output: result.output, messages: [] };
  const seen = new Set<string>();
  const messages: string[] = [];
  for (const issue of result.issues) {
    const key = v.getDotPath(issue) ?? '';
    if (seen.has(key)) continue;
    seen.add(key);
    messages.push(issue.message === PLAIN ? plainMessage(issue) : issue.message);
  }
  return { messages };
}

export type Upgraded<T> = { ok: true; value: T; from: number } | { ok: false; messages: string[] };

/** A row from any version → the current row, checked; or every problem in words. */
export function upgradeRow<T>(def: EntityDefinition<T>, raw: unknown): Upgraded<T> {
  if (!isPlainObject(raw)) return { ok: false, messages: [`A ${def.name} must be an object.`] };
  const from = rowVersion(def, raw);
  if (typeof from === 'string') return { ok: false, messages: [from] };
  let row: Row;
  try {
    row = migrateRow(def, raw);
  } catch (e) {
    if (e instanceof EntityProblem) return { ok: false, messages: [e.message] };
    throw e;
  }
  const checked = checkAgainst(def.schema, row);
  return checked.output === undefined ? { ok: false, messages: checked.messages } : { ok: true, value: checked.output, from };
}

/** Checks a row about to be written at the current version; throws its problems in words. */
export function assertRow<T>(def: EntityDefinition<T>, row: unknown): T {
  const checked = checkAgainst(def.schema, row);
  if (checked.output === undefined) throw new EntityProblem(`This ${def.name} was not saved: ${checked.messages.join(' ')}`);
  return checked.output;
}

/**
 * An object schema that refuses a list: valibot's object schemas take an array as an object
 * with no fields, so `overrides: []` would pass as "no overrides".
 */
export function plain<S extends v.GenericSchema>(schema: S) {
  return v.pipe(v.custom<unknown>((x) => x === undefined || isPlainObject(x)), schema);
}

// ---- Columns every stored row carries ----

/**
 * Ids are matched exactly, so one with spaces around it, or control characters in it, is refused
 * rather than trimmed into another row's id.
 */
export const idSchema = (label: string) =>
  v.pipe(
    v.string(`${label} must be text.`),
    v.nonEmpty(`${label} is empty.`),
    v.maxLength(200, `${label} is longer than 200 characters.`),
    // eslint-disable-next-line no-control-regex
    v.check((s) => s.trim() === s && !/[\u0000-\u001f\u007f]/.test(s), `${label} has spaces around it or control characters in it.`),
  );

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * An instant (ISO 8601 with a zone) that names a real moment: 2026-02-30T… and T24:00 have the
 * shape but are refused, where `Date.parse` would roll them over into another day.
 */
export function isInstant(s: string): boolean {
  if (s.length > 40) return false;
  const m = INSTANT.exec(s);
  if (!m) return false;
  const [, y, mo, d, h, mi, sec, , zh, zm] = m;
  if (!isIsoDate(`${y}-${mo}-${d}`)) return false;
  if (Number(h) > 23 || Number(mi) > 59 || (sec !== undefined && Number(sec) > 59)) return false;
  if (zh !== undefined && (Number(zh) > 23 || Number(zm) > 59)) return false;
  return !Number.isNaN(Date.parse(s));
}

export const instantSchema = (label: string) =>
  v.pipe(v.string(`${label} must be a date and time.`), v.check(isInstant, `${label} must be a real date and time (like 2026-03-04T15:00:00.000Z).`));

export const revSchema = v.pipe(
  v.number('The revision (rev) must be a number.'),
  v.integer('The revision (rev) must be a whole number.'),
  v.minValue(1, 'The revision (rev) must be 1 or more.'),
  v.maxValue(Number.MAX_SAFE_INTEGER, 'The revision (rev) is too large.'),
);

/** id, created and updated instants, revision and version: the columns of every stored row. */
export function stampEntries(version: number) {
  return {
    id: idSchema('The id'),
    createdAt: instantSchema('Created at'),
    updatedAt: instantSchema('Updated at'),
    rev: revSchema,
    [VERSION_FIELD]: v.literal(version, `Its version (${VERSION_FIELD}) must be ${version}.`),
  } as const;
}

/** The version-1 → 2 step every entity shares: revisions start at 1. */
export function addRevision(row: Row): Row {
  return { ...row, rev: typeof row.rev === 'number' ? row.rev : 1 };
}

/** A date as stored: 'YYYY-MM-DD' on the calendar, or '' for none. */
export const dateOrEmpty = (label: string) =>
  v.pipe(v.string(`${label} must be a date (YYYY-MM-DD) or empty.`), v.check((s) => s === '' || isIsoDate(s), `${label} must be a date (YYYY-MM-DD) or empty.`));

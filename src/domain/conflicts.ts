/**
 * When a save finds the row changed since the form loaded it (another tab or window saved
 * first), nothing is written; the form shows what the other version changed, field by field,
 * and the user keeps theirs or takes the other for each. A field only the other version
 * changed defaults to the other version's value, so a save never silently reverts it.
 */
import { canonicalJson } from './sha256';

export const CHANGED_ELSEWHERE = 'This was changed in another tab or window since you opened it. Nothing was saved: compare the changes below, choose what to keep, and save again.';

export type Choice = 'mine' | 'theirs';

export interface FieldChange {
  /** The field's path ('legalName', 'answers.values.training'). */
  key: string;
  mine: unknown;
  theirs: unknown;
  /** Whether this screen changed the field too (then the user must choose). */
  mineChanged: boolean;
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

export function getPath(value: unknown, path: string): unknown {
  let at: unknown = value;
  for (const part of path.split('.')) at = isObj(at) ? at[part] : undefined;
  return at;
}

export function setPath(target: Obj, path: string, value: unknown): void {
  const parts = path.split('.');
  let at = target;
  for (const part of parts.slice(0, -1)) {
    if (!isObj(at[part])) at[part] = {};
    at = at[part] as Obj;
  }
  const last = parts.at(-1)!;
  if (value === undefined) delete at[last];
  else at[last] = value;
}

/**
 * The field paths of a row: its own keys, with each path in `containers` opened into its
 * children (so that two answers to different topics are two fields, not one).
 */
export function fieldPaths(rows: unknown[], keys: readonly string[], containers: readonly string[] = []): string[] {
  const out: string[] = [];
  const visit = (path: string) => {
    if (!containers.includes(path)) return void out.push(path);
    const children = new Set<string>();
    for (const row of rows) {
      const value = getPath(row, path);
      if (isObj(value)) for (const k of Object.keys(value)) children.add(k);
    }
    [...children].sort().forEach((k) => visit(`${path}.${k}`));
  };
  keys.forEach(visit);
  return out;
}

/** The fields the other version changed since `base` (what this screen loaded). */
export function otherChanges(base: unknown, mine: unknown, theirs: unknown, paths: readonly string[]): FieldChange[] {
  return paths
    .filter((p) => !same(getPath(base, p), getPath(theirs, p)))
    .map((key) => ({ key, mine: getPath(mine, key), theirs: getPath(theirs, key), mineChanged: !same(getPath(base, key), getPath(mine, key)) }))
    .filter((c) => !same(c.mine, c.theirs));
}

/**
 * Every field where this screen and the stored version differ, whoever changed it: for a
 * version that cannot take edits (signed), so the user sees their own edits to copy.
 */
export function allDifferences(base: unknown, mine: unknown, theirs: unknown, paths: readonly string[]): FieldChange[] {
  return paths
    .filter((p) => !same(getPath(mine, p), getPath(theirs, p)))
    .map((key) => ({ key, mine: getPath(mine, key), theirs: getPath(theirs, key), mineChanged: !same(getPath(base, key), getPath(mine, key)) }));
}

/** The choice offered first: keep an edit of mine, take a change only the other version made. */
export function defaultChoices(changes: readonly FieldChange[]): Record<string, Choice> {
  return Object.fromEntries(changes.map((c) => [c.key, c.mineChanged ? 'mine' : 'theirs']));
}

/** My version with the other version's value in each field chosen so. */
export function applyChoices<T>(mine: T, changes: readonly FieldChange[], choices: Record<string, Choice>): T {
  const out = structuredClone(mine) as Obj;
  for (const c of changes) if ((choices[c.key] ?? (c.mineChanged ? 'mine' : 'theirs')) === 'theirs') setPath(out, c.key, structuredClone(c.theirs));
  return out as T;
}

/** A stored value in words, for the comparison. */
export function describeValue(value: unknown): string {
  const text = (() => {
    if (value === undefined || value === null || value === '') return '(empty)';
    if (typeof value === 'boolean') return value ? 'Yes' : 'No';
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    if (Array.isArray(value)) return value.length ? value.map(describeValue).join('; ') : '(none)';
    if (isObj(value)) {
      const parts = Object.entries(value).filter(([, v]) => v !== undefined && v !== '' && v !== null).map(([k, v]) => `${k}: ${describeValue(v)}`);
      return parts.length ? parts.join(', ') : '(empty)';
    }
    return String(value);
  })();
  return text.length > 400 ? `${text.slice(0, 397)}…` : text;
}

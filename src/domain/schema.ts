/**
 * The stored entities and their validators: one schema per entity serves the form, the
 * database layer and the backup importer. Messages are written for the person at the form.
 */
import * as v from 'valibot';
import { isIsoDate } from './dates';

export const US_STATES = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS',
  'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC',
  'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY',
  // Territories and freely associated states with USPS codes.
  'AS', 'GU', 'MP', 'PR', 'VI', 'UM', 'FM', 'MH', 'PW',
] as const;

export const SERVICES = ['wireline', 'interconnectedVoip', 'wireless'] as const;
export type Service = (typeof SERVICES)[number];
export const SERVICE_LABELS: Record<Service, string> = {
  wireline: 'Wireline telecommunications',
  interconnectedVoip: 'Interconnected VoIP',
  wireless: 'Wireless (CMRS)',
};

/** Columns every stored row carries. */
export interface Stamped {
  id: string;
  createdAt: string; // instant, ISO 8601
  updatedAt: string;
  /** Revision: 1 when created, one more on every write (a save names the revision it started from). */
  rev?: number;
  /** The version of the entity's definition the row was written with (src/domain/entities). */
  entityVersion?: number;
}

/**
 * The longest text a field holds: far above any note or summary written by hand (so no row saved
 * before the limit existed is refused), and no multi-megabyte field to freeze the page showing it.
 */
export const MAX_TEXT = 100_000;
export const TOO_LONG = `This is longer than ${MAX_TEXT.toLocaleString('en-US')} characters: shorten it (keep long documents outside CPNI Desk and note where they are).`;
const trimmed = v.pipe(v.string(), v.trim(), v.maxLength(MAX_TEXT, TOO_LONG));
const optionalText = v.optional(trimmed, '');
const required = (label: string) => v.pipe(v.string(), v.trim(), v.nonEmpty(`${label} is required.`), v.maxLength(MAX_TEXT, TOO_LONG));

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
// Three messages, because "must be a date (YYYY-MM-DD)" misleads for an empty field or for
// 2026-02-30, which has that shape but is not a day on the calendar.
export const isoDate = (label: string) =>
  v.pipe(
    v.string(`${label} is required.`),
    v.nonEmpty(`${label} is required.`),
    v.regex(DATE_SHAPE, `${label} must be a date (YYYY-MM-DD).`),
    v.check((s) => isIsoDate(s), `${label} is not a real date on the calendar.`),
  );
export const optionalIsoDate = (label: string) =>
  v.optional(
    v.pipe(
      v.string(`${label} must be a date (YYYY-MM-DD).`),
      v.check((s) => s === '' || DATE_SHAPE.test(s), `${label} must be a date (YYYY-MM-DD).`),
      v.check((s) => s === '' || isIsoDate(s), `${label} is not a real date on the calendar.`),
    ),
    '',
  );

export const filerIdSchema = v.pipe(
  v.string(),
  v.trim(),
  v.nonEmpty('Form 499 Filer ID is required.'),
  v.regex(/^\d+$/, 'Form 499 Filer ID must contain digits only.'),
);

const frnSchema = v.optional(
  v.pipe(v.string(), v.trim(), v.regex(/^(\d{10})?$/, 'FRN must be exactly 10 digits (keep any leading zeros).')),
  '',
);

const email = v.optional(
  // The length is checked first: the pattern is slow on very long text.
  v.pipe(v.string(), v.trim(), v.maxLength(254, 'An email address is at most 254 characters.'), v.regex(/^([^\s@]+@[^\s@]+\.[^\s@]+)?$/, 'Enter an email address like name@example.com.')),
  '',
);

const phone = v.optional(
  v.pipe(
    v.string(),
    v.trim(),
    v.maxLength(40, 'A phone number is at most 40 characters.'),
    v.check((s) => s === '' || (/^[\d\s().+-]+(x\d+)?$/i.test(s) && s.replace(/\D/g, '').length >= 10), 'Enter a phone number with area code, like (202) 555-0100.'),
  ),
  '',
);

export const addressSchema = v.object({
  street: optionalText,
  city: optionalText,
  state: v.optional(
    v.pipe(v.string(), v.trim(), v.toUpperCase(), v.check((s) => s === '' || (US_STATES as readonly string[]).includes(s), 'State must be a USPS code such as VA, DC or PR.')),
    '',
  ),
  zip: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^(\d{5}(-\d{4})?)?$/, 'ZIP must be 5 digits or ZIP+4 (12345-6789).')), ''),
});
export type Address = v.InferOutput<typeof addressSchema>;

export const officerSchema = v.object({
  id: v.string(),
  name: required('Officer name'),
  title: required('Officer title'),
  isDefaultSignatory: v.optional(v.boolean(), false),
});
export type Officer = v.InferOutput<typeof officerSchema>;

export const affiliateSchema = v.object({
  id: v.string(),
  legalName: required('Affiliate name'),
  filerId: filerIdSchema,
});
export type Affiliate = v.InferOutput<typeof affiliateSchema>;

export const clientFields = v.object({
  legalName: required('Legal name'),
  dbaNames: v.optional(v.array(trimmed), []),
  filerId: filerIdSchema,
  frn: frnSchema,
  address: v.optional(addressSchema, { street: '', city: '', state: '', zip: '' }),
  phone,
  email,
  officers: v.optional(v.array(officerSchema), []),
  services: v.optional(v.array(v.picklist(SERVICES)), []),
  affiliates: v.optional(v.array(affiliateSchema), []),
  notes: optionalText,
  archived: v.optional(v.boolean(), false),
});

export const clientSchema = v.pipe(
  clientFields,
  v.forward(
    v.check((c) => c.frn === '' || c.filerId !== c.frn, 'The Filer ID is the same as the FRN. The Form 499 Filer ID is a different number, assigned by USAC.'),
    ['filerId'],
  ),
  v.forward(
    v.check((c) => c.officers.filter((o) => o.isDefaultSignatory).length <= 1, 'Mark only one officer as the default signatory.'),
    ['officers'],
  ),
);
export type ClientInput = v.InferInput<typeof clientSchema>;
export type ClientFields = v.InferOutput<typeof clientSchema>;
export type Client = ClientFields & Stamped;

export const preparerSchema = v.object({
  name: required('Name'),
  credentials: optionalText,
  firm: optionalText,
  letterhead: v.optional(v.array(trimmed), []),
  address: v.optional(addressSchema, { street: '', city: '', state: '', zip: '' }),
  phone,
  email,
  isDefault: v.optional(v.boolean(), false),
});
export type PreparerFields = v.InferOutput<typeof preparerSchema>;
export type Preparer = PreparerFields & Stamped;

export const closureSchema = v.object({
  date: isoDate('Closure date'),
  note: required('A note on why the FCC was closed'),
});
export type Closure = v.InferOutput<typeof closureSchema>;

export const settingsSchema = v.object({
  closures: v.optional(v.array(closureSchema), []),
  breachRule2023EffectiveDate: optionalIsoDate('The 2023 breach rule effective date'),
  dueSoonDays: v.optional(v.pipe(v.number(), v.integer('Use a whole number of days.'), v.minValue(1, 'At least 1 day.'), v.maxValue(120, 'At most 120 days.')), 14),
  firstRunDone: v.optional(v.boolean(), false),
  lastBackupAt: v.optional(v.string(), ''),
  /** Who uses this device, as the change log names them (empty: not named). */
  userName: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100, 'Use at most 100 characters.')), ''),
});
export type Settings = v.InferOutput<typeof settingsSchema>;
export { DEFAULT_SETTINGS } from './settings-defaults';

/** Field path ('address.zip', 'officers.0.title') → first message. */
export type FieldErrors = Record<string, string>;

export function fieldErrors(issues: readonly v.BaseIssue<unknown>[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = v.getDotPath(issue) ?? '';
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export function validate<S extends v.GenericSchema>(schema: S, input: unknown): Validated<v.InferOutput<S>> {
  const result = v.safeParse(schema, input, { abortPipeEarly: true });
  return result.success ? { ok: true, value: result.output } : { ok: false, errors: fieldErrors(result.issues) };
}

// Officer titles (§ 64.2009(e) requires an officer to sign). A title outside this list is a
// warning, not an error: small carriers use many titles, and the user knows the bylaws.
const OFFICER_TITLE = /\b(president|vice[- ]president|vp|ceo|cfo|coo|cto|cio|cco|chief\b.*\bofficer|chief executive|chief financial|chief operating|secretary|treasurer|chair(man|woman|person)?|officer|general manager|managing member|member[- ]manager|owner|partner|principal|director)\b/i;
const NON_OFFICER_TITLE = /\b(consultant|counsel|attorney|paralegal|agent|assistant|coordinator|analyst|specialist|clerk|representative|contractor|accountant|preparer)\b/i;

export function looksLikeOfficerTitle(title: string): boolean {
  const t = title.trim();
  if (!t) return false;
  if (/\bassistant\b/i.test(t) && /\b(secretary|treasurer)\b/i.test(t)) return true;
  return OFFICER_TITLE.test(t) && !NON_OFFICER_TITLE.test(t.replace(/\bchief\b.*\bofficer\b/i, ''));
}

/** Soft findings that never block saving. */
export function clientWarnings(c: Pick<ClientFields, 'filerId' | 'officers' | 'affiliates'>): FieldErrors {
  const out: FieldErrors = {};
  if (/^\d+$/.test(c.filerId) && c.filerId.length !== 6)
    out.filerId = `Filer IDs in public CPNI filings are usually 6 digits; this one has ${c.filerId.length}. Check it against your Form 499-A (6 digits is observed, not confirmed by the FCC).`;
  c.officers.forEach((o, i) => {
    if (o.title.trim() && !looksLikeOfficerTitle(o.title))
      out[`officers.${i}.title`] = `"${o.title}" does not look like an officer's title. The certification must be signed by an officer of the company (§ 64.2009(e)).`;
  });
  c.affiliates.forEach((a, i) => {
    if (/^\d+$/.test(a.filerId) && a.filerId.length !== 6)
      out[`affiliates.${i}.filerId`] = `Filer IDs are usually 6 digits; this one has ${a.filerId.length}.`;
  });
  return out;
}

export function defaultSignatory(c: Pick<ClientFields, 'officers'>): Officer | undefined {
  return c.officers.find((o) => o.isDefaultSignatory) ?? c.officers[0];
}

/**
 * Encrypted backups. The envelope stays readable (what the file is, which versions wrote it,
 * when, how many rows, and how the key is derived); the rows are AES-256-GCM ciphertext under a
 * key derived from the user's passphrase with PBKDF2-SHA-256. The readable header is the
 * additional authenticated data, so changing any of it (the counts, the salt, the iteration
 * count) fails decryption exactly as a changed ciphertext byte does. Web Crypto only; the
 * passphrase is never stored.
 */
import { bytesToBase64, decodeBackupFile, parseBackup, type CheckProgress, type ParsedBackup } from './backup';
import { base64Bytes, jsonWithLastField, strictBase64ToBytes } from './backup-bytes';
import { formatCount } from './counts';

export const KDF_ITERATIONS = 600_000;
/** Files asking for fewer or more rounds than this are refused (too weak to have come from here, or a stall). */
const MIN_ITERATIONS = 1_000;
const MAX_ITERATIONS = 10_000_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;

export interface KdfParams {
  name: 'PBKDF2';
  hash: 'SHA-256';
  iterations: number;
  /** base64 */
  salt: string;
}

export interface CipherParams {
  name: 'AES-GCM';
  /** base64, 96 bits */
  iv: string;
}

/** The readable part of an encrypted backup: the plain envelope's fields without `data`, and how to decrypt. */
export type EncryptedHeader = Record<string, unknown> & { encrypted: true; kdf: KdfParams; cipher: CipherParams };
export type EncryptedBackupFile = EncryptedHeader & { ciphertext: string };

export function isEncryptedBackup(value: unknown): value is { encrypted: true } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && (value as { encrypted?: unknown }).encrypted === true;
}

/** The header's bytes as authenticated: its JSON with keys sorted at every level. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** A new file's random salt and IV, and its key, whose derivation (the slow part) starts at once. */
export interface Sealing {
  salt: Uint8Array;
  iv: Uint8Array;
  iterations: number;
  key: Promise<CryptoKey>;
}

/**
 * Starts encrypting a new file under `passphrase`: the key is derived while the caller goes on
 * (reading the rows), and `sealBackup` waits for it. `iterations` is for tests; files written by
 * the app use KDF_ITERATIONS.
 */
export function startSealing(passphrase: string, iterations = KDF_ITERATIONS): Sealing {
  if (!passphrase) throw new Error('Enter a passphrase to encrypt the backup.');
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const key = deriveKey(passphrase, salt, iterations);
  key.catch(() => undefined); // reported where it is awaited
  return { salt, iv, iterations, key };
}

/**
 * Encrypts a backup's data, given as the bytes of its JSON: `readable` (the envelope's fields
 * but `data`) stays readable and, with the KDF and cipher parameters, is the additional
 * authenticated data. Gives the readable header and the ciphertext.
 */
export async function sealBackup(readable: Record<string, unknown>, plain: Uint8Array, sealing: Sealing): Promise<{ header: EncryptedHeader; sealed: Uint8Array }> {
  const { salt, iv, iterations } = sealing;
  const header: EncryptedHeader = {
    ...readable,
    encrypted: true,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: bytesToBase64(salt) },
    cipher: { name: 'AES-GCM', iv: bytesToBase64(iv) },
  };
  const key = await sealing.key;
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv as BufferSource, additionalData: new TextEncoder().encode(canonicalJson(header)) as BufferSource }, key, plain as BufferSource);
  return { header, sealed: new Uint8Array(sealed) };
}

/** The encrypted file's bytes, as parts of a Blob: the same bytes as `JSON.stringify({ ...header, ciphertext })`. */
export function encryptedFileParts(header: EncryptedHeader, sealed: Uint8Array): Uint8Array[] {
  return jsonWithLastField(header, 'ciphertext', base64Bytes(sealed), true);
}

/**
 * Encrypts a backup envelope: everything but `data` stays readable, `data` becomes the
 * ciphertext. `iterations` is for tests; files written by the app use KDF_ITERATIONS.
 */
export async function encryptBackup(envelope: Record<string, unknown> & { data: unknown }, passphrase: string, iterations = KDF_ITERATIONS): Promise<EncryptedBackupFile> {
  const sealing = startSealing(passphrase, iterations);
  const { data, ...readable } = envelope;
  const { header, sealed } = await sealBackup(readable, new TextEncoder().encode(JSON.stringify(data)), sealing);
  return { ...header, ciphertext: bytesToBase64(sealed) };
}

export type Decrypted = { ok: true; envelope: Record<string, unknown> } | { ok: false; problem: string };

function bytesOf(text: unknown, length?: number): Uint8Array | undefined {
  // One pass over the text: checked and decoded as /^[A-Za-z0-9+/]*={0,2}$/ and atob would.
  const bytes = typeof text === 'string' ? strictBase64ToBytes(text) : undefined;
  return bytes && (length === undefined || bytes.length === length) ? bytes : undefined;
}

/**
 * Decrypts an encrypted backup back to the plain envelope (header fields plus `data`), which
 * then goes through the same checks as any backup. A wrong passphrase and a changed file look
 * the same to AES-GCM: both are said in one message, and nothing is restored.
 */
export async function decryptBackup(file: Record<string, unknown>, passphrase: string): Promise<Decrypted> {
  const { ciphertext, ...header } = file;
  const kdf = header.kdf as Partial<KdfParams> | undefined;
  const cipher = header.cipher as Partial<CipherParams> | undefined;
  if (!kdf || kdf.name !== 'PBKDF2' || kdf.hash !== 'SHA-256') return { ok: false, problem: 'The file is marked encrypted, but its key derivation is not the PBKDF2-SHA-256 this app uses.' };
  if (!cipher || cipher.name !== 'AES-GCM') return { ok: false, problem: 'The file is marked encrypted, but not with the AES-GCM this app uses.' };
  if (typeof kdf.iterations !== 'number' || !Number.isInteger(kdf.iterations) || kdf.iterations < MIN_ITERATIONS || kdf.iterations > MAX_ITERATIONS)
    return { ok: false, problem: `The file asks for ${String(kdf.iterations)} key-derivation rounds; this app reads files with ${formatCount(MIN_ITERATIONS)} to ${formatCount(MAX_ITERATIONS)}.` };
  const salt = bytesOf(kdf.salt, SALT_BYTES);
  const iv = bytesOf(cipher.iv, IV_BYTES);
  const sealed = bytesOf(ciphertext);
  if (!salt || !iv) return { ok: false, problem: 'The file is marked encrypted, but its salt or IV is damaged.' };
  if (!sealed || sealed.length < 16) return { ok: false, problem: 'The encrypted part of the file is missing or damaged (it may have been cut short).' };
  if (!passphrase) return { ok: false, problem: 'This backup is encrypted: enter its passphrase.' };
  let plain: ArrayBuffer;
  try {
    const key = await deriveKey(passphrase, salt, kdf.iterations);
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: iv as BufferSource, additionalData: new TextEncoder().encode(canonicalJson(header)) as BufferSource }, key, sealed as BufferSource);
  } catch {
    return { ok: false, problem: 'The passphrase is wrong, or the file was changed after it was made. Nothing was restored.' };
  }
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
  } catch {
    return { ok: false, problem: 'The file decrypted, but what it holds is not a backup this app can read.' };
  }
  const readable: Record<string, unknown> = { ...header };
  for (const key of ['encrypted', 'kdf', 'cipher']) delete readable[key];
  return { ok: true, envelope: { ...readable, data } };
}

/** A file's text, decrypted when it was encrypted, or why it cannot be read. */
export type Unsealed = { ok: true; text: string; encrypted: boolean } | { ok: false; problems: string[]; encrypted: true; needsPassphrase?: boolean };

// An encrypted file says so in its header, which JSON.stringify writes before the ciphertext.
const ENCRYPTED_MARK = /"encrypted"\s*:\s*true/;

/**
 * The text of a backup or a client file: strict UTF-8, then, for an encrypted one, the
 * passphrase and the GCM check. A plain file's text comes back as it is, for its own parser to
 * judge. `words` names the file in the messages ("backup", "client file") and what was left
 * untouched ("Nothing was restored.").
 */
export async function unsealFile(file: string | Uint8Array | ArrayBuffer, passphrase: string, words: { file: string; untouched: string }): Promise<Unsealed | { ok: false; problems: string[]; encrypted: false }> {
  const opened = await unsealToJson(file, passphrase, words);
  if (!opened.ok || !opened.encrypted) return opened;
  return { ok: true, text: JSON.stringify(opened.envelope), encrypted: true };
}

/** As `unsealFile`, but a decrypted file comes back parsed (its envelope), not as text to parse again. */
async function unsealToJson(
  file: string | Uint8Array | ArrayBuffer,
  passphrase: string,
  words: { file: string; untouched: string },
): Promise<{ ok: true; text: string; encrypted: false } | { ok: true; envelope: Record<string, unknown>; encrypted: true } | Exclude<Unsealed, { ok: true }> | { ok: false; problems: string[]; encrypted: false }> {
  let text: string;
  if (typeof file === 'string') text = file;
  else {
    const decoded = decodeBackupFile(file);
    if (!decoded.ok) return { ...decoded, encrypted: false };
    text = decoded.text;
  }
  if (!ENCRYPTED_MARK.test(text.slice(0, 4096))) return { ok: true, text, encrypted: false };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: true, text, encrypted: false }; // not complete JSON: its parser says so
  }
  if (!isEncryptedBackup(json)) return { ok: true, text, encrypted: false };
  if (!passphrase) return { ok: false, encrypted: true, needsPassphrase: true, problems: [`This ${words.file} is encrypted: enter its passphrase.`] };
  const opened = await decryptBackup(json as Record<string, unknown>, passphrase);
  if (!opened.ok) return { ok: false, encrypted: true, needsPassphrase: /passphrase/.test(opened.problem), problems: [opened.problem.replace('Nothing was restored.', words.untouched)] };
  return { ok: true, envelope: opened.envelope, encrypted: true };
}

/** What opening a backup file gives: the checked backup, or the problems, and whether a passphrase is what is missing. */
export type OpenedBackup = ParsedBackup & { encrypted: boolean; needsPassphrase?: boolean };

/** Opens a backup file, plain or encrypted, then checks it like every backup (`parseBackup`). Nothing here stores anything. */
export async function openBackupFile(bytes: Uint8Array | ArrayBuffer, passphrase: string, app?: { schemaVersion: number }, onProgress?: CheckProgress): Promise<OpenedBackup> {
  const unsealed = await unsealToJson(bytes, passphrase, { file: 'backup', untouched: 'Nothing was restored.' });
  if (!unsealed.ok) return unsealed;
  return { ...parseBackup(unsealed.encrypted ? { json: unsealed.envelope } : unsealed.text, app, { onProgress }), encrypted: unsealed.encrypted };
}

/**
 * Writing a backup file as bytes, fast enough for 150,000 rows: JSON written straight into a
 * growing UTF-8 buffer (a list can be written page by page as its rows are read), and base64
 * written as bytes. What comes out is byte for byte what JSON.stringify and btoa would give, so
 * files stay readable by every version of the app.
 */

const ENCODER = new TextEncoder();
const COMMA = 0x2c;

/** UTF-8 text appended to one growing buffer (no intermediate strings or copies of what is written). */
export class Utf8Buffer {
  private buffer: Uint8Array;
  length = 0;

  constructor(capacity = 1 << 16) {
    this.buffer = new Uint8Array(capacity);
  }

  private reserve(extra: number) {
    if (this.buffer.length - this.length >= extra) return;
    const next = new Uint8Array(Math.max(this.buffer.length * 2, this.length + extra));
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }

  text(text: string): this {
    let rest = text;
    for (;;) {
      // Every UTF-16 unit is at least one byte: reserve that, and more if it did not fit.
      this.reserve(rest.length);
      const { read, written } = ENCODER.encodeInto(rest, this.buffer.subarray(this.length));
      this.length += written;
      if (read === rest.length) return this;
      rest = rest.slice(read);
      this.reserve(rest.length * 3);
    }
  }

  /** Overwrites one byte already written (an ASCII character). */
  setByte(at: number, byte: number) {
    this.buffer[at] = byte;
  }

  /** Forgets the last `count` bytes written. */
  drop(count: number) {
    this.length -= count;
  }

  /** What was written (a view: valid until the next write). */
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

/**
 * A JSON list written page by page: after `add` of every page, `finish` gives the same bytes as
 * `JSON.stringify(allRows)`.
 */
export class JsonListWriter {
  private readonly out = new Utf8Buffer();
  private started = false;
  count = 0;

  add(rows: readonly unknown[]): void {
    if (!rows.length) return;
    const at = this.out.length;
    this.out.text(JSON.stringify(rows));
    // "[a,b]" then "[c]" → "[a,b" + ",c": the page's "]" goes, the next page's "[" becomes ",".
    if (this.started) this.out.setByte(at, COMMA);
    this.out.drop(1);
    this.started = true;
    this.count += rows.length;
  }

  finish(): Uint8Array {
    this.out.text(this.started ? ']' : '[]');
    return this.out.bytes();
  }
}

/** Byte arrays joined into one. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

const ALPHABET = new TextEncoder().encode('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
const PAD = 0x3d; // '='

/** The base64 of `bytes` (standard alphabet, padded: what `btoa` gives), as ASCII bytes. */
export function base64Bytes(bytes: Uint8Array): Uint8Array {
  const n = bytes.length;
  const out = new Uint8Array(Math.ceil(n / 3) * 4);
  const at = (i: number) => ALPHABET[i & 63]!;
  let o = 0;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = at(v >> 18);
    out[o++] = at(v >> 12);
    out[o++] = at(v >> 6);
    out[o++] = at(v);
  }
  if (i < n) {
    const two = i + 1 < n;
    const v = (bytes[i]! << 16) | (two ? bytes[i + 1]! << 8 : 0);
    out[o] = at(v >> 18);
    out[o + 1] = at(v >> 12);
    out[o + 2] = two ? at(v >> 6) : PAD;
    out[o + 3] = PAD;
  }
  return out;
}

/**
 * The bytes of `JSON.stringify({ ...head, [key]: value })` where `value` is a JSON value already
 * written as bytes (or, with `quoted`, the bytes of a string that needs no escaping, such as
 * base64), as parts: nothing large is copied.
 */
export function jsonWithLastField(head: Record<string, unknown>, key: string, value: Uint8Array, quoted = false): Uint8Array[] {
  if (Object.prototype.hasOwnProperty.call(head, key)) throw new Error(`“${key}” is already in the head.`);
  const open = JSON.stringify(head);
  const comma = open === '{}' ? '' : ',';
  const q = quoted ? '"' : '';
  return [ENCODER.encode(`${open.slice(0, -1)}${comma}${JSON.stringify(key)}:${q}`), value, ENCODER.encode(`${q}}`)];
}

const DECODE = (() => {
  const table = new Int8Array(128).fill(-1);
  ALPHABET.forEach((c, i) => (table[c] = i));
  return table;
})();

/**
 * The bytes of a base64 text in one pass, or undefined unless it is whole padded base64 (a length
 * that is a multiple of 4, the standard alphabet, at most two "=" at the end): what checking it
 * against /^[A-Za-z0-9+/]*={0,2}$/ and decoding it with atob gives, without the intermediate
 * string.
 */
export function strictBase64ToBytes(text: string): Uint8Array | undefined {
  const n = text.length;
  if (n % 4 !== 0) return undefined;
  const pad = n && text.charCodeAt(n - 1) === PAD ? (text.charCodeAt(n - 2) === PAD ? 2 : 1) : 0;
  const body = n - pad;
  const out = new Uint8Array((n / 4) * 3 - pad);
  const at = (k: number) => {
    const c = text.charCodeAt(k);
    return c < 128 ? DECODE[c]! : -1;
  };
  let o = 0;
  let i = 0;
  for (; i + 4 <= body; i += 4) {
    const a = at(i);
    const b = at(i + 1);
    const c = at(i + 2);
    const d = at(i + 3);
    if ((a | b | c | d) < 0) return undefined;
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = v >> 16;
    out[o++] = (v >> 8) & 255;
    out[o++] = v & 255;
  }
  if (i < body) {
    // Two or three characters before the padding: one or two bytes.
    const a = at(i);
    const b = at(i + 1);
    const c = body - i === 3 ? at(i + 2) : 0;
    if ((a | b | c) < 0) return undefined;
    const v = (a << 18) | (b << 12) | (c << 6);
    out[o] = v >> 16;
    if (body - i === 3) out[o + 1] = (v >> 8) & 255;
  }
  return out;
}

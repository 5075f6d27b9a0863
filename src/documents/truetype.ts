/**
 * Just enough of a TrueType reader to lay text out in an embedded font: which characters the
 * font has (cmap) and how wide each one is (hmtx). jsPDF embeds and subsets the font itself.
 */
export interface TrueTypeMetrics {
  /** Glyph index of a code point, 0 when the font lacks it. */
  glyphOf(codePoint: number): number;
  /** Advance width of a code point in 1/1000 em (the missing-glyph width when it is absent). */
  advanceOf(codePoint: number): number;
}

export class FontFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FontFormatError';
  }
}

export function readTrueType(bytes: Uint8Array): TrueTypeMetrics {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = readTableDirectory(view);
  const table = (tag: string): number => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new FontFormatError(`The font has no '${tag}' table.`);
    return offset;
  };

  const unitsPerEm = view.getUint16(table('head') + 18);
  const numberOfHMetrics = view.getUint16(table('hhea') + 34);
  const hmtx = table('hmtx');
  const lookup = readCmap(view, table('cmap'));
  const cache = new Map<number, number>();

  const glyphOf = (codePoint: number): number => {
    let glyph = cache.get(codePoint);
    if (glyph === undefined) {
      glyph = lookup(codePoint);
      cache.set(codePoint, glyph);
    }
    return glyph;
  };

  return {
    glyphOf,
    advanceOf(codePoint) {
      const glyph = Math.min(glyphOf(codePoint), numberOfHMetrics - 1);
      return (view.getUint16(hmtx + glyph * 4) * 1000) / unitsPerEm;
    },
  };
}

function readTableDirectory(view: DataView): Map<string, number> {
  if (view.byteLength < 12) throw new FontFormatError('The font file is empty or truncated.');
  const version = view.getUint32(0);
  if (version !== 0x00010000 && version !== 0x74727565) {
    throw new FontFormatError('The font file is not a TrueType font.');
  }
  const count = view.getUint16(4);
  const tables = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    const tag = String.fromCharCode(
      view.getUint8(record),
      view.getUint8(record + 1),
      view.getUint8(record + 2),
      view.getUint8(record + 3),
    );
    tables.set(tag, view.getUint32(record + 8));
  }
  return tables;
}

/** A lookup over the best Unicode subtable: format 12 (full range) before format 4 (BMP). */
function readCmap(view: DataView, cmap: number): (codePoint: number) => number {
  const count = view.getUint16(cmap + 2);
  let format4: number | undefined;
  let format12: number | undefined;
  for (let i = 0; i < count; i++) {
    const platform = view.getUint16(cmap + 4 + i * 8);
    const encoding = view.getUint16(cmap + 6 + i * 8);
    const offset = cmap + view.getUint32(cmap + 8 + i * 8);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const format = view.getUint16(offset);
    if (format === 12) format12 ??= offset;
    if (format === 4) format4 ??= offset;
  }
  if (format12 !== undefined) return format12Lookup(view, format12);
  if (format4 !== undefined) return format4Lookup(view, format4);
  throw new FontFormatError('The font has no Unicode character map.');
}

function format12Lookup(view: DataView, table: number): (codePoint: number) => number {
  const groups = view.getUint32(table + 12);
  return (codePoint) => {
    let lo = 0;
    let hi = groups - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const group = table + 16 + mid * 12;
      const start = view.getUint32(group);
      const end = view.getUint32(group + 4);
      if (codePoint < start) hi = mid - 1;
      else if (codePoint > end) lo = mid + 1;
      else return view.getUint32(group + 8) + (codePoint - start);
    }
    return 0;
  };
}

function format4Lookup(view: DataView, table: number): (codePoint: number) => number {
  const segments = view.getUint16(table + 6) / 2;
  const endCodes = table + 14;
  const startCodes = endCodes + segments * 2 + 2;
  const idDeltas = startCodes + segments * 2;
  const idRangeOffsets = idDeltas + segments * 2;
  return (codePoint) => {
    if (codePoint > 0xffff) return 0;
    for (let i = 0; i < segments; i++) {
      if (codePoint > view.getUint16(endCodes + i * 2)) continue;
      const start = view.getUint16(startCodes + i * 2);
      if (codePoint < start) return 0;
      const delta = view.getInt16(idDeltas + i * 2);
      const rangeOffsetAt = idRangeOffsets + i * 2;
      const rangeOffset = view.getUint16(rangeOffsetAt);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      const glyph = view.getUint16(rangeOffsetAt + rangeOffset + (codePoint - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

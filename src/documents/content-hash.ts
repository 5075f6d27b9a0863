/**
 * FNV-1a, 128 bits, over the UTF-8 bytes of a string, as 32 hex digits: a stable PDF file id.
 * Computed on eight 16-bit limbs in local variables (no BigInt per byte: a package's text runs
 * to 100 KB). The FNV-128 prime is 2^88 + 0x13b: a multiplication by it is the hash times 0x13b
 * plus the hash shifted left by 88 bits (five limbs and eight bits).
 */
export function contentHash(text: string): string {
  // 0x6c62272e07bb014262b821756295c58d, least significant limb first.
  let h0 = 0xc58d, h1 = 0x6295, h2 = 0x2175, h3 = 0x62b8, h4 = 0x0142, h5 = 0x07bb, h6 = 0x272e, h7 = 0x6c62;
  const bytes = new TextEncoder().encode(text);
  for (let k = 0; k < bytes.length; k++) {
    h0 ^= bytes[k]!;
    let v = h0 * 0x13b;
    const r0 = v & 0xffff;
    v = h1 * 0x13b + (v >>> 16);
    const r1 = v & 0xffff;
    v = h2 * 0x13b + (v >>> 16);
    const r2 = v & 0xffff;
    v = h3 * 0x13b + (v >>> 16);
    const r3 = v & 0xffff;
    v = h4 * 0x13b + (v >>> 16);
    const r4 = v & 0xffff;
    v = h5 * 0x13b + (v >>> 16) + ((h0 << 8) & 0xffff);
    const r5 = v & 0xffff;
    v = h6 * 0x13b + (v >>> 16) + (((h1 << 8) | (h0 >>> 8)) & 0xffff);
    const r6 = v & 0xffff;
    v = h7 * 0x13b + (v >>> 16) + (((h2 << 8) | (h1 >>> 8)) & 0xffff);
    h7 = v & 0xffff;
    h0 = r0; h1 = r1; h2 = r2; h3 = r3; h4 = r4; h5 = r5; h6 = r6;
  }
  return [h7, h6, h5, h4, h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, '0')).join('');
}

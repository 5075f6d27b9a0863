// Draws the app icons (a white document with a check mark on navy) as PNGs without any
// image library: run `node scripts/make-icons.mjs` after changing the design.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const NAVY = [30, 58, 138, 255];
const WHITE = [255, 255, 255, 255];
const GREEN = [22, 163, 74, 255];

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x / size, y / size), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

// `inset` shrinks the drawing into the maskable safe zone (the central 80%).
function design(inset) {
  const s = (v) => 0.5 + (v - 0.5) * inset;
  return (x, y) => {
    const [l, r, t, b] = [s(0.28), s(0.72), s(0.2), s(0.8)];
    const onCheck = (() => {
      const d1 = Math.abs((y - s(0.58)) - (x - s(0.38))) / Math.SQRT2;
      const d2 = Math.abs((y - s(0.66)) + (x - s(0.46))) / Math.SQRT2;
      const w = 0.035 * inset;
      return (d1 < w && x >= s(0.36) && x <= s(0.47)) || (d2 < w && x >= s(0.45) && x <= s(0.64));
    })();
    if (onCheck) return GREEN;
    if (x >= l && x <= r && y >= t && y <= b) {
      const line = [0.3, 0.38, 0.46].some((ly) => Math.abs(y - s(ly)) < 0.012 * inset) && x > s(0.34) && x < s(0.66);
      return line ? NAVY : WHITE;
    }
    return NAVY;
  };
}

mkdirSync('public/icons', { recursive: true });
writeFileSync('public/icons/icon-192.png', png(192, design(1)));
writeFileSync('public/icons/icon-512.png', png(512, design(1)));
writeFileSync('public/icons/maskable-512.png', png(512, design(0.8)));
writeFileSync('public/icons/apple-touch-icon-180.png', png(180, design(0.9)));

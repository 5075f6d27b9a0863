/**
 * An officer's signature image, as the certification stores it (a data: URL) and the signed
 * PDF draws it: a PNG or JPEG picture, checked by its bytes and not only by what it says it
 * is, since it may come from an upload, a drawing or a restored file.
 */

/** The largest picture accepted, in bytes: a signature scan needs far less. */
export const SIGNATURE_IMAGE_MAX_BYTES = 1_000_000;
/** The largest width or height accepted, in pixels. */
export const SIGNATURE_IMAGE_MAX_SIDE = 6000;

const DATA_URL = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/]*={0,2})$/;
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const size = (n: number) => (n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} MB` : `${Math.ceil(n / 1000)} kB`);

/**
 * Why a stored signature image is not one, in words: its form only (a PNG or JPEG base64 data:
 * URL within the size limit). Stored rows and restored files are held to this, not to the bytes:
 * an image recorded by an earlier version (a JPEG whose file was named .png) stays readable,
 * savable and restorable. New images are checked by their bytes (`signatureImageProblem`).
 */
export function storedSignatureImageProblem(dataUrl: unknown): string | undefined {
  if (typeof dataUrl !== 'string') return 'The signature image must be stored as text (a data: URL).';
  // Length first: a hostile value must not be decoded whole to be refused.
  if (dataUrl.length > Math.ceil(SIGNATURE_IMAGE_MAX_BYTES / 3) * 4 + 32)
    return `The signature image is larger than ${size(SIGNATURE_IMAGE_MAX_BYTES)}; use a smaller scan.`;
  // Only an image held in the file itself: a web address would make the app fetch it.
  if (!dataUrl.startsWith('data:image/')) return 'The signature image must be stored in the file (a data:image/ URL).';
  const m = DATA_URL.exec(dataUrl);
  if (!m || m[2]!.length % 4 !== 0) return 'The signature image must be a PNG or JPEG picture, stored in the file as a base64 data: URL.';
  return undefined;
}

/** Why `dataUrl` is not a usable new signature image, in words (its form and its bytes); undefined when it is one. */
export function signatureImageProblem(dataUrl: unknown): string | undefined {
  const formProblem = storedSignatureImageProblem(dataUrl);
  if (formProblem) return formProblem;
  const m = DATA_URL.exec(dataUrl as string)!;
  const bytes = decode(m[2]!);
  if (bytes.length === 0) return 'The signature image is empty.';
  if (bytes.length > SIGNATURE_IMAGE_MAX_BYTES) return `The signature image is larger than ${size(SIGNATURE_IMAGE_MAX_BYTES)}; use a smaller scan.`;
  if (m[1] === 'png') {
    if (!PNG_MAGIC.every((b, i) => bytes[i] === b) || bytes.length < 24) return 'The signature image says it is a PNG, but its content is not a PNG picture.';
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return sideProblem(view.getUint32(16), view.getUint32(20));
  }
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff) return 'The signature image says it is a JPEG, but its content is not a JPEG picture.';
  const frame = jpegFrameSize(bytes);
  if (!frame) return 'The signature image is not a complete JPEG picture: its size in pixels cannot be read.';
  return sideProblem(frame.width, frame.height);
}

function sideProblem(width: number, height: number): string | undefined {
  if (width >= 1 && height >= 1 && width <= SIGNATURE_IMAGE_MAX_SIDE && height <= SIGNATURE_IMAGE_MAX_SIDE) return undefined;
  return `The signature image is ${width} × ${height} pixels; it must be between 1 and ${SIGNATURE_IMAGE_MAX_SIDE} pixels each way.`;
}

/**
 * A JPEG's width and height, from its frame header (a SOF marker: C0–CF but for C4 DHT, C8 JPG
 * and CC DAC), found by walking the segments from the start; undefined when the walk reaches the
 * image data or the end first.
 */
function jpegFrameSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    // Fill bytes before a marker, and markers that stand alone (TEM, RST0–7) with no length.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (length < 2) return undefined;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (at + 9 > bytes.length) return undefined;
      return { height: (bytes[at + 5]! << 8) | bytes[at + 6]!, width: (bytes[at + 7]! << 8) | bytes[at + 8]! };
    }
    at += 2 + length;
  }
  return undefined;
}

/** Why a chosen file cannot be a signature image, before it is read; undefined when it may be. */
export function signatureFileProblem(file: { type: string; size: number }): string | undefined {
  if (!/^image\/(png|jpeg)$/.test(file.type)) return 'Choose a PNG or JPEG image of the signature.';
  if (file.size === 0) return 'The chosen file is empty.';
  if (file.size > SIGNATURE_IMAGE_MAX_BYTES) return `The image is larger than ${size(SIGNATURE_IMAGE_MAX_BYTES)}; use a smaller scan.`;
  return undefined;
}

function decode(base64: string): Uint8Array {
  const text = atob(base64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

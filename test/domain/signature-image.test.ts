// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { SIGNATURE_IMAGE_MAX_BYTES, signatureFileProblem, signatureImageProblem } from '../../src/domain/signature-image';

const PNG_1x1 = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const b64 = (bytes: number[] | Buffer) => Buffer.from(bytes).toString('base64');
/** 3 × 2 pixels, as Chromium's canvas writes a JPEG (JFIF, an ICC profile, then the frame). */
const JPEG_3x2 =
  'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAACAAMDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAAA//EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AI4Aon//2Q==';
/** The JPEG above with its frame header's height and width set. */
function jpegSized(width: number, height: number): string {
  const bytes = Buffer.from(JPEG_3x2.split(',')[1]!, 'base64');
  const sof = bytes.indexOf(Buffer.from([0xff, 0xc0]));
  bytes.writeUInt16BE(height, sof + 5);
  bytes.writeUInt16BE(width, sof + 7);
  return `data:image/jpeg;base64,${bytes.toString('base64')}`;
}

describe('a signature image', () => {
  it('accepts a PNG or a JPEG by its bytes', () => {
    expect(signatureImageProblem(PNG_1x1)).toBeUndefined();
    expect(signatureImageProblem(JPEG_3x2)).toBeUndefined();
    expect(signatureImageProblem(jpegSized(6000, 1))).toBeUndefined();
  });

  it('reads a JPEG’s size from its frame header, past other segments and fill bytes, and refuses one too big or with no frame', () => {
    expect(signatureImageProblem(jpegSized(6001, 200))).toBe('The signature image is 6001 × 200 pixels; it must be between 1 and 6000 pixels each way.');
    expect(signatureImageProblem(jpegSized(300, 0))).toBe('The signature image is 300 × 0 pixels; it must be between 1 and 6000 pixels each way.');
    // Only the start of a JPEG (JFIF header, no frame), and one cut inside its first segment.
    const headerOnly = `data:image/jpeg;base64,${b64([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1])}`;
    expect(signatureImageProblem(headerOnly)).toBe('The signature image is not a complete JPEG picture: its size in pixels cannot be read.');
    expect(signatureImageProblem(`data:image/jpeg;base64,${b64([0xff, 0xd8, 0xff, 0xc0, 0, 17, 8])}`)).toBe('The signature image is not a complete JPEG picture: its size in pixels cannot be read.');
    // A progressive frame (SOF2) after fill bytes is read as well.
    const progressive = [0xff, 0xd8, 0xff, 0xff, 0xc2, 0, 17, 8, 0x00, 0x28, 0x01, 0x90, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
    expect(signatureImageProblem(`data:image/jpeg;base64,${b64(progressive)}`)).toBeUndefined();
    progressive[9] = 0xff;
    progressive[8] = 0xff;
    expect(signatureImageProblem(`data:image/jpeg;base64,${b64(progressive)}`)).toBe('The signature image is 400 × 65535 pixels; it must be between 1 and 6000 pixels each way.');
  });

  it('refuses anything else in words: other types, a web address, a type that lies, bad base64, an empty or huge picture', () => {
    expect(signatureImageProblem(`data:image/svg+xml;base64,${b64(Buffer.from('<svg/>'))}`)).toBe('The signature image must be a PNG or JPEG picture, stored in the file as a base64 data: URL.');
    expect(signatureImageProblem('https://example.com/sig.png')).toBe('The signature image must be stored in the file (a data:image/ URL).');
    expect(signatureImageProblem('data:image/png;base64,abc')).toMatch(/must be a PNG or JPEG picture/);
    expect(signatureImageProblem(42)).toBe('The signature image must be stored as text (a data: URL).');
    expect(signatureImageProblem('data:image/png;base64,')).toBe('The signature image is empty.');
    expect(signatureImageProblem(`data:image/png;base64,${b64([0xff, 0xd8, 0xff, 0xe0])}`)).toBe('The signature image says it is a PNG, but its content is not a PNG picture.');
    expect(signatureImageProblem(`data:image/jpeg;base64,${b64(Buffer.from('GIF89a'))}`)).toBe('The signature image says it is a JPEG, but its content is not a JPEG picture.');
    const huge = `data:image/jpeg;base64,${b64(Buffer.alloc(SIGNATURE_IMAGE_MAX_BYTES + 3, 0xff))}`;
    expect(signatureImageProblem(huge)).toBe('The signature image is larger than 1.0 MB; use a smaller scan.');
    const ihdr = Buffer.from(PNG_1x1.split(',')[1]!, 'base64');
    ihdr.writeUInt32BE(0, 16);
    expect(signatureImageProblem(`data:image/png;base64,${ihdr.toString('base64')}`)).toBe('The signature image is 0 × 1 pixels; it must be between 1 and 6000 pixels each way.');
  });

  it('says what is wrong with a chosen file before it is read', () => {
    expect(signatureFileProblem({ type: 'image/gif', size: 100 })).toBe('Choose a PNG or JPEG image of the signature.');
    expect(signatureFileProblem({ type: 'image/png', size: 0 })).toBe('The chosen file is empty.');
    expect(signatureFileProblem({ type: 'image/jpeg', size: 2_500_000 })).toBe('The image is larger than 1.0 MB; use a smaller scan.');
    expect(signatureFileProblem({ type: 'image/png', size: 2048 })).toBeUndefined();
  });
});

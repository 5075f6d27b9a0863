import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadBytes } from '../../src/documents/file-names';

describe('downloadBytes', () => {
  const { createObjectURL, revokeObjectURL } = URL;
  afterEach(() => {
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = revokeObjectURL;
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('offers the bytes as a download under the given file name and cleans up after itself', async () => {
    vi.useFakeTimers();
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:cpni/1';
    });
    URL.revokeObjectURL = vi.fn();
    const clicked: { href: string; download: string; attached: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, attached: document.body.contains(this) });
    });

    downloadBytes(new Uint8Array([0x25, 0x50, 0x44, 0x46]), 'Acme CPNI Certification 2026.pdf');

    expect(clicked).toEqual([{ href: 'blob:cpni/1', download: 'Acme CPNI Certification 2026.pdf', attached: true }]);
    expect(blobs[0]?.type).toBe('application/pdf');
    expect(new Uint8Array(await blobs[0]!.arrayBuffer())).toEqual(new Uint8Array([0x25, 0x50, 0x44, 0x46]));
    expect(document.querySelectorAll('a[download]')).toHaveLength(0);
    expect(URL.revokeObjectURL).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:cpni/1');
  });
});

import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { SignatureInput } from '../../src/features/certifications/SignatureInput';
import type { SignatureChoice } from '../../src/domain/certification-record';

const PNG_1x1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const file = (bytes: Uint8Array<ArrayBuffer> | string, name: string, type: string) => new File([bytes], name, { type });
const choose = (f: File) => fireEvent.change(screen.getByLabelText('Upload a signature image'), { target: { files: [f] } });

describe('uploading a signature image', () => {
  it('refuses in words a file that is not what it says, or not a PNG or JPEG, and keeps the typed signature', async () => {
    const onChange = vi.fn();
    render(() => <SignatureInput value={{ kind: 'typed' }} signatoryName="Dana R. Whitfield" onChange={onChange} />);
    choose(file('GIF89a', 'scan.png', 'image/png'));
    expect((await screen.findByRole('alert')).textContent).toBe('“scan.png”: The signature image says it is a PNG, but its content is not a PNG picture.');
    choose(file('<svg/>', 'scan.svg', 'image/svg+xml'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Choose a PNG or JPEG image of the signature.'));
    expect(onChange).not.toHaveBeenCalled();
  });

  it('takes a PNG and shows it', async () => {
    const onChange = vi.fn<(v: SignatureChoice) => void>();
    render(() => <SignatureInput value={{ kind: 'typed' }} signatoryName="Dana R. Whitfield" onChange={onChange} />);
    choose(file(Uint8Array.from(atob(PNG_1x1), (c) => c.charCodeAt(0)), 'sig.png', 'image/png'));
    await waitFor(() => expect(onChange).toHaveBeenCalledWith({ kind: 'image', dataUrl: `data:image/png;base64,${PNG_1x1}` }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

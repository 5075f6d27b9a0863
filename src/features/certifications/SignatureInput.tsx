import { Show, createSignal, onMount } from 'solid-js';
import type { SignatureChoice } from '../../domain/certification-record';
import { readSignatureFile } from './signature-file';

/** Typed "/s/ Name" signature, or an image the officer draws or uploads (PNG or JPEG). */
export function SignatureInput(props: { value: SignatureChoice; signatoryName: string; onChange: (v: SignatureChoice) => void }) {
  const [error, setError] = createSignal('');
  let canvas: HTMLCanvasElement | undefined;
  let drawing = false;

  const upload = async (file: File | undefined) => {
    if (!file) return;
    const read = await readSignatureFile(file);
    if (!read.ok) return setError(read.message);
    setError('');
    props.onChange({ kind: 'image', dataUrl: read.dataUrl });
  };

  onMount(() => {
    const ctx = canvas?.getContext('2d');
    if (!ctx || !canvas) return;
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    const pos = (e: PointerEvent) => {
      const r = canvas!.getBoundingClientRect();
      return [((e.clientX - r.left) * canvas!.width) / r.width, ((e.clientY - r.top) * canvas!.height) / r.height] as const;
    };
    canvas.addEventListener('pointerdown', (e) => { drawing = true; const [x, y] = pos(e); ctx.beginPath(); ctx.moveTo(x, y); });
    canvas.addEventListener('pointermove', (e) => { if (!drawing) return; const [x, y] = pos(e); ctx.lineTo(x, y); ctx.stroke(); });
    const end = () => { if (drawing) { drawing = false; props.onChange({ kind: 'image', dataUrl: canvas!.toDataURL('image/png') }); } };
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointerleave', end);
  });

  return (
    <fieldset>
      <legend>Signature</legend>
      <div class="field field--checkbox">
        <input id="sig-typed" type="radio" name="signature" checked={props.value.kind === 'typed'} onChange={() => props.onChange({ kind: 'typed' })} />
        <label for="sig-typed">Typed electronic signature: /s/ {props.signatoryName || '[officer]'}</label>
      </div>
      <div class="field field--checkbox">
        <input id="sig-image" type="radio" name="signature" checked={props.value.kind === 'image'} onChange={() => canvas && props.onChange({ kind: 'image', dataUrl: canvas.toDataURL('image/png') })} />
        <label for="sig-image">Signature image (drawn below or uploaded)</label>
      </div>
      <canvas ref={(el) => (canvas = el)} width={480} height={120} class="signature-pad" aria-label="Draw the signature here with a mouse, pen or finger" />
      <div class="form--inline form">
        <div class="field">
          <label for="sig-upload">Upload a signature image</label>
          <input id="sig-upload" type="file" accept="image/png,image/jpeg" onChange={(e) => void upload(e.currentTarget.files?.[0])} />
        </div>
        <button type="button" onClick={() => { canvas?.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height); props.onChange({ kind: 'typed' }); }}>
          Clear drawing
        </button>
      </div>
      <Show when={props.value.kind === 'image'}>
        <p class="hint">The image will be placed above the officer's name.</p>
      </Show>
      <Show when={props.value.kind === 'image' && props.value.dataUrl}>
        {(src) => <img src={src()} alt="The signature image on file" class="signature-preview" data-testid="signature-preview" />}
      </Show>
      <Show when={error()}>
        <p class="error" role="alert">{error()}</p>
      </Show>
    </fieldset>
  );
}

/**
 * Renders certification packages off the page's main thread (the consultant's batch): the page
 * stays responsive while hundreds of PDFs are drawn. One message per package; the PDF bytes come
 * back transferred, a package that cannot be exported comes back as its reason in words.
 */
import { exportPackage, type PackageInput, type PackageMode } from './package';

export interface PackageJob {
  id: number;
  input: PackageInput;
  mode: PackageMode;
}

export type PackageJobResult = { id: number; files: { fileName: string; bytes: Uint8Array }[] } | { id: number; error: string };

self.onmessage = async (event: MessageEvent<PackageJob>) => {
  const { id, input, mode } = event.data;
  let reply: PackageJobResult;
  try {
    reply = { id, files: await exportPackage(input, { mode }) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply, { transfer: 'files' in reply ? reply.files.map((f) => f.bytes.buffer as ArrayBuffer) : [] });
};

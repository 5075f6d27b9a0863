/** A signature image chosen from disk: checked before it is read and again by its bytes. */
import { signatureFileProblem, signatureImageProblem } from '../../domain/signature-image';

export type SignatureFileResult = { ok: true; dataUrl: string } | { ok: false; message: string };

export async function readSignatureFile(file: File): Promise<SignatureFileResult> {
  const early = signatureFileProblem(file);
  if (early) return { ok: false, message: early };
  let dataUrl: string;
  try {
    dataUrl = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
      reader.readAsDataURL(file);
    });
  } catch {
    return { ok: false, message: `The image “${file.name}” could not be read.` };
  }
  const problem = signatureImageProblem(dataUrl);
  return problem ? { ok: false, message: `“${file.name}”: ${problem}` } : { ok: true, dataUrl };
}

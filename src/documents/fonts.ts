import { FontLoadError } from './errors';

/** Reads a font file by name; the app fetches it from its own origin, tests read it from disk. */
export type FontLoader = (fileName: string) => Promise<ArrayBuffer | Uint8Array>;

/**
 * Arimo (SIL Open Font License 1.1) is metric-compatible with Helvetica, so a name set in it
 * sits evenly among Helvetica words. The files in public/fonts are subsets: Latin, Latin
 * Extended (Polish, Vietnamese, …), Greek, Cyrillic and common punctuation.
 */
export const FALLBACK_FONT = {
  family: 'Arimo',
  regular: 'Arimo-Regular.ttf',
  bold: 'Arimo-Bold.ttf',
} as const;

/** Fetches /fonts/<file> from the app's origin (precached by the service worker for offline use). */
export const fetchFont: FontLoader = async (fileName) => {
  let response: Response;
  try {
    response = await fetch(`${import.meta.env.BASE_URL}fonts/${fileName}`);
  } catch {
    throw new FontLoadError(fileName, 'no network connection and no stored copy');
  }
  if (!response.ok) throw new FontLoadError(fileName, `HTTP ${response.status}`);
  return response.arrayBuffer();
};

const cache = new WeakMap<FontLoader, Map<string, Promise<Uint8Array>>>();

/** Loads a font once per loader; a failed load is not remembered, so the next export retries. */
export function loadFontBytes(loader: FontLoader, fileName: string): Promise<Uint8Array> {
  let files = cache.get(loader);
  if (!files) {
    files = new Map();
    cache.set(loader, files);
  }
  let bytes = files.get(fileName);
  if (!bytes) {
    bytes = Promise.resolve()
      .then(() => loader(fileName))
      .then((data) => (data instanceof Uint8Array ? data : new Uint8Array(data)))
      .catch((error: unknown) => {
        files.delete(fileName);
        if (error instanceof FontLoadError) throw error;
        throw new FontLoadError(fileName, error instanceof Error ? error.message : String(error));
      });
    files.set(fileName, bytes);
  }
  return bytes;
}

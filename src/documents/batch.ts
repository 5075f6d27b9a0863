/**
 * The consultant's batch: every chosen client's package in one zip, with a README that lists
 * who was exported and who was not, and why. A failure never disappears silently.
 */
import { zipSync, strToU8, type Zippable } from 'fflate';
import { isIsoDate, type IsoDate } from '../domain/dates';
import { safeFileName } from './file-names';
import type { ExportedFile } from './package';

export interface BatchItem {
  /** The client, as the README and the progress bar name it. */
  label: string;
  build: () => Promise<ExportedFile[]>;
}

export interface BatchFailure {
  label: string;
  reason: string;
}

export interface BatchResult {
  zip: Uint8Array;
  exported: string[];
  failed: BatchFailure[];
}

export interface BatchOptions {
  /** The date every zip entry carries, so the same packages give the same zip. */
  date?: IsoDate;
  /** How many items may be built at once (default one at a time). */
  ahead?: number;
}

export const BATCH_README = 'README.txt';
const DEFAULT_ZIP_DATE = '1980-01-01';

/**
 * Builds each item in turn (one client at a time keeps memory flat with many clients) and
 * reports progress after each. A client with one file goes at the top of the zip, a client with
 * several gets a folder of its own.
 */
export async function exportBatch(
  items: readonly BatchItem[],
  onProgress?: (done: number, total: number, label: string) => void,
  options: BatchOptions = {},
): Promise<BatchResult> {
  const date = options.date ?? DEFAULT_ZIP_DATE;
  if (!isIsoDate(date)) throw new RangeError(`The zip date must be YYYY-MM-DD, not ${JSON.stringify(date)}.`);
  const mtime = localNoon(date);
  const entries: Zippable = {};
  const taken = new Set<string>([BATCH_README.toLowerCase()]);
  const exported: string[] = [];
  const failed: BatchFailure[] = [];
  const contents: { label: string; paths: string[] }[] = [];

  // Up to `ahead` items are built at once (their builds may run in workers): as soon as one is
  // built, the next one starts, whichever finishes first and whatever the page is doing with the
  // results meanwhile, so a worker never waits for the progress bar. Results are taken in order,
  // so the zip is the same whichever finishes first; at most `ahead` more wait to be taken.
  const ahead = Math.max(1, options.ahead ?? 1);
  const builds: Promise<ExportedFile[]>[] = [];
  let started = 0;
  let building = 0;
  let consumed = 0;
  const startMore = () => {
    while (started < items.length && building < ahead && started < consumed + 2 * ahead) {
      const item = items[started]!;
      building += 1;
      const build = Promise.resolve().then(() => item.build());
      build.then(finished, finished);
      builds[started++] = build;
    }
  };
  const finished = () => {
    building -= 1;
    startMore();
  };
  for (const [index, item] of items.entries()) {
    startMore();
    try {
      const build = builds[index]!;
      delete builds[index];
      consumed = index + 1;
      const files = await build;
      if (files.length === 0) throw new Error('The export produced no file.');
      const folder = files.length > 1 ? `${unique(safeFileName(item.label), taken)}/` : '';
      const inFolder = new Set<string>();
      const paths = files.map((file) => {
        const path = folder ? `${folder}${unique(safeFileName(file.fileName), inFolder)}` : unique(safeFileName(file.fileName), taken);
        // A PDF is deflated already (jsPDF's compress): deflating it again costs time, saves nothing.
        entries[path] = [file.bytes, { mtime, level: isCompressed(path) ? 0 : 6 }];
        return path;
      });
      exported.push(item.label);
      contents.push({ label: item.label, paths });
    } catch (error) {
      failed.push({ label: item.label, reason: error instanceof Error ? error.message : String(error) });
    }
    onProgress?.(index + 1, items.length, item.label);
    // The page gets the main thread back between packages: the progress bar paints, clicks answer.
    await nextTask();
  }

  entries[BATCH_README] = [strToU8(readme(date, contents, failed)), { mtime }];
  return { zip: zipSync(entries, { level: 6 }), exported, failed };
}

const nextTask = () => new Promise<void>((done) => setTimeout(done, 0));

function isCompressed(path: string): boolean {
  return /\.(pdf|zip|png|jpe?g)$/i.test(path);
}

function readme(date: IsoDate, contents: { label: string; paths: string[] }[], failed: BatchFailure[]): string {
  const lines = [
    `CPNI Desk batch export, ${date}`,
    '',
    `Exported (${contents.length}):`,
    ...(contents.length ? contents.flatMap((c) => [`- ${c.label}`, ...c.paths.map((p) => `    ${p}`)]) : ['- none']),
    '',
    `Not exported (${failed.length}):`,
    ...(failed.length ? failed.map((f) => `- ${f.label}: ${f.reason}`) : ['- none']),
    '',
  ];
  // CRLF so that every text editor, Windows Notepad included, shows the lines.
  return lines.join('\r\n');
}

/** A name not used yet in this zip: "Name.pdf", then "Name (2).pdf", … (compared case-blind, as Windows and macOS do). */
function unique(name: string, taken: Set<string>): string {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${ext}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * Zip entries store local wall-clock fields, which fflate reads with the Date's local getters:
 * noon of the calendar date in the local zone gives the same fields, hence the same bytes, in
 * every time zone (and noon is never skipped by a daylight-saving change).
 */
function localNoon(date: IsoDate): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12, 0, 0);
}

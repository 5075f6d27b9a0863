/**
 * Searching names as people type them: case and accents aside, so "pena" finds "Peña" and
 * "telefonos" finds "Teléfonos".
 */

/** Lower case without accents (combining marks removed after canonical decomposition). */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Whether any of `fields` holds the typed `query` (trimmed; an empty query matches). */
export function matchesSearch(fields: readonly string[], query: string): boolean {
  const q = foldForSearch(query.trim());
  return !q || fields.some((f) => foldForSearch(f).includes(q));
}

/**
 * A count as people read it: 150,000. Written out rather than through `toLocaleString`, whose
 * first call in a page loads the browser's number-formatting data (about 30–60 ms here), which
 * every screen with a count would otherwise pay on opening.
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 ? `-${digits}` : digits;
}

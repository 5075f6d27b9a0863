// The summary every benchmark prints: the median of its runs, with the spread.

/** Median, min and max of a list of numbers. */
export function spread(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1) };
}

export const median = (values) => spread(values).median;

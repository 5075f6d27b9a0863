import { afterAll } from 'vitest';

const rows: { name: string; runs: number; median: number; min: number; max: number }[] = [];

/** Runs `fn` `runs` times after one warm-up and records median, min and max in ms. */
export async function measure(name: string, fn: () => unknown, runs = 10): Promise<void> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  rows.push({ name, runs, median: times[Math.floor(times.length / 2)]!, min: times[0]!, max: times.at(-1)! });
}

afterAll(() => {
  const fmt = (n: number) => n.toFixed(n < 10 ? 2 : 1).padStart(9);
  console.log(`\n${'benchmark'.padEnd(78)} ${'median ms'.padStart(9)} ${'min'.padStart(9)} ${'max'.padStart(9)} runs`);
  for (const r of rows) console.log(`${r.name.padEnd(78)} ${fmt(r.median)} ${fmt(r.min)} ${fmt(r.max)} ${r.runs}`);
});

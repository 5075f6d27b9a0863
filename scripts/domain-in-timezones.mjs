#!/usr/bin/env node
// Runs the domain tests under three time zones: UTC, one far west of Greenwich and one far east
// (UTC+14), where a calendar date built at local midnight would shift by a day. Output streams
// as it comes; a summary line per zone follows; the exit code is non-zero if any run failed.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ZONES = ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'];
const extraArgs = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'domain-tz-'));

function run(tz, outputFile) {
  return new Promise((resolve) => {
    const args = ['vitest', 'run', 'test/domain', '--reporter=default', '--reporter=json', `--outputFile.json=${outputFile}`, ...extraArgs];
    const child = spawn('npx', args, { stdio: 'inherit', env: { ...process.env, TZ: tz }, shell: process.platform === 'win32' });
    child.on('error', (err) => {
      console.error(`Could not start vitest for TZ=${tz}: ${err.message}`);
      resolve(1);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function counts(outputFile) {
  try {
    const report = JSON.parse(readFileSync(outputFile, 'utf8'));
    return { passed: report.numPassedTests ?? 0, failed: report.numFailedTests ?? 0, total: report.numTotalTests ?? 0 };
  } catch {
    return undefined; // vitest stopped before writing its report
  }
}

const results = [];
try {
  for (const tz of ZONES) {
    console.log(`\n=== TZ=${tz} ===`);
    const outputFile = join(dir, `${tz.replace(/\W/g, '_')}.json`);
    const code = await run(tz, outputFile);
    results.push({ tz, code, counts: counts(outputFile) });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log('\nDomain tests by time zone:');
for (const { tz, code, counts: c } of results) {
  const status = code === 0 ? 'ok  ' : 'FAIL';
  const detail = c ? `${c.passed} passed, ${c.failed} failed (of ${c.total})` : 'no report (vitest did not finish)';
  console.log(`  ${status} TZ=${tz.padEnd(20)} ${detail}`);
}
process.exit(results.every((r) => r.code === 0) ? 0 : 1);

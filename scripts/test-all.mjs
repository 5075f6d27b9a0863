#!/usr/bin/env node
// `npm test`: every check the project has, in order, streaming each one's output. A failing
// step does not stop the rest, so one run gives the whole picture. Counts come from the
// runners' own JSON reports (vitest, the e2e harness); typecheck, lint and build count as one
// check each. The last line is always `N passed, N failed`.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TMP = mkdtempSync(join(tmpdir(), 'cpni-test-all-'));
const ZONES = ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'];

/** Runs a command with its output streamed; `onLine` also sees each stdout line when given. */
// CI=true everywhere, so a run here fails where CI would (vitest refuses obsolete snapshots under CI).
function run(command, args, { env = {}, onLine } = {}) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, CI: 'true', ...env }, stdio: ['ignore', onLine ? 'pipe' : 'inherit', 'inherit'] });
    if (onLine) {
      let pending = '';
      child.stdout.on('data', (chunk) => {
        process.stdout.write(chunk);
        pending += chunk.toString();
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        lines.forEach(onLine);
      });
      child.stdout.on('end', () => pending && onLine(pending));
    }
    child.on('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`);
      done(127);
    });
    child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** One pass/fail check decided by the exit code. */
async function single(command, args) {
  const code = await run(command, args);
  return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, note: code === 0 ? '' : `exit ${code}` };
}

/** Counts from vitest's JSON report; a run that failed without failing a test still counts. */
function vitestCounts(report, code) {
  if (!report) return { passed: 0, failed: 1, note: `no JSON report (exit ${code})` };
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  let failed = report.numFailedTests ?? 0;
  let note = skipped ? `${skipped} skipped` : '';
  if (code !== 0 && failed === 0) {
    failed = Math.max(1, report.numFailedTestSuites ?? 0);
    note = [note, `exit ${code} with no failed test (a file failed to load or an error escaped a test)`].filter(Boolean).join('; ');
  }
  return { passed: report.numPassedTests ?? 0, failed, note };
}

async function vitestAll() {
  const outputFile = join(TMP, 'vitest.json');
  const code = await run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${outputFile}`]);
  return vitestCounts(readJson(outputFile), code);
}

/** scripts/domain-in-timezones.mjs prints one count line per zone, taken from vitest's JSON. */
async function domainInTimezones() {
  const script = join(ROOT, 'scripts/domain-in-timezones.mjs');
  if (!existsSync(script)) return domainInline();
  const zones = new Map();
  const code = await run('node', [script], {
    onLine: (line) => {
      const m = /^\s*(?:ok|FAIL)\s+TZ=(\S+)\s+(?:(\d+) passed, (\d+) failed|no report)/.exec(line);
      if (m) zones.set(m[1], m[2] === undefined ? { passed: 0, failed: 1 } : { passed: Number(m[2]), failed: Number(m[3]) });
    },
  });
  if (zones.size === 0) return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, note: `no per-zone counts printed (exit ${code})` };
  const passed = [...zones.values()].reduce((n, z) => n + z.passed, 0);
  let failed = [...zones.values()].reduce((n, z) => n + z.failed, 0);
  const missing = ZONES.filter((z) => !zones.has(z));
  if ((code !== 0 && failed === 0) || missing.length) failed = Math.max(failed, 1);
  return { passed, failed, note: [missing.length ? `no count for ${missing.join(', ')}` : '', code !== 0 ? `exit ${code}` : ''].filter(Boolean).join('; ') };
}

async function domainInline() {
  let passed = 0;
  let failed = 0;
  const notes = [];
  for (const tz of ZONES) {
    console.log(`\n=== TZ=${tz} ===`);
    const outputFile = join(TMP, `domain-${tz.replace(/\W/g, '_')}.json`);
    const code = await run('npx', ['vitest', 'run', 'test/domain', '--reporter=default', '--reporter=json', `--outputFile.json=${outputFile}`], { env: { TZ: tz } });
    const counts = vitestCounts(readJson(outputFile), code);
    passed += counts.passed;
    failed += counts.failed;
    if (counts.note) notes.push(`${tz}: ${counts.note}`);
  }
  return { passed, failed, note: notes.join('; ') };
}

async function e2e() {
  const resultsFile = join(TMP, 'e2e.json');
  const code = await run('node', ['test/e2e/run.mjs'], { env: { E2E_RESULTS: resultsFile } });
  const report = readJson(resultsFile);
  if (!report) return { passed: 0, failed: 1, note: `no JSON report (exit ${code})` };
  const failed = code !== 0 && report.failed === 0 ? 1 : report.failed;
  return { passed: report.passed, failed, note: code !== 0 && report.failed === 0 ? `exit ${code}` : '' };
}

const STEPS = [
  ['typecheck', 'npm run typecheck', () => single('npm', ['run', 'typecheck'])],
  ['lint', 'npm run lint', () => single('npm', ['run', 'lint'])],
  ['unit + component', 'npx vitest run', vitestAll],
  ['domain in 3 time zones', 'node scripts/domain-in-timezones.mjs', domainInTimezones],
  ['build', 'npm run build', () => single('npm', ['run', 'build'])],
  ['browser (e2e)', 'node test/e2e/run.mjs', e2e],
];

const rows = [];
try {
  for (const [name, command, step] of STEPS) {
    console.log(`\n━━━ ${name}: ${command}`);
    const started = performance.now();
    const counts = await step();
    rows.push({ name, ...counts, seconds: (performance.now() - started) / 1000 });
  }
} finally {
  rmSync(TMP, { recursive: true, force: true });
}

const passed = rows.reduce((n, r) => n + r.passed, 0);
const failed = rows.reduce((n, r) => n + r.failed, 0);
const width = Math.max(...rows.map((r) => r.name.length));
console.log('\nSummary');
console.log(`  ${'step'.padEnd(width)}  result  passed  failed    time`);
for (const r of rows) {
  const result = r.failed ? 'FAIL' : 'ok';
  console.log(
    `  ${r.name.padEnd(width)}  ${result.padEnd(6)}  ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${r.seconds.toFixed(1).padStart(5)} s${r.note ? `  ${r.note}` : ''}`,
  );
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

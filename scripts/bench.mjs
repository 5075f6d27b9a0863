// `npm run bench`: the consultant-scale benchmarks (300 clients, 150,000 records).
// Numbers are measurements for the README and issue notes, never assertions.
import { spawnSync } from 'node:child_process';

const node = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.bench.config.ts'], { stdio: 'inherit' });
const browser = spawnSync('node', ['scripts/bench-browser.mjs'], { stdio: 'inherit' });
const season = spawnSync('node', ['scripts/bench-season.mjs'], { stdio: 'inherit' });
const exports = spawnSync('node', ['scripts/bench-export.mjs'], { stdio: 'inherit' });
const backup = spawnSync('node', ['scripts/bench-backup.mjs'], { stdio: 'inherit' });
process.exit(node.status || browser.status || season.status || exports.status || backup.status || 0);

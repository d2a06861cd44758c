// Runs every benchmark in turn; each writes its figures under tests/bench/results/.
import { spawnSync } from 'node:child_process';

const benches = ['tests/bench/regression-quality.ts', 'tests/bench/training-speed.ts', 'tests/bench/classification-quality.ts', 'tests/bench/segmentation-quality.ts', 'tests/bench/profile.ts', 'tests/bench/ingest/ingest.ts'];
let failed = 0;
for (const bench of benches) {
  console.log(`\n== ${bench}`);
  const run = spawnSync('node_modules/.bin/tsx', [bench], { stdio: 'inherit' });
  if (run.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);

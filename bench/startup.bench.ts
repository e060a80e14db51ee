// Start-up of `nexus --version` against bare `node -e 0`, measured in the same run (issue: ratio ≤ 1.5).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
if (!existsSync('dist/cli.js')) spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });

function time(args: string[]): number[] {
  const samples: number[] = [];
  for (let i = 0; i < RUNS + 3; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
    if (i >= 3) samples.push(ms); // the first runs warm the file cache
  }
  return samples.sort((a, b) => a - b);
}

const median = (xs: number[]) => xs[Math.floor(xs.length / 2)]!;
// Interleave the two so both see the same machine load.
const bare: number[] = [];
const nexus: number[] = [];
for (let round = 0; round < 3; round++) {
  bare.push(...time(['-e', '0']));
  nexus.push(...time(['bin/nexus', '--version']));
}
const ratio = median(nexus) / median(bare);
console.log(`start-up (median of ${bare.length} runs each)`);
console.log(`  node -e 0          ${median(bare).toFixed(1)} ms`);
console.log(`  nexus --version    ${median(nexus).toFixed(1)} ms`);
console.log(`  ratio              ${ratio.toFixed(2)} (target ≤ 1.5)`);

// `npm run bench`: runs every bench/*.bench.ts in turn (through tsx), each printing its own numbers.
// `npm run bench -- tickets` runs only the files whose name contains "tickets".
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const filters = process.argv.slice(2);
const files = readdirSync('bench')
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
  .sort();
if (files.length === 0) {
  console.error(`no benchmark matches ${filters.join(', ')}`);
  process.exit(2);
}
const failed = [];
for (const file of files) {
  console.log(`\n▶ bench/${file}`);
  const started = Date.now();
  const result = spawnSync('npx', ['tsx', `bench/${file}`], { stdio: 'inherit' });
  console.log(`  (${file}: ${((Date.now() - started) / 1000).toFixed(1)} s${result.status === 0 ? '' : `, exit ${result.status ?? result.signal}`})`);
  if (result.status !== 0) failed.push(file);
}
if (failed.length > 0) {
  console.error(`\nfailed: ${failed.join(', ')}`);
  process.exit(1);
}

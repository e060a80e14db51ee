import { execFileSync } from 'node:child_process';

/** End-to-end tests run the shipped bundle, as a user would: build it once per run. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}

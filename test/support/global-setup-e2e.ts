import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { E2E_DESK_ADMIN } from './e2e-desk.js';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eDeskTemplate: string;
  }
}

/**
 * End-to-end tests run the shipped bundle, as a user would: build it once per run. Then `nexus init`
 * once, into a template desk (data folder and config folder) that the files which need a desk only as
 * their starting point copy (CliSandbox.initFromTemplate) instead of each paying for a new embedded
 * database, its migrations and the admin (~10 s of CPU each).
 */
export default function setup(project: TestProject): () => void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  const root = mkdtempSync(join(tmpdir(), 'nexus-e2e-tpl-'));
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: '1',
    NEXUS_DATA_DIR: join(root, 'data'),
    NEXUS_CONFIG_DIR: join(root, 'config'),
    NEXUS_BCRYPT_COST: '4',
    NEXUS_EMBEDDED_OWNER: 'process',
  };
  for (const key of ['NEXUS_DATABASE_URL', 'NEXUS_SECRET_KEY']) delete env[key];
  const init = spawnSync(
    process.execPath,
    ['bin/nexus', 'init', '--admin-email', E2E_DESK_ADMIN.email, '--admin-password', E2E_DESK_ADMIN.password, '--no-input'],
    { env: env as NodeJS.ProcessEnv, encoding: 'utf8' },
  );
  if (init.status !== 0) throw new Error(`nexus init of the e2e template desk failed (exit ${init.status}):\n${init.stdout}\n${init.stderr}`);
  project.provide('e2eDeskTemplate', root);
  return () => rmSync(root, { recursive: true, force: true });
}

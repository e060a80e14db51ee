import { defineConfig } from 'vitest/config';

// Four projects: pure unit tests; the database suite (`*.db.test.ts`) on PGlite and again on a real
// Postgres server (plus `*.pglite.test.ts` on PGlite only and `*.pg.test.ts` on Postgres only); end-to-end
// tests that run the built `nexus` binary.
// unit, pglite and postgres run without isolation (`isolate: false`): a worker runs file after file,
// importing the shared modules once instead of forking and importing per file (~100 s of CPU a run).
// It is safe because those files leave no module state behind (no vi.mock, stubbed env or globals,
// fake timers); they pass in any order (`--sequence.shuffle`). e2e stays isolated: json-contract sets
// process.env.TZ and runs the CLI in-process.
const dbSuite = ['src/**/*.db.test.ts'];
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', isolate: false, include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'], exclude: [...dbSuite, 'src/**/*.pg.test.ts', 'src/**/*.pglite.test.ts', '**/node_modules/**'] } },
      { extends: true, test: { name: 'pglite', isolate: false, include: [...dbSuite, 'src/**/*.pglite.test.ts'], env: { NEXUS_TEST_DB: 'pglite' }, globalSetup: ['test/support/global-setup.ts'] } },
      { extends: true, test: { name: 'postgres', isolate: false, include: [...dbSuite, 'src/**/*.pg.test.ts'], env: { NEXUS_TEST_DB: 'postgres' }, globalSetup: ['test/support/global-setup.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], globalSetup: ['test/support/global-setup-e2e.ts'] } },
    ],
  },
});

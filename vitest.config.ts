import { defineConfig } from 'vitest/config';

// Four projects: pure unit tests; the database suite (`*.db.test.ts`) on PGlite and again on a real
// Postgres server (plus `*.pglite.test.ts` on PGlite only and `*.pg.test.ts` on Postgres only); end-to-end
// tests that run the built `nexus` binary.
const dbSuite = ['src/**/*.db.test.ts'];
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'], exclude: [...dbSuite, 'src/**/*.pg.test.ts', 'src/**/*.pglite.test.ts', '**/node_modules/**'] } },
      { extends: true, test: { name: 'pglite', include: [...dbSuite, 'src/**/*.pglite.test.ts'], env: { NEXUS_TEST_DB: 'pglite' }, globalSetup: ['test/support/global-setup.ts'] } },
      { extends: true, test: { name: 'postgres', include: [...dbSuite, 'src/**/*.pg.test.ts'], env: { NEXUS_TEST_DB: 'postgres' }, globalSetup: ['test/support/global-setup.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], globalSetup: ['test/support/global-setup-e2e.ts'] } },
    ],
  },
});

import { defineConfig } from 'vitest/config';

// The test projects `npm run test:mutation` runs against each mutant (see docs/testing.md): the unit
// project, and the PGlite project limited to the database tests that import a mutated module directly
// (scripts/mutation.mjs lists them in NEXUS_MUTATION_DB_TESTS). The Postgres and e2e projects are left
// out: the first repeats the PGlite tests, the second runs the built bundle, which Stryker never mutates.
const dbTests = (process.env.NEXUS_MUTATION_DB_TESTS ?? '').split(',').filter(Boolean);
// The unit tests of the run (scripts/mutation.mjs), or every unit test when the variable is unset.
const unitTests = (process.env.NEXUS_MUTATION_UNIT_TESTS ?? '').split(',').filter(Boolean);
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: process.env.NEXUS_MUTATION_UNIT_TESTS === undefined ? ['src/**/*.test.ts', 'src/**/*.test.tsx'] : unitTests, exclude: ['src/**/*.db.test.ts', 'src/**/*.pg.test.ts', '**/node_modules/**'] } },
      ...(dbTests.length > 0 ? [{ extends: true as const, test: { name: 'pglite', include: dbTests, env: { NEXUS_TEST_DB: 'pglite' }, globalSetup: ['test/support/global-setup.ts'] } }] : []),
    ],
  },
});

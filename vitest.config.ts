import { defineConfig } from 'vitest/config';

const integration = ['test/integration/**/*.test.ts'];

// Integration files share their worker's modules (isolate: false): each file imported the whole app again (about
// 1.4 s of CPU a file, a fifth of the tier), while every file builds its own services, database and app, and the
// app's caches are kept per Services instance (or reloaded from the database at start), so nothing leaks from one
// file to the next. A file that changes process-wide state (process.env, process.exitCode) puts it back.
// The cost: a test that times out keeps running in the worker (its servers, seeds) while the next files run there,
// so on a badly overloaded machine one timeout can make the next files' hooks time out too.
const shared = { isolate: false } as const;

export default defineConfig({
  test: {
    // Two files at a time even on a 2-core machine (the default is cores − 1 = one): integration files spend much of
    // their time waiting on PostgreSQL, DuckDB child processes and spawned servers, and each has its own database.
    maxWorkers: 2,
    projects: [
      // Property tests (fast-check) run hundreds of random cases: on a loaded 2-core machine they need more than 5 s.
      { test: { name: 'unit', include: ['src/**/*.test.ts'], testTimeout: 30_000 } },
      {
        test: {
          name: 'integration-sqlite',
          ...shared,
          include: integration,
          env: { TEST_DIALECT: 'sqlite' },
          testTimeout: 30_000,
          hookTimeout: 120_000,
          globalSetup: ['test/support/sqlite.global-setup.ts'],
        },
      },
      {
        test: {
          // The replicas' topology (two processes, PostgreSQL, object storage) exists on PostgreSQL only.
          name: 'integration-postgres',
          ...shared,
          include: [...integration, 'test/topology/**/*.test.ts'],
          env: { TEST_DIALECT: 'postgres' },
          testTimeout: 30_000,
          hookTimeout: 120_000,
          globalSetup: ['test/support/postgres.global-setup.ts'],
        },
      },
    ],
  },
});

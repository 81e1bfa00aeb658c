import { defineConfig } from 'vitest/config';

const integration = ['test/integration/**/*.test.ts'];

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts'] } },
      { test: { name: 'integration-sqlite', include: integration, env: { TEST_DIALECT: 'sqlite' }, testTimeout: 30_000, hookTimeout: 120_000 } },
      {
        test: {
          name: 'integration-postgres', include: integration, env: { TEST_DIALECT: 'postgres' }, testTimeout: 30_000, hookTimeout: 120_000,
          globalSetup: ['test/support/postgres.global-setup.ts'],
        },
      },
    ],
  },
});

import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp, createServices, prepareDatabase } from '../../src/app.js';
import { loadConfig } from '../../src/core/config.js';
import type { App, Services } from '../../src/core/context.js';
import type { Dialect } from '../../src/core/db/types.js';

export const dialect = (process.env.TEST_DIALECT ?? 'sqlite') as Dialect;

export interface TestContext {
  services: Services;
  app: App;
  dataDir: string;
  close(): Promise<void>;
}

/** A fresh database per test file: a temp SQLite file, or a new PostgreSQL database on the test server. */
export async function freshDatabaseUrl(): Promise<{ url?: string; drop(): Promise<void> }> {
  if (dialect === 'sqlite') return { drop: async () => {} };
  const adminUrl = inject('postgresUrl');
  const name = `os_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      // Let the closed pool's connections finish leaving, so that no client sees its backend killed.
      for (let i = 0; i < 50; i++) {
        const { rows } = await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (rows[0].n === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** The Seoul network import and the open-data ingest take seconds; only the tests that need them ask for them. */
const HEAVY_SEEDS = ['transit.seoul-network', 'transit.pilot-interiors', 'data.seoul-open-data', 'data.synthetic-telecom-population', 'analyses.example-air-quality'];

const TRANSIT_SEEDS = ['transit.seoul-network', 'transit.pilot-interiors'];

/**
 * `withSeoulNetwork` loads the Seoul network and the pilot interiors; `withOpenData` the open-data ingest and the
 * example analysis. Each is seconds of work per test file and database, so a file asks only for what it uses.
 */
export async function createTestContext(env: Record<string, string> = {}, opts: { withSeoulNetwork?: boolean; withOpenData?: boolean } = {}): Promise<TestContext> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'open-seoul-test-'));
  const database = await freshDatabaseUrl();
  const config = loadConfig({
    NODE_ENV: 'test', OPEN_SEOUL_DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '100000',
    OPEN_SEOUL_SEED_DEMO: 'false', ...(database.url ? { DATABASE_URL: database.url } : {}), ...env,
  });
  const services = createServices(config);
  const wanted = (seed: string) => (TRANSIT_SEEDS.includes(seed) ? !!opts.withSeoulNetwork : !!opts.withOpenData);
  await prepareDatabase(services, { seed: true, skipSeeds: HEAVY_SEEDS.filter((seed) => !wanted(seed)) });
  const app = await buildApp(services);
  await app.ready();
  return {
    services, app, dataDir,
    async close() {
      await app.close();
      await services.close();
      await database.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

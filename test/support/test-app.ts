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
import { copyDatabaseTemplate, databaseUrl, dropDatabase, HEAVY_SEEDS, testEnv } from './database-template.js';

export const dialect = (process.env.TEST_DIALECT ?? 'sqlite') as Dialect;

export interface TestContext {
  services: Services;
  app: App;
  dataDir: string;
  close(): Promise<void>;
}

/** A new, empty database: a temp SQLite file, or a new PostgreSQL database on the test server (dropped by `drop`). */
export async function freshDatabaseUrl(): Promise<{ url?: string; drop(): Promise<void> }> {
  if (dialect === 'sqlite') return { drop: async () => {} };
  const adminUrl = inject('postgresUrl');
  const name = `os_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return { url: databaseUrl(adminUrl, name), drop: () => dropDatabase(adminUrl, name) };
}

const TRANSIT_SEEDS = ['transit.seoul-network', 'transit.pilot-interiors'];

/**
 * `withSeoulNetwork` loads the Seoul network and the pilot interiors; `withOpenData` the open-data ingest and the
 * example analysis. Each is seconds of work per test file and database, so a file asks only for what it uses.
 */
export async function createTestContext(
  env: Record<string, string> = {},
  opts: { withSeoulNetwork?: boolean; withOpenData?: boolean } = {},
): Promise<TestContext> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'open-seoul-test-'));
  const wanted = (seed: string) => (TRANSIT_SEEDS.includes(seed) ? !!opts.withSeoulNetwork : !!opts.withOpenData);
  // A copy of the run's migrated and seeded template that holds the heavy seeds the file wants
  // (support/database-template.ts), unless it wants demo seeds, which no template holds: seeds run in manifest order
  // and a later one may build on a demo one, so those files seed a new database.
  const heavy = HEAVY_SEEDS.filter(wanted);
  const template = (env.OPEN_SEOUL_SEED_DEMO ?? 'false') !== 'false' ? undefined : inject('databaseTemplate');
  const database = template
    ? await copyDatabaseTemplate(template, dataDir, dialect === 'postgres' ? inject('postgresUrl') : undefined, heavy)
    : await freshDatabaseUrl();
  const config = loadConfig({ ...testEnv(dataDir, database.url), ...env });
  const services = createServices(config);
  await prepareDatabase(services, { seed: true, skipSeeds: HEAVY_SEEDS.filter((seed) => !heavy.includes(seed)) });
  const app = await buildApp(services);
  await app.ready();
  return {
    services,
    app,
    dataDir,
    async close() {
      // A test that left a response body unread holds its keep-alive connection busy, and a graceful close would
      // wait for Fastify's 72-second keepAliveTimeout (it did: 70 s after data-standards). Nothing is in flight here.
      app.server.closeAllConnections();
      await app.close();
      await services.close();
      await database.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Dialect } from '../../src/core/db/types.js';

/**
 * A database migrated and seeded (light seeds) once per test run, which every test file copies instead of
 * migrating and seeding its own: on PostgreSQL a database `CREATE DATABASE … TEMPLATE` copies, on SQLite a data
 * directory whose database file is copied. The seeds it holds do not depend on the test's settings (none reads
 * the config); what a file asks for beyond them (heavy seeds, demo seeds) still runs in its own database.
 * The global setup only names it (a directory, a database name); the first test file to need it builds it, in
 * the worker that has the app loaded already (the main process would have to load it all once more), and the
 * others wait for it.
 */
export interface DatabaseTemplate {
  /** The run's directory: the template's data directory (`data/`) and its build markers. */
  dir: string;
  /** PostgreSQL: the template database's name. */
  database?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplate?: DatabaseTemplate;
  }
}

/** The seeds that take seconds (the Seoul network, the open-data ingest): only the files that need them run them. */
export const HEAVY_SEEDS = [
  'transit.seoul-network',
  'transit.pilot-interiors',
  'data.seoul-open-data',
  'data.synthetic-telecom-population',
  'analyses.example-air-quality',
];

export const testEnv = (dataDir: string, databaseUrl?: string): Record<string, string> => ({
  NODE_ENV: 'test',
  OPEN_SEOUL_DATA_DIR: dataDir,
  RATE_LIMIT_PER_MINUTE: '100000',
  OPEN_SEOUL_SEED_DEMO: 'false',
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
});

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(adminUrl: string, run: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await run(c);
  } finally {
    await c.end();
  }
}

/** Names the run's template (in a global setup); returns it and its teardown. */
export async function nameDatabaseTemplate(dialect: Dialect, adminUrl?: string): Promise<{ template: DatabaseTemplate; teardown(): Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'open-seoul-template-'));
  const database = dialect === 'postgres' ? `os_template_${randomBytes(6).toString('hex')}` : undefined;
  return {
    template: { dir, ...(database ? { database } : {}) },
    async teardown() {
      if (database && adminUrl) await admin(adminUrl, (c) => c.query(`drop database if exists ${database} with (force)`));
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

const exists = (file: string) =>
  fs.access(file).then(
    () => true,
    () => false,
  );

let built: Promise<void> | undefined;

/** Builds the template once per run: the first caller of all workers builds (`building/` is its lock), the others wait. */
function buildOnce(template: DatabaseTemplate, adminUrl?: string): Promise<void> {
  built ??= (async () => {
    const ready = path.join(template.dir, 'ready');
    const failed = path.join(template.dir, 'failed');
    try {
      await fs.mkdir(path.join(template.dir, 'building'));
    } catch {
      for (;;) {
        // another worker builds it
        if (await exists(ready)) return;
        if (await exists(failed)) throw new Error(`The test database template could not be built: ${await fs.readFile(failed, 'utf8')}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    try {
      let url: string | undefined;
      if (template.database) {
        if (!adminUrl) throw new Error('a PostgreSQL template needs the server URL');
        await admin(adminUrl, (c) => c.query(`create database ${template.database}`));
        url = databaseUrl(adminUrl, template.database);
      }
      // Imported here: the global setups import this file too, and must not load the app in the main process.
      const { createServices, prepareDatabase } = await import('../../src/app.js');
      const { loadConfig } = await import('../../src/core/config.js');
      const services = createServices(loadConfig(testEnv(path.join(template.dir, 'data'), url)));
      try {
        await prepareDatabase(services, { seed: true, skipSeeds: HEAVY_SEEDS });
      } finally {
        await services.close(); // SQLite: checkpoints the WAL into the file; PostgreSQL: no session left on the template
      }
      await fs.writeFile(ready, '');
    } catch (error) {
      await fs.writeFile(failed, String((error as Error)?.stack ?? error));
      throw error;
    }
  })();
  return built;
}

/** A copy of the template for one test file: its data directory filled, and on PostgreSQL a new database. */
export async function copyDatabaseTemplate(template: DatabaseTemplate, dataDir: string, adminUrl?: string): Promise<{ url?: string; drop(): Promise<void> }> {
  await buildOnce(template, adminUrl);
  await fs.cp(path.join(template.dir, 'data'), dataDir, { recursive: true });
  if (!template.database) return { drop: async () => {} };
  if (!adminUrl) throw new Error('a PostgreSQL template needs the server URL');
  const name = `os_test_${randomBytes(6).toString('hex')}`;
  await admin(adminUrl, (c) => c.query(`create database ${name} template ${template.database}`));
  return { url: databaseUrl(adminUrl, name), drop: () => dropDatabase(adminUrl, name) };
}

export async function dropDatabase(adminUrl: string, name: string) {
  await admin(adminUrl, async (c) => {
    // Let the closed pool's connections finish leaving, so that no client sees its backend killed.
    for (let i = 0; i < 50; i++) {
      const { rows } = await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
      if (rows[0].n === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await c.query(`drop database if exists ${name} with (force)`);
  });
}

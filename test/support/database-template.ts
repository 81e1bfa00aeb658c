import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Dialect } from '../../src/core/db/types.js';

/**
 * Databases migrated and seeded once per test run, which every test file copies instead of migrating and seeding
 * its own: on PostgreSQL a database `CREATE DATABASE … TEMPLATE` copies, on SQLite a data directory whose database
 * file is copied. The light template holds every seed but the heavy and demo ones; a file that asks for heavy seeds
 * (the Seoul network, the open-data ingest) copies a variant that holds those too, built once per run by the same
 * `prepareDatabase` the file would have run (seeds in manifest order, so a light seed that builds on a heavy one
 * sees it, as in a file's own database). The seeds do not depend on the test's settings (none reads the config
 * beyond the data directory, and they store paths relative to it); demo seeds still run in the file's own database.
 * The global setup only names the run's directory (and PostgreSQL database prefix); the first test file to need a
 * template builds it, in the worker that has the app loaded already (the main process would have to load it all
 * once more), and the others wait for it.
 */
export interface DatabaseTemplate {
  /** The run's directory: each template's data directory (`data-<key>/`) and its build markers. */
  dir: string;
  /** PostgreSQL: the light template database's name, and the prefix of its variants' (`<database>_<key>`). */
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
      if (database && adminUrl)
        await admin(adminUrl, async (c) => {
          const { rows } = await c.query<{ datname: string }>('select datname from pg_database where datname = $1 or starts_with(datname, $2)', [
            database,
            `${database}_`,
          ]);
          for (const { datname } of rows) await c.query(`drop database if exists ${datname} with (force)`);
        });
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

const exists = (file: string) =>
  fs.access(file).then(
    () => true,
    () => false,
  );

/** A template's key: the heavy seeds it holds, by their place in HEAVY_SEEDS ('light' for none). */
function templateKey(heavy: readonly string[]): string {
  const unknown = heavy.filter((seed) => !HEAVY_SEEDS.includes(seed));
  if (unknown.length) throw new Error(`not a heavy seed: ${unknown.join(', ')}`);
  const places = [...new Set(heavy.map((seed) => HEAVY_SEEDS.indexOf(seed)))].sort((a, b) => a - b);
  return places.length ? `h${places.join('')}` : 'light';
}

const built = new Map<string, Promise<void>>();

/** Builds a template once per run: the first caller of all workers builds (`building-<key>/` is its lock), the others wait. */
function buildOnce(template: DatabaseTemplate, heavy: readonly string[], adminUrl?: string): Promise<void> {
  const key = templateKey(heavy);
  let build = built.get(key);
  if (build) return build;
  build = (async () => {
    const ready = path.join(template.dir, `ready-${key}`);
    const failed = path.join(template.dir, `failed-${key}`);
    try {
      await fs.mkdir(path.join(template.dir, `building-${key}`));
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
      const database = templateDatabase(template, key);
      if (database) {
        if (!adminUrl) throw new Error('a PostgreSQL template needs the server URL');
        await admin(adminUrl, (c) => c.query(`create database ${database}`));
        url = databaseUrl(adminUrl, database);
      }
      // Imported here: the global setups import this file too, and must not load the app in the main process.
      const { createServices, prepareDatabase } = await import('../../src/app.js');
      const { loadConfig } = await import('../../src/core/config.js');
      const services = createServices(loadConfig(testEnv(path.join(template.dir, `data-${key}`), url)));
      try {
        await prepareDatabase(services, { seed: true, skipSeeds: HEAVY_SEEDS.filter((seed) => !heavy.includes(seed)) });
      } finally {
        await services.close(); // SQLite: checkpoints the WAL into the file; PostgreSQL: no session left on the template
      }
      await fs.writeFile(ready, '');
    } catch (error) {
      await fs.writeFile(failed, String((error as Error)?.stack ?? error));
      throw error;
    }
  })();
  built.set(key, build);
  return build;
}

const templateDatabase = (template: DatabaseTemplate, key: string) =>
  template.database ? (key === 'light' ? template.database : `${template.database}_${key}`) : undefined;

/**
 * A copy of a template for one test file: its data directory filled, and on PostgreSQL a new database. `heavy`
 * names the heavy seeds it must hold as well (none: the light template).
 */
export async function copyDatabaseTemplate(
  template: DatabaseTemplate,
  dataDir: string,
  adminUrl?: string,
  heavy: readonly string[] = [],
): Promise<{ url?: string; drop(): Promise<void> }> {
  await buildOnce(template, heavy, adminUrl);
  const key = templateKey(heavy);
  await fs.cp(path.join(template.dir, `data-${key}`), dataDir, { recursive: true });
  const source = templateDatabase(template, key);
  if (!source) return { drop: async () => {} };
  if (!adminUrl) throw new Error('a PostgreSQL template needs the server URL');
  const name = `os_test_${randomBytes(6).toString('hex')}`;
  await admin(adminUrl, (c) => c.query(`create database ${name} template ${source}`));
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

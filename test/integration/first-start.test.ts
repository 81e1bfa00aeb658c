import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createServices, prepareDatabase } from '../../src/app.js';
import { system } from '../../src/core/auth/actor.js';
import { verifyPassword } from '../../src/core/auth/secrets.js';
import { loadConfig } from '../../src/core/config.js';
import { manifests } from '../../src/contexts/index.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { readSeedCatalogue } from '../../src/contexts/data/seeds/open-data.seed.js';
import { dialect, freshDatabaseUrl } from '../support/test-app.js';

/**
 * A first start must be all-or-nothing and idempotent: `serve` is killed (SIGKILL) at random points of a first
 * start on a data dir that does not exist yet, several times, and the next start must succeed with whole data.
 */
const BIN = path.resolve('bin/open-seoul.js');
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function freshInstall() {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'open-seoul-first-start-'));
  cleanups.push(() => fs.rm(root, { recursive: true, force: true }));
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    PORT: '0',
    HOST: '127.0.0.1',
    OPEN_SEOUL_DATA_DIR: path.join(root, 'not-yet-created'),
  };
  const database = await freshDatabaseUrl(); // a new PostgreSQL database (dropped afterwards), or nothing on SQLite
  if (database.url) env.DATABASE_URL = database.url;
  cleanups.push(() => database.drop());
  return env;
}

/** Starts `open-seoul serve`; resolves when it serves (then stops it) or when it was killed after `killAfterMs`. */
function serve(env: Record<string, string>, killAfterMs?: number): Promise<{ served: boolean; code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve'], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let served = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!served && output.includes('Open Seoul is serving')) {
        served = true;
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ served, code, output });
    });
  });
}

/** mulberry32: the kill points are random but the same on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function expectWhole(env: Record<string, string>) {
  const services = createServices(loadConfig(env));
  try {
    const seeded = (await services.db.selectFrom('core_seed').select('name').execute()).map((r) => r.name).sort();
    expect(seeded).toEqual(
      manifests
        .flatMap((m) => m.seeds ?? [])
        .map((s) => s.name)
        .sort(),
    );
    const credentials = await fs.readFile(path.join(env.OPEN_SEOUL_DATA_DIR!, 'admin-credentials.txt'), 'utf8');
    const password = /password: (\S+)/.exec(credentials)?.[1];
    const admin = await services.db
      .selectFrom('accounts_user')
      .select(['password_hash', 'role'])
      .where('email', '=', 'admin@open-seoul.local')
      .executeTakeFirstOrThrow();
    expect(admin.role).toBe('admin');
    expect(await verifyPassword(password!, admin.password_hash)).toBe(true);
    // Every open dataset of the catalogue has exactly one published version per file, and each file is on disk.
    const catalogue = await readSeedCatalogue();
    for (const d of catalogue.datasets) {
      const versions = await services.db
        .selectFrom('data_version as v')
        .innerJoin('data_resource as r', 'r.id', 'v.resource_id')
        .select(['v.parquet_path'])
        .where('r.dataset_id', '=', d.id)
        .where('v.status', '=', 'published')
        .execute();
      expect(versions, d.id).toHaveLength(d.files.length);
      for (const v of versions) if (v.parquet_path) await expect(fs.stat(path.resolve(env.OPEN_SEOUL_DATA_DIR!, v.parquet_path))).resolves.toBeTruthy();
    }
    const stations = await services.db
      .selectFrom('transit_station')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(stations.n)).toBeGreaterThan(200);
  } finally {
    await services.close();
  }
}

describe(`first start on ${dialect}`, () => {
  it('killed at random points (SIGKILL), the next start completes it and the data is whole; a start after that changes nothing', async () => {
    const env = await freshInstall();
    const next = random(dialect === 'sqlite' ? 18 : 1818);
    const kills: number[] = [];
    for (let i = 0; i < 3; i++) {
      const delay = Math.round(1_500 + next() * 16_000);
      const run = await serve(env, delay);
      kills.push(delay);
      if (run.served) break; // the first start already finished: nothing left to interrupt
      expect(run.output, `killed after ${delay} ms`).not.toMatch(/already has an account|ENOENT/);
    }
    const last = await serve(env);
    expect(last.served, `after kills at ${kills.join(', ')} ms:\n${last.output.slice(-3000)}`).toBe(true);
    await expectWhole(env);
    const again = await serve(env);
    expect(again.served).toBe(true);
    expect(again.output).toMatch(/"seeded":\[\]/);
    await expectWhole(env);
  }, 600_000);

  it('an admin left without its credentials file by an older version gets a fresh password written', async () => {
    const env = await freshInstall();
    const services = createServices(loadConfig({ ...env, LOG_LEVEL: 'silent', OPEN_SEOUL_SEED_DEMO: 'false' }));
    try {
      const light = manifests.map((m) => ({ ...m, seeds: (m.seeds ?? []).filter((s) => s.name.startsWith('accounts.')) }));
      await prepareDatabase(services, { seed: true }, light);
      await createUser(services, system(), { email: 'admin@open-seoul.local', password: 'the old lost password', role: 'admin' });
      const demo = createServices(loadConfig({ ...env, LOG_LEVEL: 'silent' }));
      try {
        await prepareDatabase(demo, { seed: true }, light);
      } finally {
        await demo.close();
      }
      const credentials = await fs.readFile(path.join(env.OPEN_SEOUL_DATA_DIR!, 'admin-credentials.txt'), 'utf8');
      const password = /password: (\S+)/.exec(credentials)![1]!;
      const admin = await services.db
        .selectFrom('accounts_user')
        .select('password_hash')
        .where('email', '=', 'admin@open-seoul.local')
        .executeTakeFirstOrThrow();
      expect(await verifyPassword(password, admin.password_hash)).toBe(true);
      expect(await verifyPassword('the old lost password', admin.password_hash)).toBe(false);
    } finally {
      await services.close();
    }
  });
});

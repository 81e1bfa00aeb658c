import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createServices } from '../../src/app.js';
import { system } from '../../src/core/auth/actor.js';
import { loadConfig } from '../../src/core/config.js';
import { createApiKey } from '../../src/contexts/accounts/use-cases/create-api-key.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { copyDatabaseTemplate, HEAVY_SEEDS } from '../support/database-template.js';
import { dialect } from '../support/test-app.js';

/**
 * Durability: `serve` is killed with SIGKILL during a stream of acknowledged writes (each a 201), and after a
 * restart every acknowledged write is there: 0 lost. SQLite runs in WAL mode with synchronous=NORMAL by default
 * (SQLITE_SYNCHRONOUS=FULL also survives a power cut); PostgreSQL commits are durable at the 201.
 */
const BIN = path.resolve('bin/open-seoul.js');
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

async function install() {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'open-seoul-durability-'));
  cleanups.push(() => fs.rm(root, { recursive: true, force: true }));
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    OPEN_SEOUL_DATA_DIR: path.join(root, 'data'),
    OPEN_SEOUL_SEED_DEMO: 'false',
    RATE_LIMIT_PER_MINUTE: '1000000',
  };
  // A copy of the run's template with every seed `serve` runs here (all but the demo ones): the first start has
  // nothing left to seed, and the writes and the kill meet a database as a started server leaves it (first starts
  // killed while seeding are first-start.test.ts's). On PostgreSQL a new database, dropped afterwards.
  const database = await copyDatabaseTemplate(
    inject('databaseTemplate')!,
    env.OPEN_SEOUL_DATA_DIR!,
    dialect === 'postgres' ? inject('postgresUrl') : undefined,
    HEAVY_SEEDS,
  );
  if (database.url) env.DATABASE_URL = database.url;
  cleanups.push(() => database.drop());
  return env;
}

function start(env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve'], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Open Seoul is serving')) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`serve exited (${code}): ${output.slice(-2000)}`)));
  });
}

describe(`durability on ${dialect}`, () => {
  it.each(
    dialect === 'sqlite' ? ['NORMAL', 'FULL'] : ['default'],
  )('SIGKILL during acknowledged writes loses none of them (synchronous %s)', async (synchronous) => {
    const env = { ...(await install()), PORT: String(await freePort()), ...(dialect === 'sqlite' ? { SQLITE_SYNCHRONOUS: synchronous } : {}) };
    let server = await start(env);
    let key: string;
    const services = createServices(loadConfig({ ...env, LOG_LEVEL: 'silent' }));
    try {
      const admin = await createUser(services, system(), { email: 'durable@example.kr', password: 'durable password 1', role: 'admin' });
      key = (
        await createApiKey(
          services,
          { kind: 'user', user: { id: admin.id, email: admin.email, displayName: 'admin', role: 'admin', memberships: [] } },
          { name: 'writes' },
        )
      ).secret;
    } finally {
      await services.close();
    }
    const acknowledged: string[] = [];
    let killed = false;
    const writer = (async () => {
      for (let i = 0; ; i++) {
        const slug = `durable-${i}`;
        try {
          const res = await fetch(`http://127.0.0.1:${env.PORT}/api/v1/organisations`, {
            method: 'POST',
            headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
            body: JSON.stringify({ type: 'ngo', nameKo: `내구성 ${i}`, slug }),
          });
          if (res.status === 201) acknowledged.push(slug);
          else throw new Error(`write ${i}: ${res.status} ${await res.text()}`);
        } catch (error) {
          if (killed) return;
          throw error;
        }
      }
    })();
    let failed: unknown;
    writer.catch((error: unknown) => {
      failed = error;
    });
    // Kill once a stream of writes is under way (the count, not a clock, decides).
    while (acknowledged.length < 150 && !failed) await new Promise((r) => setTimeout(r, 20));
    if (failed) throw failed;
    killed = true;
    server.kill('SIGKILL');
    await writer;
    server = await start(env); // the next start opens what the killed one left
    server.kill('SIGTERM');
    const after = createServices(loadConfig({ ...env, LOG_LEVEL: 'silent' }));
    try {
      const stored = new Set(
        (await after.db.selectFrom('accounts_organisation').select('slug').where('slug', 'like', 'durable-%').execute()).map((r) => r.slug),
      );
      const lost = acknowledged.filter((s) => !stored.has(s));
      expect(acknowledged.length).toBeGreaterThanOrEqual(150);
      expect(lost).toEqual([]);
    } finally {
      await after.close();
    }
  }, 300_000);
});

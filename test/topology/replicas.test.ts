import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabaseUrl } from '../support/test-app.js';
import { startS3Server } from '../support/s3-server.js';

/**
 * The production topology, for real: two `open-seoul serve` processes (replicas), each with its own local data
 * directory, on one PostgreSQL database and one S3-protocol object store, started at the same time on an empty
 * database. A session made on one replica works on the other, a file uploaded to one is served by the other, a
 * rate limit holds across both, and a facility status set on one changes the other's routes (change notices).
 */
const BIN = path.resolve('bin/open-seoul.js');
const SECRET = 'topology test secret, the same on every replica!';
const RATE_LIMIT = 40;
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d494844520000000200000002080600000072b60d2400000011494441547801633c01040c40c0c400050030a60324e93ef6660000000049454e44ae426082',
  'hex',
);

type Replica = { url: string; dir: string; child: ChildProcess; output: string };
const replicas: Replica[] = [];
let admin: Client; // signed in on replica A by the session test, used by the later ones
const cleanups: Array<() => Promise<void>> = [];

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

function start(env: Record<string, string>, dir: string): Promise<Replica> {
  return freePort().then(
    (port) =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [BIN, 'serve'], {
          env: {
            PATH: process.env.PATH ?? '',
            ...env,
            PORT: String(port),
            HOST: '127.0.0.1',
            OPEN_SEOUL_DATA_DIR: dir,
            PUBLIC_URL: `http://127.0.0.1:${port}`,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        const r: Replica = { url: `http://127.0.0.1:${port}`, dir, child, output: '' };
        const onData = (chunk: Buffer) => {
          r.output += chunk.toString();
          if (r.output.includes('Open Seoul is serving')) resolve(r);
        };
        child.stdout!.on('data', onData);
        child.stderr!.on('data', onData);
        child.on('exit', (code) => reject(new Error(`replica exited with ${code}:\n${r.output.slice(-3000)}`)));
      }),
  );
}

/** A browser-like client of one replica or another: cookies and the CSRF token travel with it. */
class Client {
  cookies = new Map<string, string>();
  csrf = '';
  async request(
    base: string,
    method: string,
    url: string,
    opts: { json?: unknown; form?: Record<string, string>; body?: FormData; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = {
      cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}),
      ...opts.headers,
    };
    let body: string | FormData | undefined;
    if (opts.json !== undefined) {
      body = JSON.stringify(opts.json);
      headers['content-type'] = 'application/json';
    }
    if (opts.form) {
      body = new URLSearchParams({ ...opts.form, _csrf: this.csrf }).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    if (opts.body) body = opts.body;
    const res = await fetch(`${base}${url}`, { method, headers, body, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, ...value] = pair!.split('=');
      this.cookies.set(name!.trim(), value.join('='));
    }
    const text = await res.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(text)?.[1];
    if (token) this.csrf = token;
    return { status: res.status, text, json: () => JSON.parse(text), headers: res.headers };
  }
}

beforeAll(async () => {
  const s3 = await startS3Server();
  cleanups.push(() => s3.close());
  const database = await freshDatabaseUrl();
  cleanups.push(() => database.drop());
  const env = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATABASE_URL: database.url!,
    OPEN_SEOUL_SECRET: SECRET,
    RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
    OPEN_SEOUL_SEED_DEMO: 'true',
    ...s3.env('install-1'),
  };
  const dirs = await Promise.all([0, 1].map(() => fs.mkdtemp(path.join(os.tmpdir(), 'open-seoul-replica-'))));
  cleanups.push(async () => {
    for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
  });
  // Two cold starts at once on an empty database: one migrates and seeds under the lock, the other waits.
  replicas.push(...(await Promise.all(dirs.map((d) => start(env, d)))));
  cleanups.push(async () => {
    for (const r of replicas) {
      r.child.removeAllListeners('exit');
      const exited = new Promise((resolve) => r.child.once('exit', resolve));
      r.child.kill('SIGTERM');
      await exited;
    }
  });
}, 600_000);
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
}, 120_000);

describe('two replicas on one PostgreSQL and one object store', () => {
  it('started together on an empty database, they seed it once', () => {
    const seeded = replicas.map((r) => JSON.parse(/"seeded":(\[[^\]]*\])/.exec(r.output)?.[1] ?? 'null') as string[] | null);
    expect(seeded.every((s) => Array.isArray(s))).toBe(true);
    const [a, b] = seeded as [string[], string[]];
    expect(a.length + b.length).toBeGreaterThan(5);
    expect(Math.min(a.length, b.length)).toBe(0); // all seeds ran in one replica; the other found them done
  });

  it('a session made on one replica works on the other', async () => {
    const [a, b] = replicas as [Replica, Replica];
    const credentials = (await Promise.all(replicas.map((r) => fs.readFile(path.join(r.dir, 'admin-credentials.txt'), 'utf8').catch(() => '')))).join('\n');
    const password = /password: (\S+)/.exec(credentials)?.[1];
    expect(password).toBeTruthy();
    admin = new Client();
    await admin.request(a.url, 'GET', '/sign-in');
    expect((await admin.request(a.url, 'POST', '/sign-in', { form: { email: 'admin@open-seoul.local', password: password! } })).status).toBe(303);
    const me = await admin.request(b.url, 'GET', '/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.json()).toMatchObject({ email: 'admin@open-seoul.local', role: 'admin' });
  });

  it('a file uploaded to one replica is served by the other (object storage), and the store is ready on both', async () => {
    const [a, b] = replicas as [Replica, Replica];
    const registered = await admin.request(a.url, 'POST', '/api/v1/startups', {
      json: {
        nameKo: '복제 시험',
        nameEn: 'Replica Test',
        whatKo: '복제 서버 시험용 스타트업',
        whatEn: 'A startup for the replica test',
        field: 'mobility',
        stage: 'idea',
        teamSize: 2,
        foundersAgeBand: 'under_30',
        contactEmail: 'replica@test.kr',
      },
    });
    expect(registered.status, registered.text).toBe(201);
    const slug = registered.json().slug as string;
    const form = new FormData();
    form.set('titleKo', '센서');
    form.set('imageAlt', '센서 그림');
    form.set('image', new Blob([PNG], { type: 'image/png' }), 'sensor.png');
    const added = await admin.request(a.url, 'POST', `/api/v1/startups/${slug}/solutions`, { body: form });
    expect(added.status, added.text).toBe(201);
    const image = added.json().solutions[0].image as string;
    const served = await fetch(`${b.url}${image}`);
    expect(served.status).toBe(200);
    const fromB = Buffer.from(await served.arrayBuffer());
    const fromA = Buffer.from(await (await fetch(`${a.url}${image}`)).arrayBuffer());
    expect(fromB.subarray(0, 8).equals(PNG.subarray(0, 8))).toBe(true); // a PNG (the upload, encoded again without metadata)
    expect(fromB.equals(fromA)).toBe(true); // the same stored object, whichever replica serves it
    // Not on either replica's disk: in the object store.
    for (const r of replicas) await expect(fs.stat(path.join(r.dir, 'startups', 'images'))).rejects.toThrow();
    for (const r of replicas)
      expect(await (await fetch(`${r.url}/ready`)).json()).toMatchObject({ status: 'ok', storage: 'ok', storageKind: 's3', dialect: 'postgres' });
  });

  it('a dataset uploaded on one replica is published through the other and queried on both, from the lake in object storage', async () => {
    const [a, b] = replicas as [Replica, Replica];
    const id = 'replica-lake-counts';
    const created = await admin.request(a.url, 'POST', '/api/v1/data/datasets', { json: { id, titleKo: '복제 호수 시험', titleEn: 'Replica lake test' } });
    expect(created.status, created.text).toBe(201);
    const csv = `gu,visits\n${Array.from({ length: 300 }, (_, i) => `구${i % 25},${i}`).join('\n')}\n`;
    const form = new FormData();
    form.set('file', new Blob([csv], { type: 'text/csv' }), 'visits.csv');
    const staged = await admin.request(a.url, 'POST', `/api/v1/data/datasets/${id}/uploads`, { body: form });
    expect(staged.status, staged.text).toBe(201);
    // Staged on A, published through B (no sticky sessions): the draft's files are shared through the object store.
    const published = await admin.request(b.url, 'POST', `/api/v1/data/uploads/${staged.json().versionId}/publish`, { json: {} });
    expect(published.status, published.text).toBe(200);
    const resource = published.json().resourceId as string;
    const cached = (r: Replica) => path.join(r.dir, 'cache', 'objects', 'lake', id, resource, 'v1', 'data.parquet');
    // A never published it: nothing of the published version on A's disk until A is asked for the rows.
    await expect(fs.stat(cached(a))).rejects.toThrow();
    const rows = await fetch(`${a.url}/api/v1/data/datasets/${id}/rows?limit=5&sort=-visits`);
    expect(rows.status).toBe(200);
    const body = (await rows.json()) as { total: number; rows: Array<{ gu: string; visits: number }>; version: { number: number } };
    expect(body).toMatchObject({ total: 300, version: { number: 1 } });
    expect(body.rows[0]).toEqual({ gu: '구24', visits: 299 });
    // A fetched the version once into its cache (immutable, keyed by dataset, resource and version); B kept the one it published.
    const manifest = (await (await fetch(`${b.url}/api/v1/data/datasets/${id}/versions/1/manifest.json`)).json()) as {
      files: Array<{ sha256: string; bytes: number }>;
      rows: number;
    };
    expect(manifest.rows).toBe(300);
    for (const r of replicas) {
      const bytes = await fs.readFile(cached(r));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(manifest.files[0]!.sha256);
    }
    // Not in either data dir's own lake: the published layout lives in the object store.
    for (const r of replicas) await expect(fs.stat(path.join(r.dir, 'lake', id, resource, 'v1', 'data.parquet'))).rejects.toThrow();
    // The replica that published keeps no draft (A's own staging copy stays on A's disk until swept).
    expect(await fs.readdir(path.join(b.dir, 'lake', '.tmp', 'drafts')).catch(() => [])).toEqual([]);
    // Withdrawn on B: A, which holds a cached copy, serves no row of it.
    const withdrawn = await admin.request(b.url, 'POST', `/api/v1/data/datasets/${id}/versions/1/withdraw`, {
      json: { reason: '복제 시험을 위한 철회입니다' },
    });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    expect((await fetch(`${a.url}/api/v1/data/datasets/${id}/rows?version=1`)).status).toBeGreaterThanOrEqual(400);
    // …and drops that copy when it hears of the withdrawal (change notice): the withdrawn rows are on no disk.
    let left = true;
    for (let i = 0; i < 100 && left; i++) {
      left = (
        await Promise.all(
          replicas.map((r) =>
            fs.stat(cached(r)).then(
              () => true,
              () => false,
            ),
          ),
        )
      ).some(Boolean);
      if (left) await new Promise((r) => setTimeout(r, 200));
    }
    expect(left).toBe(false);
    const after = (await (await fetch(`${a.url}/api/v1/data/datasets/${id}/versions/1/manifest.json`)).json()) as {
      status: { state: string };
      revision: number;
    };
    expect(after).toMatchObject({ status: { state: 'withdrawn' }, revision: 2 });
  });

  it('mail kept in the outbox by one replica (no SMTP) is shown by the other', async () => {
    const [a, b] = replicas as [Replica, Replica];
    const visitor = new Client();
    await visitor.request(a.url, 'GET', '/password-reset');
    const asked = await visitor.request(a.url, 'POST', '/password-reset', { form: { email: 'admin@open-seoul.local' } });
    expect(asked.status).toBeLessThan(400);
    const outbox = await admin.request(b.url, 'GET', '/admin/outbox');
    expect(outbox.status).toBe(200);
    expect(outbox.text).toContain('/password-reset/');
    for (const r of replicas) await expect(fs.stat(path.join(r.dir, 'outbox'))).rejects.toThrow(); // in the object store
  });

  it('a facility status set on one replica changes the routes the other answers (change notices, no polling)', async () => {
    const [a, b] = replicas as [Replica, Replica];
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const json = async (url: string): Promise<any> => (await fetch(url)).json();
    const gyodae = (await json(`${b.url}/api/v1/transit/stations?q=${encodeURIComponent('교대')}`)).items[0].id as string;
    const platforms = (await json(`${b.url}/api/v1/transit/stations/${gyodae}/graph`)).nodes.filter((n: { location_type: number }) => n.location_type === 0);
    const from = platforms.find((n: { name: string }) => n.name.includes('2호선') && n.name.includes('서초'));
    const to = platforms.find((n: { name: string }) => n.name.includes('3호선'));
    const route = `${b.url}/api/v1/transit/stations/${gyodae}/routes?from=${encodeURIComponent(from.stop_id)}&to=${encodeURIComponent(to.stop_id)}&profile=wheelchair`;
    const before = await json(route); // replica B builds the station's routers and keeps them
    const lift = before.dependsOn.find((d: { status: string }) => d.status === 'available') as { facilityId: string };
    expect(lift).toBeTruthy();
    const set = await admin.request(a.url, 'PUT', `/api/v1/transit/facilities/${lift.facilityId}/status`, {
      json: { status: 'not_available', reason: 'topology test' },
    });
    expect(set.status, set.text).toBe(200);
    // On PostgreSQL replicas do not poll: without the notice, B would keep its routers (and this lift in service) until restarted.
    const usesLiftInService = (r: { dependsOn: Array<{ facilityId: string; status: string }> }) =>
      r.dependsOn.some((d) => d.facilityId === lift.facilityId && d.status === 'available');
    let seen = true;
    for (let i = 0; i < 100 && seen; i++) {
      seen = usesLiftInService(await json(route));
      if (seen) await new Promise((r) => setTimeout(r, 200));
    }
    expect(seen).toBe(false);
  });
  // Last: it spends this client's allowance for the minute.
  it('a rate limit holds across both replicas', async () => {
    const [a, b] = replicas as [Replica, Replica];
    // One client alternating between the replicas: both count it together, in one window of a minute (clock-aligned;
    // start well inside one so that the window does not turn over mid-test).
    if (Date.now() % 60_000 > 45_000) await new Promise((r) => setTimeout(r, 60_000 - (Date.now() % 60_000) + 100));
    const answers: Array<{ status: number; remaining: number }> = [];
    for (let i = 0; i < RATE_LIMIT + 2; i++) {
      const res = await fetch(`${(i % 2 ? b : a).url}/api/v1/organisations`);
      answers.push({ status: res.status, remaining: Number(res.headers.get('x-ratelimit-remaining')) });
      if (answers.filter((x) => x.status === 429).length >= 2) break;
    }
    const ok = answers.filter((x) => x.status === 200);
    // Each answer, whichever replica gave it, leaves one fewer for the next: one count, not one per replica.
    for (let i = 1; i < ok.length; i++) expect(ok[i]!.remaining).toBe(ok[i - 1]!.remaining - 1);
    expect(ok.at(-1)!.remaining).toBe(0);
    expect(answers.slice(ok.length).map((x) => x.status)).toEqual([429, 429]); // refused by both replicas
  });
});

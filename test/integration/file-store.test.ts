import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localFileStore, s3FileStore, type FileStore } from '../../src/core/storage/index.js';
import { startS3Server } from '../support/s3-server.js';

/** One contract, two stores: the local disk and a real S3-protocol server reached through the AWS SDK. */
let s3: Awaited<ReturnType<typeof startS3Server>>;
let tmp: string;
const stores: Record<'local' | 's3', FileStore> = {} as never;

beforeAll(async () => {
  s3 = await startS3Server();
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'open-seoul-files-'));
  stores.local = localFileStore(path.join(tmp, 'local'));
  stores.s3 = s3FileStore({
    url: `s3://${s3.bucket}/replica-test`,
    endpoint: s3.endpoint,
    region: 'us-east-1',
    cacheDir: path.join(tmp, 'cache'),
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
});
afterAll(async () => {
  await s3?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

const text = async (r: { body: Readable } | null) => {
  const chunks: Buffer[] = [];
  for await (const c of r!.body) chunks.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
};

describe.each(['local', 's3'] as const)('file store: %s', (kind) => {
  const store = () => stores[kind];

  it('puts, gets (streamed), reads, lists and deletes by key', async () => {
    await store().put('evidence/a.txt', Buffer.from('증빙 자료'));
    await store().put('evidence/nested/b.txt', Readable.from([Buffer.from('part one, '), Buffer.from('part two')]));
    expect(await text(await store().get('evidence/a.txt'))).toBe('증빙 자료');
    expect((await store().get('evidence/a.txt'))!.size).toBe(Buffer.byteLength('증빙 자료'));
    expect((await store().read('evidence/nested/b.txt'))!.toString()).toBe('part one, part two');
    expect(await store().exists('evidence/a.txt')).toBe(true);
    const listed: string[] = [];
    for await (const f of store().list('evidence/')) listed.push(f.key);
    expect(listed.sort()).toEqual(['evidence/a.txt', 'evidence/nested/b.txt']);
    await store().delete('evidence/a.txt');
    expect(await store().exists('evidence/a.txt')).toBe(false);
    expect(await store().get('evidence/a.txt')).toBeNull();
    expect(await store().read('evidence/missing.txt')).toBeNull();
    await store().delete('evidence/never-there.txt'); // deleting nothing is not an error
  });

  it('streams a file larger than one upload part without holding it whole', async () => {
    const size = 12 * 1024 * 1024 + 17;
    const chunks = function* () {
      for (let sent = 0; sent < size; sent += 1024 * 1024) yield Buffer.alloc(Math.min(1024 * 1024, size - sent), sent % 251);
    };
    await store().put('lake/big.bin', Readable.from(chunks()));
    const got = await store().get('lake/big.bin');
    expect(got!.size).toBe(size);
    let n = 0;
    for await (const c of got!.body) n += (c as Buffer).length;
    expect(n).toBe(size);
  });

  it('gives engines a local path (object storage: a cached copy, dropped with the object)', async () => {
    await store().put('lake/d/v1.parquet', Buffer.from('PAR1 not really'));
    const p = await store().localPath('lake/d/v1.parquet');
    expect(await fs.readFile(p!, 'utf8')).toBe('PAR1 not really');
    expect(await store().localPath('lake/d/none.parquet')).toBeNull();
    await store().delete('lake/d/v1.parquet');
    expect(
      await fs.stat(p!).then(
        () => true,
        () => false,
      ),
    ).toBe(false);
  });

  it('refuses keys that climb out of the store or are not plain paths', async () => {
    for (const key of ['../etc/passwd', '/abs/path', 'a//b', 'a/./b', 'a/../../b', '']) {
      await expect(store().put(key, Buffer.from('x'))).rejects.toMatchObject({ code: 'storage.bad_key', status: 400 });
    }
  });

  it('is ready when it takes a write', async () => {
    expect(await store().check()).toBe('ok');
  });
});

describe('object storage keeps replicas apart by prefix and says when it is unreachable', () => {
  it('two prefixes in one bucket do not see each other; a dead endpoint makes check() say so', async () => {
    const other = s3FileStore({
      url: `s3://${s3.bucket}/other-install`,
      endpoint: s3.endpoint,
      region: 'us-east-1',
      cacheDir: path.join(tmp, 'cache2'),
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    await stores.s3.put('startups/images/x.png', Buffer.from('png'));
    expect(await other.exists('startups/images/x.png')).toBe(false);
    const dead = s3FileStore({
      url: 's3://nowhere/p',
      endpoint: 'http://127.0.0.1:9',
      region: 'us-east-1',
      cacheDir: path.join(tmp, 'cache3'),
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    });
    expect(await dead.check()).toMatch(/^error: /);
  });
});

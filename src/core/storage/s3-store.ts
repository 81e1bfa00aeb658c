import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { assertKey, type FileStore, type StoredFile } from './file-store.js';
import { moveFile } from './local-store.js';
import { objectCache } from './object-cache.js';

export interface S3StoreOptions {
  /** s3://bucket/prefix */
  url: string;
  /** Another S3 API than AWS's (NCP Object Storage, MinIO): its endpoint; path-style addressing then. */
  endpoint?: string;
  region?: string;
  /** Where this replica keeps the copies engines read from disk (immutable keys only). */
  cacheDir: string;
  credentials?: S3ClientConfig['credentials'];
  /** The cache's budget in bytes (OPEN_SEOUL_CACHE_MAX_BYTES): least recently used copies go past it (object-cache.ts). Default: none. */
  cacheMaxBytes?: number;
  /** Copies used this recently (ms) are not deleted to make room (objectCache's `holdMs`; default 60 s). */
  cacheHoldMs?: number;
  /** Where the cache says what it deleted, and a file over the whole budget. */
  log?: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };
}

const notFound = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
};

export function parseS3Url(url: string): { bucket: string; prefix: string } {
  const u = new URL(url);
  if (u.protocol !== 's3:' || !u.hostname) throw new Error(`not an s3://bucket/prefix URL: ${url}`);
  return { bucket: u.hostname, prefix: u.pathname.replace(/^\/+|\/+$/g, '') };
}

/**
 * Files in S3-compatible object storage, through the official AWS SDK: uploads streamed in parts
 * (lib-storage), downloads streamed, a local cache for engines that need a path. Credentials come from the
 * SDK's usual chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a profile, an instance role).
 */
export function s3FileStore(opts: S3StoreOptions): FileStore & { client: S3Client; bucket: string; prefix: string } {
  const { bucket, prefix } = parseS3Url(opts.url);
  const client = new S3Client({
    region: opts.region ?? 'ap-northeast-2',
    ...(opts.endpoint ? { endpoint: opts.endpoint, forcePathStyle: true } : {}),
    ...(opts.credentials ? { credentials: opts.credentials } : {}),
    // Checksums only where S3 requires them: other S3 APIs (and older MinIO) refuse the newer trailing checksums.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const objectKey = (key: string) => (prefix ? `${prefix}/${assertKey(key)}` : assertKey(key));
  const cached = (key: string) => path.join(opts.cacheDir, ...assertKey(key).split('/'));
  const cache = objectCache({ dir: opts.cacheDir, maxBytes: opts.cacheMaxBytes ?? Number.POSITIVE_INFINITY, holdMs: opts.cacheHoldMs, log: opts.log });
  const uncache = async (key: string) => {
    await fs.rm(cached(key), { force: true });
    await cache.forget(key);
  };
  const head = (key: string) =>
    client.send(new HeadObjectCommand({ Bucket: bucket, Key: objectKey(key) })).then(
      (h) => h.ContentLength ?? 0,
      (e) => {
        if (notFound(e)) return null;
        throw e;
      },
    );

  return {
    kind: 's3',
    location: `s3://${bucket}/${prefix}${opts.endpoint ? ` at ${opts.endpoint}` : ''}`,
    client,
    bucket,
    prefix,
    async put(key, body, o) {
      await new Upload({ client, params: { Bucket: bucket, Key: objectKey(key), Body: body, ContentType: o?.contentType } }).done();
      await uncache(key); // a replaced object is never read from an old copy here
    },
    async putFile(key, file, o) {
      await this.put(key, createReadStream(file), o);
      const target = cached(key);
      const done = await cache.reserve(key, (await fs.stat(file)).size);
      let stored = false;
      try {
        await fs.mkdir(path.dirname(target), { recursive: true });
        await moveFile(file, target);
        stored = true;
      } finally {
        done(stored);
      }
    },
    async get(key) {
      try {
        const r = await client.send(new GetObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
        return { body: r.Body as Readable, size: r.ContentLength ?? 0 };
      } catch (e) {
        if (notFound(e)) return null;
        throw e;
      }
    },
    async read(key) {
      const r = await this.get(key);
      if (!r) return null;
      const chunks: Buffer[] = [];
      for await (const c of r.body) chunks.push(Buffer.from(c as Uint8Array));
      return Buffer.concat(chunks);
    },
    exists: async (key) => (await head(key)) !== null,
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
      await uncache(key);
    },
    async *list(p) {
      let token: string | undefined;
      do {
        // '' lists the whole store (this prefix); 'lake/' only what is under that folder, not 'lakeside/…'.
        const under = p ? `${objectKey(p.replace(/\/$/, ''))}${p.endsWith('/') ? '/' : ''}` : prefix ? `${prefix}/` : undefined;
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: under, ContinuationToken: token }));
        for (const o of page.Contents ?? []) {
          const key = prefix ? (o.Key ?? '').slice(prefix.length + 1) : (o.Key ?? '');
          yield { key, size: o.Size ?? 0 } satisfies StoredFile;
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
    evict: uncache,
    onEvicted: (listener) => cache.onEvicted(listener),
    async localPath(key) {
      const target = cached(key);
      const hit = await fs.stat(target).catch(() => null);
      if (hit) {
        await cache.touch(key, hit.size); // the most recently used copy, the last the budget deletes
        return target;
      }
      // Missing: never fetched here, withdrawn, or deleted by the cache's budget: fetched (again) from the store.
      const r = await this.get(key);
      if (!r) return null;
      let done: (stored: boolean) => void = () => {};
      const temp = `${target}.${randomUUID()}.part`;
      let stored = false;
      try {
        done = await cache.reserve(key, r.size); // room made first, so the download itself stays within the budget
        await fs.mkdir(path.dirname(target), { recursive: true });
        await pipeline(r.body, createWriteStream(temp));
        await fs.rename(temp, target);
        stored = true;
      } catch (error) {
        r.body.destroy();
        await fs.rm(temp, { force: true });
        throw error;
      } finally {
        done(stored);
      }
      return target;
    },
    async check() {
      const key = `.ready/${randomUUID()}`;
      try {
        await this.put(key, Buffer.from('ok'));
        await this.delete(key);
        return 'ok';
      } catch (e) {
        return `error: ${(e as Error).name ?? 'unreachable'}`;
      }
    },
  };
}

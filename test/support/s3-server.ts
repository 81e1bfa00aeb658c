import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll } from 'vitest';

/**
 * A real S3-protocol server for tests (s3rver, from npm): objects on a temp directory, the AWS SDK speaking to
 * it over HTTP as it would to AWS, NCP or MinIO. Production uses a real object store.
 */
export async function startS3Server(bucket = 'open-seoul-test') {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'open-seoul-s3-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    directory,
    /** The environment a replica needs to use this server as its file store. */
    env: (prefix: string) => ({
      OPEN_SEOUL_STORAGE_URL: `s3://${bucket}/${prefix}`,
      S3_ENDPOINT: endpoint,
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      AWS_REGION: 'us-east-1',
    }),
    async close() {
      await server.close();
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
}

export type S3Server = Awaited<ReturnType<typeof startS3Server>>;

/**
 * For a test file on object storage: an S3 server and a temporary folder, started before its tests and removed
 * after them (after the file's own afterAll hooks, which run first), with the AWS SDK's credentials in the process
 * environment, where its usual chain reads them as on a replica. Call it at the top of the file; read `s3` and
 * `tmp` in hooks and tests.
 */
export function useS3Server(tmpPrefix: string): { s3: S3Server; tmp: string } {
  const saved = { ...process.env };
  const files = { s3: undefined as unknown as S3Server, tmp: '' };
  beforeAll(async () => {
    files.s3 = await startS3Server();
    files.tmp = await fs.mkdtemp(path.join(os.tmpdir(), tmpPrefix));
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' });
  }, 60_000);
  afterAll(async () => {
    process.env = saved;
    await files.s3?.close();
    if (files.tmp) await fs.rm(files.tmp, { recursive: true, force: true });
  });
  return files;
}

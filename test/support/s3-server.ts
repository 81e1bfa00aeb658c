import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

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

import path from 'node:path';
import type { Config } from '../config.js';
import type { FileStore } from './file-store.js';
import { localFileStore } from './local-store.js';
import { s3FileStore, type S3StoreOptions } from './s3-store.js';

export type { FileStore, StoredFile } from './file-store.js';
export { assertKey } from './file-store.js';
export { localFileStore } from './local-store.js';
export { s3FileStore } from './s3-store.js';
export { evictionsFor, type CachedCopy } from './object-cache.js';

/** The store the configuration names: object storage when OPEN_SEOUL_STORAGE_URL is s3://…, else the data directory. */
export function createFileStore(
  config: Pick<Config, 'dataDir' | 'storageUrl' | 's3Endpoint' | 's3Region' | 'cacheMaxBytes' | 'cacheHoldSeconds'>,
  log?: S3StoreOptions['log'],
): FileStore {
  if (!config.storageUrl) return localFileStore(config.dataDir); // keys are the paths the data directory always had
  return s3FileStore({
    url: config.storageUrl,
    endpoint: config.s3Endpoint,
    region: config.s3Region,
    cacheDir: path.join(config.dataDir, 'cache', 'objects'),
    cacheMaxBytes: config.cacheMaxBytes,
    cacheHoldMs: config.cacheHoldSeconds * 1000,
    log,
  });
}

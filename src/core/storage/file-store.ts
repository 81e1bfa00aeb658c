import type { Readable } from 'node:stream';
import { AppError } from '../errors.js';

/** One stored object: its key and size in bytes. */
export interface StoredFile {
  key: string;
  size: number;
}

/**
 * Where the platform keeps files that are not rows: the lake's Parquet, evidence, transit photos, startup
 * images. Keys are relative POSIX paths (`startups/images/<uuid>.png`). Two implementations: the local disk
 * under the data directory (the embedded default) and S3-compatible object storage (AWS, NCP, MinIO), so
 * several stateless replicas share one store. Files are streamed in and out, never buffered whole by the store.
 */
export interface FileStore {
  readonly kind: 'local' | 's3';
  /** Where it is, for health and logs (no secret). */
  readonly location: string;
  put(key: string, body: Buffer | Readable, opts?: { contentType?: string }): Promise<void>;
  /**
   * Moves a finished file on this machine into the store under `key` (the path is gone afterwards). Local: a
   * rename. Object storage: a streamed upload, then the file becomes this replica's cached copy of the key
   * (immutable keys: a dataset version's Parquet), so the replica that wrote it never downloads it again.
   */
  putFile(key: string, file: string, opts?: { contentType?: string }): Promise<void>;
  /** The file as a stream, or null when there is none. */
  get(key: string): Promise<{ body: Readable; size: number } | null>;
  /** A small file whole (an image for a PDF), or null. */
  read(key: string): Promise<Buffer | null>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  list(prefix: string): AsyncIterable<StoredFile>;
  /**
   * A path on this machine holding the file, for engines that read files (DuckDB, pdfkit). Local: the file
   * itself. Object storage: a copy in the replica's cache, keyed by the object key — use it for immutable keys
   * only (a dataset version's Parquet never changes), or delete the cached copy with the object.
   */
  localPath(key: string): Promise<string | null>;
  /** Drops this replica's cached copy of a key (object storage; the local store has none): another replica deleted the object. */
  evict(key: string): Promise<void>;
  /**
   * Called with each key whose cached copy this replica's cache budget deleted (object storage; never on the local
   * store), so what holds paths into the cache can let go of them; the next `localPath` fetches the file again.
   */
  onEvicted(listener: (key: string) => void): () => void;
  /** Can the store be written to now (readiness)? */
  check(): Promise<'ok' | string>;
}

const SAFE_KEY = /^(?!\/)(?!.*\/\/)[\w.\-/]+$/;

/** A key is a relative path of word characters, dots, dashes and slashes, never climbing out of its root. */
export function assertKey(key: string): string {
  if (!SAFE_KEY.test(key) || key.split('/').some((part) => part === '..' || part === '.' || part === '') || key.length > 512) {
    throw new AppError('storage.bad_key', `Not a storage key: ${JSON.stringify(key.slice(0, 80))}`, 400);
  }
  return key;
}

import fs from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Services } from '../../../core/context.js';

/**
 * The data lake: Parquet files under `<dataDir>/lake/<dataset>/<resource>/v<N>.parquet`, immutable once
 * written (a new upload is a new version), read by an embedded DuckDB. Metadata lives in the SQL database, so
 * the CLI can ingest while the server runs on the same data dir. One DuckDB instance per Services, opened on
 * first use and closed with the services.
 */
export interface Lake {
  dir: string;
  tmpDir: string;
  parquetPath(datasetId: string, resourceId: string, version: number): string;
  /** A connection to the shared in-memory DuckDB (file access allowed: ingest and trusted queries only). */
  connect(): Promise<DuckDBConnection>;
}

const lakes = new WeakMap<Services, Lake>();

/** DuckDB threads and memory for the trusted instance (ingest, API queries). */
const DUCK_THREADS = '2';
const DUCK_MEMORY = '2GB';

export function lakeFor(services: Services): Lake {
  let lake = lakes.get(services);
  if (lake) return lake;
  const dir = path.join(services.config.dataDir, 'lake');
  const tmpDir = path.join(dir, '.tmp');
  let instance: Promise<DuckDBInstance> | null = null;
  const open = () => {
    instance ??= (async () => {
      await fs.mkdir(tmpDir, { recursive: true });
      const db = await DuckDBInstance.create(':memory:', { threads: DUCK_THREADS, memory_limit: DUCK_MEMORY, temp_directory: tmpDir });
      services.onClose?.(async () => { db.closeSync(); });
      return db;
    })();
    return instance;
  };
  lake = {
    dir,
    tmpDir,
    parquetPath: (datasetId, resourceId, version) => path.join(dir, safe(datasetId), safe(resourceId), `v${version}.parquet`),
    connect: async () => (await open()).connect(),
  };
  lakes.set(services, lake);
  return lake;
}

/** Path segments come from ids we validated; this keeps them to one safe segment regardless. */
const safe = (segment: string) => segment.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^\.+/, '_');

/** Quotes an identifier for DuckDB SQL (column names come from uploaded headers). */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
/** Quotes a string literal for DuckDB SQL (paths we build; never user SQL). */
export const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

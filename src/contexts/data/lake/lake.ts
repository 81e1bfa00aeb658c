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

export function lakeFor(services: Services): Lake {
  let lake = lakes.get(services);
  if (lake) return lake;
  const dir = path.join(services.config.dataDir, 'lake');
  const tmpDir = path.join(dir, '.tmp');
  let instance: Promise<DuckDBInstance> | null = null;
  const open = () => {
    instance ??= (async () => {
      await fs.mkdir(tmpDir, { recursive: true });
      // Threads and memory from the config (DUCKDB_THREADS, DUCKDB_MEMORY_LIMIT); Parquet footers are cached (files never change).
      const db = await DuckDBInstance.create(':memory:', {
        threads: String(services.config.duckdbThreads),
        memory_limit: services.config.duckdbMemoryLimit,
        temp_directory: tmpDir,
      });
      const setup = await db.connect();
      await setup.run('SET GLOBAL parquet_metadata_cache = true').finally(() => setup.closeSync());
      services.onClose?.(async () => {
        db.closeSync();
      });
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

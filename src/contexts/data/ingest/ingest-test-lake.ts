import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll } from 'vitest';
import type { Lake } from '../lake/lake.js';
import { runIngest, type IngestOptions } from './run-ingest.js';

/**
 * For the ingest's unit tests: an in-memory DuckDB as the lake and a temporary folder, opened before the file's
 * tests and removed after; `ingest` writes a file there and runs the pipeline on it (no database: the use cases
 * add the catalogue rows).
 */
export function useIngestLake(prefix: string) {
  let db: DuckDBInstance;
  let dir = '';
  let lake: Lake;
  beforeAll(async () => {
    db = await DuckDBInstance.create(':memory:', { threads: '2' });
    dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
    lake = { dir, tmpDir: dir, parquetPath: () => '', connect: () => db.connect() };
  });
  afterAll(async () => {
    db.closeSync();
    await fs.rm(dir, { recursive: true, force: true });
  });
  return {
    dir: () => dir,
    lake: () => lake,
    async ingest(name: string, data: Buffer | string, options: IngestOptions = {}) {
      const file = path.join(dir, name);
      await fs.writeFile(file, data);
      const workDir = await fs.mkdtemp(path.join(dir, 'work-'));
      return runIngest(lake, { file, filename: name, options, workDir });
    },
  };
}

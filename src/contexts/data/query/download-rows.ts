import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { lakeFor, literal } from '../lake/lake.js';
import { buildExport } from './build-query.js';
import { parquetFileOf, textTypes } from './duck.js';
import { encodeResult } from './encode-result.js';
import { asQueryError, openVersion, type RowsParams } from './query-rows.js';

export const DOWNLOAD_FORMATS = ['csv', 'json', 'parquet'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

export interface Download {
  filename: string;
  contentType: string;
  /** Exact size when a file is served. */
  length?: number;
  body: Readable;
}

const CONTENT_TYPES: Record<DownloadFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  parquet: 'application/vnd.apache.parquet',
};

/**
 * A whole version (or the rows matching filters, in the asked order, optionally the first `limit`) as CSV, JSON or
 * Parquet, streamed:
 * CSV and JSON are encoded chunk by chunk from a DuckDB streaming result as the client reads; Parquet is the
 * published file as is, or, with filters, a DuckDB COPY to a temporary file streamed and then deleted.
 */
export async function downloadRows(services: Services, datasetId: string, format: DownloadFormat, params: RowsParams): Promise<Download> {
  if (params.groupBy || params.agg || params.cursor) {
    throw new AppError('data.download_params', 'Downloads take filters, select and sort; use the rows API for aggregation and paging', 400, {
      field: params.cursor ? 'cursor' : 'group_by',
    });
  }
  const opened = await openVersion(services, datasetId, params);
  const base = { filename: `${opened.dataset.id}-v${opened.version.version}.${format}`, contentType: CONTENT_TYPES[format] };
  const spec = { filters: params.filters ?? [], select: params.select, sort: params.sort, limit: params.limit };
  const built = buildExport(opened.table, spec);
  if (format === 'parquet' && !spec.filters.length && !spec.select?.length && !spec.sort?.length && spec.limit === undefined) {
    const file = await parquetFileOf(services, opened.version);
    const stat = await fs.promises.stat(file);
    return { ...base, length: stat.size, body: fs.createReadStream(file) };
  }
  const lake = lakeFor(services);
  const connection = await lake.connect();
  let open = true;
  const close = () => {
    if (open) {
      open = false;
      connection.closeSync();
    }
  };
  try {
    if (format === 'parquet') {
      await fs.promises.mkdir(lake.tmpDir, { recursive: true });
      const tmp = path.join(lake.tmpDir, `download-${randomUUID()}.parquet`);
      await connection.run(`COPY (${built.sql}) TO ${literal(tmp)} (FORMAT parquet, COMPRESSION zstd)`, built.values, textTypes(built.values));
      close();
      const stat = await fs.promises.stat(tmp);
      const body = fs.createReadStream(tmp);
      body.on('close', () => {
        void fs.promises.rm(tmp, { force: true });
      });
      return { ...base, length: stat.size, body };
    }
    const result = await connection.stream(built.sql, built.values, textTypes(built.values));
    async function* pieces() {
      try {
        yield* encodeResult(result, format as 'csv' | 'json');
      } finally {
        close();
      }
    }
    return { ...base, body: Readable.from(pieces(), { objectMode: false }) };
  } catch (error) {
    close();
    throw asQueryError(error);
  }
}

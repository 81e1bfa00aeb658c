import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { system } from '../../src/core/auth/actor.js';
import type { Services } from '../../src/core/context.js';
import type { TableField } from '../../src/contexts/data/domain/table-schema.js';
import { literal, lakeFor } from '../../src/contexts/data/lake/lake.js';
import { familyOf, fieldTypeOf } from '../../src/contexts/data/query/duck.js';
import { createDataset } from '../../src/contexts/data/use-cases/create-dataset.js';
import { reindexDataset } from '../../src/contexts/data/use-cases/reindex-dataset.js';

/**
 * Published table versions for tests and benches, without the ingest pipeline: a DuckDB SELECT is written to the
 * lake as Parquet (where the ingest writes it) and recorded as a published data_version, with a Table Schema
 * inferred from the result's types unless one is given.
 */
export async function createFixtureDataset(services: Services, id: string, opts: { titleKo?: string; restricted?: boolean } = {}) {
  const row = await createDataset(services, system(), { id, titleKo: opts.titleKo ?? `시험 데이터 ${id}`, titleEn: `Test data ${id}` });
  if (opts.restricted) await services.db.updateTable('data_dataset').set({ restricted: 1 }).where('id', '=', id).execute();
  return row;
}

export interface FixtureVersion {
  /** A DuckDB query producing the table, e.g. `SELECT range AS id FROM range(10)`. */
  sql: string;
  schema?: TableField[];
  /** ISO instant; default services.now(). */
  publishedAt?: string;
  status?: 'published' | 'draft';
  resource?: string;
}

export async function publishFixtureVersion(services: Services, datasetId: string, v: FixtureVersion) {
  const resource = v.resource ?? `${datasetId}--table`;
  const last = await services.db
    .selectFrom('data_version')
    .select((eb) => eb.fn.max('version').as('n'))
    .where('resource_id', '=', resource)
    .executeTakeFirst();
  const number = Number(last?.n ?? 0) + 1;
  const lake = lakeFor(services);
  const file = lake.parquetPath(datasetId, resource, number);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const c = await lake.connect();
  let rows = 0;
  let schema: TableField[];
  try {
    await c.run(`COPY (${v.sql}) TO ${literal(file)} (FORMAT parquet, COMPRESSION zstd)`);
    rows = Number((await c.runAndReadAll(`SELECT count(*) AS n FROM read_parquet(${literal(file)})`)).getRowObjectsJson()[0]!.n);
    schema =
      v.schema ??
      (await c.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${literal(file)})`))
        .getRowObjectsJson()
        .map((d) => ({ name: String(d.column_name), type: fieldTypeOf(familyOf(String(d.column_type))) }));
  } finally {
    c.closeSync();
  }
  const at = v.publishedAt ?? services.now().toISOString();
  const status = v.status ?? 'published';
  const version = {
    id: randomUUID(),
    resource_id: resource,
    version: number,
    status,
    source_name: `${datasetId}.fixture`,
    source_bytes: 0,
    source_sha256: '0'.repeat(64),
    format: 'parquet',
    encoding: null,
    detection: '{}',
    options: '{}',
    rows,
    schema: JSON.stringify({ fields: schema }),
    profile: '[]',
    problems: JSON.stringify({ total: 0, byColumn: {}, problems: [] }),
    parquet_path: file,
    created_by: null,
    created_at: at,
    published_at: status === 'published' ? at : null,
  };
  await services.db.insertInto('data_version').values(version).execute();
  if (status === 'published') {
    await services.db.updateTable('data_resource').set({ latest_version: number, updated_at: at }).where('id', '=', resource).execute();
    // As publishing does: a listed dataset enters search with its first version (an empty one is a draft, unindexed).
    await reindexDataset(services.db, await services.db.selectFrom('data_dataset').selectAll().where('id', '=', datasetId).executeTakeFirstOrThrow());
  }
  return version;
}

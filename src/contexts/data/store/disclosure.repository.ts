import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../../core/db/database.js';
import { decodeRecords, encodeRecords, type EarlierResult } from '../domain/differencing.js';
import './output-tables.js';

/**
 * The differencing ledger: append-only (insert and read, never update or delete). What an analyst already
 * obtained from a dataset version is their own released cells, plus those of approved outputs (public to all).
 */
export interface ReleasedCell {
  ref: number;
  datasetId: string;
  version: number;
  label: unknown[];
  records: number[];
}

export async function earlierResults(db: DbOrTx, userId: string, datasetId: string, version: number): Promise<EarlierResult[]> {
  const rows = await db
    .selectFrom('data_disclosure_cell as c')
    .innerJoin('data_disclosure_query as q', 'q.id', 'c.query_id')
    .select(['c.query_id', 'c.ref', 'c.cell', 'c.members', 'q.created_at'])
    .where('c.dataset_id', '=', datasetId)
    .where('c.version', '=', version)
    .where((eb) =>
      eb.or([
        eb('q.user_id', '=', userId),
        eb(
          'q.id',
          'in',
          eb
            .selectFrom('data_output_check')
            .select('disclosure_query_id')
            .where('state', '=', 'approved')
            .where('disclosure_query_id', 'is not', null)
            .$castTo<string>(),
        ),
      ]),
    )
    .orderBy('q.created_at')
    .orderBy('c.query_id')
    .orderBy('c.ref')
    .orderBy('c.cell')
    .execute();
  const out = new Map<string, EarlierResult & { at: string }>();
  for (const r of rows) {
    const key = `${r.query_id}:${r.ref}`;
    let e = out.get(key);
    if (!e) out.set(key, (e = { id: r.query_id, at: r.created_at, cells: [] }));
    e.cells.push(decodeRecords(r.members));
  }
  return [...out.values()];
}

export async function appendReleased(db: DbOrTx, input: { userId: string; sql: string; at: string; cells: ReleasedCell[] }): Promise<string> {
  const id = randomUUID();
  await db.insertInto('data_disclosure_query').values({ id, user_id: input.userId, sql: input.sql, created_at: input.at }).execute();
  const rows = input.cells.map((c, i) => ({
    query_id: id,
    ref: c.ref,
    cell: i,
    dataset_id: c.datasetId,
    version: c.version,
    label: JSON.stringify(c.label),
    records: c.records.length,
    members: encodeRecords(c.records),
  }));
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('data_disclosure_cell')
      .values(rows.slice(i, i + 200))
      .execute();
  return id;
}

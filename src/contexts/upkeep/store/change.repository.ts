import { sql } from 'kysely';
import type { DbOrTx } from '../../../core/db/database.js';
import type { Dialect } from '../../../core/db/types.js';
import './tables.js';

/** The change feed (`transit_change`): a gap-free sequence of station versions and facility status changes. */

/** Takes the change feed for the transaction on PostgreSQL, so sequence numbers stay gap-free (SQLite has one writer anyway). */
export async function lockChangeFeed(tx: DbOrTx, dialect: Dialect) {
  if (dialect === 'postgres') await sql`LOCK TABLE transit_change IN EXCLUSIVE MODE`.execute(tx);
}

/** The latest sequence number, or null when the feed is empty. */
export const latestChangeSeq = async (db: DbOrTx): Promise<number | null> =>
  (
    await db
      .selectFrom('transit_change')
      .select([sql<number | null>`max(seq)`.as('seq')])
      .executeTakeFirstOrThrow()
  ).seq;

/** The highest sequence number as stored (a string on PostgreSQL), for the next one. */
export const maxChangeSeq = async (tx: DbOrTx) =>
  (
    await tx
      .selectFrom('transit_change')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst()
  )?.seq;

export const insertChange = (tx: DbOrTx, row: { seq: number; kind: string; station_id: string; ref: string; payload: string; at: string }) =>
  tx.insertInto('transit_change').values(row).execute();

/** Changes after a sequence number, oldest first, optionally of one station. */
export function listChangesAfter(db: DbOrTx, opts: { after: number; stationId?: string; limit: number }) {
  let q = db.selectFrom('transit_change').selectAll().where('seq', '>', opts.after);
  if (opts.stationId) q = q.where('station_id', '=', opts.stationId);
  return q.orderBy('seq').limit(opts.limit).execute();
}

/** The latest changes, newest first. */
export const listLatestChanges = (db: DbOrTx, limit: number) =>
  db.selectFrom('transit_change').select(['seq', 'kind', 'station_id', 'ref', 'payload', 'at']).orderBy('seq', 'desc').limit(limit).execute();

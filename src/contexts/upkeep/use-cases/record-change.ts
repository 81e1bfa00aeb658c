import type { DbOrTx } from '../../../core/db/database.js';
import type { Dialect } from '../../../core/db/types.js';
import { insertChange, lockChangeFeed, maxChangeSeq } from '../store/change.repository.js';
import { queueDeliveries } from '../store/webhook.repository.js';

export type ChangeKind = 'station_version' | 'facility_status';

/**
 * Appends to the change feed apps follow (Atom, JSON, webhooks) in the caller's transaction, and queues one
 * delivery per active webhook. Sequence numbers are gap-free and ordered: on PostgreSQL the table is locked
 * for the transaction (SQLite has one writer anyway).
 */
export async function recordChange(
  tx: DbOrTx,
  dialect: Dialect,
  change: { kind: ChangeKind; stationId: string; ref: string; payload: object; at: string },
): Promise<number> {
  await lockChangeFeed(tx, dialect);
  const seq = Number((await maxChangeSeq(tx)) ?? 0) + 1;
  await insertChange(tx, { seq, kind: change.kind, station_id: change.stationId, ref: change.ref, payload: JSON.stringify(change.payload), at: change.at });
  await queueDeliveries(tx, seq, change.at);
  return seq;
}

import type { DbOrTx } from '../../../core/db/database.js';
import type { LiveStatusRow, StatusPollRow } from './feed-tables.js';
import './feed-tables.js';
import './tables.js';

/**
 * Live facility status: the statuses live sources hold (`transit_live_status`), the moments they went stale
 * (`transit_status_stale`), the signed feeds operators push (`transit_status_feed`, `transit_status_push`) and
 * the city poll's state (`transit_status_poll`).
 */

/** Keeps a live source's status (one per facility) for the staleness sweep. */
export const recordLiveStatus = (db: DbOrTx, row: LiveStatusRow) =>
  db
    .insertInto('transit_live_status')
    .values(row)
    .onConflict((oc) =>
      oc.column('facility_id').doUpdateSet({ status: row.status, source: row.source, observed_at: row.observed_at, received_at: row.received_at }),
    )
    .execute();

/** A facility's status no longer comes from a live source. */
export const forgetLiveStatus = (db: DbOrTx, facilityId: string) => db.deleteFrom('transit_live_status').where('facility_id', '=', facilityId).execute();

/** Live statuses observed at or before `cutoff` whose staleness is not recorded yet, oldest first (500 at most). */
export const listStaleDue = (db: DbOrTx, cutoff: string) =>
  db
    .selectFrom('transit_live_status as l')
    .leftJoin('transit_status_stale as s', (j) => j.onRef('s.facility_id', '=', 'l.facility_id').onRef('s.observed_at', '=', 'l.observed_at'))
    .select(['l.facility_id', 'l.status', 'l.source', 'l.observed_at'])
    .where('l.observed_at', '<=', cutoff)
    .where('s.facility_id', 'is', null)
    .orderBy('l.observed_at')
    .limit(500)
    .execute();

/** When the live status a facility holds now was observed. */
export const findLiveObservedAt = async (db: DbOrTx, facilityId: string) =>
  (await db.selectFrom('transit_live_status').select('observed_at').where('facility_id', '=', facilityId).executeTakeFirst())?.observed_at;

/** Records that an observed status went stale, once; true when this call recorded it. */
export async function claimStaleness(db: DbOrTx, row: { facility_id: string; observed_at: string; status: string; stale_since: string; recorded_at: string }) {
  const claimed = await db
    .insertInto('transit_status_stale')
    .values({ ...row, change_seq: 0 })
    .onConflict((oc) => oc.columns(['facility_id', 'observed_at']).doNothing())
    .executeTakeFirst();
  return Number(claimed.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** The change-feed entry that said so. */
export const setStalenessChange = (db: DbOrTx, facilityId: string, observedAt: string, changeSeq: number) =>
  db.updateTable('transit_status_stale').set({ change_seq: changeSeq }).where('facility_id', '=', facilityId).where('observed_at', '=', observedAt).execute();

export const findPollState = (db: DbOrTx, service: string) =>
  db.selectFrom('transit_status_poll').selectAll().where('service', '=', service).executeTakeFirst();

/** Writes the poll's state after an attempt (the last good run's fields only when it went well). */
export const savePollState = (
  db: DbOrTx,
  service: string,
  row: Partial<Omit<StatusPollRow, 'service'>> & Pick<StatusPollRow, 'failures' | 'next_attempt_at'>,
) =>
  db
    .insertInto('transit_status_poll')
    .values({ service, last_ok_at: null, last_rows: null, last_source_time: null, ...row })
    .onConflict((oc) => oc.column('service').doUpdateSet(row))
    .execute();

/** Creates or rotates an operator's shared secret. */
export const upsertFeedSecret = (db: DbOrTx, organisationId: string, secret: string, at: string) =>
  db
    .insertInto('transit_status_feed')
    .values({ organisation_id: organisationId, secret, created_at: at, last_received_at: null })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ secret, created_at: at }))
    .execute();

export const findStatusFeed = (db: DbOrTx, organisationId: string) =>
  db.selectFrom('transit_status_feed').selectAll().where('organisation_id', '=', organisationId).executeTakeFirst();

/** A push already received from this operator with this id. */
export const findPush = (db: DbOrTx, organisationId: string, pushId: string) =>
  db
    .selectFrom('transit_status_push')
    .select(['received_at', 'sequence'])
    .where('organisation_id', '=', organisationId)
    .where('push_id', '=', pushId)
    .executeTakeFirst();

/** Moves the feed's last sequence forward to `sequence`; false when it is not ahead of the last one. */
export async function advanceFeedSequence(db: DbOrTx, organisationId: string, sequence: number) {
  const moved = await db
    .updateTable('transit_status_feed')
    .set({ last_sequence: sequence })
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb('last_sequence', 'is', null), eb('last_sequence', '<', sequence)]))
    .executeTakeFirst();
  return Number(moved.numUpdatedRows) === 1;
}

export const findFeedSequence = (db: DbOrTx, organisationId: string) =>
  db.selectFrom('transit_status_feed').select('last_sequence').where('organisation_id', '=', organisationId).executeTakeFirst();

/** Keeps a push once; false when another request recorded the same push first. */
export async function insertPush(
  db: DbOrTx,
  row: { organisation_id: string; push_id: string; sequence: number | null; body_sha256: string; statuses: number; received_at: string },
) {
  const inserted = await db
    .insertInto('transit_status_push')
    .values(row)
    .onConflict((oc) => oc.columns(['organisation_id', 'push_id']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export const markFeedReceived = (db: DbOrTx, organisationId: string, at: string) =>
  db.updateTable('transit_status_feed').set({ last_received_at: at }).where('organisation_id', '=', organisationId).execute();

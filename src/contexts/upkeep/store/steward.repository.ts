import type { DbOrTx } from '../../../core/db/database.js';
import './tables.js';

/** Stewards: per station (or '*') and per attribute, one organisation. */

/** The stewards set at these station keys (a station id and/or '*'). */
export const listStewardsAt = (db: DbOrTx, stationKeys: string[]) =>
  db.selectFrom('transit_steward').select(['station_key', 'attribute', 'organisation_id', 'updated_at']).where('station_key', 'in', stationKeys).execute();

/** Every steward (station key, attribute, organisation). */
export const listAllStewards = (db: DbOrTx) => db.selectFrom('transit_steward').select(['station_key', 'attribute', 'organisation_id']).execute();

export const findSteward = (db: DbOrTx, stationKey: string, attribute: string) =>
  db.selectFrom('transit_steward').selectAll().where('station_key', '=', stationKey).where('attribute', '=', attribute).executeTakeFirst();

/** Sets the steward of an attribute at a station key. */
export const upsertSteward = (db: DbOrTx, stationKey: string, attribute: string, organisationId: string, at: string) =>
  db
    .insertInto('transit_steward')
    .values({ station_key: stationKey, attribute, organisation_id: organisationId, updated_at: at })
    .onConflict((oc) => oc.columns(['station_key', 'attribute']).doUpdateSet({ organisation_id: organisationId, updated_at: at }))
    .execute();

export const deleteSteward = (db: DbOrTx, stationKey: string, attribute: string) =>
  db.deleteFrom('transit_steward').where('station_key', '=', stationKey).where('attribute', '=', attribute).execute();

/** One steward row of any of these organisations, if there is one. */
export const anyStewardOf = (db: DbOrTx, organisationIds: string[]) =>
  db.selectFrom('transit_steward').select('organisation_id').where('organisation_id', 'in', organisationIds).executeTakeFirst();

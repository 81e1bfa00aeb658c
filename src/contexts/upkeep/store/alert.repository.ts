import type { DbOrTx } from '../../../core/db/database.js';
import './feed-tables.js';

/**
 * The facilities to alert about: out of service (a status in `out`) or holding a live status observed at or before
 * `cutoff` (gone stale), with their station's and rider line's names, by station and id. A cross-context read in
 * SQL (transit's `transit_facility`, `transit_station`, `transit_rider_line` joined with upkeep's
 * `transit_live_status`): see ARCHITECTURE.md.
 */
export const listAlertFacilities = (db: DbOrTx, out: string[], cutoff: string) =>
  db
    .selectFrom('transit_facility as f')
    .innerJoin('transit_station as s', 's.id', 'f.station_id')
    .leftJoin('transit_rider_line as l', 'l.id', 'f.line_id')
    .select([
      'f.id',
      'f.station_id',
      'f.type',
      'f.name',
      'f.status',
      'f.details',
      'f.location',
      'f.source',
      'f.line_id',
      's.name_ko',
      's.name_en',
      's.name_romanised',
      's.gtfs_stop_id',
      'l.name_ko as line_ko',
      'l.name_en as line_en',
    ])
    .where((eb) =>
      eb.or([eb('f.status', 'in', out), eb('f.id', 'in', eb.selectFrom('transit_live_status').select('facility_id').where('observed_at', '<=', cutoff))]),
    )
    .orderBy('f.station_id')
    .orderBy('f.id')
    .execute();

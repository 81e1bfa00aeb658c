import type { DbOrTx } from '../../../core/db/database.js';
import { listStationFacilitiesForPlacing } from '../store/facility.repository.js';
import type { EdgeRow, NodeRow } from '../store/tables.js';
import { positionsOnlyLeftOut } from './derive-pilot-interiors.js';
import { unplacedFacilities, type UnplacedFacilityView } from './unplaced.js';

/**
 * The way-facilities of a station (elevators, escalators, wheelchair lifts, moving walkways) that its interior
 * graph does not hold, each with the reason in Korean and English; [] when the station has no interior.
 */
export async function listUnplaced(
  db: DbOrTx,
  stationId: string,
  graph: { nodes: Array<Pick<NodeRow, 'location_type' | 'extra'>>; edges: Array<Pick<EdgeRow, 'extra' | 'provenance'>> },
): Promise<UnplacedFacilityView[]> {
  const facilities = positionsOnlyLeftOut(await listStationFacilitiesForPlacing(db, stationId));
  return unplacedFacilities(graph, facilities);
}

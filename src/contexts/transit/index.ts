/**
 * What transit offers the other contexts (upkeep above all): the facility-status writes, the routing cache, the
 * station lookup, the interior tables and GTFS helpers the interior editor validates with, and the station labels.
 */
export { interiorGtfsTables } from './gtfs/export-gtfs.js';
export { rowsToFeed } from './gtfs/feed-rows.js';
export { type GtfsProblem, LEVEL_COLUMNS, LEVELS, PATHWAY_COLUMNS, PATHWAYS, STOP_COLUMNS, STOPS } from './gtfs/gtfs-spec.js';
export { validateFeed } from './gtfs/validate-feed.js';
export { PILOT_FEED } from './interiors/derive-pilot-interiors.js';
export { listUnplaced } from './interiors/list-unplaced.js';
export { transitAssets } from './pages/profile-choice.js';
export { placeName, stationText } from './pages/transit-labels.js';
export { bool as boolOrNull, num as numOrNull, parse as parseJsonObject } from './routing/load-graph.js';
export { routingFor } from './routing/routing-service.js';
export { countsAsElevator } from './seoul/city-elevators.js';
export { SEOUL_FILES } from './seoul/sources.js';
export { findStations } from './store/station.repository.js';
export type { EdgeRow, LevelRow, NodeRow } from './store/tables.js';
export {
  applyFacilityStatus,
  FACILITY_STATUSES,
  type FacilityStatus,
  pushStatusFeed,
  type SetFacilityStatusInput,
  writeStatusFeed,
} from './use-cases/set-facility-status.js';
/** A facility's status in words and what it rests on (upkeep's alerts and change feed say it the same way). */
export { describeStatusBasis, seoulTime, statusWords } from './domain/status-basis.js';
/** What transit needs from upkeep, which upkeep fills (src/contexts/index.ts connects them). */
export type { StationPageUpkeep, StationVersion, TransitPorts } from './domain/ports.js';
/** Answer schemas other contexts' APIs reuse (upkeep's coverage lists unplaced facilities). */
export { UnplacedFacility } from './api/transit.schemas.js';
/** Read models of the network and interiors for upkeep (stations, facilities, interior rows), so it reads no transit table itself. */
export {
  facilityFacts,
  facilityNames,
  findFacility,
  findFacilityOfStation,
  listElevatorSources,
  listFacilitiesFromSource,
  listStationFacilityChoices,
} from './store/facility.repository.js';
export {
  listFacilityPathways,
  listStationsWithInterior,
  loadStationInteriorRows,
  replaceStationInteriorRows,
  type StationInteriorRows,
} from './store/interior.repository.js';
export { countFeedStations, findStationNames, listStationNames, listStationPositions, stationExists, stationPlaces } from './store/station.repository.js';

/**
 * What upkeep offers the other contexts (transit above all): how fresh a facility status is and what it rests on,
 * the change feed, the lift-status sources, and the station page's upkeep and report boxes.
 */
export { openReportsBox, reportedFlags } from './pages/station-reports.js';
export { upkeepBox } from './pages/station-upkeep.js';
export { upT } from './pages/upkeep-view.js';
export type { StationVersionRow } from './store/tables.js';
export { effectiveStatus, LIVE_SOURCES } from './use-cases/facility-freshness.js';
export { listReports } from './use-cases/list-reports.js';
export { recordChange } from './use-cases/record-change.js';
export { describeStatusBasis, type StatusBasis, statusWords } from './use-cases/status-basis.js';
export { countLiftStatusSources } from './use-cases/status-sources.js';
/** Read and write models transit uses: the change feed's latest sequence (the network map's version), live statuses kept for the staleness sweep, station versions (GTFS position sources) and the latest field verification. */
export { latestChangeSeq } from './store/change.repository.js';
export { forgetLiveStatus, recordLiveStatus } from './store/live-status.repository.js';
export { listStationVersionsOf } from './store/version.repository.js';
export { latestFieldVerification } from './use-cases/field-verification.js';

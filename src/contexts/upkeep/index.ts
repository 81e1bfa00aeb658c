/**
 * What upkeep offers the other contexts: what transit needs from it (the change feed, live statuses, station
 * versions and the station page's upkeep and report boxes), handed to transit when the platform is assembled.
 */
export { upkeepForTransit } from './transit-ports.js';

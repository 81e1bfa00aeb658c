import { problem } from './gtfs-rules.js';
import { STOPS, type GtfsFeed, type GtfsProblem } from './gtfs-spec.js';
import { NEEDS_COORDINATES } from './position-source.js';

const NAMES = ['Stop or platform', 'Station', 'Entrance/exit'];

/**
 * What a GTFS file must hold that our stored interiors may leave unknown: stop_lat and stop_lon of stops,
 * stations and entrances (location_type 0, 1, 2). Checked on files (validate, import), not on interiors as
 * edited: an interior may not know where a platform is, its export then writes the station's position.
 */
export function validateLocations(feed: GtfsFeed): GtfsProblem[] {
  const problems: GtfsProblem[] = [];
  for (const stop of feed.stops) {
    if (!NEEDS_COORDINATES.has(stop.location_type) || (stop.stop_lat !== null && stop.stop_lon !== null)) continue;
    const field = stop.stop_lat === null ? 'stop_lat' : 'stop_lon';
    problems.push(
      problem(
        'stop_without_location',
        STOPS,
        stop,
        field,
        `${NAMES[stop.location_type]} "${stop.stop_id}" has no ${stop.stop_lat === null && stop.stop_lon === null ? 'stop_lat and stop_lon' : field}; ` +
          `GTFS requires coordinates for location_type 0, 1 and 2 (a position that is not known can be the parent station's, marked position_source unknown).`,
      ),
    );
  }
  return problems;
}

import { problem } from './gtfs-rules.js';
import { LocationType, STOPS, type GtfsProblem } from './gtfs-spec.js';
import type { FeedIndex } from './feed-index.js';

const NAMES = ['stop or platform', 'station', 'entrance/exit', 'generic node', 'boarding area'];
const PARENT_TYPE: Record<number, number> = {
  [LocationType.stop]: LocationType.station,
  [LocationType.entrance]: LocationType.station,
  [LocationType.genericNode]: LocationType.station,
  [LocationType.boardingArea]: LocationType.stop,
};

/** Parent stations and level references of stops.txt. */
export function validateStops(index: FeedIndex): GtfsProblem[] {
  const problems: GtfsProblem[] = [];
  const levelsFileExists = index.feed.columns['levels.txt'] !== null;
  for (const stop of index.feed.stops) {
    const type = stop.location_type;
    const what = `${NAMES[type] ?? 'stop'} "${stop.stop_id}"`;
    if (type === LocationType.station) {
      if (stop.parent_station) {
        problems.push(
          problem(
            'station_with_parent_station',
            STOPS,
            stop,
            'parent_station',
            `Station "${stop.stop_id}" has parent_station "${stop.parent_station}"; a station cannot have a parent.`,
          ),
        );
      }
    } else if (!stop.parent_station) {
      if (type !== LocationType.stop) {
        problems.push(
          problem('location_without_parent_station', STOPS, stop, 'parent_station', `The ${what} has no parent_station; location_type ${type} requires one.`),
        );
      }
    } else {
      const parent = index.stops.get(stop.parent_station);
      const expected = PARENT_TYPE[type]!;
      if (!parent) {
        problems.push(
          problem('stop_unknown_parent', STOPS, stop, 'parent_station', `The ${what} has parent_station "${stop.parent_station}", which is not in stops.txt.`),
        );
      } else if (parent.location_type !== expected) {
        problems.push(
          problem(
            'wrong_parent_location_type',
            STOPS,
            stop,
            'parent_station',
            `The ${what} has parent "${parent.stop_id}" of location_type ${parent.location_type}; its parent must be a ${NAMES[expected]} ` +
              `(location_type ${expected}).`,
          ),
        );
      }
    }
    if (stop.level_id && !index.levels.has(stop.level_id)) {
      problems.push(
        problem(
          'stop_unknown_level',
          STOPS,
          stop,
          'level_id',
          levelsFileExists
            ? `The ${what} is on level "${stop.level_id}", which is not in levels.txt.`
            : `The ${what} is on level "${stop.level_id}", but the feed has no levels.txt.`,
        ),
      );
    }
  }
  return problems;
}

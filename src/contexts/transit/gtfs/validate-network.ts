import { problem } from './gtfs-rules.js';
import { LocationType, STOPS, type GtfsProblem, type GtfsStop } from './gtfs-spec.js';
import type { FeedIndex } from './feed-index.js';

/**
 * The rules on the pathway graph as a whole:
 * - in every station that has pathways, each platform without boarding areas, boarding area and generic node
 *   must be reachable from some entrance and must reach some entrance, following one-way pathways only in
 *   their direction (as the MobilityData validator does: "no locked platforms");
 * - a generic node is only a junction: used by no pathway, or leading to a single neighbour, it is a mistake.
 */
export function validateNetwork(index: FeedIndex): GtfsProblem[] {
  const problems: GtfsProblem[] = [];
  const fromEntrances = reach(index, 'forward');
  const toExits = reach(index, 'backward');
  const stationsWithPathways = new Set<string>();
  for (const stopId of index.pathwaysAt.keys()) {
    const station = index.stationOf(stopId);
    if (station) stationsWithPathways.add(station.stop_id);
  }
  for (const stop of index.feed.stops) {
    if (!mustBeReachable(index, stop)) continue;
    const station = index.stationOf(stop.stop_id);
    if (!station || !stationsWithPathways.has(station.stop_id)) continue;
    const inbound = fromEntrances.has(stop.stop_id);
    const outbound = toExits.has(stop.stop_id);
    if (inbound && outbound) continue;
    const how =
      !inbound && !outbound
        ? 'cannot be reached from any entrance and cannot reach one'
        : !inbound
          ? 'cannot be reached from any entrance'
          : 'cannot reach any exit';
    problems.push(
      problem(
        'pathway_unreachable_location',
        STOPS,
        stop,
        'stop_id',
        `${describe(stop)} in station "${station.stop_id}" ${how} through pathways (one-way pathways followed in their direction only).`,
      ),
    );
  }
  for (const stop of index.feed.stops) {
    if (stop.location_type !== LocationType.genericNode) continue;
    const neighbours = new Set<string>();
    for (const p of index.pathwaysAt.get(stop.stop_id) ?? []) {
      neighbours.add(p.from_stop_id === stop.stop_id ? p.to_stop_id : p.from_stop_id);
    }
    neighbours.delete(stop.stop_id);
    if (neighbours.size > 1) continue;
    problems.push(
      problem(
        'pathway_dangling_generic_node',
        STOPS,
        stop,
        'stop_id',
        neighbours.size === 0
          ? `Generic node "${stop.stop_id}" is not used by any pathway.`
          : `Generic node "${stop.stop_id}" connects only to "${[...neighbours][0]}": a dead end. Generic nodes join two or more places.`,
      ),
    );
  }
  return problems;
}

function mustBeReachable(index: FeedIndex, stop: GtfsStop): boolean {
  switch (stop.location_type) {
    case LocationType.genericNode:
    case LocationType.boardingArea:
      return true;
    case LocationType.stop:
      return Boolean(stop.parent_station) && !index.hasBoardingAreas(stop.stop_id);
    default:
      return false;
  }
}

/** Breadth-first from every entrance, along pathways (forward) or against them (backward, to find exits). */
function reach(index: FeedIndex, direction: 'forward' | 'backward'): Set<string> {
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const stop of index.feed.stops) {
    if (stop.location_type === LocationType.entrance) {
      seen.add(stop.stop_id);
      queue.push(stop.stop_id);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i]!;
    for (const p of index.pathwaysAt.get(at) ?? []) {
      const leaving = direction === 'forward' ? p.from_stop_id === at : p.to_stop_id === at;
      if (!leaving && p.is_bidirectional !== 1) continue;
      const next = p.from_stop_id === at ? p.to_stop_id : p.from_stop_id;
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

function describe(stop: GtfsStop): string {
  const kind =
    stop.location_type === LocationType.genericNode ? 'Generic node' : stop.location_type === LocationType.boardingArea ? 'Boarding area' : 'Platform';
  return `${kind} "${stop.stop_id}"${stop.stop_name ? ` (${stop.stop_name})` : ''}`;
}

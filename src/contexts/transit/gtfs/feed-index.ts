import { LocationType, type GtfsFeed, type GtfsLevel, type GtfsPathway, type GtfsStop } from './gtfs-spec.js';

/** Look-ups over a parsed feed that the rules and the import share. */
export class FeedIndex {
  readonly stops = new Map<string, GtfsStop>();
  readonly levels = new Map<string, GtfsLevel>();
  readonly children = new Map<string, GtfsStop[]>();
  /** Pathways touching each stop, either end. */
  readonly pathwaysAt = new Map<string, GtfsPathway[]>();

  constructor(readonly feed: GtfsFeed) {
    for (const stop of feed.stops) this.stops.set(stop.stop_id, stop);
    for (const level of feed.levels) this.levels.set(level.level_id, level);
    for (const stop of feed.stops) {
      if (stop.parent_station) push(this.children, stop.parent_station, stop);
    }
    for (const pathway of feed.pathways) {
      push(this.pathwaysAt, pathway.from_stop_id, pathway);
      if (pathway.to_stop_id !== pathway.from_stop_id) push(this.pathwaysAt, pathway.to_stop_id, pathway);
    }
  }

  /** The station (location_type 1) a stop belongs to: itself, its parent, or its parent's parent. */
  stationOf(stopId: string): GtfsStop | null {
    let stop = this.stops.get(stopId);
    for (let depth = 0; stop && depth < 3; depth++) {
      if (stop.location_type === LocationType.station) return stop;
      stop = stop.parent_station ? this.stops.get(stop.parent_station) : undefined;
    }
    return null;
  }

  hasBoardingAreas(stopId: string): boolean {
    return (this.children.get(stopId) ?? []).some((c) => c.location_type === LocationType.boardingArea);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

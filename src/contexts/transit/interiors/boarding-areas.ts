import type { DerivedEdge, DerivedNode, InteriorFacility, Provenance } from './derived-interior-model.js';
import { boardingSpots, neighbourNamed, type Neighbour, type PlannedPlatform } from './platform-directions.js';

type Prov = (files: string[], extra?: Omit<Provenance, 'source' | 'method' | 'files' | 'derivedAt'>) => Provenance;

export interface BoardingInput {
  sid: string;
  nodes: Map<string, DerivedNode>;
  edges: DerivedEdge[];
  platforms: PlannedPlatform[];
  /** The facilities that edges name in `extra.facilityId`. */
  facilities: Map<string, InteriorFacility>;
  neighbours: Record<string, Neighbour[]>;
  prov: Prov;
}

interface Spot {
  stopId: string;
  platform: PlannedPlatform;
  name: string;
  toward: string;
  towardStationId: string | null;
  car: number;
  door: number;
  facilities: InteriorFacility[];
}

/** A stable ascii key for a direction that is not an adjacent station (its code points; never an index that moves). */
const unknownKey = (toward: string) => `x${[...toward].map((c) => c.codePointAt(0)!.toString(16)).join('-')}`;

const HUB_NOTE =
  'Where the pathways of this platform meet. GTFS treats a platform with boarding areas as a parent, not a point: its pathways must end at a generic node or boarding area, so those that reached the platform end here.';
const SPOT_NOTE = 'Boarding position as signed at the facility ("X 방면C-D": toward X, car C, door D). Where along the platform it lies is not in the data.';

/**
 * Adds a boarding area (GTFS location_type 4) for every "X 방면C-D" in the location of a facility whose
 * pathway ends at a platform, and a walkway of unknown length between it and the platform. Run after
 * pruning, on the platforms and facility edges that are left, so every boarding area is reachable.
 *
 * The same position signed at two facilities (an up and a down escalator) is one boarding area; its
 * `boarding` names the elevator when one of them is, since that is what a wheelchair user rides.
 * A platform that gets boarding areas keeps its stop (their parent) and hands its pathways to a generic node
 * on the same level (`<platform>:node`), as GTFS requires.
 */
export function addBoardingAreas({ sid, nodes, edges, platforms, facilities, neighbours, prov }: BoardingInput): void {
  const byStop = new Map(platforms.filter((p) => nodes.has(p.stopId)).map((p) => [p.stopId, p]));
  const spots = new Map<string, Spot>();
  for (const e of edges) {
    const f = typeof e.extra.facilityId === 'string' ? facilities.get(e.extra.facilityId) : undefined;
    if (!f) continue;
    for (const end of [e.fromStopId, e.toStopId]) {
      const platform = byStop.get(end);
      if (!platform) continue;
      for (const s of boardingSpots(f.location)) {
        const towardStationId = neighbourNamed(s.toward, neighbours[platform.line] ?? [])?.stationId ?? null;
        // A direction's own platform holds only that direction's positions.
        if (platform.key && towardStationId !== platform.key) continue;
        const stopId = `${sid}:board:${platform.line}:${towardStationId ?? unknownKey(s.toward)}:${s.car}-${s.door}`;
        const spot: Spot = spots.get(stopId) ?? {
          stopId,
          platform,
          name: `${s.toward} 방면 ${s.car}-${s.door}`,
          toward: s.toward,
          towardStationId,
          car: s.car,
          door: s.door,
          facilities: [],
        };
        if (!spot.facilities.includes(f)) spot.facilities.push(f);
        spots.set(stopId, spot);
      }
    }
  }
  for (const spot of spots.values()) {
    const facility = spot.facilities.find((f) => f.type === 'elevator') ?? spot.facilities[0]!;
    const platform = nodes.get(spot.platform.stopId)!;
    const rows = spot.facilities.map((f) => `${f.source}:${f.sourceRow}`);
    nodes.set(spot.stopId, {
      stopId: spot.stopId,
      locationType: 4,
      parentStopId: platform.stopId,
      levelId: platform.levelId,
      name: spot.name,
      platformCode: null,
      lat: null,
      lon: null,
      extra: {
        boarding: {
          line: spot.platform.line,
          car: spot.car,
          door: spot.door,
          toward: spot.toward,
          towardStationId: spot.towardStationId,
          facilityId: facility.id,
          facilityType: facility.type,
          source: `${facility.source}:${facility.sourceRow}`,
          facilityIds: spot.facilities.map((f) => f.id),
        },
      },
      provenance: prov(
        spot.facilities.map((f) => f.source),
        { note: SPOT_NOTE, facilityId: facility.id, rows },
      ),
    });
  }
  for (const platform of new Set([...spots.values()].map((s) => s.platform))) {
    const node = nodes.get(platform.stopId)!;
    const hub = `${platform.stopId}:node`;
    nodes.set(hub, {
      stopId: hub,
      locationType: 3,
      parentStopId: sid,
      levelId: node.levelId,
      name: `${platform.name} 연결 지점`,
      platformCode: null,
      lat: null,
      lon: null,
      extra: { line: platform.line, platformStopId: platform.stopId },
      provenance: prov(node.provenance.files, { note: HUB_NOTE }),
    });
    node.extra = { ...node.extra, pathwayStopId: hub };
    for (const e of edges) {
      if (e.fromStopId === platform.stopId) e.fromStopId = hub;
      if (e.toStopId === platform.stopId) e.toStopId = hub;
    }
  }
  for (const spot of spots.values()) {
    edges.push({
      pathwayId: spot.stopId,
      fromStopId: `${spot.platform.stopId}:node`,
      toStopId: spot.stopId,
      mode: 1,
      isBidirectional: 1,
      length: null,
      traversalTime: null,
      signpostedAs: null,
      extra: { mode_ext: 'platform_boarding' },
      provenance: prov(
        spot.facilities.map((f) => f.source),
        { note: 'Walk along the platform to the boarding position; length and time are not in the data.' },
      ),
    });
  }
}

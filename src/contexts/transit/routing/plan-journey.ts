import { weakest, type Provenance } from '../domain/provenance.js';
import { buildRoute } from './build-route.js';
import { BOARD_WAIT_S, estimatedTransfer, type NetworkRouter, type Port, type SearchEnds } from './network-router.js';
import { PROFILES } from './profiles.js';
import type { BoardingAdvice, FacilityDependency, ProfileId, RouteResult, Text } from './route-types.js';
import { streetAccess, type AccessDirection } from './street-access.js';

/**
 * A journey between two stations for one profile: ride legs (line, stations, run time) and transfer legs,
 * each transfer routed through the station interior where one exists, or estimated from the transfer table
 * and flagged "interior not surveyed". At the destination, the way out to the street when surveyed.
 */
export interface RideLeg {
  kind: 'ride';
  line: string;
  from: { id: string; name: string };
  to: { id: string; name: string };
  /** The next station in the direction of travel. */
  toward: { id: string; name: string };
  stops: number;
  timeS: number;
  /** Some run times are estimated from the distance (not in Seoul Metro's run-time file). */
  estimated: boolean;
  /** derived: run times from the operator's file; estimated: some of them from the distance. */
  source: Provenance;
  /** Where to board to be nearest the first step at the alighting station. */
  boardAt: BoardingAdvice | null;
}

export interface TransferLeg {
  kind: 'transfer';
  station: { id: string; name: string };
  fromLine: string;
  toLine: string;
  /** True only when every place and pathway of the way through was checked in an approved field survey. */
  surveyed: boolean;
  /**
   * How we know the way through: the route's assurance inside an interior (surveyed or derived), `estimated`
   * from the transfer table's distance, `unknown` when not even that exists.
   */
  source: Provenance;
  timeS: number;
  waitS: number;
  route: RouteResult | null;
  note: Text | null;
}

export interface JourneyResult {
  profile: ProfileId;
  from: { id: string; name: string };
  to: { id: string; name: string };
  feasible: boolean;
  reason: Text | null;
  /** Riding, walking and waiting, in seconds (the median for the profile). */
  timeS: number | null;
  legs: Array<RideLeg | TransferLeg>;
  transfers: number;
  /** Where the journey boards and alights: the platform (stop id in the interior) or the line only. */
  departure: { stationId: string; line: string; stopId: string | null } | null;
  arrival: { stationId: string; line: string; stopId: string | null } | null;
  /** At an origin with an interior: the way in from the street to the departure platform. */
  entryRoute: RouteResult | null;
  /** The departure platform is in an interior, and no way in from the street exists for this profile now. */
  entryBlocked: { stationId: string; platformStopId: string } | null;
  exitRoute: RouteResult | null;
  /** The arrival platform is in an interior, and no way out to the street exists for this profile now. */
  exitBlocked: { stationId: string; platformStopId: string } | null;
  dependsOn: FacilityDependency[];
  /** Transfers whose route is estimated (no interior survey). */
  unsurveyedTransfers: number;
}

export interface JourneyContext {
  network: NetworkRouter;
  /** Station id → feed name of its interior, for the route results. */
  feedOf: (stationId: string) => string;
}

export function planJourney(ctx: JourneyContext, fromStation: string, toStation: string, profile: ProfileId): JourneyResult | null {
  const net = ctx.network;
  // The way in and out takes part in the choice of platforms; when no platform can be reached from the street
  // (or left to it), the journey is still planned without them, and the blocked end is said.
  const ends: SearchEnds = { entry: (port) => endCost(net, port, profile, 'in'), exit: (port) => endCost(net, port, profile, 'out') };
  let found = net.search(fromStation, toStation, profile, ends);
  if (!found) return null;
  if (found.costS === Infinity) found = net.search(fromStation, toStation, profile)!;
  const st = (i: number) => ({ id: net.model.stations[i]!.id, name: net.model.stations[i]!.name });
  const a = st(net.stationIndex.get(fromStation)!);
  const b = st(net.stationIndex.get(toStation)!);
  if (found.costS === Infinity) {
    const p = PROFILES[profile];
    return {
      profile,
      from: a,
      to: b,
      feasible: false,
      timeS: null,
      legs: [],
      transfers: 0,
      departure: null,
      arrival: null,
      entryRoute: null,
      entryBlocked: null,
      exitRoute: null,
      exitBlocked: null,
      dependsOn: [],
      unsurveyedTransfers: 0,
      reason: { ko: `${p.label.ko} 이용자가 갈 수 있는 경로를 찾지 못했습니다.`, en: `No journey found for ${p.label.en.toLowerCase()}.` },
    };
  }
  const g = found.graph;
  const legs: Array<RideLeg | TransferLeg> = [];
  let lastRideArc = -1;
  for (const k of found.arcs) {
    const from = net.ports[g.arcFrom[k]!]!;
    const to = net.ports[g.arcTo[k]!]!;
    if (g.arcKind[k] === 'ride') {
      const run = net.model.runs[g.arcRef[k]!]!;
      lastRideArc = k;
      const last = legs[legs.length - 1];
      if (last?.kind === 'ride' && last.line === run.line) {
        last.to = st(to.station);
        last.stops++;
        last.timeS += run.timeS;
        last.estimated ||= run.estimated;
        last.source = last.estimated ? 'estimated' : 'derived';
      } else {
        legs.push({
          kind: 'ride',
          line: run.line,
          from: st(from.station),
          to: st(to.station),
          toward: st(to.station),
          stops: 1,
          timeS: run.timeS,
          estimated: run.estimated,
          source: run.estimated ? 'estimated' : 'derived',
          boardAt: null,
        });
      }
      continue;
    }
    const station = net.model.stations[from.station]!;
    const leg: TransferLeg = {
      kind: 'transfer',
      station: st(from.station),
      fromLine: from.line,
      toLine: to.line,
      surveyed: false,
      source: 'unknown',
      timeS: 0,
      waitS: BOARD_WAIT_S,
      route: null,
      note: null,
    };
    const prevRide = legs[legs.length - 1];
    if (from.stopId && to.stopId && station.interior) {
      const route = buildRoute(station.interior.router, from.stopId, to.stopId, profile, {
        feed: ctx.feedOf(station.id),
        stationId: station.id,
        toward: continuingToward(net, g, lastRideArc),
      });
      leg.route = route;
      leg.source = route?.assurance ?? 'unknown';
      leg.surveyed = leg.source === 'surveyed';
      leg.timeS = route?.timeS ?? 0;
      if (prevRide?.kind === 'ride') prevRide.boardAt = route?.boardAt ?? null;
    } else {
      const t = station.transfers.find((x) => x.fromLine === from.line && x.toLine === to.line);
      leg.timeS = Math.round(estimatedTransfer(profile, t).timeS);
      leg.source = t && from.line !== to.line ? 'estimated' : 'unknown';
      leg.note =
        from.line === to.line
          ? {
              ko: '반대 방향 승강장으로 옮겨 탑니다. 시간은 가정이며, 계단 없는 경로인지 확인되지 않았습니다.',
              en: 'Change to the platform for the other direction. The time is an assumption and a step-free way is not confirmed.',
            }
          : t
            ? {
                ko: '환승 시간은 환승 거리 자료로 추정했습니다. 계단 없는 경로인지 확인되지 않았습니다.',
                en: 'The transfer time is estimated from the transfer-distance data; a step-free way is not confirmed.',
              }
            : {
                ko: '역 내부가 조사되지 않았고 환승 거리 자료도 없어 시간을 가정했습니다.',
                en: 'Interior not surveyed and no transfer-distance data: the time is an assumption.',
              };
    }
    legs.push(leg);
  }
  const firstArc = found.arcs[0];
  const lastArc = found.arcs[found.arcs.length - 1];
  const departurePort = firstArc === undefined ? null : net.ports[g.arcFrom[firstArc]!]!;
  const arrivalPort = lastArc === undefined ? null : net.ports[g.arcTo[lastArc]!]!;
  const portInfo = (p: Port | null) => (p ? { stationId: net.model.stations[p.station]!.id, line: p.line, stopId: p.stopId } : null);
  const entry = streetEnd(ctx, departurePort, profile, 'in', null);
  const exit = streetEnd(ctx, arrivalPort, profile, 'out', lastArc === undefined ? null : continuingToward(net, g, lastArc));
  const lastRide = [...legs].reverse().find((l): l is RideLeg => l.kind === 'ride');
  if (lastRide && exit?.route?.boardAt && !lastRide.boardAt) lastRide.boardAt = exit.route.boardAt;
  const entryRoute = entry?.route ?? null;
  const exitRoute = exit?.route ?? null;
  const dependsOn = new Map<string, FacilityDependency>();
  for (const d of entryRoute?.dependsOn ?? []) dependsOn.set(d.facilityId, d);
  for (const l of legs) if (l.kind === 'transfer') for (const d of l.route?.dependsOn ?? []) dependsOn.set(d.facilityId, d);
  for (const d of exitRoute?.dependsOn ?? []) dependsOn.set(d.facilityId, d);
  const transfers = legs.filter((l): l is TransferLeg => l.kind === 'transfer');
  const timeS =
    legs.reduce((s, l) => s + l.timeS + (l.kind === 'transfer' ? l.waitS : 0), 0) +
    (entryRoute?.feasible ? (entryRoute.timeS ?? 0) : 0) +
    (exitRoute?.feasible ? (exitRoute.timeS ?? 0) : 0);
  return {
    profile,
    from: a,
    to: b,
    feasible: true,
    reason: null,
    timeS,
    legs,
    transfers: transfers.length,
    departure: portInfo(departurePort),
    arrival: portInfo(arrivalPort),
    entryRoute,
    entryBlocked: entry?.blocked ?? null,
    exitRoute,
    exitBlocked: exit?.blocked ?? null,
    dependsOn: [...dependsOn.values()],
    unsurveyedTransfers: transfers.filter((t) => !t.surveyed).length,
  };
}

/** The weakest provenance of a journey's parts that say how the traveller gets through (legs and ends). */
export function journeyParts(j: JourneyResult): Provenance[] {
  return [...j.legs.map((l) => l.source), ...(j.entryRoute ? [j.entryRoute.assurance] : []), ...(j.exitRoute ? [j.exitRoute.assurance] : [])];
}
export const journeyAssurance = (j: JourneyResult, ends: Provenance[]) => weakest([...journeyParts(j), ...ends]);

/** Street to platform (in) or platform to street (out) at a port in an interior with entrances: its cost for the search. */
function endCost(net: NetworkRouter, port: Port, profile: ProfileId, direction: AccessDirection): number {
  const interior = net.model.stations[port.station]!.interior;
  if (!port.stopId || !interior) return 0;
  const access = streetAccess(interior.router, profile, port.stopId, direction);
  return access.entrances === 0 ? 0 : access.costS;
}

/**
 * At an end in an interior: the best way between the street and the platform, or the platform named as
 * blocked when no entrance can be reached for this profile now. Null where there is no interior (the
 * facility list speaks for that end) or the interior has no entrance at all.
 */
function streetEnd(
  ctx: JourneyContext,
  port: Port | null,
  profile: ProfileId,
  direction: AccessDirection,
  toward: string | null,
): { route: RouteResult | null; blocked: { stationId: string; platformStopId: string } | null } | null {
  if (!port?.stopId) return null;
  const station = ctx.network.model.stations[port.station]!;
  if (!station.interior) return null;
  const router = station.interior.router;
  const access = streetAccess(router, profile, port.stopId, direction);
  if (access.entrances === 0) return null;
  if (access.entranceId === null) return { route: null, blocked: { stationId: station.id, platformStopId: port.stopId } };
  const [from, to] = direction === 'in' ? [access.entranceId, port.stopId] : [port.stopId, access.entranceId];
  const route = buildRoute(router, from, to, profile, { feed: ctx.feedOf(station.id), stationId: station.id, toward });
  return { route, blocked: null };
}

type SearchGraph = NonNullable<ReturnType<NetworkRouter['search']>>['graph'];

/**
 * The direction a train keeps after the station it arrives at by ride arc `k`: the line's other neighbour
 * of that station (signed on the platform as "<neighbour> 방면"); null when not a single one.
 */
function continuingToward(net: NetworkRouter, g: SearchGraph, k: number): string | null {
  if (k < 0 || g.arcKind[k] !== 'ride') return null;
  const run = net.model.runs[g.arcRef[k]!]!;
  const at = net.model.stations[net.ports[g.arcTo[k]!]!.station]!.id;
  const came = net.model.stations[net.ports[g.arcFrom[k]!]!.station]!.id;
  const next = net.model.runs
    .filter((r) => r.line === run.line && (r.from === at || r.to === at))
    .map((r) => (r.from === at ? r.to : r.from))
    .filter((id) => id !== came);
  const unique = [...new Set(next)];
  if (unique.length !== 1) return null;
  const i = net.stationIndex.get(unique[0]!);
  return i === undefined ? null : net.model.stations[i]!.name;
}

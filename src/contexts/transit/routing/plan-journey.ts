import { buildRoute } from './build-route.js';
import { BOARD_WAIT_S, estimatedTransfer, type NetworkRouter } from './network-router.js';
import { PROFILES } from './profiles.js';
import type { BoardingAdvice, FacilityDependency, ProfileId, RouteResult, Text } from './route-types.js';

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
  /** Where to board to be nearest the first step at the alighting station. */
  boardAt: BoardingAdvice | null;
}

export interface TransferLeg {
  kind: 'transfer';
  station: { id: string; name: string };
  fromLine: string;
  toLine: string;
  surveyed: boolean;
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
  exitRoute: RouteResult | null;
  /** The arrival platform is in a surveyed interior, and no way out to the street exists for this profile. */
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
  const found = net.search(fromStation, toStation, profile);
  if (!found) return null;
  const st = (i: number) => ({ id: net.model.stations[i]!.id, name: net.model.stations[i]!.name });
  const a = st(net.stationIndex.get(fromStation)!);
  const b = st(net.stationIndex.get(toStation)!);
  if (found.costS === Infinity) {
    const p = PROFILES[profile];
    return {
      profile, from: a, to: b, feasible: false, timeS: null, legs: [], transfers: 0, exitRoute: null, exitBlocked: null, dependsOn: [], unsurveyedTransfers: 0,
      reason: { ko: `${p.label.ko} 이용자가 갈 수 있는 경로를 찾지 못했습니다.`, en: `No journey found for ${p.label.en.toLowerCase()}.` },
    };
  }
  const g = found.graph;
  const legs: Array<RideLeg | TransferLeg> = [];
  let lastRide = -1;
  for (const k of found.arcs) {
    const from = net.ports[g.arcFrom[k]!]!;
    const to = net.ports[g.arcTo[k]!]!;
    if (g.arcKind[k] === 'ride') {
      const run = net.model.runs[g.arcRef[k]!]!;
      lastRide = k;
      const last = legs[legs.length - 1];
      if (last?.kind === 'ride' && last.line === run.line) {
        last.to = st(to.station);
        last.stops++;
        last.timeS += run.timeS;
        last.estimated ||= run.estimated;
      } else {
        legs.push({ kind: 'ride', line: run.line, from: st(from.station), to: st(to.station), toward: st(to.station), stops: 1, timeS: run.timeS, estimated: run.estimated, boardAt: null });
      }
      continue;
    }
    const station = net.model.stations[from.station]!;
    const leg: TransferLeg = { kind: 'transfer', station: st(from.station), fromLine: from.line, toLine: to.line, surveyed: false, timeS: 0, waitS: BOARD_WAIT_S, route: null, note: null };
    const prevRide = legs[legs.length - 1];
    if (from.stopId && to.stopId && station.interior) {
      const route = buildRoute(station.interior.router, from.stopId, to.stopId, profile, { feed: ctx.feedOf(station.id), stationId: station.id, toward: continuingToward(net, g, lastRide) });
      leg.route = route;
      leg.surveyed = true;
      leg.timeS = route?.timeS ?? 0;
      if (prevRide?.kind === 'ride') prevRide.boardAt = route?.boardAt ?? null;
    } else {
      const t = station.transfers.find((x) => x.fromLine === from.line && x.toLine === to.line);
      leg.timeS = Math.round(estimatedTransfer(profile, t).timeS);
      leg.note = from.line === to.line
        ? { ko: '반대 방향 승강장으로 옮겨 탑니다. 시간은 가정이며, 계단 없는 경로인지 확인되지 않았습니다.', en: 'Change to the platform for the other direction. The time is an assumption and a step-free way is not confirmed.' }
        : t
        ? { ko: '환승 시간은 환승 거리 자료로 추정했습니다. 계단 없는 경로인지 확인되지 않았습니다.', en: 'The transfer time is estimated from the transfer-distance data; a step-free way is not confirmed.' }
        : { ko: '역 내부가 조사되지 않았고 환승 거리 자료도 없어 시간을 가정했습니다.', en: 'Interior not surveyed and no transfer-distance data: the time is an assumption.' };
    }
    legs.push(leg);
  }
  const exit = destinationExit(ctx, found, profile, legs);
  const exitRoute = exit && 'route' in exit ? exit.route : null;
  const exitBlocked = exit && 'blocked' in exit ? exit.blocked : null;
  const dependsOn = new Map<string, FacilityDependency>();
  for (const l of legs) if (l.kind === 'transfer') for (const d of l.route?.dependsOn ?? []) dependsOn.set(d.facilityId, d);
  for (const d of exitRoute?.dependsOn ?? []) dependsOn.set(d.facilityId, d);
  const transfers = legs.filter((l): l is TransferLeg => l.kind === 'transfer');
  const timeS = legs.reduce((s, l) => s + l.timeS + (l.kind === 'transfer' ? l.waitS : 0), 0) + (exitRoute?.timeS ?? 0);
  return {
    profile, from: a, to: b, feasible: true, reason: null, timeS, legs, transfers: transfers.length, exitRoute, exitBlocked, dependsOn: [...dependsOn.values()],
    unsurveyedTransfers: transfers.filter((t) => !t.surveyed).length,
  };
}

/** At a surveyed destination: the best way from the arrival platform to a street entrance. */
function destinationExit(ctx: JourneyContext, found: { arcs: number[]; graph: SearchGraph }, profile: ProfileId, legs: Array<RideLeg | TransferLeg>): { route: RouteResult | null } | { blocked: { stationId: string; platformStopId: string } } | null {
  const net = ctx.network;
  const lastArc = found.arcs[found.arcs.length - 1];
  if (lastArc === undefined) return null;
  const port = net.ports[found.graph.arcTo[lastArc]!]!;
  const station = net.model.stations[port.station]!;
  if (!port.stopId || !station.interior) return null;
  const router = station.interior.router;
  const table = router.table(profile);
  const from = router.graph.index.get(port.stopId)!;
  let best = -1;
  router.graph.nodes.forEach((n, i) => {
    if (n.locationType === 2 && router.cost(table, from, i) < Infinity && (best === -1 || router.cost(table, from, i) < router.cost(table, from, best))) best = i;
  });
  if (best === -1) return { blocked: { stationId: station.id, platformStopId: port.stopId } };
  const lastRide = [...legs].reverse().find((l): l is RideLeg => l.kind === 'ride');
  const route = buildRoute(router, port.stopId, router.graph.nodes[best]!.id, profile, { feed: ctx.feedOf(station.id), stationId: station.id, toward: continuingToward(net, found.graph, lastArc) });
  if (lastRide && route?.boardAt && !lastRide.boardAt) lastRide.boardAt = route.boardAt;
  return { route };
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
  const next = net.model.runs.filter((r) => r.line === run.line && (r.from === at || r.to === at))
    .map((r) => (r.from === at ? r.to : r.from)).filter((id) => id !== came);
  const unique = [...new Set(next)];
  if (unique.length !== 1) return null;
  const i = net.stationIndex.get(unique[0]!);
  return i === undefined ? null : net.model.stations[i]!.name;
}

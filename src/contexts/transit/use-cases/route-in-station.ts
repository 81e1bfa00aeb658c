import type { Services } from '../../../core/context.js';
import type { Provenance } from '../domain/provenance.js';
import { AppError, notFound } from '../../../core/errors.js';
import { buildRoute } from '../routing/build-route.js';
import type { ProfileId, RouteOverrides, RouteResult, Text } from '../routing/route-types.js';
import { routingFor, type StationRouting } from '../routing/routing-service.js';
import { listLineElevators } from '../store/facility.repository.js';
import { findStationSeq, listStationLineIds, listStationsAround } from '../store/station.repository.js';

export interface NearbyAlternative {
  stationId: string;
  name: string | null;
  line: string;
  stopsAway: number;
  /** interior: a step-free route from the platform to the street exists in its interior; facility_list: every elevator of the line is in service (no interior). */
  basis: 'interior' | 'facility_list';
  /** How we know that way: the interior route's assurance, or `derived` from the facility list. */
  source: Provenance;
}

export interface StationRouteAnswer extends RouteResult {
  /** When the route is not feasible: what to do instead. */
  alternatives: null | { nearby: NearbyAlternative[]; assistance: { phones: Array<{ line: string | null; phone: string }>; message: Text } };
  /** What an outage costs: the route with every facility in service, when different. */
  usual: null | { timeS: number | null; outOfService: RouteResult['dependsOn'] };
}

const invalidNode = (which: 'from' | 'to', id: string) =>
  new AppError('transit.route.unknown_node', `"${which}" (${id}) is not a place in this station's interior`, 400, { field: which });

/** A route inside one station for one profile, with alternatives when there is none and the usual route when an outage changed it. */
export async function routeInStation(
  services: Services,
  stationId: string,
  q: { from: string; to: string; profile: ProfileId; toward?: string; overrides?: RouteOverrides },
): Promise<StationRouteAnswer> {
  const routing = await routingFor(services).station(stationId);
  if (!routing) throw notFound('transit.interior', 'station interior not found');
  const opts = { feed: routing.feed, stationId, overrides: q.overrides, toward: q.toward ?? null };
  for (const [which, id] of [
    ['from', q.from],
    ['to', q.to],
  ] as const)
    if (!routing.router.graph.index.has(id)) throw invalidNode(which, id);
  const route = buildRoute(routing.router, q.from, q.to, q.profile, opts)!;
  const usualRoute = buildRoute(routing.nominal, q.from, q.to, q.profile, opts)!;
  const outOfService = usualRoute.dependsOn
    .map((d) => ({ ...d, status: routing.router.facilities.get(d.facilityId)?.status ?? d.status }))
    .filter((d) => d.status === 'not_available' || d.status === 'planned_outage');
  const changed = outOfService.length > 0 && usualRoute.steps.map((s) => s.pathwayId).join() !== route.steps.map((s) => s.pathwayId).join();
  return {
    ...route,
    usual: changed ? { timeS: usualRoute.timeS, outOfService } : null,
    alternatives: route.feasible ? null : await alternativesFor(services, routing, q.from, q.profile),
  };
}

/**
 * Nearest stations on the same line where the traveller can get out step-free (stations with an interior are
 * checked by routing; elsewhere, every elevator of that line in service per the facility list), and the
 * station's phone for staff assistance.
 */
export async function alternativesFor(services: Services, routing: StationRouting, fromStop: string, profile: ProfileId) {
  const node = routing.router.graph.nodes[routing.router.graph.index.get(fromStop)!]!;
  const lines = node.line ? [node.line] : await listStationLineIds(services.db, routing.stationId);
  const nearby = await nearbyStepFree(services, routing.stationId, lines, profile);
  const phones = routing.station.phones;
  return {
    nearby,
    assistance: {
      phones,
      message: {
        ko: `역무원에게 도움을 요청할 수 있습니다${phones[0] ? ` (${phones[0].phone})` : ''}. 가까운 다른 역에서 내리는 방법도 있습니다.`,
        en: `Station staff can help${phones[0] ? ` (call ${phones[0].phone})` : ''}; or get off at a nearby station with a working step-free route.`,
      },
    },
  };
}

/** Up to four stations within three stops on the given lines with a working step-free way, nearest first. */
export async function nearbyStepFree(services: Services, stationId: string, lines: string[], profile: ProfileId): Promise<NearbyAlternative[]> {
  const nearby: NearbyAlternative[] = [];
  for (const line of lines) {
    const here = await findStationSeq(services.db, stationId, line);
    if (!here?.seq) continue;
    const around = await listStationsAround(services.db, { lineId: line, seq: here.seq, within: 3, except: stationId });
    around.sort((a, b) => Math.abs(a.seq! - here.seq!) - Math.abs(b.seq! - here.seq!));
    for (const s of around) {
      const basis = await stepFreeBasis(services, s.id, line, profile);
      if (basis) nearby.push({ stationId: s.id, name: s.name_ko, line, stopsAway: Math.abs(s.seq! - here.seq!), ...basis });
      if (nearby.filter((n) => n.line === line).length >= 2) break;
    }
  }
  return nearby.sort((a, b) => a.stopsAway - b.stopsAway).slice(0, 4);
}

async function stepFreeBasis(
  services: Services,
  stationId: string,
  line: string,
  profile: ProfileId,
): Promise<Pick<NearbyAlternative, 'basis' | 'source'> | null> {
  const routing = await routingFor(services).station(stationId);
  if (routing) {
    const r = routing.router;
    const table = r.table(profile);
    const platforms = r.graph.nodes.filter((n) => n.locationType === 0 && n.line === line).map((n) => [n, r.resolve(n.id)!] as const);
    const exits = r.graph.nodes.map((n, i) => [n, i] as const).filter(([n]) => n.locationType === 2);
    const found = platforms.flatMap(([, p]) => exits.filter(([, e]) => r.cost(table, p, e) < Infinity).map(([, e]) => buildPathSource(r, p, e, profile)));
    return found.length ? { basis: 'interior', source: found.includes('surveyed') ? 'surveyed' : 'derived' } : null;
  }
  const elevators = await listLineElevators(services.db, stationId, line);
  return elevators.length > 0 && elevators.every((e) => e.status === 'available') ? { basis: 'facility_list', source: 'derived' } : null;
}

/** The assurance of the best route between two node indexes. */
function buildPathSource(r: StationRouting['router'], from: number, to: number, profile: ProfileId): Provenance {
  const route = buildRoute(r, r.graph.nodes[from]!.id, r.graph.nodes[to]!.id, profile, { feed: '', stationId: null });
  return route?.assurance ?? 'unknown';
}

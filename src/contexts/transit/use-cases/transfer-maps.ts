import { PROVENANCE_WORDS, type Provenance } from '../domain/provenance.js';
import type { Services } from '../../../core/context.js';
import { notFound } from '../../../core/errors.js';
import type { TransferMapInput } from '../maps/map-input.js';
import { mapTranslator, statusWord } from '../maps/transfer-map-text.js';
import { englishPlace } from '../routing/instructions.js';
import { PROFILES } from '../routing/profiles.js';
import type { ProfileId, RouteOverrides } from '../routing/route-types.js';
import { routingFor } from '../routing/routing-service.js';
import { findStationNames, stationGraph } from '../store/station.repository.js';
import { liftPositions } from './lift-positions.js';
import { routeInStation, type StationRouteAnswer } from './route-in-station.js';

/**
 * What the transfer maps (SVG, text, PDF) are drawn from: the station's interior and one route through it,
 * with live status lines. Assembled here, drawn by maps/ (pure).
 */
export async function transferMapInput(
  services: Services,
  stationId: string,
  q: { from: string; to: string; profile: ProfileId; toward?: string; overrides?: RouteOverrides },
): Promise<{ input: TransferMapInput; route: StationRouteAnswer }> {
  const route = await routeInStation(services, stationId, q);
  const station = await findStationNames(services.db, stationId);
  if (!station) throw notFound('station');
  const graph = await stationGraph(services.db, stationId);
  const routing = (await routingFor(services).station(stationId))!;
  const derived = graph.nodes.some((n) => (JSON.parse(n.provenance) as { source?: string }).source === 'derived');
  const ko = mapTranslator('ko');
  const en = mapTranslator('en');
  const input: TransferMapInput = {
    station: { id: station.id, nameKo: station.name_ko ?? station.id, nameEn: station.name_en },
    profile: { id: q.profile, label: PROFILES[q.profile].label },
    levels: graph.levels.map((l) => ({ levelId: l.level_id, index: l.level_index, name: l.level_name ?? l.level_id })),
    nodes: graph.nodes
      .filter((n) => n.location_type !== 1)
      .map((n) => ({ stopId: n.stop_id, name: n.name, locationType: n.location_type, levelId: n.level_id })),
    edges: routing.router.graph.edges.map((e) => ({ pathwayId: e.id, fromStopId: e.from, toStopId: e.to, mode: e.mode })),
    route,
    // Printed on the map and the bilingual PDF: Korean first, English after.
    status: route.dependsOn.map((d) => `${d.name ?? d.type}: ${statusWord(ko, d.status)} · ${englishPlace(d.name ?? d.type)}: ${statusWord(en, d.status)}`),
    liftPositions: await liftPositions(
      services,
      stationId,
      route.steps.filter((s) => s.mode === 'elevator' && s.facilityId).map((s) => s.facilityId!),
    ),
    generatedAt: services.now().toISOString(),
    // The map says how its route is known: only a route whose every part an approved survey wrote is "verified".
    provenance:
      route.assurance === 'surveyed'
        ? { source: { ko: '승인된 현장 조사', en: 'An approved field survey' }, fieldVerified: true }
        : derived
          ? {
              source: { ko: '서울 열린데이터(승강기·환승 자료)에서 도출', en: 'Derived from Seoul open data (lifts, transfer distances)' },
              fieldVerified: false,
            }
          : { source: PROVENANCE_WORDS[route.assurance], fieldVerified: false },
  };
  return { input, route };
}

export interface StationTransfer {
  from: { stopId: string; name: string | null; line: string | null };
  to: { stopId: string; name: string | null; line: string | null };
  feasible: boolean;
  timeS: number | null;
  elevatorRides: number;
  unknownSteps: number;
  boardAt: string | null;
  /** How we know this transfer: the weakest provenance of its route's places and pathways. */
  source: Provenance;
}

/** Every transfer of a station (platform of one line → platform of another) for a profile: the station's "transfer map" list. */
export async function listStationTransfers(services: Services, stationId: string, profile: ProfileId): Promise<StationTransfer[]> {
  const routing = await routingFor(services).station(stationId);
  if (!routing) return [];
  const platforms = routing.router.graph.nodes.filter((n) => n.locationType === 0);
  const out: StationTransfer[] = [];
  for (const a of platforms)
    for (const b of platforms) {
      if (a.id === b.id || (a.line && a.line === b.line)) continue;
      const r = await routeInStation(services, stationId, { from: a.id, to: b.id, profile });
      out.push({
        from: { stopId: a.id, name: a.name, line: a.line ?? null },
        to: { stopId: b.id, name: b.name, line: b.line ?? null },
        feasible: r.feasible,
        timeS: r.timeS,
        elevatorRides: r.counts.elevatorRides,
        unknownSteps: r.unknownSteps,
        boardAt: r.boardAt ? `${r.boardAt.car}-${r.boardAt.door}` : null,
        source: r.assurance,
      });
    }
  return out;
}

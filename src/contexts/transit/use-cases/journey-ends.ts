import type { Services } from '../../../core/context.js';
import type { Provenance } from '../domain/provenance.js';
import { buildRoute } from '../routing/build-route.js';
import { PROFILES } from '../routing/profiles.js';
import type { ProfileId, RouteResult, Text } from '../routing/route-types.js';
import { routingFor } from '../routing/routing-service.js';
import { streetAccess, type AccessDirection } from '../routing/street-access.js';
import { countsAsElevator } from '../seoul/city-elevators.js';
import { listStationFacilitiesOfTypes } from '../store/facility.repository.js';
import { findStationExtra } from '../store/station.repository.js';
import { effectiveStatus } from '../domain/facility-freshness.js';

/**
 * Getting between the street and the platform at each end of a journey, and what we know of it:
 * - in a station with an interior, the route from an entrance to the departure platform (or from the arrival
 *   platform to an entrance), checked against live status; when there is none, the true cause;
 * - elsewhere, the station's lifts for the line from the facility lists (Seoul Metro's, Seoul City's elevator
 *   points), with where they stand and their status: the way between a lift and the platform is not known.
 */
export type EndState = 'route' | 'blocked' | 'lifts_listed' | 'unknown' | 'not_needed';
/** Why an end cannot be passed, or is not known: never "an outage" when it is not one. */
export type EndCause = 'outage' | 'no_lift' | 'barrier' | 'unknown_layout' | 'no_lift_data' | 'lift_status_unknown';

export interface EndLift {
  id: string;
  type: string;
  name: string | null;
  /** Live status, with stale operator statuses as 'unknown'. */
  status: string;
  location: string | null;
  levels: string | null;
  exitNo: string | null;
  /** WGS84 position where a source gives one (Seoul City's elevator points). */
  position: { lat: number; lon: number } | null;
  /** The file the lift is listed in. */
  source: string;
}

export interface EndAccess {
  stationId: string;
  name: string;
  /** The station's English name (the Korean one when it has none), for the English messages. */
  nameEn: string;
  line: string;
  direction: AccessDirection;
  state: EndState;
  cause: EndCause | null;
  /** How we know the way between street and platform at this end. */
  source: Provenance;
  route: RouteResult | null;
  /**
   * The lifts listed for this line at this station (and those listed without a line). Seoul City's points that
   * may be a lift Seoul Metro already lists (`details.maybeSameAs`) are left out: one lift is never listed twice.
   */
  lifts: EndLift[];
  /** Compatibility: counts of `lifts` that are elevators, and of those in service. */
  elevators: number;
  elevatorsInService: number;
  /** The station's staff phones (Seoul Metro's list); empty when we have none. */
  phones: Array<{ line: string | null; phone: string }>;
  /** The end's most important unknown or problem in words, or null. */
  warning: Text | null;
  /** Lifts out of service on the usual way (cause 'outage'). */
  outOfService: Array<{ facilityId: string; name: string | null; type: string; status: string }>;
}

const LIFT_TYPES = ['elevator', 'wheelchair_lift'];
const DOWN = new Set(['not_available', 'planned_outage']);
export const needsLift = (profile: ProfileId) => PROFILES[profile].stairs === null;

const CAUSE_WORDS: Record<EndCause, Text> = {
  outage: { ko: '운행이 중단된 엘리베이터나 리프트 때문에', en: 'because a lift on the way is out of service' },
  no_lift: { ko: '계단이나 에스컬레이터뿐이고 엘리베이터가 없어서', en: 'because there are only stairs or escalators and no lift' },
  barrier: { ko: '경사, 좁은 통로, 턱, 좁은 개찰구 같은 장애물 때문에', en: 'because of a barrier (a slope, a narrow passage, a step or a narrow gate)' },
  unknown_layout: {
    ko: '역 내부 자료에 계단 없는 길이 확인되지 않아서 (자료가 부족함)',
    en: 'because the station data does not show a step-free way (the layout is not known well enough)',
  },
  no_lift_data: { ko: '엘리베이터 정보가 없어서', en: 'because no lift is listed' },
  lift_status_unknown: { ko: '엘리베이터 운행 상태를 알 수 없어서', en: 'because the lifts\u2019 status is not known' },
};
export const causeWords = (cause: EndCause) => CAUSE_WORDS[cause];

function parseDetails(json: string): Record<string, unknown> {
  try {
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    return {};
  }
}

async function liftsAt(services: Services, stationId: string, line: string): Promise<EndLift[]> {
  const rows = await listStationFacilitiesOfTypes(services.db, stationId, LIFT_TYPES);
  const now = services.now();
  return rows
    .filter((r) => r.line_id === null || r.line_id === line)
    .filter((r) => countsAsElevator(parseDetails(r.details) as Record<string, string>))
    .map((r) => {
      const d = parseDetails(r.details);
      const lat = Number(d.lat);
      const lon = Number(d.lon);
      return {
        id: r.id,
        type: r.type,
        name: r.name,
        status: effectiveStatus(r, now, services.config.transitStatusStaleMinutes).status,
        location: r.location,
        levels: r.levels,
        exitNo: r.exit_no,
        position: d.lat !== undefined && d.lat !== '' && Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : null,
        source: r.source,
      };
    });
}

async function stationFacts(services: Services, stationId: string) {
  const row = await findStationExtra(services.db, stationId);
  const extra = parseDetails(row?.extra ?? '{}') as { phones?: Array<{ line?: string; phone?: string }> };
  return { nameEn: row?.name_en ?? null, phones: (extra.phones ?? []).filter((p) => p.phone).map((p) => ({ line: p.line ?? null, phone: p.phone! })) };
}

/** A line as riders say it: '3' is 3호선 / line 3; named lines keep their name. */
export const lineText = (line: string): Text => (/^\d$/.test(line) ? { ko: `${line}호선`, en: `line ${line}` } : { ko: line, en: line });

const where = (direction: AccessDirection, name: Text, line: string): Text =>
  direction === 'in'
    ? { ko: `출발역 ${name.ko} ${lineText(line).ko}, 지상에서 승강장까지`, en: `At ${name.en} (${lineText(line).en}), from the street to the platform` }
    : { ko: `도착역 ${name.ko} ${lineText(line).ko}, 승강장에서 지상까지`, en: `At ${name.en} (${lineText(line).en}), from the platform to the street` };

/** The way between street and platform at one end, for a profile, with its cause when it cannot be passed. */
export async function endAccess(
  services: Services,
  q: {
    stationId: string;
    name: string;
    line: string;
    stopId: string | null;
    direction: AccessDirection;
    profile: ProfileId;
    route: RouteResult | null;
    blocked: boolean;
  },
): Promise<EndAccess> {
  const lifts = await liftsAt(services, q.stationId, q.line);
  const { nameEn, phones } = await stationFacts(services, q.stationId);
  const name: Text = { ko: q.name, en: nameEn ?? q.name };
  const elevators = lifts.filter((l) => l.type === 'elevator');
  const base = {
    stationId: q.stationId,
    name: q.name,
    nameEn: name.en,
    line: q.line,
    direction: q.direction,
    lifts,
    phones,
    outOfService: [] as EndAccess['outOfService'],
    elevators: elevators.length,
    elevatorsInService: elevators.filter((l) => l.status === 'available').length,
  };
  const lift = needsLift(q.profile);
  const w = where(q.direction, name, q.line);
  const interior = q.stopId ? await routingFor(services).station(q.stationId) : null;

  if (interior && q.stopId && (q.route || q.blocked)) {
    if (q.route && !q.blocked) {
      const unknownSteps = q.route.steps.filter((s) => s.unknown.length).length;
      return {
        ...base,
        state: 'route',
        cause: null,
        source: q.route.assurance,
        route: q.route,
        warning:
          q.route.assurance === 'surveyed' && !unknownSteps
            ? null
            : {
                ko: `${w.ko}: 경로는 ${q.route.assurance === 'surveyed' ? '현장 조사 자료' : '공개 자료로 만든 역 내부 지도(현장 미확인)'}로 안내합니다${unknownSteps ? `. ${unknownSteps}개 구간은 폭·경사 등이 확인되지 않았습니다` : ''}.`,
                en: `${w.en}: guided from ${q.route.assurance === 'surveyed' ? 'the field survey' : 'an interior derived from open data (not checked on site)'}${unknownSteps ? `; ${unknownSteps} step(s) have width, slope or other details not known` : ''}.`,
              },
      };
    }
    // Blocked now: is it an outage (the usual way, every lift working, exists) or the layout itself?
    const usual = streetAccess(interior.nominal, q.profile, q.stopId, q.direction);
    let cause: EndCause;
    let outOfService: EndAccess['outOfService'] = [];
    if (usual.entranceId !== null) {
      cause = 'outage';
      const [from, to] = q.direction === 'in' ? [usual.entranceId, q.stopId] : [q.stopId, usual.entranceId];
      const route = buildRoute(interior.nominal, from, to, q.profile, { feed: interior.feed, stationId: q.stationId });
      outOfService = (route?.dependsOn ?? [])
        .map((d) => ({ facilityId: d.facilityId, name: d.name, type: d.type, status: interior.router.facilities.get(d.facilityId)?.status ?? d.status }))
        .filter((d) => DOWN.has(d.status));
    } else {
      cause = causeInLayout(interior.nominal, q.profile, q.stopId, q.direction, interior.feed, q.stationId);
    }
    const names = outOfService.map((d) => d.name ?? d.type).join(', ');
    return {
      ...base,
      state: 'blocked',
      cause,
      source: 'derived',
      route: null,
      outOfService,
      warning: {
        ko: `${w.ko}: 이 이용자가 지날 수 있는 길이 지금 없습니다: ${causeWords(cause).ko}${names ? ` (${names})` : ''}.`,
        en: `${w.en}: no way for this traveller now, ${causeWords(cause).en}${names ? ` (${names})` : ''}.`,
      },
    };
  }

  // No interior: what the facility lists say.
  const phone = phones[0]?.phone;
  const call: Text = phone
    ? { ko: ` 역(${phone})에 먼저 확인하세요.`, en: ` Check with the station first (${phone}).` }
    : {
        ko: ' 이 역의 전화번호는 자료에 없습니다. 운영 기관에 먼저 확인하세요.',
        en: ' We have no phone number for this station: check with its operator first.',
      };
  if (!lift && !PROFILES[q.profile].needs.elevatorStatus) {
    return { ...base, state: 'not_needed', cause: null, source: 'unknown', route: null, warning: null };
  }
  if (!lifts.length) {
    return {
      ...base,
      state: 'unknown',
      cause: 'no_lift_data',
      source: 'unknown',
      route: null,
      warning: lift
        ? {
            ko: `${w.ko}: ${q.name}역 ${lineText(q.line).ko}의 엘리베이터 정보가 없습니다 (어느 시설 자료에도 없음). 계단 없이 갈 수 있는지 알 수 없습니다.${call.ko}`,
            en: `${w.en}: no lift of ${lineText(q.line).en} at ${name.en} is listed in any facility data. Whether you can get through without stairs is not known.${call.en}`,
          }
        : null,
    };
  }
  const working = lifts.filter((l) => l.status === 'available');
  const unknownStatus = lifts.filter((l) => !DOWN.has(l.status) && l.status !== 'available');
  if (!working.length && !unknownStatus.length) {
    const names = lifts.map((l) => l.name ?? l.type).join(', ');
    return {
      ...base,
      state: lift ? 'blocked' : 'lifts_listed',
      cause: 'outage',
      source: 'derived',
      route: null,
      outOfService: lifts.map((l) => ({ facilityId: l.id, name: l.name, type: l.type, status: l.status })),
      warning: {
        ko: `${w.ko}: 엘리베이터·리프트가 모두 운행 중단입니다 (${names}).${call.ko}`,
        en: `${w.en}: every lift is out of service (${names}).${call.en}`,
      },
    };
  }
  const statusNote: Text = working.length ? { ko: '', en: '' } : { ko: ' 운행 상태는 알 수 없습니다.', en: ' Their status is not known.' };
  return {
    ...base,
    state: working.length ? 'lifts_listed' : 'unknown',
    cause: working.length ? null : 'lift_status_unknown',
    source: working.length ? 'derived' : 'unknown',
    route: null,
    warning:
      lift || !working.length
        ? {
            ko: `${w.ko}: 엘리베이터 ${lifts.length}대가 자료에 있지만 (${lifts.map(liftWhere).join('; ')}), 엘리베이터와 승강장 사이 길은 조사되지 않았습니다.${statusNote.ko}`,
            en: `${w.en}: ${lifts.length} lift(s) are listed (${lifts.map(liftWhere).join('; ')}), but the way between them and the platform is not surveyed.${statusNote.en}`,
          }
        : null,
  };
}

/** Where a lift stands, in the words of its source. */
export function liftWhere(l: EndLift): string {
  const parts = [l.name, l.exitNo ? `${l.exitNo}번 출구` : null, l.location, l.levels].filter((x): x is string => !!x);
  if (!parts.length && l.position) parts.push(`${l.position.lat.toFixed(5)}, ${l.position.lon.toFixed(5)}`);
  return [...new Set(parts)].join(' ');
}

/** With every lift working there is still no way: what stands in the way, from the pathways on the cheapest relaxed route. */
function causeInLayout(
  router: NonNullable<Awaited<ReturnType<ReturnType<typeof routingFor>['station']>>>['nominal'],
  profile: ProfileId,
  stopId: string,
  direction: AccessDirection,
  feed: string,
  stationId: string,
): EndCause {
  const entrances = router.graph.nodes.filter((n) => n.locationType === 2);
  const reasons = new Set<string>();
  let noPath = 0;
  for (const e of entrances) {
    const [from, to] = direction === 'in' ? [e.id, stopId] : [stopId, e.id];
    const r = buildRoute(router, from, to, profile, { feed, stationId });
    if (r?.reason?.code === 'no_path') noPath++;
    for (const b of r?.reason?.blockedBy ?? []) reasons.add(b.reason);
  }
  if (reasons.has('level_change_unknown') || (noPath && !reasons.size)) return 'unknown_layout';
  if ([...reasons].some((r) => ['slope', 'width', 'step', 'gate'].includes(r))) return 'barrier';
  if ([...reasons].some((r) => ['stairs', 'escalator', 'stair_lift'].includes(r))) return 'no_lift';
  return 'unknown_layout';
}

import type { Services } from '../../../core/context.js';
import { AppError, notFound } from '../../../core/errors.js';
import { weakest, type Provenance } from '../domain/provenance.js';
import { journeyParts, planJourney, type JourneyResult } from '../routing/plan-journey.js';
import type { ProfileId, Text } from '../routing/route-types.js';
import { routingFor } from '../routing/routing-service.js';
import { PILOT_FEED } from '../interiors/derive-pilot-interiors.js';
import { listUnplaced } from '../interiors/list-unplaced.js';
import type { UnplacedFacilityView } from '../interiors/unplaced.js';
import { listFacilityStatuses } from '../store/facility.repository.js';
import { stationGraph } from '../store/station.repository.js';
import { causeWords, endAccess, lineText, needsLift, type EndAccess } from './journey-ends.js';
import { journeyWarnings, type JourneyWarning } from './journey-warnings.js';
import { nearbyStepFree, type NearbyAlternative } from './route-in-station.js';
import { resolveStation } from './resolve-station.js';

export type { EndAccess, JourneyWarning };

export interface JourneyAnswer extends JourneyResult {
  /**
   * How sure the whole answer is: the weakest provenance of its legs and of the ways in and out at both ends
   * (`surveyed` only when everything was checked in an approved field survey).
   */
  assurance: Provenance;
  /** When the journey cannot be made: nearby stations with a working step-free way, and staff to call. */
  alternatives: null | { nearby: NearbyAlternative[]; assistance: { phones: Array<{ line: string | null; phone: string }>; message: Text } };
  /** Getting between the street and the platform at each end: the route, or the lifts listed, and what is not known. */
  access: { origin: EndAccess | null; destination: EndAccess | null };
  /** When facilities out of service changed the journey: the usual one's time and what is out. */
  disruption: null | { usualTimeS: number | null; usualVia: string[]; outOfService: JourneyResult['dependsOn']; message: Text };
  /**
   * Every warning and unknown of the answer in words, each placed at what it concerns: `journey`, `origin`,
   * `destination` or `leg:<index in legs>`, and the step number inside that part when it concerns one step.
   * The journey page shows each of them at that place.
   */
  warnings: JourneyWarning[];
}

/** A station id, or a name that means one station; a name that means several is refused with the choices. */
async function stationIdOf(services: Services, field: 'from' | 'to', text: string): Promise<string> {
  const r = await resolveStation(services.db, text);
  if (r.kind === 'station') return r.station.id;
  if (r.kind === 'choices') {
    throw new AppError('transit.journey.ambiguous_station', `"${field}" (${text}) matches several stations: give one of their ids`, 422, {
      field,
      choices: r.choices.map((c) => ({ id: c.id, nameKo: c.ko, nameEn: c.en, lines: c.lines })),
    });
  }
  throw new AppError('transit.journey.unknown_station', `"${field}" (${text}) is not a station of the Seoul network`, 422, { field });
}

/** The fastest journey between two Seoul stations (ids or names) for a profile, with both ends, live status and every unknown said. */
export async function findJourney(services: Services, q: { from: string; to: string; profile: ProfileId }): Promise<JourneyAnswer> {
  const fromId = await stationIdOf(services, 'from', q.from);
  const toId = await stationIdOf(services, 'to', q.to);
  if (fromId === toId) throw new AppError('transit.journey.same_station', 'Origin and destination are the same station', 422, { field: 'to' });
  const routing = routingFor(services);
  const { live, nominal } = await routing.network();
  for (const [field, id] of [
    ['from', fromId],
    ['to', toId],
  ] as const) {
    if (!live.stationIndex.has(id))
      throw new AppError('transit.journey.unknown_station', `"${field}" (${id}) is not a station of the Seoul network`, 422, { field });
  }
  const feedOf = () => PILOT_FEED;
  const journey = planJourney({ network: live, feedOf }, fromId, toId, q.profile);
  const usual = planJourney({ network: nominal, feedOf }, fromId, toId, q.profile);
  if (!journey || !usual) throw notFound('station');

  const ends = await journeyEnds(services, journey, q.profile);
  const lift = needsLift(q.profile);
  let alternatives: JourneyAnswer['alternatives'] = null;
  const blockedEnd = [ends.origin, ends.destination].find((e) => e?.state === 'blocked' && lift);
  if (journey.feasible && blockedEnd) {
    journey.feasible = false;
    const cause = causeWords(blockedEnd.cause ?? 'unknown_layout');
    const place: Text =
      blockedEnd.direction === 'in'
        ? {
            ko: `출발역 ${blockedEnd.name}역에서 ${lineText(blockedEnd.line).ko} 승강장까지`,
            en: `At ${blockedEnd.nameEn}, from the street to the ${lineText(blockedEnd.line).en} platform`,
          }
        : {
            ko: `도착역 ${blockedEnd.name}역에서 ${lineText(blockedEnd.line).ko} 승강장에서 지상까지`,
            en: `At ${blockedEnd.nameEn}, from the ${lineText(blockedEnd.line).en} platform to the street`,
          };
    journey.reason = {
      ko: `${place.ko} 이 이용자가 갈 수 있는 길이 지금 없습니다: ${cause.ko}. 가까운 다른 역을 이용하거나 역무원의 도움을 받으세요.`,
      en: `${place.en}, there is no way for this traveller now, ${cause.en}. Use a nearby station, or ask station staff for help.`,
    };
    const nearby = await nearbyStepFree(services, blockedEnd.stationId, [blockedEnd.line], q.profile);
    alternatives = { nearby, assistance: assistance(blockedEnd.phones) };
  }

  const via = (j: JourneyResult) => j.legs.filter((l) => l.kind === 'transfer').map((l) => l.station.name);
  const statuses = await currentStatuses(
    services,
    usual.dependsOn.map((d) => d.facilityId),
  );
  const down = usual.dependsOn
    .map((d) => ({ ...d, status: statuses.get(d.facilityId) ?? d.status }))
    .filter((d) => d.status === 'not_available' || d.status === 'planned_outage');
  const changed = down.length > 0 && journey.feasible && JSON.stringify(via(usual)) + usual.timeS !== JSON.stringify(via(journey)) + journey.timeS;
  const names = down.map((d) => d.name ?? d.type).join(', ');
  const endSources = [ends.origin, ends.destination].filter((e): e is EndAccess => !!e && e.state !== 'not_needed').map((e) => e.source);
  const answer: Omit<JourneyAnswer, 'warnings'> = {
    ...journey,
    assurance: journey.feasible ? weakest([...journeyParts(journey), ...endSources]) : 'unknown',
    alternatives,
    access: ends,
    disruption: changed
      ? {
          usualTimeS: usual.timeS,
          usualVia: via(usual),
          outOfService: down,
          message: {
            ko: `평소 경로(${via(usual).join(', ') || '직행'} 환승)는 지금 이용할 수 없습니다: ${names} 운행 중단. 아래는 대체 경로입니다.`,
            en: `The usual route (via ${via(usual).join(', ') || 'no transfer'}) is not usable now: ${names} out of service. This is the alternative.`,
          },
        }
      : null,
  };
  return { ...answer, warnings: journeyWarnings(answer, await unplacedLiftsOf(services, answer)) };
}

/**
 * The lifts (elevators, wheelchair lifts) of the interiors a journey goes through that their interior does not
 * hold: a route there may miss a lift that exists, and the journey says so at that part.
 */
async function unplacedLiftsOf(services: Services, a: Omit<JourneyAnswer, 'warnings'>): Promise<Map<string, UnplacedFacilityView[]>> {
  const ids = new Set<string>();
  for (const l of a.legs) if (l.kind === 'transfer' && l.route) ids.add(l.station.id);
  for (const e of [a.access.origin, a.access.destination]) if (e && (e.route || e.state === 'blocked') && e.state !== 'lifts_listed') ids.add(e.stationId);
  const out = new Map<string, UnplacedFacilityView[]>();
  for (const id of ids) {
    const graph = await stationGraph(services.db, id);
    const lifts = (await listUnplaced(services.db, id, graph)).filter((u) => u.type === 'elevator' || u.type === 'wheelchair_lift');
    if (lifts.length) out.set(id, lifts);
  }
  return out;
}

const assistance = (phones: Array<{ line: string | null; phone: string }>) => ({
  phones,
  message: phones[0]
    ? {
        ko: `역무원에게 도움을 요청할 수 있습니다 (${phones[0].phone}). 가까운 다른 역에서 타고 내리는 방법도 있습니다.`,
        en: `Station staff can help (call ${phones[0].phone}); or use a nearby station with a working step-free way.`,
      }
    : {
        ko: '이 역의 전화번호는 자료에 없습니다. 운영 기관에 도움을 요청하거나 가까운 다른 역을 이용하세요.',
        en: 'We have no phone number for this station: ask its operator for help, or use a nearby station with a working step-free way.',
      },
});

/** Both ends of a planned journey: the line boarded at the origin and left at the destination. */
async function journeyEnds(services: Services, j: JourneyResult, profile: ProfileId): Promise<JourneyAnswer['access']> {
  if (!j.departure || !j.arrival) return { origin: null, destination: null };
  const rides = j.legs.filter((l) => l.kind === 'ride');
  const origin = await endAccess(services, {
    stationId: j.departure.stationId,
    name: rides[0]?.from.name ?? j.from.name,
    line: j.departure.line,
    stopId: j.departure.stopId,
    direction: 'in',
    profile,
    route: j.entryRoute,
    blocked: !!j.entryBlocked,
  });
  const destination = await endAccess(services, {
    stationId: j.arrival.stationId,
    name: rides[rides.length - 1]?.to.name ?? j.to.name,
    line: j.arrival.line,
    stopId: j.arrival.stopId,
    direction: 'out',
    profile,
    route: j.exitRoute,
    blocked: !!j.exitBlocked,
  });
  return { origin, destination };
}

async function currentStatuses(services: Services, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await listFacilityStatuses(services.db, ids);
  return new Map(rows.map((r) => [r.id, r.status]));
}

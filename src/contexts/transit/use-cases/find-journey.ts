import type { Services } from '../../../core/context.js';
import { AppError, notFound } from '../../../core/errors.js';
import { planJourney, type JourneyResult } from '../routing/plan-journey.js';
import type { ProfileId, Text } from '../routing/route-types.js';
import { PROFILES } from '../routing/profiles.js';
import { routingFor } from '../routing/routing-service.js';
import { alternativesFor } from './route-in-station.js';
import { PILOT_FEED } from '../interiors/derive-pilot-interiors.js';

/** Getting in and out at the ends: the station's lifts for the line ridden, from the facility list. */
export interface StationAccess {
  stationId: string;
  line: string;
  /** Lifts of that line at that station (Seoul Metro's facility list), and how many are in service. */
  elevators: number;
  elevatorsInService: number;
  /** For travellers who need a lift: no lift in service for this line here. */
  warning: Text | null;
}

export interface JourneyAnswer extends JourneyResult {
  /** When the journey cannot be finished step-free (no way out at the destination): what to do instead. */
  alternatives: Awaited<ReturnType<typeof alternativesFor>> | null;
  access: { origin: StationAccess | null; destination: StationAccess | null };
  /** When facilities out of service changed the journey: the usual one's time and what is out. */
  disruption: null | { usualTimeS: number | null; usualVia: string[]; outOfService: JourneyResult['dependsOn']; message: Text };
}

/** The fastest journey between two Seoul stations for a profile, with what live facility status changed. */
export async function findJourney(services: Services, q: { from: string; to: string; profile: ProfileId }): Promise<JourneyAnswer> {
  if (q.from === q.to) throw new AppError('transit.journey.same_station', 'Origin and destination are the same station', 400, { field: 'to' });
  const routing = routingFor(services);
  const { live, nominal } = await routing.network();
  for (const [field, id] of [['from', q.from], ['to', q.to]] as const) {
    if (!live.stationIndex.has(id)) throw new AppError('transit.journey.unknown_station', `"${field}" (${id}) is not a station of the Seoul network`, 400, { field });
  }
  const feedOf = () => PILOT_FEED;
  const journey = planJourney({ network: live, feedOf }, q.from, q.to, q.profile);
  const usual = planJourney({ network: nominal, feedOf }, q.from, q.to, q.profile);
  if (!journey || !usual) throw notFound('station');
  const via = (j: JourneyResult) => j.legs.filter((l) => l.kind === 'transfer').map((l) => l.station.name);
  const statuses = await currentStatuses(services, usual.dependsOn.map((d) => d.facilityId));
  const down = usual.dependsOn.map((d) => ({ ...d, status: statuses.get(d.facilityId) ?? d.status }))
    .filter((d) => d.status === 'not_available' || d.status === 'planned_outage');
  const changed = down.length > 0 && JSON.stringify(via(usual)) + usual.timeS !== JSON.stringify(via(journey)) + journey.timeS;
  const names = down.map((d) => d.name ?? d.type).join(', ');
  // Arriving where no way out to the street exists for this traveller is not a journey they can make.
  let alternatives: JourneyAnswer['alternatives'] = null;
  if (journey.exitBlocked && needsLift(q.profile)) {
    const station = await routing.station(journey.exitBlocked.stationId);
    if (station) alternatives = await alternativesFor(services, station, journey.exitBlocked.platformStopId, q.profile);
    journey.feasible = false;
    journey.reason = {
      ko: `${journey.to.name}역에서 이 이용자가 지상으로 나갈 수 있는 경로가 지금 없습니다 (엘리베이터 운행 중단 등). 가까운 다른 역에서 내리거나 역무원의 도움을 받으세요.`,
      en: `There is no way out to the street at ${journey.to.name} for this traveller now (a lift out of service, or no step-free exit). Get off at a nearby station, or ask station staff for help.`,
    };
  }
  const rides = journey.legs.filter((l) => l.kind === 'ride');
  const first = rides[0];
  const last = rides[rides.length - 1];
  return {
    ...journey,
    alternatives,
    access: {
      origin: first ? await stationAccess(services, first.from.id, first.from.name, first.line, q.profile) : null,
      destination: last ? await stationAccess(services, last.to.id, last.to.name, last.line, q.profile) : null,
    },
    disruption: changed ? {
      usualTimeS: usual.timeS, usualVia: via(usual), outOfService: down,
      message: {
        ko: `평소 경로(${via(usual).join(', ') || '직행'} 환승)는 지금 이용할 수 없습니다: ${names} 운행 중단. 아래는 대체 경로입니다.`,
        en: `The usual route (via ${via(usual).join(', ') || 'no transfer'}) is not usable now: ${names} out of service. This is the alternative.`,
      },
    } : null,
  };
}

/** Travellers who cannot use stairs need a lift: derived from the profile rules, not listed again. */
const needsLift = (profile: ProfileId) => PROFILES[profile].stairs === null;

async function stationAccess(services: Services, stationId: string, name: string, line: string, profile: ProfileId): Promise<StationAccess> {
  const lifts = await services.db.selectFrom('transit_facility').select('status').where('station_id', '=', stationId).where('type', '=', 'elevator').where('line_id', '=', line).execute();
  const inService = lifts.filter((l) => l.status === 'available').length;
  const warning = needsLift(profile) && inService === 0
    ? lifts.length
      ? { ko: `${name}역 ${line}호선의 엘리베이터가 모두 운행 중단입니다.`, en: `Every lift of line ${line} at ${name} is out of service.` }
      : { ko: `${name}역 ${line}호선의 엘리베이터 정보가 없습니다 (서울교통공사 시설 자료에 없음). 역에 먼저 확인하세요.`, en: `No lift of line ${line} at ${name} is listed (not in Seoul Metro's facility data). Check with the station first.` }
    : null;
  return { stationId, line, elevators: lifts.length, elevatorsInService: inService, warning };
}

async function currentStatuses(services: Services, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await services.db.selectFrom('transit_facility').select(['id', 'status']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.status]));
}

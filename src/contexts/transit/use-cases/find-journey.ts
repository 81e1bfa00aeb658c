import type { Services } from '../../../core/context.js';
import { AppError, notFound } from '../../../core/errors.js';
import { planJourney, type JourneyResult } from '../routing/plan-journey.js';
import type { ProfileId, Text } from '../routing/route-types.js';
import { routingFor } from '../routing/routing-service.js';
import { PILOT_FEED } from '../interiors/derive-pilot-interiors.js';

export interface JourneyAnswer extends JourneyResult {
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
  return {
    ...journey,
    disruption: changed ? {
      usualTimeS: usual.timeS, usualVia: via(usual), outOfService: down,
      message: {
        ko: `평소 경로(${via(usual).join(', ') || '직행'} 환승)는 지금 이용할 수 없습니다: ${names} 운행 중단. 아래는 대체 경로입니다.`,
        en: `The usual route (via ${via(usual).join(', ') || 'no transfer'}) is not usable now: ${names} out of service. This is the alternative.`,
      },
    } : null,
  };
}

async function currentStatuses(services: Services, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await services.db.selectFrom('transit_facility').select(['id', 'status']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.status]));
}

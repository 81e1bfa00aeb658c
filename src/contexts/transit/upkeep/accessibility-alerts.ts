import GtfsRealtimeBindings from 'gtfs-realtime-bindings';
import type { Services } from '../../../core/context.js';
import { effectiveStatus } from './facility-freshness.js';

const { transit_realtime: rt } = GtfsRealtimeBindings;

const OUT = ['not_available', 'planned_outage', 'partially_available'];
const TYPE_KO: Record<string, string> = { elevator: '엘리베이터', escalator: '에스컬레이터', wheelchair_lift: '휠체어리프트', moving_walkway: '무빙워크' };
const STATUS_KO: Record<string, string> = { not_available: '운행 중지', planned_outage: '계획된 운행 중지', partially_available: '일부 운행' };
const STATUS_EN: Record<string, string> = { not_available: 'out of service', planned_outage: 'planned outage', partially_available: 'partly in service' };

export interface AccessibilityAlert {
  id: string; stationId: string; stopId: string; facilityId: string; type: string; status: string;
  headerKo: string; headerEn: string; descriptionKo: string; descriptionEn: string; start: string | null; end: string | null;
}

/** Every facility out of service now (stale operator statuses are unknown, so they raise no alert). */
export async function listAccessibilityAlerts(services: Services): Promise<AccessibilityAlert[]> {
  const rows = await services.db.selectFrom('transit_facility as f').innerJoin('transit_station as s', 's.id', 'f.station_id')
    .select(['f.id', 'f.station_id', 'f.type', 'f.name', 'f.status', 'f.details', 'f.location', 's.name_ko', 's.name_en', 's.gtfs_stop_id'])
    .where('f.status', 'in', OUT).orderBy('f.station_id').orderBy('f.id').execute();
  const now = services.now();
  return rows.flatMap((r) => {
    const e = effectiveStatus(r, now, services.config.transitStatusStaleMinutes);
    if (!OUT.includes(e.status)) return [];
    const d = JSON.parse(r.details) as { expectedReturn?: string | null; statusReason?: string | null };
    const typeKo = TYPE_KO[r.type] ?? r.type;
    const where = r.location ? ` (${r.location})` : '';
    return [{
      id: `facility:${r.id}`, stationId: r.station_id, stopId: r.gtfs_stop_id ?? r.station_id, facilityId: r.id, type: r.type, status: e.status,
      headerKo: `${r.name_ko ?? r.station_id}역 ${typeKo} ${STATUS_KO[e.status]}`,
      headerEn: `${r.name_en ?? r.name_ko ?? r.station_id}: ${r.type.replace('_', ' ')} ${STATUS_EN[e.status]}`,
      descriptionKo: `${r.name ?? typeKo}${where}${d.statusReason ? ` · ${d.statusReason}` : ''}${d.expectedReturn ? ` · 재개 예정 ${d.expectedReturn}` : ''}`,
      descriptionEn: `${r.name ?? r.type}${where}${d.statusReason ? ` · ${d.statusReason}` : ''}${d.expectedReturn ? ` · expected back ${d.expectedReturn}` : ''}`,
      start: e.setAt, end: d.expectedReturn ?? null,
    }];
  });
}

const translated = (ko: string, en: string) => ({ translation: [{ text: ko, language: 'ko' }, { text: en, language: 'en' }] });
const seconds = (iso: string | null) => (iso && !Number.isNaN(Date.parse(iso)) ? Math.floor(Date.parse(iso) / 1000) : undefined);

/** The alerts as a GTFS-Realtime FeedMessage (protobuf), effect ACCESSIBILITY_ISSUE, in Korean and English. */
export function encodeAlertsFeed(alerts: AccessibilityAlert[], now: Date): Uint8Array {
  const message = rt.FeedMessage.create({
    header: { gtfsRealtimeVersion: '2.0', incrementality: rt.FeedHeader.Incrementality.FULL_DATASET, timestamp: Math.floor(now.getTime() / 1000) },
    entity: alerts.map((a) => ({
      id: a.id,
      alert: {
        activePeriod: [{ start: seconds(a.start), end: seconds(a.end) }],
        informedEntity: [{ stopId: a.stopId }],
        cause: a.status === 'planned_outage' ? rt.Alert.Cause.MAINTENANCE : rt.Alert.Cause.UNKNOWN_CAUSE,
        effect: rt.Alert.Effect.ACCESSIBILITY_ISSUE,
        headerText: translated(a.headerKo, a.headerEn),
        descriptionText: translated(a.descriptionKo, a.descriptionEn),
      },
    })),
  });
  return rt.FeedMessage.encode(message).finish();
}

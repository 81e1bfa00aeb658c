import GtfsRealtimeBindings from 'gtfs-realtime-bindings';
import type { Services } from '../../../core/context.js';
import { describeStatusBasis, listFacilityPathways } from '../../transit/index.js';
import { listAlertFacilities } from '../store/alert.repository.js';
import { alertText, type AlertKind } from './alert-templates.js';
import '../store/feed-tables.js';

const { transit_realtime: rt } = GtfsRealtimeBindings;

const OUT = ['not_available', 'planned_outage', 'partially_available'];

export interface AccessibilityAlert {
  id: string;
  kind: AlertKind;
  stationId: string;
  stopId: string;
  facilityId: string;
  type: string;
  status: string;
  /** The rider line (route_id) the facility serves, when known. */
  routeId: string | null;
  /** The pathways of the station interior that go through this facility, and the stops at their ends. */
  pathwayIds: string[];
  stopIds: string[];
  headerKo: string;
  headerEn: string;
  descriptionKo: string;
  descriptionEn: string;
  /** The outage's start (or the moment the status became unknown) and the operator's expected return. */
  start: string | null;
  end: string | null;
}

/**
 * Alerts for facilities out of service or partly in service by a dated status (an operator's system, staff, a
 * confirmed report), and for live statuses gone stale ("status unknown since …"). A status read from an undated
 * file is not an alert: nothing says it holds now (the facility API gives it with its file and date).
 */
export async function listAccessibilityAlerts(services: Services): Promise<AccessibilityAlert[]> {
  const now = services.now();
  const staleMinutes = services.config.transitStatusStaleMinutes;
  const cutoff = new Date(now.getTime() - staleMinutes * 60_000).toISOString();
  const rows = await listAlertFacilities(services.db, OUT, cutoff);
  // The pathways through each facility (edges name it in extra.facilityId), read once and only when there is an alert.
  let pathways: Promise<Map<string, Array<{ pathway_id: string; from_stop_id: string; to_stop_id: string }>>> | null = null;
  const pathwaysByFacility = () =>
    (pathways ??= listFacilityPathways(services.db).then((edges) => {
      const by = new Map<string, Array<{ pathway_id: string; from_stop_id: string; to_stop_id: string }>>();
      for (const e of edges) {
        const id = (JSON.parse(e.extra) as { facilityId?: unknown }).facilityId;
        if (typeof id === 'string') by.set(id, [...(by.get(id) ?? []), e]);
      }
      return by;
    }));
  const out: AccessibilityAlert[] = [];
  for (const r of rows) {
    const basis = describeStatusBasis(r, now, staleMinutes);
    if (basis.kind === 'snapshot') continue;
    const kind = (basis.stale ? 'unknown' : basis.status) as AlertKind;
    if (kind !== 'unknown' && !OUT.includes(kind)) continue;
    const d = JSON.parse(r.details) as { expectedReturn?: string | null; statusReason?: string | null; statusSource?: string };
    const line = r.line_id ? { ko: r.line_ko ?? `${r.line_id}호선`, en: r.line_en ?? `Line ${r.line_id}` } : null;
    const text = alertText({
      kind,
      type: r.type,
      station: { ko: `${r.name_ko ?? r.station_id}역`, en: `${r.name_en ?? r.name_romanised ?? r.station_id} Station` },
      line,
      name: r.name,
      location: r.location,
      since: basis.stale ? basis.unknownSince : basis.since,
      expectedReturn: basis.stale ? null : (d.expectedReturn ?? null),
      lastStatus: basis.stale ? basis.reportedStatus : null,
      reason: d.statusReason ?? null,
      source: d.statusSource ?? basis.kind,
      staleMinutes,
    });
    const edges = (await pathwaysByFacility()).get(r.id) ?? [];
    out.push({
      id: `facility:${r.id}`,
      kind,
      stationId: r.station_id,
      stopId: r.gtfs_stop_id ?? r.station_id,
      facilityId: r.id,
      type: r.type,
      status: basis.status,
      routeId: r.line_id,
      pathwayIds: [...new Set(edges.map((e) => e.pathway_id))],
      stopIds: [...new Set(edges.flatMap((e) => [e.from_stop_id, e.to_stop_id]))],
      ...text,
      start: basis.stale ? basis.unknownSince : basis.since,
      end: basis.stale ? null : (d.expectedReturn ?? null),
    });
  }
  return out;
}

const translated = (ko: string, en: string) => ({
  translation: [
    { text: ko, language: 'ko' },
    { text: en, language: 'en' },
  ],
});
const seconds = (iso: string | null) => (iso && !Number.isNaN(Date.parse(iso)) ? Math.floor(Date.parse(iso) / 1000) : undefined);

/**
 * The alerts as a GTFS-Realtime FeedMessage (protobuf), in Korean and English: active_period from the outage's
 * start to the expected return; informed_entity the station, and each stop at the ends of the pathways through
 * the facility, with the route (rider line) when known.
 */
export function encodeAlertsFeed(alerts: AccessibilityAlert[], now: Date): Uint8Array {
  const message = rt.FeedMessage.create({
    header: { gtfsRealtimeVersion: '2.0', incrementality: rt.FeedHeader.Incrementality.FULL_DATASET, timestamp: Math.floor(now.getTime() / 1000) },
    entity: alerts.map((a) => {
      const route = a.routeId ? { routeId: a.routeId } : {};
      return {
        id: a.id,
        alert: {
          activePeriod: a.start || a.end ? [{ start: seconds(a.start), end: seconds(a.end) }] : [],
          informedEntity: [{ stopId: a.stopId, ...route }, ...a.stopIds.map((stopId) => ({ stopId, ...route }))],
          cause: a.kind === 'planned_outage' ? rt.Alert.Cause.MAINTENANCE : rt.Alert.Cause.UNKNOWN_CAUSE,
          effect: a.kind === 'unknown' ? rt.Alert.Effect.UNKNOWN_EFFECT : rt.Alert.Effect.ACCESSIBILITY_ISSUE,
          headerText: translated(a.headerKo, a.headerEn),
          descriptionText: translated(a.descriptionKo, a.descriptionEn),
        },
      };
    }),
  });
  return rt.FeedMessage.encode(message).finish();
}

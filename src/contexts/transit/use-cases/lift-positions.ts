import type { Services } from '../../../core/context.js';
import { PROVENANCE_WORDS } from '../domain/provenance.js';
import { mapTranslator } from '../maps/transfer-map-text.js';
import type { Text } from '../routing/route-types.js';
import { countsAsElevator } from '../seoul/city-elevators.js';
import { listStationElevatorDetails } from '../store/facility.repository.js';
import { findStationPosition } from '../store/station.repository.js';

const DIRS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'] as const;

/**
 * Where each of the given lifts is, in words (Korean and English), for the steps that ride them: the
 * position a source gives, from the station's point, with its provenance (coordinates published by the city
 * or the operator are `derived`: nobody checked them on site for us); or, when the lift's row has none,
 * that it is not known — and how many of the city's elevator points at the station exist that no source
 * links to a particular lift (the station map shows them).
 */
export async function liftPositions(services: Services, stationId: string, facilityIds: string[]): Promise<Record<string, Text>> {
  if (!facilityIds.length) return {};
  const station = await findStationPosition(services.db, stationId);
  const rows = await listStationElevatorDetails(services.db, stationId);
  const parsed = rows.map((r) => ({ id: r.id, d: JSON.parse(r.details) as Record<string, string> }));
  const num = (v: unknown) => (typeof v === 'string' && v !== '' && Number.isFinite(Number(v)) ? Number(v) : null);
  const cityPoints = parsed.filter((r) => !countsAsElevator(r.d) && num(r.d.lat) !== null).length;
  const out: Record<string, Text> = {};
  for (const id of new Set(facilityIds)) {
    const row = parsed.find((r) => r.id === id);
    if (!row) continue;
    const lat = num(row.d.lat);
    const lon = num(row.d.lon);
    out[id] =
      lat !== null && lon !== null && station?.lat != null && station.lon != null
        ? placed(station.lat, station.lon, lat, lon)
        : { ko: unplaced('ko', cityPoints), en: unplaced('en', cityPoints) };
  }
  return out;
}

function placed(sLat: number, sLon: number, lat: number, lon: number): Text {
  const dy = (lat - sLat) * 111_320;
  const dx = (lon - sLon) * 111_320 * Math.cos((sLat * Math.PI) / 180);
  const m = Math.round(Math.hypot(dx, dy));
  const dir = DIRS[Math.round((((Math.atan2(dx, dy) * 180) / Math.PI + 360) % 360) / 45) % 8]!;
  const words = (locale: 'ko' | 'en') => {
    const t = mapTranslator(locale);
    return t('lift.placed', { dir: t(`dir.${dir}`), m, provenance: PROVENANCE_WORDS.derived[locale] });
  };
  return { ko: words('ko'), en: words('en') };
}

function unplaced(locale: 'ko' | 'en', cityPoints: number): string {
  const t = mapTranslator(locale);
  return cityPoints > 0 ? t('lift.unplaced', { n: cityPoints }) : t('lift.unplacedNone');
}

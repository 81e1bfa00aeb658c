import type { Services } from '../../../core/context.js';
import { translator, type Locale } from '../../../core/i18n/messages.js';
import { PROVENANCE_WORDS, provenanceOf, weakest } from '../domain/provenance.js';
import { LINE_COLOURS } from '../maps/network-map.js';
import { renderStationMapPdf } from '../maps/station-map-pdf.js';
import { stationMapSvg as renderStationMap, type StationMapFacts, type StationMapText } from '../maps/station-map-svg.js';
import { networkMapMessages } from '../pages/network-map.messages.js';
import { countsAsElevator } from '../seoul/city-elevators.js';
import { describeElevatorData } from '../seoul/elevator-data.js';
import { listStationNodeProvenance } from '../store/interior.repository.js';
import { loadStation } from '../store/station.repository.js';
import { effectiveStatus } from '../domain/facility-freshness.js';
import { cachedTransferMap } from './transfer-map-cache.js';

/** The facts of a station's map (any station: 404 only for a station that does not exist). */
export async function stationMapFacts(services: Services, stationId: string, locale: Locale): Promise<StationMapFacts> {
  const { station, lines, facilities, riderLines } = await loadStation(services.db, stationId);
  const nodes = await listStationNodeProvenance(services.db, station.id);
  const t = translator(networkMapMessages, locale);
  const now = services.now();
  const name = locale === 'en' && station.name_en ? station.name_en : (station.name_ko ?? station.id);
  const rider = new Map(riderLines.flatMap((r) => r.lineIds.map((id) => [id, locale === 'en' && r.name_en ? r.name_en : r.name_ko] as const)));
  const num = (v: unknown) => (typeof v === 'string' && v !== '' && Number.isFinite(Number(v)) ? Number(v) : null);
  const lifts = facilities.filter((f) => f.type === 'elevator').map((f) => ({ f, d: JSON.parse(f.details) as Record<string, string> }));
  // Counted lifts first (named apart: E1, E2 … with line and place), then the city's points that may repeat them.
  lifts.sort((a, b) => Number(!countsAsElevator(a.d)) - Number(!countsAsElevator(b.d)));
  const DIRS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'] as const;
  /** "역 좌표에서 북동쪽 43 m": where a placed facility is from the station's point, in words. */
  const whereFrom = (lat: number, lon: number) => {
    if (station.lat === null || station.lon === null) return t('sm.hasPosition');
    const dy = (lat - station.lat) * 111_320;
    const dx = (lon - station.lon) * 111_320 * Math.cos((station.lat * Math.PI) / 180);
    const m = Math.round(Math.hypot(dx, dy));
    const dir = DIRS[Math.round((((Math.atan2(dx, dy) * 180) / Math.PI + 360) % 360) / 45) % 8]!;
    // The city's and the operator's coordinates are published data nobody checked on site for us: derived.
    return t('sm.whereFrom', { dir: t(`sm.dir.${dir}`), m, provenance: PROVENANCE_WORDS.derived[locale] });
  };
  const liftFacts = lifts.map(({ f, d }, i) => {
    const s = effectiveStatus(f, now, services.config.transitStatusStaleMinutes).status;
    const status =
      s === 'available' || s === 'partially_available'
        ? ('working' as const)
        : s === 'not_available' || s === 'planned_outage'
          ? ('out' as const)
          : ('unknown' as const);
    const lat = num(d.lat);
    const lon = num(d.lon);
    const what = countsAsElevator(d)
      ? [f.name ?? t('sm.lift'), f.line_id ? (rider.get(f.line_id) ?? f.line_id) : null, f.location, f.levels, f.exit_no ? `${f.exit_no}` : null]
          .filter(Boolean)
          .join(', ')
      : t('sm.cityPoint');
    return {
      label: `E${i + 1}`,
      status,
      lat,
      lon,
      source: f.source,
      statusText: `${what} — ${t(`sm.status.${status}`)} · ${lat !== null && lon !== null ? whereFrom(lat, lon) : t('sm.noPosition')}`,
    };
  });
  const toilets = facilities
    .filter((f) => f.type === 'accessible_toilet')
    .map((f, i) => {
      const d = JSON.parse(f.details) as Record<string, string>;
      return { label: `T${i + 1}`, lat: num(d.lat), lon: num(d.lon), text: [f.location, f.levels].filter(Boolean).join(', ') };
    });
  // Exit numbers as the files give them ("2번출구", "4,5,6번출구"), as numbers.
  const exits = [...new Set(facilities.flatMap((f) => (f.exit_no ?? '').match(/\d+/g) ?? []))]
    .sort((a, b) => Number(a) - Number(b))
    .map((n) => t('sm.exitNo', { n }));
  const interior = nodes.length ? weakest(nodes.map((n) => provenanceOf(n.provenance))) : null;
  const extra = JSON.parse(station.extra || '{}') as { phones?: Array<{ line: string; phone: string }> };
  const elevatorData = describeElevatorData({
    stationName: { ko: station.name_ko ?? station.id, en: station.name_en },
    sections: lines.map((l) => l.line_id),
    riderLines,
    facilities,
    phones: extra.phones ?? [],
  });
  const unplacedLifts = liftFacts.filter((l) => l.lat === null || l.lon === null).length;
  const unplacedToilets = toilets.filter((l) => l.lat === null || l.lon === null).length;
  const unknowns = [
    interior === null ? t('sm.u.interior') : interior !== 'surveyed' ? t('sm.u.interiorDerived') : null,
    t('sm.u.exits'),
    unplacedLifts ? t('sm.u.liftPositions', { n: unplacedLifts }) : null,
    unplacedToilets ? t('sm.u.toiletPositions', { n: unplacedToilets }) : null,
    !elevatorData.known || elevatorData.lines.some((l) => !l.known) ? elevatorData.message[locale] : null,
    liftFacts.length || toilets.length ? t('sm.u.levels') : null,
  ].filter((u): u is string => !!u);
  return {
    station: { id: station.id, name, lat: station.lat, lon: station.lon },
    lines: riderLines.map((r) => ({ name: locale === 'en' && r.name_en ? r.name_en : r.name_ko, colour: LINE_COLOURS[r.id] ?? '#555b62' })),
    lifts: liftFacts,
    toilets: toilets.map((x) => ({
      label: x.label,
      text: `${x.text || t('sm.toilet')} · ${x.lat !== null && x.lon !== null ? whereFrom(x.lat, x.lon) : t('sm.noPosition')}`,
      lat: x.lat,
      lon: x.lon,
    })),
    exits,
    interior: interior === null ? null : `${PROVENANCE_WORDS[interior][locale]}. ${t('sm.interiorLink')}`,
    unknowns,
    sources: [...new Set(facilities.filter((f) => f.type === 'elevator' || f.type === 'accessible_toilet').map((f) => f.source.replace(/^.*\//, '')))].sort(),
  };
}

/** The map's fixed words in the locale. */
function stationMapText(locale: Locale, station: string): StationMapText {
  const t = translator(networkMapMessages, locale);
  return {
    title: t('sm.title', { station }),
    linesHeading: t('sm.lines'),
    placed: t('sm.placed'),
    noPositions: t('sm.noPositions'),
    centre: t('sm.centre'),
    north: t('sm.north'),
    lifts: t('sm.lifts'),
    toilets: t('sm.toilets'),
    key: t('sm.key'),
    exits: t('sm.exits'),
    noExits: t('sm.noExits'),
    unknownHeading: t('sm.unknown'),
    interior: t('sm.interior'),
    sourcesHeading: t('sm.sources'),
    metres: t('sm.metres'),
  };
}

/** The station map as SVG, from the cache (station, language and the status version). */
export async function stationMapSvg(services: Services, stationId: string, locale: Locale): Promise<string> {
  const facts = await stationMapFacts(services, stationId, locale);
  return cachedTransferMap(
    services,
    { kind: 'station.svg', stationId: facts.station.id, route: {}, profile: '', lang: locale },
    async () => renderStationMap(facts, stationMapText(locale, facts.station.name), locale).svg,
  );
}

/** The station map as a tagged PDF, from the cache (station, language and the status version). */
export async function stationMapPdf(services: Services, stationId: string, locale: Locale): Promise<Buffer> {
  const facts = await stationMapFacts(services, stationId, locale);
  return cachedTransferMap(services, { kind: 'station.pdf', stationId: facts.station.id, route: {}, profile: '', lang: locale }, () =>
    renderStationMapPdf(facts, stationMapText(locale, facts.station.name), locale, services.now().toISOString()),
  );
}

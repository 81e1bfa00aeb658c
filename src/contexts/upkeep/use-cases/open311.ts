import type { Actor } from '../../../core/auth/actor.js';
import type { Services } from '../../../core/context.js';
import { AppError, type ErrorStatus } from '../../../core/errors.js';
import type { Locale } from '../../../core/i18n/messages.js';
import { findStations, listStationPositions, stationExists } from '../../transit/index.js';
import { listReports, type ReportFilter, type ReportView } from './list-reports.js';
import { reportProblem } from './report-problem.js';
import { PROBLEM_DESCRIPTIONS, PROBLEM_NAMES, PROBLEMS, type Problem } from './report-words.js';

/**
 * Open311 GeoReport v2 over the station reports: each problem is a service (`service_code`), a service request
 * is a report. The place is a station, given as `attribute[station]` (id or name), `address_string` (a station
 * name) or `lat`/`long` (the nearest station within 500 m). Name, email and phone are accepted as the spec allows
 * but not stored: the request is followed by its id, in public.
 */
export const NEAREST_STATION_M = 500;
const err = (status: ErrorStatus, description: string) => new AppError('open311.invalid', description, status);

export function open311Services(locale: Locale) {
  return PROBLEMS.map((p) => ({
    service_code: p,
    service_name: PROBLEM_NAMES[p][locale],
    description: PROBLEM_DESCRIPTIONS[p][locale],
    metadata: true,
    type: 'realtime',
    keywords: locale === 'ko' ? '지하철,역,접근성' : 'subway,station,accessibility',
    group: locale === 'ko' ? '지하철역 접근성' : 'Subway station accessibility',
  }));
}

export function open311ServiceDefinition(code: string, locale: Locale) {
  if (!PROBLEMS.includes(code as Problem)) throw err(404, `service_code ${code} is not a service here; see services.json`);
  const ko = locale === 'ko';
  return {
    service_code: code,
    attributes: [
      {
        variable: true,
        code: 'station',
        datatype: 'string',
        required: false,
        order: 1,
        datatype_description: ko
          ? '역 id(예: seoul-330) 또는 역 이름(예: 교대). lat/long 또는 address_string이 있으면 생략 가능'
          : 'A station id (e.g. seoul-330) or name (e.g. 교대, Gyodae); optional when lat/long or address_string is given',
        description: ko ? '역' : 'Station',
      },
      {
        variable: true,
        code: 'facility',
        datatype: 'string',
        required: false,
        order: 2,
        datatype_description: ko
          ? '역의 시설 id (GET /api/v1/transit/stations/{id}/facilities)'
          : 'A facility id of that station (GET /api/v1/transit/stations/{id}/facilities)',
        description: ko ? '시설 (엘리베이터 등, 알면)' : 'Facility (elevator …, if known)',
      },
    ],
  };
}

const toRad = (d: number) => (d * Math.PI) / 180;
export function distanceM(a: { lat: number; lon: number }, b: { lat: number; lon: number }) {
  const h = Math.sin(toRad(b.lat - a.lat) / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(toRad(b.lon - a.lon) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

async function stationByName(services: Services, name: string, field: string) {
  const found = await findStations(services.db, { q: name, limit: 20, offset: 0 });
  const wanted = name
    .trim()
    .replace(/(.+?)\s*역$/u, '$1')
    .replace(/\s+station$/i, '')
    .toLowerCase()
    .replace(/\s+/g, '');
  const exact = found.items.filter((s) =>
    [s.name_ko?.replace(/\(.*?\)/g, ''), s.name_en, s.name_romanised].some((n) => n?.toLowerCase().replace(/\s+/g, '') === wanted),
  );
  const pick = exact.length ? exact : found.items;
  if (pick.length === 1) return pick[0]!.id;
  if (!pick.length) throw err(400, `${field}: no station is called "${name}"`);
  throw err(
    400,
    `${field}: "${name}" names ${pick.length} stations (${pick
      .slice(0, 5)
      .map((s) => `${s.id} ${s.name_ko}`)
      .join(', ')}); send attribute[station] with one id`,
  );
}

/** The station a request is about, from the attribute, the address or the position. */
export async function resolveStation(services: Services, p: { station?: string; address?: string; lat?: string; long?: string }) {
  if (p.station?.trim()) {
    const id = p.station.trim();
    return (await stationExists(services.db, id)) ? id : stationByName(services, p.station, 'attribute[station]');
  }
  if (p.lat !== undefined || p.long !== undefined) {
    const lat = Number(p.lat);
    const lon = Number(p.long);
    if (!p.lat || !p.long || !Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180)
      throw err(400, 'lat and long: both required, as decimal degrees (WGS84)');
    const stations = await listStationPositions(services.db);
    let best: { id: string; d: number } | null = null;
    for (const s of stations) {
      const d = distanceM({ lat, lon }, { lat: s.lat!, lon: s.lon! });
      if (!best || d < best.d) best = { id: s.id, d };
    }
    if (!best || best.d > NEAREST_STATION_M)
      throw err(400, `lat/long: no station within ${NEAREST_STATION_M} m of ${lat}, ${lon}; send attribute[station] or address_string with a station name`);
    return best.id;
  }
  if (p.address?.trim()) return stationByName(services, p.address, 'address_string');
  throw err(400, 'A location is required: lat and long, address_string (a station name) or attribute[station]');
}

type Form = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined);

/** POST requests: a report, from the spec's form fields (as FixMyStreet's client sends them). */
export async function fileOpen311Request(services: Services, actor: Actor, form: Form, locale: Locale) {
  const code = str(form.service_code);
  if (!code) throw err(400, 'service_code: required (see services.json)');
  if (!PROBLEMS.includes(code as Problem)) throw err(404, `service_code ${code} is not a service here; see services.json`);
  const attribute = (name: string) => str(form[`attribute[${name}]`]) ?? str((form.attribute as Form | undefined)?.[name]);
  const stationId = await resolveStation(services, {
    station: attribute('station'),
    address: str(form.address_string),
    lat: str(form.lat),
    long: str(form.long),
  });
  const report = await reportProblem(services, actor, {
    stationId,
    problem: code,
    facilityId: attribute('facility') || undefined,
    note: str(form.description),
    channel: 'open311',
  });
  const ko = locale === 'ko';
  return [
    {
      service_request_id: report.id,
      account_id: null,
      service_notice: ko
        ? `${report.organisation.nameKo ?? ''}이(가) 영업일 기준 기한 안에 답해야 합니다. 이름·이메일·전화번호는 저장하지 않습니다. 진행은 requests/${report.id}.json 또는 ${services.config.publicUrl}${report.url}에서 볼 수 있습니다.`
        : `${report.organisation.nameEn ?? report.organisation.nameKo ?? ''} must answer within business days. Name, email and phone are not stored. Follow it at requests/${report.id}.json or ${services.config.publicUrl}${report.url}.`,
    },
  ];
}

const iso = (s: string | null | undefined, field: string) => {
  if (s === undefined || s === '') return undefined;
  const t = Date.parse(s!);
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s!) || Number.isNaN(t))
    throw err(400, `${field}: a w3 date-time such as 2026-11-23T10:00:00+09:00`);
  return new Date(t).toISOString();
};

/** GET requests: the spec's filters; without ids or dates, the last 90 days (at most 1000 requests). */
export async function followOpen311Requests(services: Services, query: Form, locale: Locale) {
  const ids = str(query.service_request_id)
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const codes = str(query.service_code)
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = codes?.find((c) => !PROBLEMS.includes(c as Problem));
  if (unknown) throw err(400, `service_code ${unknown} is not a service here; see services.json`);
  const statuses = [
    ...new Set(
      str(query.status)
        ?.split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean) ?? [],
    ),
  ];
  if (statuses.some((s) => s !== 'open' && s !== 'closed')) throw err(400, 'status: open or closed (comma-separated for both)');
  let from = iso(str(query.start_date), 'start_date');
  const to = iso(str(query.end_date), 'end_date');
  if (from && to && from > to) throw err(400, 'start_date is after end_date');
  if (!ids && !from) from = new Date((to ? Date.parse(to) : services.now().getTime()) - 90 * 86_400_000).toISOString();
  const filter: ReportFilter = {
    ids,
    problems: codes,
    from,
    to: to ? new Date(Date.parse(to) + 1).toISOString() : undefined,
    limit: 1000,
    status: statuses.length === 1 ? (statuses[0] as 'open' | 'closed') : undefined,
  };
  return (await listReports(services, filter)).map((r) => asOpen311Request(r, locale, services.config.publicUrl));
}

const endOfDayKst = (ymd: string) => `${ymd}T18:00:00+09:00`;

export function asOpen311Request(r: ReportView, locale: Locale, publicUrl: string) {
  const ko = locale === 'ko';
  const answer = r.answer ? `${r.statusName[locale]}: ${r.answer.reasons}` : null;
  return {
    service_request_id: r.id,
    status: r.status === 'open' ? 'open' : 'closed',
    status_notes:
      answer ??
      (r.clock?.dueOn ? (ko ? `${r.statusName.ko}. 답변 기한 ${r.clock.dueOn}` : `${r.statusName.en}. Answer due ${r.clock.dueOn}`) : r.statusName[locale]),
    service_name: r.problemName[locale],
    service_code: r.problem,
    description: r.note ?? '',
    agency_responsible: r.organisation.name[locale],
    service_notice: ko
      ? `${r.organisation.name.ko}이(가) 영업일 기준 기한 안에 답해야 합니다: ${publicUrl}${r.url}`
      : `${r.organisation.name.en} must answer within business days: ${publicUrl}${r.url}`,
    requested_datetime: r.receivedAt,
    updated_datetime: r.answer?.publishedAt ?? r.resolvedAt ?? r.receivedAt,
    // The due date is a business day (the engine counts days, not hours): the end of that working day in Seoul.
    expected_datetime: r.clock?.dueOn ? endOfDayKst(r.clock.dueOn) : null,
    address: r.facility
      ? `${r.station.name[locale]} · ${r.facility.name ?? r.facility.type}${r.facility.location ? ` (${r.facility.location})` : ''}`
      : r.station.name[locale],
    address_id: r.station.id,
    zipcode: null,
    lat: r.station.lat,
    long: r.station.lon,
    media_url: null,
  };
}

import type { DbOrTx } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import { searchDocuments } from '../../../core/search/search-index.js';
import './tables.js';

export interface StationQuery {
  q?: string;
  line?: string;
  limit: number;
  offset: number;
}

/** Stations by name (Korean, English, romanised, partial) and/or line, with their lines. */
export async function findStations(db: DbOrTx, raw: StationQuery) {
  // People write "서울역", "교대역": the data names stations without the 역.
  const query = { ...raw, q: raw.q?.trim().replace(/(.+?)\s*역$/u, '$1') };
  let ids: string[] | null = null;
  if (query.q?.trim()) ids = (await searchDocuments(db, query.q, { types: ['station'], limit: 10_000 })).hits.map((h) => h.id);
  let q = db.selectFrom('transit_station as s').selectAll('s');
  if (ids) q = q.where('s.id', 'in', ids.length ? ids : ['-']);
  if (query.line) {
    // A rider line (1호선, 수인분당선), one of its other names (경부선), or a section id: stations of any of them.
    const riders = (await listRiderLines(db))
      .filter((l) => [l.id, l.name_ko, l.name_en, ...(JSON.parse(l.aliases) as string[])].includes(query.line!))
      .map((l) => l.id);
    q = q.where((eb) =>
      eb.or([
        eb('s.id', 'in', db.selectFrom('transit_station_line').select('station_id').where('line_id', '=', query.line!)),
        eb(
          's.id',
          'in',
          db
            .selectFrom('transit_station_rider_line')
            .select('station_id')
            .where('rider_line_id', 'in', [...riders, '-']),
        ),
      ]),
    );
  }
  const all = await q.orderBy('s.name_ko').execute();
  const wanted = query.q?.trim().toLowerCase().replace(/\s+/g, '') ?? '';
  const exact = (s: (typeof all)[number]) =>
    [s.name_ko?.replace(/\(.*?\)/g, ''), s.name_en, s.name_romanised].some((n) => n?.toLowerCase().replace(/\s+/g, '') === wanted);
  const ordered = ids
    ? ids
        .map((id) => all.find((s) => s.id === id))
        .filter((s): s is (typeof all)[number] => !!s)
        .sort((a, b) => Number(exact(b)) - Number(exact(a)))
    : all;
  const page = ordered.slice(query.offset, query.offset + query.limit);
  const pageIds = page.map((s) => s.id);
  const [lines, riders] = page.length
    ? await Promise.all([
        db.selectFrom('transit_station_line').select(['station_id', 'line_id']).where('station_id', 'in', pageIds).execute(),
        db
          .selectFrom('transit_station_rider_line as sr')
          .innerJoin('transit_rider_line as r', 'r.id', 'sr.rider_line_id')
          .select(['sr.station_id', 'r.id', 'r.name_ko', 'r.name_en'])
          .where('sr.station_id', 'in', pageIds)
          .orderBy('r.sort')
          .execute(),
      ])
    : [[], []];
  return {
    total: ordered.length,
    items: page.map((s) => ({
      ...s,
      lines: lines.filter((l) => l.station_id === s.id).map((l) => l.line_id),
      riderLines: riders.filter((r) => r.station_id === s.id).map((r) => ({ id: r.id, name_ko: r.name_ko, name_en: r.name_en })),
    })),
  };
}

export async function loadStation(db: DbOrTx, id: string) {
  const station = await db.selectFrom('transit_station').selectAll().where('id', '=', id).executeTakeFirst();
  if (!station) throw notFound('station');
  const [lines, transfers, facilities, riderLines] = await Promise.all([
    db
      .selectFrom('transit_station_line as sl')
      .innerJoin('transit_line as l', 'l.id', 'sl.line_id')
      .select(['sl.line_id', 'l.name_ko', 'l.name_en', 'sl.station_code', 'sl.external_code', 'sl.seq', 'l.sort'])
      .where('sl.station_id', '=', id)
      .orderBy('l.sort')
      .execute(),
    db.selectFrom('transit_transfer').selectAll().where('station_id', '=', id).orderBy('from_line_id').orderBy('to_line_id').execute(),
    db.selectFrom('transit_facility').selectAll().where('station_id', '=', id).orderBy('type').orderBy('name').execute(),
    db
      .selectFrom('transit_station_rider_line as sr')
      .innerJoin('transit_rider_line as r', 'r.id', 'sr.rider_line_id')
      .select(['r.id', 'r.name_ko', 'r.name_en', 'sr.line_ids', 'sr.also_called', 'sr.basis'])
      .where('sr.station_id', '=', id)
      .orderBy('r.sort')
      .execute(),
  ]);
  return {
    station,
    lines,
    transfers,
    facilities,
    /** The lines riders know that serve the station (1호선 …), with the legal section names here as `alsoCalled`. */
    riderLines: riderLines.map((r) => ({
      id: r.id,
      name_ko: r.name_ko,
      name_en: r.name_en,
      lineIds: JSON.parse(r.line_ids) as string[],
      alsoCalled: JSON.parse(r.also_called) as string[],
      basis: r.basis,
    })),
  };
}

/** A line's stations in their order along the line (stations without a known position come last, by name). */
export async function stationsOfLine(db: DbOrTx, lineId: string) {
  const line = await db.selectFrom('transit_line').selectAll().where('id', '=', lineId).executeTakeFirst();
  if (!line) throw notFound('line');
  const rows = await db
    .selectFrom('transit_station_line as sl')
    .innerJoin('transit_station as s', 's.id', 'sl.station_id')
    .select(['s.id', 's.name_ko', 's.name_en', 's.name_romanised', 'sl.seq'])
    .where('sl.line_id', '=', lineId)
    .execute();
  rows.sort((a, b) => (a.seq ?? 1e9) - (b.seq ?? 1e9) || (a.name_ko ?? '').localeCompare(b.name_ko ?? '', 'ko'));
  return { line, stations: rows };
}

export const listLines = (db: DbOrTx) => db.selectFrom('transit_line').selectAll().orderBy('sort').execute();

/** The lines riders know (1호선, 수인분당선, 공항철도 …) with their other names (`aliases`, JSON). */
export const listRiderLines = (db: DbOrTx) => db.selectFrom('transit_rider_line').selectAll().orderBy('sort').execute();

/**
 * A station's interior: its nodes from every feed (a GTFS feed's own stations, or a derived feed such as
 * `seoul-pilot` whose nodes hang off Seoul stations), with the levels and pathways of those same feeds.
 */
export async function stationGraph(db: DbOrTx, stationId: string) {
  const station = await db.selectFrom('transit_station').select(['id', 'feed', 'gtfs_stop_id']).where('id', '=', stationId).executeTakeFirst();
  if (!station) throw notFound('station');
  const nodes = await db.selectFrom('transit_node').selectAll().where('station_id', '=', stationId).execute();
  const feeds = [...new Set(nodes.map((n) => n.feed))];
  const stopIds = new Set(nodes.map((n) => `${n.feed}|${n.stop_id}`));
  const levelIds = new Set(nodes.filter((n) => n.level_id).map((n) => `${n.feed}|${n.level_id}`));
  const [levels, edges] = feeds.length
    ? await Promise.all([
        db
          .selectFrom('transit_level')
          .selectAll()
          .where('feed', 'in', feeds)
          .where('level_id', 'in', [...new Set(nodes.map((n) => n.level_id).filter((l): l is string => !!l)), '-'])
          .orderBy('level_index')
          .execute(),
        db
          .selectFrom('transit_edge')
          .selectAll()
          .where('feed', 'in', feeds)
          .where('from_stop_id', 'in', [...new Set(nodes.map((n) => n.stop_id))])
          .execute(),
      ])
    : [[], []];
  return {
    levels: levels.filter((l) => levelIds.has(`${l.feed}|${l.level_id}`)),
    nodes,
    edges: edges.filter((e) => stopIds.has(`${e.feed}|${e.from_stop_id}`)),
  };
}

/** A station's id and names (Korean, English), or undefined. */
export const findStationNames = (db: DbOrTx, id: string) =>
  db.selectFrom('transit_station').select(['id', 'name_ko', 'name_en']).where('id', '=', id).executeTakeFirst();

/** The ids and names of the given stations. */
export const listStationNames = (db: DbOrTx, ids: string[]) =>
  db.selectFrom('transit_station').select(['id', 'name_ko', 'name_en']).where('id', 'in', ids).execute();

/** A station's id and names, romanised one included. */
export const findStationNaming = (db: DbOrTx, id: string) =>
  db.selectFrom('transit_station').select(['id', 'name_ko', 'name_en', 'name_romanised']).where('id', '=', id).executeTakeFirst();

/** A station's `extra` (phones …) and English name. */
export const findStationExtra = (db: DbOrTx, id: string) =>
  db.selectFrom('transit_station').select(['extra', 'name_en']).where('id', '=', id).executeTakeFirst();

/** A station's position. */
export const findStationPosition = (db: DbOrTx, id: string) => db.selectFrom('transit_station').select(['lat', 'lon']).where('id', '=', id).executeTakeFirst();

/** Whether a station of that id exists. */
export const stationExists = async (db: DbOrTx, id: string) => !!(await db.selectFrom('transit_station').select('id').where('id', '=', id).executeTakeFirst());

/** The ids of the lines that serve a station (in the table's order). */
export const listStationLineIds = async (db: DbOrTx, stationId: string) =>
  (await db.selectFrom('transit_station_line').select('line_id').where('station_id', '=', stationId).execute()).map((l) => l.line_id);

/** A station's place (`seq`) along one line. */
export const findStationSeq = (db: DbOrTx, stationId: string, lineId: string) =>
  db.selectFrom('transit_station_line').select('seq').where('station_id', '=', stationId).where('line_id', '=', lineId).executeTakeFirst();

/** The other stations of a line whose place is within `within` of `seq`. */
export const listStationsAround = (db: DbOrTx, q: { lineId: string; seq: number; within: number; except: string }) =>
  db
    .selectFrom('transit_station_line as sl')
    .innerJoin('transit_station as s', 's.id', 'sl.station_id')
    .select(['s.id', 's.name_ko', 'sl.seq'])
    .where('sl.line_id', '=', q.lineId)
    .where('sl.seq', '>=', q.seq - q.within)
    .where('sl.seq', '<=', q.seq + q.within)
    .where('s.id', '!=', q.except)
    .execute();

/** Every station, by id, and every station–line pair (the network export). */
export const listStationsAndLines = (db: DbOrTx) =>
  Promise.all([
    db.selectFrom('transit_station').selectAll().orderBy('id').execute(),
    db.selectFrom('transit_station_line').select(['station_id', 'line_id']).execute(),
  ]);

/** The stations of one feed, whole rows, by id. */
export const listFeedStations = (db: DbOrTx, feed: string) => db.selectFrom('transit_station').selectAll().where('feed', '=', feed).orderBy('id').execute();

/** The stations of one feed with their names and positions, by id. */
export const listFeedStationPlaces = (db: DbOrTx, feed: string) =>
  db.selectFrom('transit_station').select(['id', 'name_ko', 'lat', 'lon']).where('feed', '=', feed).orderBy('id').execute();

/** The number of stations in a feed. */
export const countFeedStations = async (db: DbOrTx, feed: string) =>
  Number(
    (
      await db
        .selectFrom('transit_station')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('feed', '=', feed)
        .executeTakeFirst()
    )?.n ?? 0,
  );

/** Every station with a known position: id, lat, lon. */
export const listStationPositions = (db: DbOrTx) =>
  db.selectFrom('transit_station').select(['id', 'lat', 'lon']).where('lat', 'is not', null).where('lon', 'is not', null).execute();

/** The names and positions of the given stations, by id (one query). */
export async function stationPlaces(db: DbOrTx, ids: Iterable<string>) {
  const wanted = [...new Set(ids)];
  const rows = wanted.length
    ? await db.selectFrom('transit_station').select(['id', 'name_ko', 'name_en', 'lat', 'lon']).where('id', 'in', wanted).execute()
    : [];
  return new Map(rows.map((r) => [r.id, r]));
}

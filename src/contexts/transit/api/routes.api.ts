import { provenanceOf } from '../domain/provenance.js';
import { Type } from '@sinclair/typebox';
import type { App, Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { errorResponses, textBody } from '../../../core/http/schemas.js';
import { findStations, listLines, listRiderLines, loadStation, stationGraph, stationsOfLine } from '../store/station.repository.js';
import { FACILITY_TYPES } from '../domain/facility.js';
import { facilitiesCsv, stationsCsv, stationsGeoJson } from '../use-cases/export-network.js';
import { interiorGeoJson } from '../interiors/geojson.js';
import { countsAsElevator } from '../seoul/city-elevators.js';
import { describeElevatorData } from '../seoul/elevator-data.js';
import { indoorGml } from '../interiors/indoorgml.js';
import { listUnplaced } from '../interiors/list-unplaced.js';
import { describeStatusBasis } from '../../upkeep/index.js';
import { IndoorGmlDocument, StationGraph } from './transit.schemas.js';

const tags = ['transit'];
const N = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Names = Type.Object({ ko: N(Type.String()), en: N(Type.String()), zh: N(Type.String()), ja: N(Type.String()), romanised: N(Type.String()) });
const LineName = Type.Object({ ko: Type.String(), en: N(Type.String()) });
const Text = Type.Object({ ko: Type.String(), en: Type.String() });
const RiderLineRef = Type.Object({ id: Type.String(), name: LineName }, { description: 'A line under the name riders use (1호선, 수인분당선, 공항철도 …)' });
const StationSummary = Type.Object({
  id: Type.String(),
  names: Names,
  lat: N(Type.Number()),
  lon: N(Type.Number()),
  lines: Type.Array(Type.String(), { description: 'Line ids (railway sections of the station master, as routing uses them)' }),
  riderLines: Type.Array(RiderLineRef),
});
const RiderLine = Type.Object({
  id: Type.String(),
  name: LineName,
  alsoCalled: Type.Array(Type.String(), { description: 'Legal section names of this line at this station (경부선 …)' }),
  lineIds: Type.Array(Type.String(), { description: 'The line ids (sections) it runs on here; empty when only MOLIT lists the station on it' }),
  basis: Type.Union([Type.Literal('molit'), Type.Literal('section')], {
    description: "molit: MOLIT's service list names the station; section: assumed from the station's section",
  }),
});
const ElevatorData = Type.Object(
  {
    known: Type.Boolean({ description: 'At least one source lists an elevator or an elevator position at this station' }),
    elevators: Type.Integer({ description: 'Elevators counted once (a position that may be a unit already listed is not counted again)' }),
    withPosition: Type.Integer(),
    positionsOnly: Type.Integer({ description: 'Seoul City positions that may be elevators already counted (details.maybeSameAs)' }),
    lines: Type.Array(Type.Object({ id: Type.String(), name: Text, known: Type.Boolean(), elevators: Type.Integer() }), {
      description: 'Per rider line: elevators the sources assign to it',
    }),
    sources: Type.Array(
      Type.Object({
        file: Type.String(),
        name: Text,
        applies: Type.Boolean({ description: "false when the station's lines are outside the source" }),
        listed: Type.Integer(),
        said: Text,
      }),
      { description: 'Every source searched for elevators and what it said about this station' },
    ),
    phones: Type.Array(Type.Object({ line: Type.String(), phone: Type.String() })),
    message: Text,
  },
  { description: 'What is known and unknown about the elevators of this station, in words, with the phone to call' },
);
const StatusBasisSchema = Type.Object(
  {
    kind: Type.Unsafe<string>({
      type: 'string',
      enum: ['live', 'staff', 'citizen_report', 'snapshot'],
      description: "live: an operator's system (goes stale); snapshot: a file (never 'now')",
    }),
    status: Type.String(),
    reportedStatus: Type.String({ description: 'What the source last said (differs from status only once stale)' }),
    observedAt: N(Type.String({ description: 'When the source observed the status (the time the source gives)' })),
    since: N(Type.String({ description: "When the current status began, as far as known (an outage's start)" })),
    stale: Type.Boolean(),
    unknownSince: N(Type.String({ description: 'Stale statuses: the moment the status became unknown' })),
    snapshot: N(Type.Object({ file: Type.String(), date: N(Type.String({ description: "The file's date (YYYY-MM-DD); null: date unknown" })) })),
    said: Text,
  },
  { description: 'What the status rests on, in words' },
);
const Facility = Type.Object({
  id: Type.String(),
  type: Type.Unsafe<string>({ type: 'string', enum: [...FACILITY_TYPES] }),
  name: N(Type.String()),
  status: Type.String({ description: 'The status to act on: unknown once a live status went stale (see statusBasis)' }),
  reportedStatus: Type.String({ description: 'What the source last said' }),
  statusBasis: StatusBasisSchema,
  line: N(Type.String()),
  location: N(Type.String()),
  levels: N(Type.String()),
  exitNo: N(Type.String()),
  details: Type.Record(Type.String(), Type.String()),
  source: Type.Object({ file: Type.String(), row: Type.Integer() }),
});
const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
const names = (s: { name_ko: string | null; name_en: string | null; name_zh: string | null; name_ja: string | null; name_romanised: string | null }) => ({
  ko: s.name_ko,
  en: s.name_en,
  zh: s.name_zh,
  ja: s.name_ja,
  romanised: s.name_romanised,
});

export const publicFacility = (f: Awaited<ReturnType<typeof loadStation>>['facilities'][number], now: Date, staleMinutes: number) => {
  const basis = describeStatusBasis(f, now, staleMinutes);
  return {
    id: f.id,
    type: f.type,
    name: f.name,
    status: basis.status,
    reportedStatus: basis.reportedStatus,
    statusBasis: basis,
    line: f.line_id,
    location: f.location,
    levels: f.levels,
    exitNo: f.exit_no,
    details: JSON.parse(f.details) as Record<string, string>,
    source: { file: f.source, row: f.source_row },
  };
};

export function registerTransitApi(app: App, services: Services) {
  app.get(
    '/api/v1/transit/stations',
    {
      schema: {
        tags,
        summary:
          'Stations by name (Korean, English or romanised, partial) and line (a rider line such as 1호선 or 수인분당선, one of its other names such as 경부선, or a line id)',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          line: Type.Optional(Type.String({ maxLength: 40 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 2000, default: 50 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
        }),
        response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(StationSummary) }), ...errorResponses(400) },
      },
    },
    async (request) => {
      const { q, line, limit = 50, offset = 0 } = request.query;
      const result = await findStations(services.db, { q, line, limit, offset });
      return {
        total: result.total,
        items: result.items.map((s) => ({
          id: s.id,
          names: names(s),
          lat: s.lat,
          lon: s.lon,
          lines: s.lines,
          riderLines: s.riderLines.map((r) => ({ id: r.id, name: { ko: r.name_ko, en: r.name_en } })),
        })),
      };
    },
  );

  app.get(
    '/api/v1/transit/stations/:id',
    {
      schema: {
        tags,
        summary: 'One station: names, lines (ids and the names riders use), transfers, facility counts and what is known about its elevators',
        params: IdParams,
        response: {
          200: Type.Object({
            id: Type.String(),
            names: Names,
            lat: N(Type.Number()),
            lon: N(Type.Number()),
            lines: Type.Array(
              Type.Object({ id: Type.String(), name: LineName, stationCode: N(Type.String()), externalCode: N(Type.String()), seq: N(Type.Integer()) }),
            ),
            riderLines: Type.Array(RiderLine),
            transfers: Type.Array(Type.Object({ fromLine: Type.String(), toLine: Type.String(), distanceM: N(Type.Number()), timeS: N(Type.Integer()) })),
            facilityCounts: Type.Record(Type.String(), Type.Integer()),
            elevatorData: ElevatorData,
            provenance: Type.Record(Type.String(), Type.Unknown(), {
              description: 'Where each value of the station came from (source file and row, or how it was derived)',
            }),
          }),
          ...errorResponses(404),
        },
      },
    },
    async (request) => {
      const { station, lines, transfers, facilities, riderLines } = await loadStation(services.db, request.params.id);
      const facilityCounts: Record<string, number> = {};
      for (const f of facilities)
        if (f.type !== 'elevator' || countsAsElevator(JSON.parse(f.details) as Record<string, string>))
          facilityCounts[f.type] = (facilityCounts[f.type] ?? 0) + 1;
      const extra = JSON.parse(station.extra || '{}') as { phones?: Array<{ line: string; phone: string }> };
      return {
        id: station.id,
        names: names(station),
        lat: station.lat,
        lon: station.lon,
        lines: lines.map((l) => ({
          id: l.line_id,
          name: { ko: l.name_ko, en: l.name_en },
          stationCode: l.station_code,
          externalCode: l.external_code,
          seq: l.seq,
        })),
        riderLines: riderLines.map((r) => ({
          id: r.id,
          name: { ko: r.name_ko, en: r.name_en },
          alsoCalled: r.alsoCalled,
          lineIds: r.lineIds,
          basis: r.basis as 'molit' | 'section',
        })),
        transfers: transfers.map((t) => ({ fromLine: t.from_line_id, toLine: t.to_line_id, distanceM: t.distance_m, timeS: t.time_s })),
        facilityCounts,
        elevatorData: describeElevatorData({
          stationName: { ko: station.name_ko ?? station.id, en: station.name_en },
          sections: lines.map((l) => l.line_id),
          riderLines,
          facilities,
          phones: extra.phones ?? [],
        }),
        provenance: JSON.parse(station.provenance) as Record<string, unknown>,
      };
    },
  );

  app.get(
    '/api/v1/transit/stations/:id/facilities',
    {
      schema: {
        tags,
        summary: "A station's facilities (elevators, escalators, wheelchair lifts, accessible toilets …) with status",
        params: IdParams,
        querystring: Type.Object({ type: Type.Optional(Type.Unsafe<string>({ type: 'string', enum: [...FACILITY_TYPES] })) }),
        response: { 200: Type.Array(Facility), ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const { facilities } = await loadStation(services.db, request.params.id);
      const now = services.now();
      return facilities
        .filter((f) => !request.query.type || f.type === request.query.type)
        .map((f) => publicFacility(f, now, services.config.transitStatusStaleMinutes));
    },
  );

  app.get(
    '/api/v1/transit/stations/:id/graph',
    {
      schema: {
        tags,
        summary:
          'The station interior: levels, nodes (GTFS stops) and edges (pathways), each with `source` (surveyed | derived | estimated | unknown), and the facilities not in it (unplaced, with the reason)',
        params: IdParams,
        response: { 200: StationGraph, ...errorResponses(404) },
      },
    },
    async (request) => {
      const graph = await stationGraph(services.db, request.params.id);
      // Each place and pathway says how we know it, in the one vocabulary (surveyed only where an approved survey wrote it).
      const withSource = <T extends { provenance: string }>(rows: T[]) => rows.map((r) => ({ ...r, source: provenanceOf(r.provenance) }));
      return { ...graph, nodes: withSource(graph.nodes), edges: withSource(graph.edges), unplaced: await listUnplaced(services.db, request.params.id, graph) };
    },
  );

  app.get(
    '/api/v1/transit/stations/:id/interior.geojson',
    {
      schema: {
        tags,
        summary: 'The station interior as GeoJSON, one FeatureCollection per level (approximate positions are marked)',
        params: IdParams,
        response: { 200: textBody('application/geo+json', 'A GeoJSON FeatureCollection per level'), ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      const { station } = await loadStation(services.db, request.params.id);
      const graph = await stationGraph(services.db, station.id);
      return reply.type('application/geo+json; charset=utf-8').send(JSON.stringify(interiorGeoJson({ station, ...graph })));
    },
  );

  app.get(
    '/api/v1/transit/stations/:id/indoorgml.json',
    {
      schema: {
        tags,
        summary: 'The station interior in IndoorGML 2.0 JSON: one thematic layer per traveller profile, with live facility status',
        params: IdParams,
        response: { 200: IndoorGmlDocument, ...errorResponses(404) },
      },
    },
    async (request) => {
      const { station, facilities } = await loadStation(services.db, request.params.id);
      return indoorGml({
        station,
        ...(await stationGraph(services.db, station.id)),
        facilities: facilities.map((f) => ({ id: f.id, type: f.type, name: f.name, status: f.status })),
      });
    },
  );

  app.get(
    '/api/v1/transit/lines/:id/stations',
    {
      schema: {
        tags,
        summary: "A line's stations in order (seq from the run-time file for lines 1–8, MOLIT's order for the others)",
        params: IdParams,
        response: {
          200: Type.Object({
            id: Type.String(),
            name: Type.Object({ ko: Type.String(), en: N(Type.String()) }),
            stations: Type.Array(
              Type.Object({
                id: Type.String(),
                seq: N(Type.Integer()),
                names: Type.Object({ ko: N(Type.String()), en: N(Type.String()), romanised: N(Type.String()) }),
              }),
            ),
          }),
          ...errorResponses(404),
        },
      },
    },
    async (request) => {
      const { line, stations } = await stationsOfLine(services.db, request.params.id);
      return {
        id: line.id,
        name: { ko: line.name_ko, en: line.name_en },
        stations: stations.map((s) => ({ id: s.id, seq: s.seq, names: { ko: s.name_ko, en: s.name_en, romanised: s.name_romanised } })),
      };
    },
  );

  app.get(
    '/api/v1/transit/rider-lines',
    {
      schema: {
        tags,
        summary: 'Lines under the names riders use (1호선, 수인분당선, 공항철도 …) with their other names (legal section names such as 경부선)',
        response: { 200: Type.Array(Type.Object({ id: Type.String(), name: LineName, aliases: Type.Array(Type.String()) })) },
      },
    },
    async () =>
      (await listRiderLines(services.db)).map((l) => ({ id: l.id, name: { ko: l.name_ko, en: l.name_en }, aliases: JSON.parse(l.aliases) as string[] })),
  );

  app.get(
    '/api/v1/transit/lines',
    {
      schema: {
        tags,
        summary: 'Line ids: the railway sections of the station master (경부선, 분당선 …), as routing uses them',
        response: { 200: Type.Array(Type.Object({ id: Type.String(), name: Type.Object({ ko: Type.String(), en: N(Type.String()) }) })) },
      },
    },
    async () => (await listLines(services.db)).map((l) => ({ id: l.id, name: { ko: l.name_ko, en: l.name_en } })),
  );

  app.get(
    '/api/v1/transit/export/stations.geojson',
    {
      schema: {
        tags,
        summary: 'Every station as GeoJSON points (bulk export)',
        response: { 200: textBody('application/geo+json', 'A GeoJSON FeatureCollection of points') },
      },
    },
    async (_request, reply) => reply.type('application/geo+json; charset=utf-8').send(JSON.stringify(await stationsGeoJson(services.db))),
  );

  app.get(
    '/api/v1/transit/export/stations.csv',
    {
      schema: { tags, summary: 'Every station as CSV (bulk export)', response: { 200: textBody('text/csv', 'CSV with a header row, UTF-8') } },
    },
    async (_request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="open-seoul-stations.csv"')
        .send(await stationsCsv(services.db)),
  );

  app.get(
    '/api/v1/transit/export/facilities.csv',
    {
      schema: {
        tags,
        summary: 'Every facility with its status and source row, as CSV (bulk export)',
        response: { 200: textBody('text/csv', 'CSV with a header row, UTF-8') },
      },
    },
    async (_request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="open-seoul-facilities.csv"')
        .send(await facilitiesCsv(services.db)),
  );

  app.get(
    '/api/v1/transit/imports/latest',
    {
      schema: {
        tags,
        summary: 'The latest Seoul import: counts per file and every row that could not be matched',
        response: {
          200: Type.Object({
            id: Type.String(),
            at: Type.String(),
            summary: Type.Record(Type.String(), Type.Unknown(), { description: 'Counts per file and the rows that could not be matched' }),
          }),
          ...errorResponses(404),
        },
      },
    },
    async () => {
      const row = await services.db.selectFrom('transit_import').selectAll().where('source', '=', 'seoul').orderBy('at', 'desc').executeTakeFirst();
      if (!row) throw new AppError('import.not_found', 'Nothing imported yet', 404);
      return { id: row.id, at: row.at, summary: JSON.parse(row.summary) as Record<string, unknown> };
    },
  );
}

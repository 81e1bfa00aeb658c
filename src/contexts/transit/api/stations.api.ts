import { provenanceOf } from '../domain/provenance.js';
import { Type } from '@sinclair/typebox';
import type { App, Services } from '../../../core/context.js';
import { errorResponses, textBody } from '../../../core/http/schemas.js';
import { findStations, loadStation, stationGraph } from '../store/station.repository.js';
import { FACILITY_TYPES } from '../domain/facility.js';
import { interiorGeoJson } from '../interiors/geojson.js';
import { countsAsElevator } from '../seoul/city-elevators.js';
import { describeElevatorData } from '../seoul/elevator-data.js';
import { indoorGml } from '../interiors/indoorgml.js';
import { listUnplaced } from '../interiors/list-unplaced.js';
import { describeStatusBasis } from '../domain/status-basis.js';
import { IndoorGmlDocument, StationGraph } from './transit.schemas.js';
import { ElevatorData, Facility, IdParams, LineName, N, Names, RiderLine, StationSummary } from './stations.schemas.js';

const tags = ['transit'];
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

/** Stations: found by name and line, one station, its facilities, its interior (graph, GeoJSON, IndoorGML). */
export function registerStationsApi(app: App, services: Services) {
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
}

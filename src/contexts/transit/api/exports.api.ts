import { latestImport } from '../store/routing-graph.repository.js';
import { Type } from '@sinclair/typebox';
import type { App, Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { errorResponses, textBody } from '../../../core/http/schemas.js';
import { facilitiesCsv, stationsCsv, stationsGeoJson } from '../use-cases/export-network.js';

const tags = ['transit'];

/** Bulk exports (stations as GeoJSON and CSV, facilities as CSV) and the latest Seoul import's report. */
export function registerExportsApi(app: App, services: Services) {
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
      const row = await latestImport(services.db, 'seoul');
      if (!row) throw new AppError('import.not_found', 'Nothing imported yet', 404);
      return { id: row.id, at: row.at, summary: JSON.parse(row.summary) as Record<string, unknown> };
    },
  );
}

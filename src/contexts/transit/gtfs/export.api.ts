import { Type } from '@sinclair/typebox';
import type { App, Services } from '../../../core/context.js';
import { textBody } from '../../../core/http/schemas.js';
import { buildExport, FEED_INFO } from './export-gtfs.js';
import { NETWORK_FEED } from './feed-name.js';
import { LEVELS, PATHWAYS, STOPS } from './gtfs-spec.js';
import { toCsv } from '../../../core/csv.js';

const FILES = [STOPS, LEVELS, PATHWAYS, FEED_INFO] as const;

/**
 * The whole network as GTFS over HTTP, one file per request, in the shape of the other bulk exports
 * (/api/v1/transit/export/*) and of a station's GTFS (/api/v1/transit/stations/:id/gtfs/:file). The same
 * files as `open-seoul gtfs export --feed seoul`.
 */
export function registerGtfsExportApi(app: App, services: Services) {
  app.get(
    '/api/v1/transit/export/gtfs/:file',
    {
      schema: {
        tags: ['transit'],
        summary:
          "The whole network in GTFS (bulk export): every station, entrance, level and pathway known; position_source says where each stop's coordinates come from",
        params: Type.Object({ file: Type.Union(FILES.map((f) => Type.Literal(f))) }),
        response: { 200: textBody('text/csv', 'The GTFS file (CSV with a header row)') },
      },
    },
    async (request, reply) => {
      const { tables } = await buildExport(services, NETWORK_FEED);
      const table = tables.find((t) => t.file === request.params.file);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="open-seoul-gtfs-${request.params.file}"`)
        .send(table ? toCsv(table.columns, table.rows, 'gtfs') : '');
    },
  );
}

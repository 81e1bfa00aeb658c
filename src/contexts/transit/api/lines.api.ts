import { Type } from '@sinclair/typebox';
import type { App, Services } from '../../../core/context.js';
import { errorResponses } from '../../../core/http/schemas.js';
import { listLines, listRiderLines, stationsOfLine } from '../store/station.repository.js';
import { IdParams, LineName, N } from './stations.schemas.js';

const tags = ['transit'];

/** Lines: a line's stations in order, the lines under the names riders use, the line ids routing uses. */
export function registerLinesApi(app: App, services: Services) {
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
}

import { Type } from '@sinclair/typebox';
import type { App, Services } from '../../../core/context.js';
import { binaryBody, errorResponses, textBody } from '../../../core/http/schemas.js';
import { LIFT_STATES } from '../maps/network-map.js';
import { PROVENANCES } from '../domain/provenance.js';
import { loadNetworkMap } from '../use-cases/load-network-map.js';
import { stationMapPdf, stationMapSvg } from '../use-cases/station-map.js';

const tags = ['transit'];
const Name = Type.Object({ ko: Type.String(), en: Type.Union([Type.String(), Type.Null()]) });
const LiftState = Type.Unsafe<(typeof LIFT_STATES)[number]>({
  type: 'string',
  enum: [...LIFT_STATES],
  description:
    'working: elevators listed, none out, one at least reported working; out: an elevator is out of service now; listed: elevators listed but no current status (unknown or stale); none: no source lists an elevator',
});

export function registerMapsApi(app: App, services: Services) {
  app.get(
    '/api/v1/transit/network-map',
    {
      schema: {
        tags,
        summary: 'The network map: every station with its map position and what is known about its lifts and interior, the lines in order, and the counts',
        description:
          '`version` changes whenever a status or an interior changes (and every minute, as live statuses go stale): poll it to know when to redraw. ' +
          '`interior` is the weakest provenance of the station interior (surveyed only when an approved field survey verified it), null when there is none.',
        response: {
          200: Type.Object({
            version: Type.String(),
            builtAt: Type.String(),
            width: Type.Integer(),
            height: Type.Integer(),
            counts: Type.Object({
              working: Type.Integer(),
              out: Type.Integer(),
              listed: Type.Integer(),
              none: Type.Integer(),
              surveyed: Type.Integer(),
              derived: Type.Integer(),
              total: Type.Integer(),
            }),
            stations: Type.Array(
              Type.Object({
                id: Type.String(),
                name: Name,
                x: Type.Integer(),
                y: Type.Integer(),
                riderLines: Type.Array(Type.String()),
                lift: LiftState,
                elevators: Type.Integer(),
                out: Type.Integer(),
                working: Type.Integer(),
                interior: Type.Unsafe<(typeof PROVENANCES)[number] | null>({ type: 'string', enum: [...PROVENANCES], nullable: true }),
              }),
            ),
            lines: Type.Array(
              Type.Object({
                id: Type.String(),
                name: Name,
                colour: Type.String(),
                stations: Type.Array(Type.String()),
                segments: Type.Array(Type.Array(Type.String())),
              }),
            ),
          }),
          ...errorResponses(),
        },
      },
    },
    async (_request, reply) => {
      const { map, version, builtAt } = await loadNetworkMap(services);
      reply.header('cache-control', 'no-cache');
      return { version, builtAt, ...map };
    },
  );

  app.get(
    '/api/v1/transit/network-map/drawn',
    {
      schema: {
        tags,
        summary: "A short tag that changes only when what the network map shows changes (a station's lifts or interior): poll it, then reload the map",
        response: { 200: Type.Object({ drawn: Type.String(), version: Type.String() }), ...errorResponses() },
      },
    },
    async (_request, reply) => {
      const { drawn, version } = await loadNetworkMap(services);
      reply.header('cache-control', 'no-cache');
      return { drawn, version };
    },
  );

  app.get(
    '/api/v1/transit/stations/:id/map.svg',
    {
      schema: {
        tags,
        summary:
          "A map of any station: its interior where one is known; otherwise what is known (lines, exits, lifts with the city's positions, toilets) and, in words, what is not",
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        querystring: Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('ko'), Type.Literal('en')])) }),
        response: { 200: textBody('image/svg+xml', 'An SVG map with its title and description, and what is not known in words'), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const svg = await stationMapSvg(services, request.params.id, request.query.lang ?? request.locale);
      return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'no-cache').send(svg);
    },
  );

  app.get(
    '/api/v1/transit/stations/:id/map.pdf',
    {
      schema: {
        tags,
        summary: 'The station map as a tagged PDF (A4; structure tree in reading order, the plot a figure with alt text), in the language asked',
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        querystring: Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('ko'), Type.Literal('en')])) }),
        response: { 200: binaryBody('application/pdf', 'A tagged A4 PDF'), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const pdf = await stationMapPdf(services, request.params.id, request.query.lang ?? request.locale);
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-cache')
        .header('content-disposition', `inline; filename="station-map-${request.params.id.replace(/[^\w-]/g, '_')}.pdf"`)
        .send(pdf);
    },
  );
}

import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import { SEOUL_CODES, SeoulError, type SeoulCode } from '../compat/seoul/codes.js';
import { seoulJson, seoulJsonError, seoulXml, seoulXmlError } from '../compat/seoul/render.js';
import { answerSeoulRequest, parseSeoulPath, type SeoulType } from '../compat/seoul/seoul-request.js';

/**
 * Seoul Open Data Plaza's URL form under a prefix: `/seoul-openapi/{KEY}/{TYPE}/{SERVICE}/{START}/{END}/…`.
 * Existing civic code changes only its base URL (`http://openapi.seoul.go.kr:8088` → `<ours>/seoul-openapi`).
 * The prefix keeps the five free segments from shadowing pages and other routes. Answers use HTTP 200 with the
 * Plaza's RESULT.CODE, as the Plaza does (clients read the code, and some HTTP libraries would throw on a 4xx
 * before the code is read); only ERROR-500 is also an HTTP 500.
 */
export const SEOUL_PREFIX = '/seoul-openapi';

const CONTENT_TYPE: Record<SeoulType, string> = { json: 'application/json; charset=utf-8', xml: 'text/xml; charset=utf-8' };

export function registerSeoulShim(app: App, services: Services) {
  const answer = async (request: FastifyRequest, reply: FastifyReply) => {
    // Segments from the raw path, so an encoded slash (%2F) inside a filter value stays inside it.
    const raw = request.url.split('?')[0]!.slice(SEOUL_PREFIX.length + 1);
    let segments: string[];
    try {
      segments = raw.split('/').map((s) => decodeURIComponent(s));
    } catch {
      segments = [];
    }
    const parsed = parseSeoulPath(segments);
    const fail = (code: SeoulCode, message: string, status = 200) =>
      reply
        .status(status)
        .type(CONTENT_TYPE[parsed.type])
        .send(parsed.type === 'xml' ? seoulXmlError(code, message) : seoulJsonError(code, message));
    if (parsed.error) return fail(parsed.error.code, parsed.error.message);
    try {
      const result = await answerSeoulRequest(services, parsed.request!);
      return reply.type(CONTENT_TYPE[parsed.type]).send(parsed.type === 'xml' ? seoulXml(result) : seoulJson(result));
    } catch (error) {
      if (error instanceof SeoulError) return fail(error.code, error.message);
      request.log.error({ err: error }, 'Seoul Open API shim failed');
      return fail('ERROR-500', SEOUL_CODES['ERROR-500'], 500);
    }
  };
  app.get(
    `${SEOUL_PREFIX}/*`,
    {
      schema: {
        tags: ['seoul-openapi'],
        summary: 'Seoul Open Data Plaza URL form: /seoul-openapi/{KEY}/{json|xml}/{SERVICE}/{START}/{END}/{positional filters…}',
        description:
          "SERVICE is the Plaza service name a publisher set (rows under its field codes, dates as YYYYMMDD, filters in the Plaza's order) or a dataset id " +
          '(columns in schema order). START and END are 1-based and inclusive, at most 1,000 rows per call; "%20" skips a filter. KEY is a key from ' +
          'POST /api/v1/data/openapi-keys (else INFO-100); `sample` allows rows 1–5. Results and errors carry the Plaza codes ' +
          '(INFO-000, INFO-100, INFO-200, ERROR-300/301/310/331–336/500) with HTTP 200.',
        response: {
          200: {
            description: 'The Plaza envelope: { SERVICE: { list_total_count, RESULT: { CODE, MESSAGE }, row: [...] } } in JSON, or the same in XML',
            content: {
              'application/json': {
                schema: Type.Object({}, { additionalProperties: true, description: 'Keyed by the service name (or RESULT alone for an error)' }),
              },
              'text/xml': { schema: Type.String() },
            },
          },
        },
      },
    },
    answer,
  );
}

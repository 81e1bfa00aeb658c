import { Type } from '@sinclair/typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { ACTIONS, type ActionContext } from '../compat/ckan/actions.js';
import { CkanError, type Params } from '../compat/ckan/params.js';
import { compatUrls } from '../compat/urls.js';
import { asClientBodyError } from '../../../core/http/body-errors.js';

/**
 * CKAN Action API subset at /api/3/action/{name}, for CKAN clients and harvesters (ckanapi, ckan.js,
 * ckanext-harvest). Every action is read-only and answers GET (query string) and POST (JSON or form body; no
 * CSRF token needed, clients post without one). Results and errors come in CKAN's envelope
 * ({help, success, result} / {help, success: false, error: {__type, message}}) with CKAN's status codes:
 * 404 Not Found Error, 409 Validation Error and Search Query Error, 400 unknown action or bad body.
 */
const PREFIX = '/api/3/action';
const tags = ['ckan'];

const Envelope = Type.Object({
  help: Type.String(), success: Type.Boolean(), result: Type.Unknown(),
}, { description: 'CKAN envelope; `result` as in CKAN 2.10' });
const ErrorEnvelope = Type.Object({
  help: Type.String(), success: Type.Literal(false),
  error: Type.Object({ __type: Type.String(), message: Type.String() }, { additionalProperties: Type.Array(Type.String()) }),
}, { description: 'CKAN error envelope' });
const ERRORS = 'Errors: {help, success: false, error: {__type, message, <field>: [messages]}} with 404 Not Found Error, 409 Validation Error or Search Query Error, 400 Bad request.';
const GetQuery = Type.Object({}, { additionalProperties: Type.Union([Type.String(), Type.Array(Type.String())]) });

function toCkanError(error: unknown): { status: number; type: string; message: string; fields: Record<string, string[]>; internal: boolean } {
  if (error instanceof CkanError) return { status: error.status, type: error.type, message: error.message, fields: error.fields, internal: false };
  if (error instanceof AppError) {
    if (error.status === 404) return { status: 404, type: 'Not Found Error', message: error.message, fields: {}, internal: false };
    if (error.status === 400 || error.status === 422) {
      const field = (error.details as { field?: string } | undefined)?.field;
      return { status: 409, type: 'Validation Error', message: error.message, fields: field ? { [field]: [error.message] } : {}, internal: false };
    }
    if (error.status === 401 || error.status === 403) return { status: error.status, type: 'Authorization Error', message: error.message, fields: {}, internal: false };
    return { status: error.status, type: error.code, message: error.message, fields: {}, internal: false };
  }
  const e = error as FastifyError;
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return { status: e.statusCode, type: e.statusCode === 429 ? 'Rate Limit Error' : 'Bad request', message: `Bad request - ${e.message}`, fields: {}, internal: false };
  }
  return { status: 500, type: 'Internal Server Error', message: 'Internal error', fields: {}, internal: true };
}

export function registerCkanApi(app: App, services: Services) {
  const urls = compatUrls(services.config.publicUrl);
  const help = (name: string) => `${urls.ckanAction('help_show')}?name=${encodeURIComponent(name)}`;
  const actionOf = (request: FastifyRequest) => request.url.split('?')[0]!.slice(PREFIX.length + 1);

  const run = async (name: string, params: Params, request: FastifyRequest) => {
    const action = ACTIONS[name];
    if (!action) throw new CkanError('Bad request', `Bad request - Action name not known: ${name}`, 400);
    const ctx: ActionContext = { services, urls, path: `${PREFIX}/${name}` };
    request.log.debug({ action: name }, 'ckan action');
    return { help: help(name), success: true, result: await action.run(ctx, params) };
  };

  // Clients probe the API version before calling actions.
  app.get('/api/3', { schema: { hide: true } }, async () => ({ version: 3 }));

  void app.register(async (scope) => {
    scope.setErrorHandler((error, request, reply: FastifyReply) => {
      const e = toCkanError(asClientBodyError(error, request));
      if (e.internal) request.log.error({ err: error }, 'unhandled error in CKAN action');
      return reply.status(e.status).type('application/json; charset=utf-8')
        .send({ help: help(actionOf(request)), success: false, error: { __type: e.type, message: e.message, ...e.fields } });
    });

    for (const [name, action] of Object.entries(ACTIONS)) {
      scope.get(`/${name}`, {
        schema: { tags, summary: `CKAN ${name}`, description: `${action.help} ${ERRORS}`, querystring: GetQuery, response: { 200: Envelope } },
      }, (request) => run(name, request.query as Params, request));
    }
    scope.get('/:action', { schema: { hide: true } }, (request) => run((request.params as { action: string }).action, request.query as Params, request));
    scope.post('/:action', {
      config: { readOnly: true },
      schema: {
        tags, summary: 'Any CKAN action above, called with POST and a JSON body (as ckanapi and ckan.js do)',
        params: Type.Object({ action: Type.String({ maxLength: 60 }) }),
        response: { 200: Envelope, 400: ErrorEnvelope, 404: ErrorEnvelope, 409: ErrorEnvelope },
      },
    }, (request) => {
      const body = request.body && typeof request.body === 'object' ? request.body as Params : {};
      return run((request.params as { action: string }).action, { ...(request.query as Params), ...body }, request);
    });
  }, { prefix: PREFIX });
}

import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Type } from '@sinclair/typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { component } from '../../../core/http/schemas.js';
import { ACTIONS, type ActionContext } from '../compat/ckan/actions.js';
import { CkanError, type Params } from '../compat/ckan/params.js';
import { WRITE_ACTIONS, type UploadedFile } from '../compat/ckan/write-actions.js';
import { lakeFor } from '../lake/lake.js';
import { UPLOAD_LIMIT } from './catalogue.api.js';
import { compatUrls } from '../compat/urls.js';
import { asClientBodyError } from '../../../core/http/body-errors.js';

/**
 * CKAN Action API subset at /api/3/action/{name} and /api/action/{name} (ckanapi's default), for CKAN clients
 * and harvesters (ckanapi, ckan.js, ckanext-harvest). Read actions answer GET (query string) and POST (JSON or
 * form body; no CSRF token needed, clients post without one). Write actions (write-actions.ts) answer POST only
 * and need an API key: a cookie session cannot write here, since this API asks no CSRF token. Results and errors come in CKAN's envelope
 * ({help, success, result} / {help, success: false, error: {__type, message}}) with CKAN's status codes:
 * 404 Not Found Error, 409 Validation Error and Search Query Error, 400 unknown action or bad body.
 */
const PREFIX = '/api/3/action';
const tags = ['ckan'];
const security = [{ apiKey: [] }];

const Envelope = Type.Object(
  {
    help: Type.String(),
    success: Type.Boolean(),
    result: Type.Unknown(),
  },
  { description: 'CKAN envelope; `result` as in CKAN 2.10' },
);
const ErrorEnvelope = component(
  'CkanErrorEnvelope',
  Type.Object(
    {
      help: Type.String(),
      success: Type.Literal(false),
      error: Type.Object({ __type: Type.String(), message: Type.String() }, { additionalProperties: Type.Array(Type.String()) }),
    },
    { description: 'CKAN error envelope' },
  ),
);
const ERRORS =
  'Errors: {help, success: false, error: {__type, message, <field>: [messages]}} with 404 Not Found Error, 409 Validation Error or Search Query Error, 400 Bad request.';
const GetQuery = Type.Object({}, { additionalProperties: Type.Union([Type.String(), Type.Array(Type.String())]) });

function toCkanError(error: unknown): { status: number; type: string; message: string; fields: Record<string, string[]>; internal: boolean } {
  if (error instanceof CkanError) return { status: error.status, type: error.type, message: error.message, fields: error.fields, internal: false };
  if (error instanceof AppError) {
    if (error.status === 404) return { status: 404, type: 'Not Found Error', message: error.message, fields: {}, internal: false };
    if (error.status === 400 || error.status === 409 || error.status === 422) {
      const field = (error.details as { field?: string } | undefined)?.field;
      return { status: 409, type: 'Validation Error', message: error.message, fields: field ? { [field]: [error.message] } : {}, internal: false };
    }
    if (error.status === 401 || error.status === 403)
      return { status: error.status, type: 'Authorization Error', message: error.message, fields: {}, internal: false };
    return { status: error.status, type: error.code, message: error.message, fields: {}, internal: false };
  }
  const e = error as FastifyError;
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return {
      status: e.statusCode,
      type: e.statusCode === 429 ? 'Rate Limit Error' : 'Bad request',
      message: `Bad request - ${e.message}`,
      fields: {},
      internal: false,
    };
  }
  return { status: 500, type: 'Internal Server Error', message: 'Internal error', fields: {}, internal: true };
}

/** ckanapi's RemoteCKAN posts to `<address>/api/action/<name>` (ckanapi/common.py prepare_action); CKAN serves both. */
const PREFIXES = [PREFIX, '/api/action'] as const;
const WRITE_HELP = Object.fromEntries(Object.entries(WRITE_ACTIONS).map(([name, a]) => [name, a.help]));

interface MultipartPart {
  filename?: string;
  toBuffer?: () => Promise<Buffer>;
  value?: unknown;
}

/** Multipart fields arrive as parts ({value}); the file as a part with a filename. ckanapi sends every field as text. */
function multipartParams(body: Record<string, unknown>): { params: Params; file: MultipartPart | null } {
  const params: Params = {};
  let file: MultipartPart | null = null;
  for (const [key, part] of Object.entries(body)) {
    const p = part as MultipartPart;
    if (p && typeof p === 'object' && p.toBuffer && p.filename) file = p;
    else if (p && typeof p === 'object' && 'value' in p) params[key] = p.value;
  }
  return { params, file };
}

export function registerCkanApi(app: App, services: Services) {
  const urls = compatUrls(services.config.publicUrl);
  const help = (name: string) => `${urls.ckanAction('help_show')}?name=${encodeURIComponent(name)}`;
  const actionOf = (request: FastifyRequest) => request.url.split('?')[0]!.split('/').at(-1) ?? '';

  const run = async (prefix: string, name: string, params: Params, request: FastifyRequest, method: 'GET' | 'POST', upload?: UploadedFile) => {
    const ctx: ActionContext = { services, urls, path: `${prefix}/${name}`, actor: request.actor };
    const write = WRITE_ACTIONS[name];
    request.log.debug({ action: name }, 'ckan action');
    if (write) {
      if (method !== 'POST') throw new CkanError('Bad request', 'Bad request - JSON Error: Invalid request. Please use POST method for your request', 400);
      return { help: help(name), success: true, result: await write.run({ ...ctx, actor: request.actor, upload }, params) };
    }
    const action = ACTIONS[name];
    if (!action) throw new CkanError('Bad request', `Bad request - Action name not known: ${name}`, 400);
    return { help: help(name), success: true, result: await action.run(ctx, params) };
  };

  // Clients probe the API version before calling actions.
  app.get('/api/3', { schema: { hide: true } }, async () => ({ version: 3 }));

  for (const prefix of PREFIXES) {
    const hide = prefix !== PREFIX; // one copy in the OpenAPI document
    void app.register(
      async (scope) => {
        scope.setErrorHandler((error, request, reply: FastifyReply) => {
          const e = toCkanError(asClientBodyError(error, request));
          if (e.internal) request.log.error({ err: error }, 'unhandled error in CKAN action');
          return reply
            .status(e.status)
            .type('application/json; charset=utf-8')
            .send({ help: help(actionOf(request)), success: false, error: { __type: e.type, message: e.message, ...e.fields } });
        });

        for (const [name, action] of Object.entries(ACTIONS)) {
          scope.get(
            `/${name}`,
            {
              schema: { hide, tags, summary: `CKAN ${name}`, description: `${action.help} ${ERRORS}`, querystring: GetQuery, response: { 200: Envelope } },
            },
            (request) => run(prefix, name, request.query as Params, request, 'GET'),
          );
        }
        scope.get('/:action', { schema: { hide: true } }, (request) =>
          run(prefix, (request.params as { action: string }).action, request.query as Params, request, 'GET'),
        );

        // resource_create takes a file: multipart with a large body limit, on this route only.
        // Writes are authenticated by the API key alone and refuse cookie sessions (write-actions.ts), so a CSRF
        // token would guard nothing: like the read actions, they skip the CSRF check (anonymous callers get 401).
        scope.post(
          '/resource_create',
          {
            bodyLimit: UPLOAD_LIMIT,
            config: { readOnly: true, multipartOptions: { limits: { fileSize: UPLOAD_LIMIT, files: 1 } } },
            schema: {
              hide,
              tags,
              security,
              consumes: ['multipart/form-data', 'application/json'],
              summary: 'CKAN resource_create (a file in multipart field "upload", or a url)',
              description: `${WRITE_HELP.resource_create} ${ERRORS}`,
              response: { 200: Envelope, 400: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope, 409: ErrorEnvelope },
            },
          },
          async (request) => {
            const body = (request.body ?? {}) as Record<string, unknown>;
            const multipart = String(request.headers['content-type'] ?? '').startsWith('multipart/');
            if (!multipart) return run(prefix, 'resource_create', { ...(request.query as Params), ...body }, request, 'POST');
            const { params, file } = multipartParams(body);
            if (!file) return run(prefix, 'resource_create', params, request, 'POST');
            const dir = path.join(lakeFor(services).tmpDir, 'uploads');
            await fs.mkdir(dir, { recursive: true });
            const tmp = path.join(
              dir,
              `${randomUUID()}${path
                .extname(file.filename!)
                .toLowerCase()
                .replace(/[^a-z0-9.]/g, '')}`,
            );
            try {
              await fs.writeFile(tmp, await file.toBuffer!());
              return await run(prefix, 'resource_create', params, request, 'POST', { path: tmp, filename: path.basename(file.filename!) });
            } finally {
              await fs.rm(tmp, { force: true });
            }
          },
        );

        for (const [name, action] of Object.entries(WRITE_ACTIONS)) {
          if (name === 'resource_create') continue;
          scope.post(
            `/${name}`,
            {
              config: { readOnly: true },
              schema: {
                hide,
                tags,
                security,
                summary: `CKAN ${name}`,
                description: `${action.help} ${ERRORS}`,
                response: { 200: Envelope, 400: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope, 409: ErrorEnvelope },
              },
            },
            (request) =>
              run(
                prefix,
                name,
                { ...(request.query as Params), ...(request.body && typeof request.body === 'object' ? (request.body as Params) : {}) },
                request,
                'POST',
              ),
          );
        }

        scope.post(
          '/:action',
          {
            config: { readOnly: true },
            schema: {
              hide,
              tags,
              summary: 'Any read action above, called with POST and a JSON body (as ckanapi and ckan.js do)',
              params: Type.Object({ action: Type.String({ maxLength: 60 }) }),
              response: { 200: Envelope, 400: ErrorEnvelope, 404: ErrorEnvelope, 409: ErrorEnvelope },
            },
          },
          (request) => {
            const body = request.body && typeof request.body === 'object' ? (request.body as Params) : {};
            return run(prefix, (request.params as { action: string }).action, { ...(request.query as Params), ...body }, request, 'POST');
          },
        );
      },
      { prefix },
    );
  }
}

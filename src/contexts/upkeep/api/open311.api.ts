import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { hashToken } from '../../../core/auth/secrets.js';
import { toErrorBody } from '../../../core/http/errors.js';
import { apiKeyFrom } from '../../../core/http/request-context.js';
import { accountsAuthenticator } from '../../accounts/index.js';
import { open311Body, open311Errors, open311Object, type Open311Format } from '../use-cases/open311-format.js';
import { fileOpen311Request, followOpen311Requests, open311ServiceDefinition, open311Services } from '../use-cases/open311.js';
import { REPORT_RATE_LIMIT } from './reports.api.js';

const BASE = '/open311/v2';
const SPEC = 'http://wiki.open311.org/GeoReport_v2';
const FORMATS: Open311Format[] = ['json', 'xml'];
const hide = true;

/** Per key as for the report API, the key read from the form body once it is parsed (Open311 sends it there). */
const open311RateLimit = {
  ...REPORT_RATE_LIMIT,
  hook: 'preHandler' as const,
  keyGenerator: (request: FastifyRequest) => {
    const key = apiKeyFrom(request) ?? (request.body as { api_key?: unknown } | undefined)?.api_key;
    return typeof key === 'string' && key ? `key:${hashToken(key).slice(0, 24)}` : `ip:${request.ip}`;
  },
};

const send = (reply: FastifyReply, doc: { type: string; body: string }, status = 200) => reply.status(status).type(doc.type).send(doc.body);

/** Every error of these routes (ours, the rate limit's, a bad key's) in the spec's shape: `[{code, description}]`. */
function open311ErrorHandler(format: Open311Format) {
  return (error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body, internal } = toErrorBody(error);
    if (internal) request.log.error({ err: error }, 'unhandled error');
    return send(reply, open311Errors(format, [{ code: status, description: body.error.message }]), status);
  };
}

/** The file part of `/requests/{id}.json`: the id and the format, or a 404 in the format asked for. */
function splitFile(file: string): { id: string; format: Open311Format } {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  if (!m) throw new AppError('route.not_found', 'Ask for {id}.json or {id}.xml', 404);
  return { id: m[1]!, format: m[2] as Open311Format };
}

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2), so existing 311 apps and FixMyStreet-style clients
 * can report a broken lift and follow the answer: discovery, services (and each one's definition), requests to
 * file (form-encoded, `api_key` in the body or the usual header) and to follow, one request by id. JSON and XML.
 */
export function registerOpen311Api(app: App, services: Services) {
  const keyed = async (request: FastifyRequest, form: Record<string, unknown>) => {
    if (request.actor.kind === 'api_key') return request.actor; // the platform's header
    const key = typeof form.api_key === 'string' ? form.api_key.trim() : '';
    if (!key)
      throw new AppError('auth.api_key_required', 'api_key: required (a developer API key, created at /account; or send it as Authorization: Bearer)', 401);
    const actor = await accountsAuthenticator(services).fromApiKey(key, request.id);
    if (!actor) throw new AppError('auth.api_key_invalid', 'Invalid api_key received: unknown or revoked', 403);
    return actor;
  };

  for (const format of FORMATS) {
    const errorHandler = open311ErrorHandler(format);
    app.get(`${BASE}/discovery.${format}`, { schema: { hide }, errorHandler }, async (_request, reply) =>
      send(
        reply,
        open311Object(format, 'discovery', {
          changeset: '2026-12-07T00:00:00Z',
          contact: `${services.config.publicUrl}/transit/upkeep`,
          key_service: `${services.config.publicUrl}/account`,
          endpoints: [
            {
              specification: SPEC,
              url: `${services.config.publicUrl}${BASE}`,
              changeset: '2026-12-07T00:00:00Z',
              type: 'production',
              formats: ['application/json', 'text/xml'],
            },
          ],
        }),
      ),
    );

    app.get(`${BASE}/services.${format}`, { schema: { hide }, errorHandler }, async (request, reply) =>
      send(reply, open311Body(format, 'services', 'service', open311Services(request.locale))),
    );

    app.post(
      `${BASE}/requests.${format}`,
      { schema: { hide }, errorHandler, config: { apiKeyInBody: true, rateLimit: open311RateLimit } },
      async (request, reply) => {
        const form = (request.body ?? {}) as Record<string, unknown>;
        const actor = await keyed(request, form);
        return send(reply, open311Body(format, 'service_requests', 'request', await fileOpen311Request(services, actor, form, request.locale)), 201);
      },
    );

    app.get(`${BASE}/requests.${format}`, { schema: { hide }, errorHandler }, async (request, reply) =>
      send(
        reply,
        open311Body(format, 'service_requests', 'request', await followOpen311Requests(services, request.query as Record<string, unknown>, request.locale)),
      ),
    );
  }

  const byFile = (what: 'requests' | 'services') => async (request: FastifyRequest, reply: FastifyReply) => {
    const { id, format } = splitFile((request.params as { file: string }).file);
    try {
      if (what === 'services') return send(reply, open311Object(format, 'service_definition', open311ServiceDefinition(id, request.locale)));
      const found = /^[0-9a-f-]{36}$/i.test(id) ? await followOpen311Requests(services, { service_request_id: id }, request.locale) : [];
      if (!found.length) throw new AppError('report.not_found', `No service request ${id}`, 404);
      return send(reply, open311Body(format, 'service_requests', 'request', found));
    } catch (error) {
      return open311ErrorHandler(format)(error, request, reply);
    }
  };
  app.get(`${BASE}/requests/:file`, { schema: { hide }, errorHandler: open311ErrorHandler('json') }, byFile('requests'));
  app.get(`${BASE}/services/:file`, { schema: { hide }, errorHandler: open311ErrorHandler('json') }, byFile('services'));
}

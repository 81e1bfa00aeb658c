import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Fastify's own client errors, mapped to our stable codes. */
const FASTIFY_CODES: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'request.malformed_json', message: 'The body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'request.malformed_json', message: 'The body is empty but declared as JSON' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'request.too_large', message: 'The body is larger than the limit' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'request.unsupported_media_type', message: 'This content type is not accepted' },
  FST_REQ_FILE_TOO_LARGE: { code: 'request.file_too_large', message: 'The file is larger than the limit (5 MB)' },
  FST_FILES_LIMIT: { code: 'request.too_many_files', message: 'Too many files in one request' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'request.bad_length', message: 'Content-Length does not match the body' },
};

interface ValidationIssue {
  instancePath?: string;
  keyword?: string;
  params?: { missingProperty?: string; additionalProperty?: string; allowedValue?: unknown; allowedValues?: unknown[] };
  message?: string;
}

/**
 * Ajv's issues as one line per field. A choice among fixed values (an enum, or TypeBox's union of literals,
 * which Ajv reports as one "must be equal to constant" per literal and a closing "anyOf") becomes a single
 * "must be one of: a, b, c", so that a client learns the allowed values from the error itself.
 */
function validationDetails(error: FastifyError) {
  const part = (error as { validationContext?: string }).validationContext ?? 'body';
  const issues = (error.validation ?? []) as ValidationIssue[];
  const allowed = new Map<string, unknown[]>();
  for (const v of issues) {
    const path = v.instancePath ?? '';
    if (v.keyword === 'const' && v.params && 'allowedValue' in v.params) allowed.set(path, [...(allowed.get(path) ?? []), v.params.allowedValue]);
    if (v.keyword === 'enum' && Array.isArray(v.params?.allowedValues)) allowed.set(path, v.params.allowedValues);
  }
  const seen = new Set<string>();
  return issues.flatMap((v) => {
    const path = v.instancePath ?? '';
    const leaf = v.params?.missingProperty ?? v.params?.additionalProperty;
    const pointer = [path.replace(/^\//, '').replace(/\//g, '.'), leaf].filter(Boolean).join('.');
    const choices = !leaf ? allowed.get(path) : undefined;
    if (choices) {
      if (seen.has(path)) return [];
      seen.add(path);
      return [{ in: part, field: pointer || '(root)', message: `must be one of: ${choices.map(String).join(', ')}`, allowed: choices }];
    }
    const message = v.params?.additionalProperty ? 'is not an accepted field' : (v.message ?? 'is invalid');
    return [{ in: part, field: pointer || '(root)', message }];
  });
}

/** Turns any thrown error into a status and the one error body. Client mistakes are always 4xx. */
export function toErrorBody(error: unknown): { status: number; body: ErrorBody; internal: boolean } {
  if (error instanceof AppError) {
    return { status: error.status, body: { error: { code: error.code, message: error.message, details: error.details } }, internal: false };
  }
  const e = error as FastifyError & { type?: string };
  if (e.validation) {
    const details = validationDetails(e);
    const message = details.map((d) => `${d.in}.${d.field} ${d.message}`).join('; ');
    return { status: 400, body: { error: { code: 'request.invalid', message, details } }, internal: false };
  }
  const known = e.code ? FASTIFY_CODES[e.code] : undefined;
  if (known) return { status: e.statusCode ?? 400, body: { error: known }, internal: false };
  if (e.statusCode === 429) {
    return { status: 429, body: { error: { code: 'request.rate_limited', message: e.message } }, internal: false };
  }
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return { status: e.statusCode, body: { error: { code: 'request.bad', message: e.message } }, internal: false };
  }
  return { status: 500, body: { error: { code: 'server.error', message: 'Internal error' } }, internal: true };
}

/** JSON for the API and for clients that do not ask for HTML; an HTML page for browsers. */
export function wantsHtml(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/')) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

export type HtmlErrorRenderer = (request: FastifyRequest, status: number, body: ErrorBody) => string;

export function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown, renderHtml: HtmlErrorRenderer) {
  const { status, body, internal } = toErrorBody(error);
  if (internal) request.log.error({ err: error }, 'unhandled error');
  else request.log.info({ code: body.error.code, status }, 'client error');
  reply.status(status);
  if (wantsHtml(request)) return reply.type('text/html; charset=utf-8').send(renderHtml(request, status, body));
  return reply.type('application/json; charset=utf-8').send(body);
}

import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

const NUL_IN_URL = /%00|\u0000/i;

/** True when a parsed body holds a NUL character anywhere in its strings (or keys); each object is visited once. */
function hasNul(value: unknown, seen = new Set<object>()): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (value === null || typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  if (Buffer.isBuffer(value)) return false; // file uploads are bytes, checked by their own readers
  if (Array.isArray(value)) return value.some((v) => hasNul(v, seen));
  // A multipart part (attachFieldsToBody): only a field's value is text; its other properties point at the whole form.
  if ('fieldname' in value && ('file' in value || 'value' in value)) {
    const part = value as { type?: string; value?: unknown; filename?: unknown };
    return part.type === 'field' ? hasNul(part.value, seen) : typeof part.filename === 'string' && part.filename.includes('\u0000');
  }
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNul(v, seen));
}

const refuse = (where: string) => new AppError('request.nul_character', `The ${where} holds a NUL character (U+0000), which no field accepts`, 400, { where });

/**
 * A NUL character (U+0000) is refused at the edge, in the address and in any body: PostgreSQL cannot store it
 * in text, so without this a NUL in a path, a query string or a JSON field became a 500 on PostgreSQL only.
 */
export function registerNulGuard(app: FastifyInstance) {
  // Synchronous hooks: no promise per request for a check that almost always passes.
  app.addHook('onRequest', (request, _reply, done) => {
    done(NUL_IN_URL.test(request.url) ? refuse('address') : undefined);
  });
  app.addHook('preValidation', (request, _reply, done) => {
    done(request.body !== undefined && hasNul(request.body) ? refuse('request body') : undefined);
  });
}

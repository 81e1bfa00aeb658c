import type { FastifyRequest } from 'fastify';

/**
 * The request's Idempotency-Key header (8 to 64 letters, digits, _ or -), or undefined. A client that may send
 * the same thing twice (an offline outbox, a retry after a lost answer) sends one key per thing; the use case
 * makes one result per key and returns it again for a repeat.
 */
export function idempotencyKey(request: FastifyRequest): string | undefined {
  const key = request.headers['idempotency-key'];
  return typeof key === 'string' && /^[\w-]{8,64}$/.test(key) ? key : undefined;
}

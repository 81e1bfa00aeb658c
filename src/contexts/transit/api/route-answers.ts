import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../../core/context.js';
import type { ProfileId, RouteOverrides } from '../routing/route-types.js';
import { routingFor } from '../routing/routing-service.js';
import { routeInStation } from '../use-cases/route-in-station.js';

/**
 * The answers of GET /api/v1/transit/stations/{id}/routes, kept as sent (UTF-8 JSON bytes and their ETag) on the
 * station's routers, so they go when the routers go: a facility status change, an import, a change notice from
 * another replica, a status going stale. The same question (a transfer for a profile) is asked by everyone
 * passing through; a cached answer is sent without waiting for anything.
 */
export type RouteQuestion = { from: string; to: string; profile: ProfileId; toward?: string; overrides?: RouteOverrides };
type Answer = { body: Buffer; etag: string };

const MAX_CACHED_ANSWERS = 2000;
const JSON_UTF8 = 'application/json; charset=utf-8';

/** The cache key of a question (NUL never occurs in a query: core/http/nul-guard.ts refuses it at the edge). */
export const questionKey = (q: RouteQuestion) =>
  `${q.from}\0${q.to}\0${q.profile}\0${q.toward === undefined ? '' : `t${q.toward}`}\0${q.overrides ? JSON.stringify(q.overrides) : ''}`;

/** The answer already computed for the station's current routers, or undefined (compute it with routeAnswer). */
export function cachedRouteAnswer(services: Services, stationId: string, key: string): Answer | undefined {
  return routingFor(services).stationIfBuilt(stationId)?.answers.get(key);
}

/** Computes (or finds) the answer: routeInStation serialized once, as JSON.stringify writes it. */
export async function routeAnswer(services: Services, stationId: string, q: RouteQuestion, key: string): Promise<Answer> {
  const routing = await routingFor(services).station(stationId);
  const cached = routing?.answers.get(key);
  if (cached) return cached;
  const body = Buffer.from(JSON.stringify(await routeInStation(services, stationId, q)), 'utf8');
  const answer = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"` };
  if (routing) {
    if (routing.answers.size >= MAX_CACHED_ANSWERS) routing.answers.clear();
    routing.answers.set(key, answer);
  }
  return answer;
}

/** If-None-Match names the answer's ETag (weak comparison, as for GET) or any. */
const notModified = (header: string | undefined, etag: string) =>
  header !== undefined && (header === etag || header.trim() === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag));

/**
 * Sends an answer with its ETag: 304 without a body when the client has it already. `no-cache`: a client may keep
 * it but must ask again each time, since an elevator going out of service changes the next answer.
 */
export function sendRouteAnswer(request: FastifyRequest, reply: FastifyReply, answer: Answer): void {
  reply.header('etag', answer.etag).header('cache-control', 'no-cache');
  if (notModified(request.headers['if-none-match'], answer.etag)) reply.code(304).send();
  else reply.type(JSON_UTF8).send(answer.body);
}

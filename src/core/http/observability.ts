import fs from 'node:fs/promises';
import { sql } from 'kysely';
import client from 'prom-client';
import type { App, Services } from '../context.js';
import { Type } from '@sinclair/typebox';

/** GET /health (database and data dir reachable) and GET /metrics (Prometheus text format). */
export function registerObservability(app: App, services: Services) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const requests = new client.Counter({
    name: 'open_seoul_http_requests_total', help: 'HTTP requests', labelNames: ['method', 'route', 'status'], registers: [registry],
  });
  const duration = new client.Histogram({
    name: 'open_seoul_http_request_duration_seconds', help: 'HTTP request duration', labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  const Health = Type.Object({
    status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
    database: Type.String(),
    dialect: Type.String(),
    dataDir: Type.String(),
  });
  app.get('/health', {
    schema: { tags: ['platform'], summary: 'Liveness and dependencies', response: { 200: Health, 503: Health } },
    config: { rateLimit: false },
  }, async (_request, reply) => {
    const database = await sql`select 1 as ok`.execute(services.db).then(() => 'ok', (e: Error) => `error: ${e.message}`);
    const dataDir = await fs.access(services.config.dataDir, fs.constants.W_OK).then(() => 'ok', () => 'error: not writable');
    const ok = database === 'ok' && dataDir === 'ok';
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', database, dialect: services.dialect, dataDir });
  });

  app.get('/metrics', { schema: { hide: true }, config: { rateLimit: false } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}

import fs from 'node:fs/promises';
import { sql } from 'kysely';
import client from 'prom-client';
import type { App, Services } from '../context.js';
import { Type } from '@sinclair/typebox';
import { RequestMetrics, type RouteSeries } from './request-metrics.js';

/** GET /health (liveness), GET /ready (database, data dir and file store reachable) and GET /metrics (Prometheus text format). */
export function registerObservability(app: App, services: Services) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const metrics = new RequestMetrics({ requests: 'open_seoul_http_requests_total', duration: 'open_seoul_http_request_duration_seconds' }, registry);
  // A route's series, found once per route context (its config object) and method; 404s have no route ('unmatched').
  const seriesOf = new WeakMap<object, Record<string, RouteSeries>>();
  const NO_CONFIG = {};
  app.addHook('onResponse', (request, reply, done) => {
    // synchronous: no promise per request
    const { config, url } = request.routeOptions;
    const key = config ?? NO_CONFIG;
    let byMethod = seriesOf.get(key);
    if (!byMethod) seriesOf.set(key, (byMethod = Object.create(null) as Record<string, RouteSeries>));
    const series = (byMethod[request.method] ??= metrics.series(request.method, url ?? 'unmatched'));
    metrics.record(series, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });

  const Live = Type.Object({ status: Type.Literal('ok'), uptimeSeconds: Type.Integer() });
  app.get(
    '/health',
    {
      schema: {
        tags: ['platform'],
        summary: 'Liveness: the process answers (a load balancer restarts a replica that does not); see /ready for its dependencies',
        response: { 200: Live },
      },
      config: { rateLimit: false },
    },
    async () => ({ status: 'ok' as const, uptimeSeconds: Math.round(process.uptime()) }),
  );

  const Ready = Type.Object({
    status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
    database: Type.String(),
    dialect: Type.String(),
    dataDir: Type.String({ description: 'The local data directory (SQLite, caches) is writable' }),
    storage: Type.String({ description: 'The file store (local disk or object storage) takes a write' }),
    storageKind: Type.Union([Type.Literal('local'), Type.Literal('s3')]),
  });
  app.get(
    '/ready',
    {
      schema: {
        tags: ['platform'],
        summary: 'Readiness: database, data directory and file store reachable (send traffic only when 200)',
        response: { 200: Ready, 503: Ready },
      },
      config: { rateLimit: false },
    },
    async (_request, reply) => {
      const [database, dataDir, storage] = await Promise.all([
        sql`select 1 as ok`.execute(services.db).then(
          () => 'ok',
          (e: Error) => `error: ${e.message}`,
        ),
        fs.access(services.config.dataDir, fs.constants.W_OK).then(
          () => 'ok',
          () => 'error: not writable',
        ),
        services.files.check().catch((e: Error) => `error: ${e.message}`),
      ]);
      const ok = database === 'ok' && dataDir === 'ok' && storage === 'ok';
      return reply
        .status(ok ? 200 : 503)
        .send({ status: ok ? 'ok' : 'degraded', database, dialect: services.dialect, dataDir, storage, storageKind: services.files.kind });
    },
  );

  app.get('/metrics', { schema: { hide: true }, config: { rateLimit: false } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}

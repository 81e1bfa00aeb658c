import client from 'prom-client';
import { describe, expect, it } from 'vitest';
import { DURATION_BUCKETS, RequestMetrics } from './request-metrics.js';

const observations: Array<[string, string, number, number]> = [
  ['GET', '/health', 200, 0.0004],
  ['GET', '/api/v1/transit/stations/:id/routes', 200, 0.003],
  ['GET', '/health', 200, 0.02],
  ['GET', 'unmatched', 404, 0.001],
  ['GET', '/api/v1/transit/stations/:id/routes', 304, 0.7],
  ['POST', '/api/v1/organisations', 403, 3.5], // above the last bucket: only +Inf, sum and count
  ['GET', '/api/v1/transit/stations/:id/routes', 200, 0.01], // on a bound: counted in it (le)
  ['HEAD', '/health', 200, 0.0001],
];

describe('RequestMetrics', () => {
  it("writes the same /metrics text as prom-client's Counter and Histogram given the same requests", async () => {
    const theirs = new client.Registry();
    const requests = new client.Counter({ name: 'x_requests_total', help: 'HTTP requests', labelNames: ['method', 'route', 'status'], registers: [theirs] });
    const duration = new client.Histogram({
      name: 'x_duration_seconds',
      help: 'HTTP request duration',
      labelNames: ['method', 'route'],
      buckets: DURATION_BUCKETS,
      registers: [theirs],
    });
    const ours = new client.Registry();
    const metrics = new RequestMetrics({ requests: 'x_requests_total', duration: 'x_duration_seconds' }, ours);
    for (const [method, route, status, seconds] of observations) {
      requests.inc({ method, route, status: String(status) });
      duration.observe({ method, route }, seconds);
      metrics.record(metrics.series(method, route), status, seconds);
    }
    const text = await ours.metrics();
    expect(text).toBe(await theirs.metrics());
    expect(text).toContain('x_requests_total{method="GET",route="/api/v1/transit/stations/:id/routes",status="200"} 2');
    expect(text).toContain('x_duration_seconds_bucket{le="0.01",method="GET",route="/api/v1/transit/stations/:id/routes"} 2');
    // The JSON form too (prom-client's histogram adds `exemplar: null` to its buckets, which says nothing)
    const noExemplars = (json: unknown) => JSON.parse(JSON.stringify(json, (key, value) => (key === 'exemplar' ? undefined : value)));
    expect(noExemplars(await ours.getMetricsAsJSON())).toEqual(noExemplars(await theirs.getMetricsAsJSON()));
  });

  it('gives a route its series once', () => {
    const metrics = new RequestMetrics({ requests: 'y_total', duration: 'y_seconds' }, new client.Registry());
    expect(metrics.series('GET', '/a')).toBe(metrics.series('GET', '/a'));
    expect(metrics.series('GET', '/a')).not.toBe(metrics.series('HEAD', '/a'));
  });
});

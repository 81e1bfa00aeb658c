import type { Registry } from 'prom-client';

/** Upper bounds (seconds) of the request duration histogram's buckets. */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

type RouteLabels = { method: string; route: string };
type StatusCount = { labels: RouteLabels & { status: string }; value: number };
/** One method and route: its duration histogram (counts per bucket, not cumulative) and its counts per status. */
export type RouteSeries = { labels: RouteLabels; buckets: number[]; sum: number; count: number; byStatus: Map<number, StatusCount> };

/**
 * The request counter and duration histogram of /metrics, counted in plain numbers per route: prom-client's
 * inc() and observe() validate and hash their label objects on every call (a tenth of the time of a small API
 * answer); here a request adds to its route's series, found once, and the text is made only when scraped, by
 * prom-client's own formatting (the same lines as its Counter and Histogram write).
 */
export class RequestMetrics {
  private readonly routes = new Map<string, RouteSeries>();
  /** In the order the series first appeared, as prom-client lists them. */
  private readonly statusCounts: StatusCount[] = [];

  constructor(
    private readonly names: { requests: string; duration: string },
    registry: Registry,
  ) {
    registry.registerMetric(this.counterMetric() as never);
    registry.registerMetric(this.histogramMetric() as never);
  }

  /** The series of a method and route (the same object every time: callers may keep it). */
  series(method: string, route: string): RouteSeries {
    const key = `${method} ${route}`;
    let series = this.routes.get(key);
    if (!series) {
      series = { labels: { method, route }, buckets: DURATION_BUCKETS.map(() => 0), sum: 0, count: 0, byStatus: new Map() };
      this.routes.set(key, series);
    }
    return series;
  }

  record(series: RouteSeries, status: number, seconds: number) {
    series.count++;
    series.sum += seconds;
    for (let i = 0; i < DURATION_BUCKETS.length; i++) {
      if (seconds <= DURATION_BUCKETS[i]!) {
        series.buckets[i]!++;
        break;
      }
    }
    let counted = series.byStatus.get(status);
    if (!counted) {
      counted = { labels: { ...series.labels, status: String(status) }, value: 0 };
      series.byStatus.set(status, counted);
      this.statusCounts.push(counted);
    }
    counted.value++;
  }

  private counterMetric() {
    const about = { name: this.names.requests, help: 'HTTP requests', type: 'counter', aggregator: 'sum' };
    return { ...about, get: async () => ({ ...about, values: this.statusCounts.map((c) => ({ labels: { ...c.labels }, value: c.value })) }) };
  }

  /** prom-client's histogram export: `_bucket` lines (cumulative, `le` first), then `_sum` and `_count`, per series. */
  private histogramLines(splay: boolean) {
    const name = this.names.duration;
    const values: Array<{ labels: Record<string, string | number>; sharedLabels?: RouteLabels; value: number; metricName: string }> = [];
    const line = (labels: Record<string, string | number>, value: number, metricName: string, shared: RouteLabels) =>
      values.push(splay ? { labels: { ...labels, ...shared }, value, metricName } : { labels, sharedLabels: shared, value, metricName });
    for (const series of this.routes.values()) {
      let cumulative = 0;
      DURATION_BUCKETS.forEach((le, i) => {
        cumulative += series.buckets[i]!;
        line({ le }, cumulative, `${name}_bucket`, series.labels);
      });
      line({ le: '+Inf' }, series.count, `${name}_bucket`, series.labels);
      line({}, series.sum, `${name}_sum`, series.labels);
      line({}, series.count, `${name}_count`, series.labels);
    }
    return values;
  }

  private histogramMetric() {
    const about = { name: this.names.duration, help: 'HTTP request duration', type: 'histogram', aggregator: 'sum' };
    return {
      ...about,
      get: async () => ({ ...about, values: this.histogramLines(true) }),
      getForPromString: async () => ({ ...about, values: this.histogramLines(false) }),
    };
  }
}

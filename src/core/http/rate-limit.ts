import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { App } from '../context.js';

type Counted = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Counted) => void;
/** A counter store as @fastify/rate-limit calls it (core/http/rate-limit-store.ts for PostgreSQL, memoryRateLimitStore here). */
export type RateLimitStore = { incr(key: string, cb: Callback, timeWindow: number, max: number): void };

/**
 * Counters kept in this process, as @fastify/rate-limit's LocalStore keeps them: a window per key that starts at
 * its first request, at most `size` keys (when full, the window started longest ago goes). The embedded SQLite
 * default is one process.
 */
export function memoryRateLimitStore(size = 5000): RateLimitStore {
  const windows = new Map<string, { current: number; start: number }>();
  return {
    incr(key, cb, timeWindow) {
      const now = Date.now();
      let window = windows.get(key);
      if (window && window.start + timeWindow > now) {
        window.current++;
        cb(null, { current: window.current, ttl: timeWindow - (now - window.start) });
        return;
      }
      if (window)
        windows.delete(key); // a new window goes last, as a new key does
      else if (windows.size >= size) windows.delete(windows.keys().next().value as string);
      window = { current: 1, start: now };
      windows.set(key, window);
      cb(null, { current: 1, ttl: timeWindow });
    },
  };
}

/** How @fastify/rate-limit words the wait in its message (@lukeed/ms's long format), for windows under a day. */
export function retryIn(ms: number): string {
  const [size, unit] = ms < 1000 ? [0, ''] : ms < 60_000 ? [1000, 'second'] : ms < 3_600_000 ? [60_000, 'minute'] : [3_600_000, 'hour'];
  if (!size) return `${ms} ms`;
  const n = Math.round(ms / size);
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

type GlobalLimit = {
  store: RateLimitStore;
  max: number;
  timeWindowMs: number;
  keyGenerator: (request: FastifyRequest) => string;
  allowList: (request: FastifyRequest) => boolean;
};

/**
 * The global rate limit, for every route without its own (`config.rateLimit`; `false` for none), as a callback
 * hook: @fastify/rate-limit's hook is an async function with four awaits, a promise chain on every request even
 * when the count is in memory. Same counters, headers (x-ratelimit-limit, -remaining, -reset; retry-after when
 * refused), status and message as the plugin, which still serves the routes with limits of their own (register
 * it with `global: false`). Added to each route's onRequest, after the application's own, as the plugin does.
 */
export function registerGlobalRateLimit(app: App, limit: GlobalLimit) {
  const { store, max, timeWindowMs, keyGenerator, allowList } = limit;
  const hook = (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
    if (allowList(request)) return done();
    store.incr(
      keyGenerator(request),
      (error, counted) => {
        if (error || !counted) return done(error ?? new Error('rate limit store: no count'));
        const reset = Math.ceil(counted.ttl / 1000);
        reply.header('x-ratelimit-limit', max);
        if (counted.current <= max) {
          reply.header('x-ratelimit-remaining', max - counted.current).header('x-ratelimit-reset', reset);
          return done();
        }
        reply.header('x-ratelimit-remaining', 0).header('x-ratelimit-reset', reset).header('retry-after', reset);
        done(Object.assign(new Error(`Rate limit exceeded, retry in ${retryIn(reset * 1000)}`), { statusCode: 429 }));
      },
      timeWindowMs,
      max,
    );
  };
  app.addHook('onRoute', (route: RouteOptions) => {
    if ((route.config as { rateLimit?: unknown } | undefined)?.rateLimit != null) return; // its own limit, or none
    route.onRequest = [...[route.onRequest ?? []].flat(), hook] as RouteOptions['onRequest'];
  });
}

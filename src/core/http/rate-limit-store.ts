import { sql } from 'kysely';
import type { Db } from '../db/database.js';

declare module '../db/types.js' {
  interface Database {
    core_rate_limit: { bucket: string; window_start: number; hits: number };
  }
}

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * Rate-limit counters every replica shares (for @fastify/rate-limit's `store` option): one row per client key
 * and fixed window, counted up by an upsert that returns the new count, so two replicas never both let the
 * 601st request of a minute through. Old windows are swept now and then. Used on PostgreSQL (several
 * replicas); the embedded SQLite default is one process and keeps its counters in memory.
 */
export function databaseRateLimitStore(db: Db) {
  let sinceSweep = 0;
  const count = async (bucket: string, timeWindow: number) => {
    const now = Date.now();
    const windowStart = Math.floor(now / timeWindow) * timeWindow;
    const row = await db
      .insertInto('core_rate_limit')
      .values({ bucket, window_start: windowStart, hits: 1 })
      .onConflict((oc) => oc.columns(['bucket', 'window_start']).doUpdateSet({ hits: sql<number>`core_rate_limit.hits + 1` }))
      .returning('hits')
      .executeTakeFirstOrThrow();
    if (++sinceSweep >= 500) {
      sinceSweep = 0;
      await db
        .deleteFrom('core_rate_limit')
        .where('window_start', '<', now - 2 * timeWindow)
        .execute();
    }
    return { current: Number(row.hits), ttl: windowStart + timeWindow - now };
  };
  class DatabaseStore {
    private readonly prefix: string;
    /** Built by the plugin with its options (the global store), or by child() with a route's prefix. */
    constructor(options?: unknown) {
      this.prefix = typeof options === 'string' ? options : '';
    }
    incr(key: string, cb: Callback, timeWindow: number) {
      count(`${this.prefix}${key}`, timeWindow).then(
        (r) => cb(null, r),
        (e: Error) => cb(e),
      );
    }
    /** A route with its own limit counts apart from the global one. */
    child(routeOptions: { method?: string | string[]; url?: string }) {
      // The plugin passes the route's merged limit options, the route itself under routeInfo.
      const route = (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? routeOptions;
      return new DatabaseStore(`${[route.method ?? ''].flat().join(',')} ${route.url ?? ''}:`);
    }
  }
  return DatabaseStore;
}

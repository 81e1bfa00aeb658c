import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import type { Logger } from '../log.js';
import type { Db } from './database.js';

/** A change another replica must hear of: a topic (`transit.station`) and a key (the station id), or `*` for all. */
export type ChangeHandler = (key: string) => void;

/**
 * Change notices between the replicas of one installation, so each can drop what it cached from rows another
 * replica changed, at once and without polling. On PostgreSQL: NOTIFY on one channel and a LISTEN connection
 * per replica (a lost connection is re-opened, and everything cached is dropped, since notices may have been
 * missed meanwhile). On the embedded SQLite: one process, so notices are delivered in-process, and
 * `crossProcess` is false (a CLI writing the same file is seen by polling, as before).
 */
export interface ChangeNotices {
  readonly crossProcess: boolean;
  /** Tell the other replicas (not this one: it has already acted). */
  publish(topic: string, key: string): void;
  /** Hear other replicas' notices; `*` as key means "drop everything of this topic". Returns an unsubscribe. */
  subscribe(topic: string, handler: ChangeHandler): () => void;
  /** Resolves once this replica hears notices (at start; tests wait for it). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

const CHANNEL = 'open_seoul_changes';

class Subscribers {
  private readonly handlers = new Map<string, Set<ChangeHandler>>();
  add(topic: string, h: ChangeHandler) {
    const set = this.handlers.get(topic) ?? new Set();
    set.add(h);
    this.handlers.set(topic, set);
    return () => {
      set.delete(h);
    };
  }
  deliver(topic: string, key: string) {
    for (const h of this.handlers.get(topic) ?? []) h(key);
  }
  deliverAll() {
    for (const [, set] of this.handlers) for (const h of set) h('*');
  }
}

export function localChangeNotices(): ChangeNotices {
  const subs = new Subscribers();
  return { crossProcess: false, publish: () => {}, subscribe: (t, h) => subs.add(t, h), ready: async () => {}, close: async () => {} };
}

export function postgresChangeNotices(databaseUrl: string, log: Pick<Logger, 'warn'>, db: Db): ChangeNotices {
  const subs = new Subscribers();
  const origin = randomUUID();
  let client: pg.Client | null = null;
  let closed = false;
  let retryMs = 500;
  let connecting: Promise<void> | null = null;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: databaseUrl });
    c.on('notification', (m) => {
      if (m.channel !== CHANNEL || !m.payload) return;
      const [from, topic, ...key] = m.payload.split('|');
      if (from !== origin && topic) subs.deliver(topic, key.join('|'));
    });
    c.on('error', (e) => {
      log.warn({ err: e }, 'change notices: connection lost, reconnecting');
      client = null;
      void c.end().catch(() => {});
      reconnect();
    });
    await c.connect();
    await c.query(`LISTEN ${CHANNEL}`);
    client = c;
    retryMs = 500;
  };
  const reconnect = () => {
    if (closed || connecting) return;
    connecting = (async () => {
      while (!closed && !client) {
        try {
          await connect();
          subs.deliverAll(); // notices sent while we were away are lost: drop everything
        } catch (e) {
          log.warn({ err: e }, `change notices: cannot listen, retrying in ${retryMs} ms`);
          await new Promise((r) => setTimeout(r, retryMs));
          retryMs = Math.min(retryMs * 2, 30_000);
        }
      }
    })().finally(() => {
      connecting = null;
    });
  };
  connecting = connect()
    .catch(() => reconnect())
    .finally(() => {
      connecting = null;
    });

  return {
    crossProcess: true,
    publish(topic, key) {
      sql`select pg_notify(${CHANNEL}, ${`${origin}|${topic}|${key}`})`
        .execute(db)
        .catch((e: unknown) => log.warn({ err: e }, 'change notices: could not publish'));
    },
    subscribe: (t, h) => subs.add(t, h),
    ready: async () => {
      while (!client && !closed) await (connecting ?? new Promise((r) => setTimeout(r, 50)));
    },
    async close() {
      closed = true;
      await connecting?.catch(() => {});
      await client?.end().catch(() => {});
      client = null;
    },
  };
}

import type { FileStore } from './storage/file-store.js';
import type { ChangeNotices } from './db/change-notices.js';
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import type { Dialect } from './db/types.js';
import type { Migration } from './db/migrator.js';
import type { Catalog, Message } from './i18n/messages.js';
import type { Mailer } from './mail/mailer.js';
import type { Logger } from './log.js';
import type { Actor } from './auth/actor.js';

/** Everything a use case may need from the outside world; passed explicitly, never imported. */
export interface Services {
  config: Config;
  db: Db;
  dialect: Dialect;
  mailer: Mailer;
  /** Files that are not rows (evidence, photos, images, the lake): local disk or object storage. */
  files: FileStore;
  /** Notices between replicas, so caches drop what another replica changed (LISTEN/NOTIFY on PostgreSQL). */
  changes: ChangeNotices;
  log: Logger;
  /** The current instant; tests move it to check deadlines. */
  now(): Date;
  /** Registers a resource to release when the services close (an embedded DuckDB, a pool). */
  onClose?(close: () => Promise<void>): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, for tests that must cover them all. */
    routeTable: Array<{ method: string; url: string }>;
  }
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

export interface Seed {
  /** Unique and stable: a seed runs once per database (recorded in core_seed). */
  name: string;
  /** Demo seeds are skipped when OPEN_SEOUL_SEED_DEMO=false; reference data always loads. */
  demo?: boolean;
  run(services: Services): Promise<void>;
}

/** Resolves who is calling from a session cookie or an API key; provided by the accounts context. */
export interface Authenticator {
  fromSession(token: string, requestId: string): Promise<Actor | null>;
  fromApiKey(key: string, requestId: string): Promise<Actor | null>;
}

/** A bounded context plugs into the platform by exporting one of these from its manifest.ts. */
export interface ContextManifest {
  name: string;
  migrations?: Migration[];
  seeds?: Seed[];
  /** The context's entry on the home page. */
  entry?: { path: string; title: Message; description: Message };
  authenticator?(services: Services): Authenticator;
  routes?(app: App, services: Services): void | Promise<void>;
  /** Background jobs started by `serve`; each returns a function that stops it. */
  jobs?: Array<(services: Services) => () => void>;
  messages?: Catalog;
}

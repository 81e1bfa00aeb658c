import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import { createFileStore } from './core/storage/index.js';
import { localChangeNotices, postgresChangeNotices } from './core/db/change-notices.js';
import { databaseRateLimitStore } from './core/http/rate-limit-store.js';
import { memoryRateLimitStore, registerGlobalRateLimit } from './core/http/rate-limit.js';
import { registerNulGuard } from './core/http/nul-guard.js';
import { registerMultipartOnly } from './core/http/multipart-only.js';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './core/config.js';
import { AppError } from './core/errors.js';
import type { App, ContextManifest, Services } from './core/context.js';
import { coreMigrations } from './core/db/core.migration.js';
import { openDatabase } from './core/db/database.js';
import { migrateToLatest, type Migration } from './core/db/migrator.js';
import { runSeeds } from './core/db/seeder.js';
import { buildSerializerFactory } from './core/http/serializer-compiler.js';
import { withStartLock } from './core/db/start-lock.js';
import { hashToken } from './core/auth/secrets.js';
import { asClientBodyError } from './core/http/body-errors.js';
import { sendError } from './core/http/errors.js';
import { registerSecurityHeaders } from './core/http/security-headers.js';
import { registerIslands } from './web/islands.js';
import { registerObservability } from './core/http/observability.js';
import { apiKeyFrom, registerRequestContext } from './core/http/request-context.js';
import { validatorCompiler } from './core/http/validation.js';
import { createLogger, lazyChildLogger } from './core/log.js';
import { createMailer } from './core/mail/mailer.js';
import { manifests as allManifests } from './contexts/index.js';
import { sharedSchemas } from './core/http/schemas.js';
import { nullableFor30 } from './core/http/openapi-nullable.js';
import { renderErrorPage } from './web/layout.js';
import { pageContext } from './web/page.js';
import { layoutT } from './web/layout.js';

/** Largest uploaded file (evidence, attachments). */
export const EVIDENCE_FILE_LIMIT = 5 * 1024 * 1024;

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..');

export function allMigrations(manifests: ContextManifest[] = allManifests): Migration[] {
  return [...coreMigrations, ...manifests.flatMap((m) => m.migrations ?? [])].sort((a, b) => a.name.localeCompare(b.name));
}

/** Opens the database and the other outside resources the use cases need. */
export function createServices(config: Config): Services & { close(): Promise<void> } {
  fs.mkdirSync(config.dataDir, { recursive: true }); // before anything writes there (both dialects)
  const handle = openDatabase(config);
  const closers: Array<() => Promise<void>> = [];
  const log = createLogger(config);
  const changes = config.databaseUrl ? postgresChangeNotices(config.databaseUrl, log, handle.db) : localChangeNotices();
  const files = createFileStore(config, log);
  return {
    config,
    db: handle.db,
    dialect: handle.dialect,
    mailer: createMailer(config, files),
    files,
    changes,
    log,
    now: () => new Date(),
    onClose: (close) => {
      closers.push(close);
    },
    async close() {
      for (const close of closers.reverse()) await close();
      await changes.close();
      await handle.close();
    },
  };
}

/**
 * Migrates and seeds under the start lock, all-or-nothing: migrations in one transaction (PostgreSQL by Kysely,
 * SQLite here), each seed in its own; a start killed at any point leaves a database the next start completes.
 */
export async function prepareDatabase(services: Services, opts: { seed: boolean; skipSeeds?: string[] }, manifests = allManifests) {
  fs.mkdirSync(services.config.dataDir, { recursive: true });
  return withStartLock(services, async () => {
    const migrated = await migrateAtomically(services, allMigrations(manifests));
    const seeds = manifests.flatMap((m) => m.seeds ?? []).filter((s) => !opts.skipSeeds?.includes(s.name));
    const seeded = opts.seed ? await runSeeds(services, seeds, { demo: services.config.seedDemo }) : [];
    return { migrated, seeded };
  });
}

async function migrateAtomically(services: Services, migrations: Migration[]) {
  if (services.dialect === 'postgres') return migrateToLatest(services.db, services.dialect, migrations);
  // Kysely runs SQLite migrations outside a transaction; SQLite has one connection, so this one holds them all.
  await sql`begin immediate`.execute(services.db);
  try {
    const migrated = await migrateToLatest(services.db, services.dialect, migrations);
    await sql`commit`.execute(services.db);
    return migrated;
  } catch (error) {
    await sql`rollback`.execute(services.db).catch(() => {});
    throw error;
  }
}

const statusMessage = (status: number) =>
  status === 404
    ? 'error.notFound'
    : status === 403
      ? 'error.forbidden'
      : status === 401
        ? 'error.signIn'
        : status === 429
          ? 'error.tooMany'
          : status >= 500
            ? 'error.server'
            : 'error.bad';

/** Builds the whole HTTP application from the context manifests. */
export async function buildApp(services: Services, manifests: ContextManifest[] = allManifests): Promise<App> {
  const { config } = services;
  const app = Fastify({
    loggerInstance: services.log,
    childLoggerFactory: lazyChildLogger, // a request's child logger only when it logs (core/log.ts)
    bodyLimit: config.bodyLimitBytes,
    // Only the proxies named in TRUST_PROXY may say who the client is (X-Forwarded-For); none by default.
    trustProxy: config.trustProxy.length ? config.trustProxy : false,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    ajv: { customOptions: { removeAdditional: false } },
    schemaController: { compilersFactory: { buildSerializer: buildSerializerFactory } },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;
  app.setValidatorCompiler(validatorCompiler);
  const routeTable: Array<{ method: string; url: string }> = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url });
  });
  app.decorate('routeTable', routeTable);

  const renderHtmlError = (request: Parameters<typeof pageContext>[0], status: number, body: { error: { code: string; message: string } }) => {
    const ctx = pageContext(request);
    const t = layoutT(ctx.locale);
    const message = body.error.code === 'csrf.invalid' ? t('error.csrf') : t(statusMessage(status));
    return renderErrorPage(ctx, status < 500 && status !== 404 && status !== 403 ? `${message} (${body.error.message})` : message, body.error.code);
  };
  // Security headers on every response, errors included (core/http/security-headers.ts): no other site may frame
  // our pages (clickjacking); the transfer widget's embed pages opt out in their own hook.
  await registerSecurityHeaders(app, config);
  app.setErrorHandler((error, request, reply) => sendError(request, reply, asClientBodyError(error, request), renderHtmlError));
  app.setNotFoundHandler((request, reply) =>
    sendError(request, reply, new AppError('route.not_found', `No route ${request.method} ${request.url.split('?')[0]}`, 404), renderHtmlError),
  );

  await app.register(cookie, { secret: config.secret });
  await app.register(formbody, { bodyLimit: config.bodyLimitBytes });
  await registerMultipartOnly(app, multipart, {
    attachFieldsToBody: true,
    limits: { fileSize: EVIDENCE_FILE_LIMIT, files: 3, fields: 50, fieldSize: config.bodyLimitBytes },
  });
  registerNulGuard(app); // after multipart, whose fields it reads once they are attached to the body
  await app.register(cors, { origin: '*', methods: ['GET', 'HEAD', 'OPTIONS'] });
  // Several replicas run on PostgreSQL: their counters are shared there. The embedded SQLite default is one process.
  const RateLimitStore = services.dialect === 'postgres' ? databaseRateLimitStore(services.db) : undefined;
  const limits = {
    max: config.rateLimitPerMinute,
    keyGenerator: (request: FastifyRequest) => {
      const key = apiKeyFrom(request);
      return key ? `key:${hashToken(key).slice(0, 24)}` : `ip:${request.ip}`;
    },
    allowList: (request: FastifyRequest) => request.url.startsWith('/assets/'),
  };
  // The plugin serves the routes with limits of their own; the global limit is a callback hook (core/http/rate-limit.ts).
  await app.register(rateLimit, { ...(RateLimitStore ? { store: RateLimitStore } : {}), ...limits, timeWindow: '1 minute', global: false });
  registerGlobalRateLimit(app, { ...limits, timeWindowMs: 60_000, store: RateLimitStore ? new RateLimitStore() : memoryRateLimitStore() });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Open Seoul API', version: '1', description: 'Open API of Open Seoul. Errors: { "error": { "code", "message", "details" } }.' },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key created on the account page' },
        },
      },
    },
    hideUntagged: true,
    transformObject: (documentObject) => nullableFor30('openapiObject' in documentObject ? documentObject.openapiObject : documentObject.swaggerObject),
    // Shared schemas (app.addSchema below) become components named by their $id, referenced with $ref.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  for (const schema of sharedSchemas()) app.addSchema(schema);
  // Swagger UI's own policy, minus what it does not need (styles from any https: site, the validator badge), plus
  // the inline styles its script sets at run time (scripts stay 'self' and its hashes).
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: (header) =>
      header
        .replace(/style-src [^;]*/, "style-src 'self' 'unsafe-inline'")
        .replace(/font-src [^;]*/, "font-src 'self' data:")
        .replace(' validator.swagger.io', ''),
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerIslands(app); // /assets/<island>.js, bundled from the *.island.ts sources
  await app.register(fastifyStatic, { root: path.join(here, 'web/assets'), prefix: '/assets/', maxAge: '7d', immutable: false });
  await app.register(fastifyStatic, {
    root: path.join(ROOT, 'node_modules/krds-uiux/resources/css/token'),
    prefix: '/assets/krds/',
    decorateReply: false,
    maxAge: '7d',
  });

  const authenticator = manifests.find((m) => m.authenticator)?.authenticator?.(services);
  registerRequestContext(app, config, authenticator);
  registerObservability(app, services);
  for (const manifest of manifests) await manifest.routes?.(app, services);
  return app;
}

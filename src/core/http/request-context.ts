import type { FastifyReply, FastifyRequest } from 'fastify';
import { anonymous, type Actor } from '../auth/actor.js';
import { hmac, newToken, safeEqual } from '../auth/secrets.js';
import type { Authenticator, App } from '../context.js';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { isLocale, negotiateLocale, type Locale } from '../i18n/messages.js';
import { safeLocalPath } from './safe-redirect.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    locale: Locale;
    csrfToken: string;
    /** True when the request carried a session cookie that is unknown or expired. */
    staleSession: boolean;
  }
  interface FastifyContextConfig {
    /** A POST that only reads (CKAN's action API is called with POST by its clients): no CSRF token is asked for. */
    readOnly?: boolean;
    /** A machine-to-machine POST authenticated by an HMAC signature over its body (checked by the route): no CSRF token. */
    signedPayload?: boolean;
    /** A POST authenticated only by an API key in its form body (Open311's `api_key`), never by the session cookie: no CSRF token. */
    apiKeyInBody?: boolean;
  }
}

export const SESSION_COOKIE = 'os_session';
export const CSRF_COOKIE = 'os_csrf';
export const LANG_COOKIE = 'os_lang';

const MACHINE_PATHS = /^\/(health|metrics|assets\/)/;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** CKAN's action API, where clients send the key bare: ckanapi sets both `Authorization: <key>` and `X-CKAN-API-Key`. */
const CKAN_PATHS = /^\/api\/(3\/)?action\//;

export function apiKeyFrom(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const x = request.headers['x-api-key'];
  if (typeof x === 'string') return x;
  if (!CKAN_PATHS.test(request.url)) return undefined;
  const ckan = request.headers['x-ckan-api-key'];
  if (typeof ckan === 'string' && ckan.trim()) return ckan.trim();
  return header && !/\s/.test(header.trim()) ? header.trim() : undefined;
}

export function cookieOptions(config: Config, maxAgeSeconds: number) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.env === 'production', maxAge: maxAgeSeconds };
}

/**
 * Per request: language, CSRF token and the acting user. Every form post and every cookie-authenticated
 * API mutation must carry the CSRF token (form field `_csrf` or header `x-csrf-token`).
 */
export function registerRequestContext(app: App, config: Config, authenticator: Authenticator | undefined) {
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('locale', 'ko');
  app.decorateRequest('csrfToken', '');
  app.decorateRequest('staleSession', false);

  // Callback-style hooks that finish synchronously unless a credential has to be looked up (an API key or a
  // session cookie): an anonymous request, the common case, costs no promise and no database query.
  app.addHook('onRequest', (request, reply, done) => {
    request.actor = anonymous(request.id);
    if (MACHINE_PATHS.test(request.url)) return done(); // probes and assets: no language, no cookies, no user
    const langCookie = request.cookies[LANG_COOKIE];
    const langQuery = (request.query as Record<string, unknown> | undefined)?.lang;
    request.locale = isLocale(langQuery) ? langQuery : negotiateLocale(langCookie, request.headers['accept-language']);

    let csrfSeed = request.cookies[CSRF_COOKIE];
    const isApi = request.url.startsWith('/api/');
    if (isApi && !csrfSeed)
      csrfSeed = ''; // apps calling the API get no cookie; browsers already have one
    else if (!csrfSeed || csrfSeed.length < 16) {
      csrfSeed = newToken();
      reply.setCookie(CSRF_COOKIE, csrfSeed, cookieOptions(config, 60 * 60 * 24 * 30));
    }
    request.csrfToken = csrfSeed ? hmac(config.secret, csrfSeed) : '';
    if (!authenticator) return done();
    const key = apiKeyFrom(request);
    if (key) {
      authenticator.fromApiKey(key, request.id).then((actor) => {
        if (!actor) return done(new AppError('auth.api_key_invalid', 'The API key is unknown or revoked', 401));
        request.actor = actor;
        done();
      }, done);
      return;
    }
    const session = request.cookies[SESSION_COOKIE];
    if (!session) return done();
    authenticator.fromSession(session, request.id).then((actor) => {
      if (actor) request.actor = actor;
      else {
        request.staleSession = true;
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
      done();
    }, done);
  });

  app.addHook('preHandler', (request, _reply, done) => {
    if (SAFE_METHODS.has(request.method)) return done();
    if (request.routeOptions.config.readOnly || request.routeOptions.config.signedPayload || request.routeOptions.config.apiKeyInBody) return done();
    if (request.actor.kind === 'api_key') return done(); // bearer credentials are not sent by browsers on their own
    const field = (request.body as Record<string, unknown> | undefined)?._csrf;
    const fromForm = typeof field === 'object' && field !== null ? (field as { value?: unknown }).value : field; // multipart fields are objects
    const sent = fromForm ?? request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !request.csrfToken || !safeEqual(sent, request.csrfToken)) {
      return done(new AppError('csrf.invalid', 'The CSRF token is missing or wrong; reload the form and try again', 403));
    }
    done();
  });

  app.get('/lang/:locale', { schema: { hide: true } }, async (request: FastifyRequest, reply: FastifyReply) => {
    const { locale } = request.params as { locale: string };
    if (!isLocale(locale)) throw new AppError('locale.unknown', `Unknown language "${locale}"; use ko or en`, 404);
    const next = (request.query as { next?: string }).next;
    reply.setCookie(LANG_COOKIE, locale, { ...cookieOptions(config, 60 * 60 * 24 * 365), httpOnly: false });
    return reply.redirect(safeLocalPath(next, '/'), 303);
  });
}

/** For routes that need a signed-in user: a stale cookie gets its own code so clients can tell. */
export function requireUser(request: FastifyRequest) {
  if (request.actor.user) return request.actor.user;
  if (request.staleSession) throw new AppError('auth.session_invalid', 'The session has expired or is not valid; sign in again', 401);
  throw new AppError('auth.required', 'Sign in first', 401);
}

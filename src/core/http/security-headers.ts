import helmet from '@fastify/helmet';
import Fastify, { type FastifyReply, type RouteOptions } from 'fastify';
import type { Config } from '../config.js';
import type { App } from '../context.js';

/**
 * The security headers of every response (@fastify/helmet): a Content-Security-Policy whose scripts come only
 * from this site (the islands are files under /assets; JSON data blocks are not scripts), no plugins, forms and
 * <base> only to this site, no framing by other sites (X-Frame-Options and frame-ancestors); nosniff;
 * Referrer-Policy strict-origin-when-cross-origin; HSTS in production. Styles may be inline (a few pages set a
 * size on an image or an SVG); scripts never. Cross-Origin-Resource-Policy is cross-origin because partners load
 * the transfer widget's script and the open data from their own pages.
 */
export const CSP_DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
  'frame-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'manifest-src': ["'self'"],
};

/** @fastify/helmet's options for our policy (production adds HSTS and upgrade-insecure-requests). */
function helmetOptions(production: boolean) {
  return {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...CSP_DIRECTIVES, ...(production ? { 'upgrade-insecure-requests': [] } : {}) },
    },
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : (false as const),
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' as const },
    crossOriginResourcePolicy: { policy: 'cross-origin' as const },
    crossOriginOpenerPolicy: { policy: 'same-origin' as const },
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'sameorigin' as const },
    xContentTypeOptions: true,
  };
}

/** Headers that are never the application's to set, which helmet removes. */
const HELMET_REMOVES = ['x-powered-by'];

/**
 * The headers @fastify/helmet sets for our policy, computed once: helmet answers one request on a private
 * Fastify instance at start, and every request then gets the same values. (@fastify/helmet builds helmet's
 * middleware and parses the policy on every request: about a tenth of the time of a small API answer.)
 */
export async function securityHeaders(production: boolean): Promise<Array<[string, string]>> {
  const probe = Fastify({ logger: false });
  await probe.register(helmet, helmetOptions(production));
  probe.get('/', async () => 'probe');
  const response = await probe.inject({ method: 'GET', url: '/' });
  await probe.close();
  const own = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive']);
  return Object.entries(response.headers)
    .filter(([name]) => !own.has(name.toLowerCase()))
    .map(([name, value]) => [name.toLowerCase(), String(value)]);
}

/**
 * The headers of a JSON answer of the API (OWASP's REST Security Cheat Sheet): it is no document, so nothing may
 * load from it or frame it (`default-src 'none'; frame-ancestors 'none'`, X-Frame-Options DENY), and nosniff,
 * the Referrer-Policy, Cross-Origin-Resource-Policy and HSTS stay as on every response. Left off are the headers
 * that govern only documents or retired browsers (Cross-Origin-Opener-Policy, Origin-Agent-Cluster,
 * X-DNS-Prefetch-Control, X-Download-Options, X-Permitted-Cross-Domain-Policies, X-XSS-Protection): measured on
 * the routes API (2 KB answers), the site's 13 headers (about 800 bytes) cost a bare Fastify route a quarter of
 * its requests per second.
 */
export function jsonAnswerHeaders(site: Array<[string, string]>): Array<[string, string]> {
  const kept = new Set(['x-content-type-options', 'referrer-policy', 'cross-origin-resource-policy', 'strict-transport-security']);
  return [['content-security-policy', "default-src 'none'; frame-ancestors 'none'"], ['x-frame-options', 'DENY'], ...site.filter(([name]) => kept.has(name))];
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set at registration for an API route whose every 2xx answer is JSON: it gets jsonAnswerHeaders. */
    jsonAnswers?: boolean;
  }
}

/** A route whose every 2xx answer is JSON under /api/v1 (binary and text answers declare their `content`). */
function answersJsonOnly(route: RouteOptions): boolean {
  if (!route.url.startsWith('/api/v1/')) return false;
  const responses = (route.schema as { response?: Record<string, unknown> } | undefined)?.response;
  if (!responses) return false;
  const ok = Object.entries(responses).filter(([code]) => code.startsWith('2'));
  return ok.length > 0 && ok.every(([, schema]) => !(schema && typeof schema === 'object' && 'content' in schema));
}

export async function registerSecurityHeaders(app: App, config: Pick<Config, 'env'>) {
  const headers = await securityHeaders(config.env === 'production');
  if (!headers.some(([name]) => name === 'content-security-policy')) throw new Error('security headers: helmet set no Content-Security-Policy');
  const apiHeaders = jsonAnswerHeaders(headers);
  app.addHook('onRoute', (route) => {
    if (answersJsonOnly(route)) route.config = { ...route.config, jsonAnswers: true };
  });
  // Set on the Node response as helmet does, so a route's own reply.header() still wins (Swagger UI's policy)
  // and allowFramingFromAnywhere can read and change them; a synchronous hook (no promise per request).
  app.addHook('onRequest', (request, reply, done) => {
    const raw = reply.raw;
    for (const name of HELMET_REMOVES) raw.removeHeader(name);
    // The API's own 404 is JSON too (errors under /api/ never render a page).
    const json = request.routeOptions.config?.jsonAnswers || (request.is404 && request.url.startsWith('/api/v1/'));
    const set = json ? apiHeaders : headers;
    for (let i = 0; i < set.length; i++) raw.setHeader(set[i]![0], set[i]![1]);
    done();
  });
}

/**
 * For pages made to be framed by any website (the transfer widget's embed page): frame-ancestors * in the same
 * policy (the rest of it stays), and no X-Frame-Options.
 */
export function allowFramingFromAnywhere(reply: FastifyReply) {
  reply.removeHeader('x-frame-options');
  const csp = reply.getHeader('content-security-policy');
  const policy = typeof csp === 'string' && csp ? csp : "frame-ancestors 'self'";
  reply.header(
    'content-security-policy',
    /frame-ancestors[^;]*/.test(policy) ? policy.replace(/frame-ancestors[^;]*/, 'frame-ancestors *') : `${policy};frame-ancestors *`,
  );
}

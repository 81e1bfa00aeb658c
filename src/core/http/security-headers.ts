import helmet from '@fastify/helmet';
import type { FastifyReply } from 'fastify';
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

export async function registerSecurityHeaders(app: App, config: Pick<Config, 'env'>) {
  const production = config.env === 'production';
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...CSP_DIRECTIVES, ...(production ? { 'upgrade-insecure-requests': [] } : {}) },
    },
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'sameorigin' },
    xContentTypeOptions: true,
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
  reply.header('content-security-policy', /frame-ancestors[^;]*/.test(policy) ? policy.replace(/frame-ancestors[^;]*/, 'frame-ancestors *') : `${policy};frame-ancestors *`);
}

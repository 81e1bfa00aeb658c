import type { FastifyReply, FastifyRequest } from 'fastify';
import '../core/http/request-context.js';
import { renderLayout, type Page, type PageContext } from './layout.js';

export function pageContext(request: FastifyRequest): PageContext {
  const user = request.actor?.user ?? null;
  return {
    locale: request.locale ?? 'ko',
    path: request.url,
    csrfToken: request.csrfToken ?? '',
    user: user ? { displayName: user.displayName, role: user.role } : null,
  };
}

export function sendPage(request: FastifyRequest, reply: FastifyReply, page: Page | ((ctx: PageContext) => Page), status = 200) {
  const ctx = pageContext(request);
  const resolved = typeof page === 'function' ? page(ctx) : page;
  return reply
    .status(status)
    .header('cache-control', 'no-store')
    .header('content-language', ctx.locale)
    .type('text/html; charset=utf-8')
    .send(renderLayout(ctx, resolved));
}

/** Post/redirect/get: after a successful form, go to a page with an optional notice code. */
export const redirectTo = (reply: FastifyReply, location: string) => reply.redirect(location, 303);

import { html, type Html } from '../../../web/html.js';
import type { PageContext } from '../../../web/layout.js';
import { type StatusBasis, statusWords } from '../domain/status-basis.js';

/**
 * A facility's status on a page with what it rests on, in words: "unknown since …" for a live status gone stale,
 * the time a live status was observed, or a snapshot's date (or "date unknown") — the same words the API gives.
 */
export function statusBasisCell(ctx: PageContext, basis: StatusBasis): Html {
  const words = statusWords(basis.status)[ctx.locale];
  const label = ctx.locale === 'en' ? words.charAt(0).toUpperCase() + words.slice(1) : words;
  return html`<span class="status status-${basis.status}">${label}</span>
    <span class="muted" data-status-basis="${basis.kind}" ${basis.unknownSince ? html`data-unknown-since="${basis.unknownSince}"` : null}>(${basis.said[ctx.locale]})</span>`;
}

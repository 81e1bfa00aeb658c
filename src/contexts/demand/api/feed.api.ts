import type { App, Services } from '../../../core/context.js';
import { escapeHtml } from '../../../web/html.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { demandCatalog } from '../messages.js';
import { describeAllRequests } from '../use-cases/describe-data-requests.js';

/**
 * An Atom feed of data requests, the most recently changed first (new, supported, answered, published):
 * one entry per request, its state as a category, in Korean and English.
 */
export function registerDemandFeed(app: App, services: Services) {
  app.get('/demand/requests.atom', { schema: { hide: true } }, async (_request, reply) => {
    const views = (await describeAllRequests(services.db, kstDate(services.now())))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, 50);
    const base = services.config.publicUrl;
    const x = escapeHtml;
    const entries = views.map((v) => {
      const state = demandCatalog[`state.${v.state}`];
      const decision = v.decision ? demandCatalog[`decision.${v.decision.type}`] : null;
      const lines = [
        `${state.ko} / ${state.en}`,
        decision ? `${decision.ko} / ${decision.en}${v.decision?.publishBy ? ` · ${v.decision.publishBy}` : ''}` : '',
        v.dataset ? `${base}${v.dataset.url}` : '',
        `${v.support.supporters} · ${v.support.distinctDistricts}/25 · ${v.support.distinctGroups}/6`,
        '', v.why,
      ].filter((l, i) => l !== '' || i === 4);
      return `<entry><id>${base}${v.url}</id><title>${x(v.title)}</title><updated>${v.updatedAt}</updated><published>${v.createdAt}</published>
<link href="${base}${v.url}"/><author><name>${x(v.requester.displayName)}</name></author><category term="${v.state}" label="${x(state.en)}"/>
<content type="text">${x(lines.join('\n'))}</content></entry>`;
    }).join('\n');
    return reply.type('application/atom+xml; charset=utf-8').send(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ko"><id>${base}/demand/requests.atom</id><title>열린 서울 데이터 요청 / Open Seoul: data requests</title>
<updated>${views[0]?.updatedAt ?? services.now().toISOString()}</updated><link rel="self" href="${base}/demand/requests.atom"/><link href="${base}/demand/requests"/>
${entries}
</feed>`);
  });
}

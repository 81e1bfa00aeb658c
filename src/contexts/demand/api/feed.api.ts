import type { App, Services } from '../../../core/context.js';
import { ATOM_TYPE, atomFeed } from '../../../web/atom.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { demandCatalog } from '../messages.js';
import { describeAllRequests } from '../use-cases/describe-data-requests.js';

/**
 * An Atom feed of data requests, the most recently changed first (new, supported, answered, published):
 * one entry per request, its state as a category, in Korean and English.
 */
export function registerDemandFeed(app: App, services: Services) {
  app.get('/demand/requests.atom', { schema: { hide: true } }, async (_request, reply) => {
    const views = (await describeAllRequests(services.db, kstDate(services.now()))).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, 50);
    const base = services.config.publicUrl;
    const entries = views.map((v) => {
      const state = demandCatalog[`state.${v.state}`];
      const decision = v.decision ? demandCatalog[`decision.${v.decision.type}`] : null;
      const lines = [
        `${state.ko} / ${state.en}`,
        decision ? `${decision.ko} / ${decision.en}${v.decision?.publishBy ? ` · ${v.decision.publishBy}` : ''}` : '',
        v.dataset ? `${base}${v.dataset.url}` : '',
        `${v.support.supporters} · ${v.support.distinctDistricts}/25 · ${v.support.distinctGroups}/6`,
        '',
        v.why,
      ].filter((l, i) => l !== '' || i === 4);
      return {
        id: `${base}${v.url}`,
        title: v.title,
        updated: v.updatedAt,
        published: v.createdAt,
        link: `${base}${v.url}`,
        author: v.requester.displayName,
        category: { term: v.state, label: state.en },
        text: lines.join('\n'),
      };
    });
    return reply.type(ATOM_TYPE).send(
      atomFeed({
        id: `${base}/demand/requests.atom`,
        title: '열린 서울 데이터 요청 / Open Seoul: data requests',
        self: `${base}/demand/requests.atom`,
        alternate: `${base}/demand/requests`,
        updated: views[0]?.updatedAt ?? services.now(),
        lang: 'ko',
        entries,
      }),
    );
  });
}

import type { App, Services } from '../../../core/context.js';
import { ATOM_TYPE, atomFeed } from '../../../web/atom.js';
import { accountabilityMessages } from '../messages.js';
import { listDepartmentFeedEvents, listItemFeedEvents } from '../use-cases/list-feed-events.js';

type EventRow = {
  id: string;
  item_id: string;
  seq: number;
  at: string;
  on_date: string;
  type: string;
  days: number | null;
  reason: string | null;
  title: string;
  url: string;
};

/** One Atom document of history events (the newest first), each in Korean and English. */
function atom(services: Services, self: string, title: string, events: EventRow[]) {
  const base = services.config.publicUrl;
  const entries = events.map((e) => {
    const name = accountabilityMessages[`acc.event.${e.type}` as 'acc.event.received'] ?? { ko: e.type, en: e.type };
    const text = [`${name.ko} / ${name.en} · ${e.on_date}`, e.days ? `${e.days}` : '', e.type !== 'assigned' && e.reason ? e.reason : '']
      .filter(Boolean)
      .join('\n');
    const link = e.url.startsWith('/') ? `${base}${e.url}` : e.url;
    return {
      id: `${base}/accountability/items/${e.item_id}#event-${e.seq}`,
      title: `${name.ko}: ${e.title}`,
      updated: e.at,
      link,
      category: { term: e.type, label: name.en },
      text,
    };
  });
  return atomFeed({ id: `${base}${self}`, title, self: `${base}${self}`, updated: events[0]?.at ?? services.now(), lang: 'ko', entries });
}

/** Atom feeds of every event of one input, and of every input of one department. */
export function registerAccountabilityFeeds(app: App, services: Services) {
  app.get('/accountability/items/:id/events.atom', { schema: { hide: true } }, async (request, reply) => {
    const id = (request.params as { id: string }).id;
    const { item, events } = await listItemFeedEvents(services.db, id);
    return reply.type(ATOM_TYPE).send(atom(services, `/accountability/items/${id}/events.atom`, `열린 서울: ${item.title}`, events));
  });

  app.get('/accountability/departments/:slug/events.atom', { schema: { hide: true } }, async (request, reply) => {
    const slug = (request.params as { slug: string }).slug;
    const { organisation: org, events } = await listDepartmentFeedEvents(services.db, slug);
    return reply
      .type(ATOM_TYPE)
      .send(
        atom(
          services,
          `/accountability/departments/${slug}/events.atom`,
          `열린 서울 답변 책임 / Open Seoul accountability: ${org.name_ko ?? org.name_en ?? slug}`,
          events,
        ),
      );
  });
}

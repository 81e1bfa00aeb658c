import type { App, Services } from '../../../core/context.js';
import { notFound } from '../../../core/errors.js';
import { ATOM_TYPE, atomFeed } from '../../../web/atom.js';
import { accountabilityMessages } from '../messages.js';

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

const eventsQuery = (services: Services) =>
  services.db
    .selectFrom('accountability_clock_event as e')
    .innerJoin('accountability_item as i', 'i.id', 'e.item_id')
    .select(['e.id', 'e.item_id', 'e.seq', 'e.at', 'e.on_date', 'e.type', 'e.days', 'e.reason', 'i.title', 'i.url'])
    .orderBy('e.at', 'desc')
    .orderBy('e.seq', 'desc')
    .limit(100);

/** Atom feeds of every event of one input, and of every input of one department. */
export function registerAccountabilityFeeds(app: App, services: Services) {
  app.get('/accountability/items/:id/events.atom', { schema: { hide: true } }, async (request, reply) => {
    const id = (request.params as { id: string }).id;
    const item = await services.db.selectFrom('accountability_item').select(['id', 'title']).where('id', '=', id).executeTakeFirst();
    if (!item) throw notFound('accountability_item');
    const events = await eventsQuery(services).where('e.item_id', '=', id).execute();
    return reply.type(ATOM_TYPE).send(atom(services, `/accountability/items/${id}/events.atom`, `열린 서울: ${item.title}`, events));
  });

  app.get('/accountability/departments/:slug/events.atom', { schema: { hide: true } }, async (request, reply) => {
    const slug = (request.params as { slug: string }).slug;
    const org = await services.db.selectFrom('accounts_organisation').select(['id', 'name_ko', 'name_en', 'slug']).where('slug', '=', slug).executeTakeFirst();
    if (!org) throw notFound('organisation');
    const events = await eventsQuery(services).where('i.organisation_id', '=', org.id).execute();
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

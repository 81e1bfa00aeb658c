import type { App, Services } from '../../../core/context.js';
import { markedExample } from '../../../core/calendar/ical.js';
import { AppError } from '../../../core/errors.js';
import { ATOM_TYPE, atomFeed } from '../../../web/atom.js';
import { buildCalendar, userFromFeedToken } from '../use-cases/build-calendar.js';
import { listProgrammes } from '../use-cases/describe-programmes.js';
import { findProgramme } from '../store/programme.repository.js';
import { findSessionWithTitles, programmeStamps } from '../store/programme.repository.js';

const hide = { schema: { hide: true } };
const ICS = 'text/calendar; charset=utf-8';

/**
 * Feeds: iCalendar of every programme's sessions (/learn/calendar.ics), of one programme's, and of one person's
 * (a secret address from /learn/me); and an Atom feed of programmes (/learn/programmes.atom).
 */
export function registerLearnFeeds(app: App, services: Services) {
  app.get('/learn/calendar.ics', hide, async (_request, reply) =>
    reply.type(ICS).send(await buildCalendar(services, { name: '열린 서울 데이터 리터러시 일정 / Open Seoul data literacy' })),
  );

  app.get('/learn/programmes/:id/calendar.ics', hide, async (request, reply) => {
    const p = await findProgramme(services.db, (request.params as { id: string }).id);
    return reply.type(ICS).send(await buildCalendar(services, { programmeId: p.id, name: `${p.title_ko}${p.title_en ? ` / ${p.title_en}` : ''}` }));
  });

  app.get('/learn/sessions/:id/calendar.ics', hide, async (request, reply) => {
    const id = (request.params as { id: string }).id;
    const s = await findSessionWithTitles(services.db, id);
    if (!s) throw new AppError('learn.session_not_found', 'No session has this id', 404);
    return reply
      .type(ICS)
      .header('content-disposition', `attachment; filename="open-seoul-session-${s.position}.ics"`)
      .send(await buildCalendar(services, { sessionId: s.id, name: `${s.title_ko}${s.title_en ? ` / ${s.title_en}` : ''}` }));
  });

  app.get('/learn/calendar/:token', hide, async (request, reply) => {
    const token = (request.params as { token: string }).token.replace(/\.ics$/, '');
    const userId = userFromFeedToken(services.config.secret, token);
    return reply
      .type(ICS)
      .header('cache-control', 'private, no-store')
      .send(await buildCalendar(services, { userId, name: '내 데이터 리터러시 일정 / My data literacy calendar' }));
  });

  app.get('/learn/programmes.atom', hide, async (_request, reply) => {
    const items = (await listProgrammes(services)).slice(0, 50);
    const rows = await programmeStamps(services.db);
    const at = new Map(rows.map((r) => [r.id, r]));
    const base = services.config.publicUrl;
    const updated =
      [...at.values()]
        .map((r) => r.updated_at)
        .sort()
        .at(-1) ?? services.now();
    return reply.type(ATOM_TYPE).send(
      atomFeed({
        id: `${base}/learn/programmes.atom`,
        title: '열린 서울 데이터 리터러시 프로그램 / Open Seoul: data literacy programmes',
        self: `${base}/learn/programmes.atom`,
        alternate: `${base}/learn`,
        updated,
        lang: 'ko',
        entries: items.map((p) => ({
          id: `${base}${p.url}`,
          title: `${markedExample(p.title.ko, p.example)}${p.title.en ? ` / ${p.title.en}` : ''}`,
          link: `${base}${p.url}`,
          updated: at.get(p.id)!.updated_at,
          published: at.get(p.id)!.created_at,
          author: p.organisation.name.ko ?? p.organisation.name.en ?? p.organisation.slug,
          summary: `${p.summary.ko}${p.sessions[0] ? ` (${p.sessions[0].startsAt.slice(0, 10)}~)` : ''}`,
        })),
      }),
    );
  });
}

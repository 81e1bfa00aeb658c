import { ICalCalendarMethod, type ICalCalendar } from 'ical-generator';
import { markedExample, utcCalendar } from '../../../core/calendar/ical.js';
import type { App, Services } from '../../../core/context.js';
import { ATOM_TYPE, atomFeed } from '../../../web/atom.js';
import { anonymous } from '../../../core/auth/actor.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { startupsCatalog } from '../messages.js';
import { callStamps } from '../store/call.repository.js';
import { describeCall, describeCalls, type CallView } from '../use-cases/describe-calls.js';

const nextDay = (ymd: string) => new Date(Date.parse(`${ymd}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const allDay = (ymd: string) => new Date(`${ymd}T00:00:00Z`);

/**
 * A call's deadline (an all-day event on the Seoul date: a date has no hour to shift) and its own days. DTSTAMP
 * is when the file was made; UIDs are the call's id; a call's dates never change once opened, so SEQUENCE stays 0.
 */
function addCallEvents(cal: ICalCalendar, c: CallView, services: Services) {
  const url = `${services.config.publicUrl}${c.url}`;
  const label = markedExample(`${c.title.ko} / ${c.title.en}`, c.example);
  const stamp = services.now();
  cal.createEvent({
    id: `${c.id}-deadline@open-seoul`,
    allDay: true,
    start: allDay(c.applyBy),
    end: allDay(nextDay(c.applyBy)),
    url,
    stamp,
    sequence: 0,
    summary: `신청 마감 / Deadline: ${label}`,
    description: `신청 마감 ${c.applyBy} (서울 날짜) / Apply by ${c.applyBy} (Seoul date)\n\n${c.summary.ko}\n\n${c.summary.en}\n\n${url}`,
  });
  if (c.startsOn) {
    cal.createEvent({
      id: `${c.id}-event@open-seoul`,
      allDay: true,
      start: allDay(c.startsOn),
      end: allDay(nextDay(c.endsOn ?? c.startsOn)),
      url,
      stamp,
      sequence: 0,
      summary: label,
      location: c.location ?? undefined,
      description: `${startupsCatalog[`kind.${c.kind}`].ko} / ${startupsCatalog[`kind.${c.kind}`].en}\n\n${url}`,
    });
  }
}

/** Everyone's calls and opportunities, as anyone sees them (feeds carry no session). */
const publicCalls = async (services: Services) => {
  const today = kstDate(services.now());
  const [body, opps] = await Promise.all([
    describeCalls(services.db, anonymous(), 'body', today),
    describeCalls(services.db, anonymous(), 'opportunity', today),
  ]);
  return [...body, ...opps];
};

/**
 * Calendar and news feeds of the calls and opportunities: an iCalendar feed (the deadline of each as an
 * all-day event, and the event's own days) to subscribe to in any calendar app, and an Atom feed.
 */
export function registerStartupsFeeds(app: App, services: Services) {
  app.get('/startups/opportunities.ics', { schema: { hide: true } }, async (_request, reply) => {
    const cal = utcCalendar({ name: '서울 청년 스타트업 기회 / Seoul youth startup opportunities', product: 'startups' });
    cal.method(ICalCalendarMethod.PUBLISH);
    for (const c of await publicCalls(services)) addCallEvents(cal, c, services);
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="seoul-startup-opportunities.ics"').send(cal.toString());
  });

  for (const kind of ['body', 'opportunity'] as const) {
    app.get(`${kind === 'body' ? '/startups/calls' : '/startups/opportunities'}/:slug/calendar.ics`, { schema: { hide: true } }, async (request, reply) => {
      const c = await describeCall(services.db, anonymous(), (request.params as { slug: string }).slug, kind, kstDate(services.now()));
      const cal = utcCalendar({ name: `${c.title.ko} / ${c.title.en}`, product: 'startups' });
      cal.method(ICalCalendarMethod.PUBLISH);
      addCallEvents(cal, c, services);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="${c.slug.replace(/[^A-Za-z0-9-]/g, '') || 'call'}.ics"`)
        .send(cal.toString());
    });
  }

  app.get('/startups/opportunities.atom', { schema: { hide: true } }, async (_request, reply) => {
    const base = services.config.publicUrl;
    const calls = (await publicCalls(services)).sort((a, b) => b.applyBy.localeCompare(a.applyBy)).slice(0, 100);
    const rows = await callStamps(services.db);
    const stamp = (c: CallView) => rows.find((r) => r.id === c.id)!;
    const entries = calls.map((c) => {
      const kind = startupsCatalog[`kind.${c.kind}`];
      const text = [
        `${kind.ko} / ${kind.en}${c.example ? ' · 예시 / example' : ''}`,
        `신청 마감 / Apply by: ${c.applyBy}`,
        c.startsOn ? `일정 / Dates: ${c.startsOn} – ${c.endsOn ?? c.startsOn}${c.location ? ` · ${c.location}` : ''}` : '',
        c.resultsPublishedAt
          ? `결과 발표 / Results: ${c.applications
              .filter((a) => a.state === 'selected')
              .map((a) => a.startup.name.ko ?? a.startup.name.en)
              .join(', ')}`
          : '',
        '',
        c.summary.ko,
        '',
        c.summary.en,
      ]
        .filter((l, i) => l !== '' || i >= 4)
        .join('\n');
      return {
        id: `${base}${c.url}`,
        title: `${c.title.ko} / ${c.title.en}`,
        updated: stamp(c).updated_at,
        published: stamp(c).created_at,
        link: `${base}${c.url}`,
        category: { term: c.kind, label: kind.en },
        text,
      };
    });
    const updated =
      rows
        .map((r) => r.updated_at)
        .sort()
        .pop() ?? services.now();
    return reply.type(ATOM_TYPE).send(
      atomFeed({
        id: `${base}/startups/opportunities.atom`,
        title: '열린 서울 청년 스타트업 기회 / Open Seoul: youth startup opportunities',
        self: `${base}/startups/opportunities.atom`,
        alternate: `${base}/startups/opportunities`,
        updated,
        lang: 'ko',
        entries,
      }),
    );
  });
}

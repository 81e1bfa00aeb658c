import type { App, Services } from '../../../core/context.js';
import { html } from '../../../web/html.js';
import type { PageContext } from '../../../web/layout.js';
import { sendPage } from '../../../web/page.js';
import { learnT } from '../messages.js';
import { programmeUrl } from '../store/tables.js';
import { exampleBadge, hide, kindBadge, learnAssets, learnNav, localized, when } from './learn-view.js';
import { sessionsForCalendarPage } from '../store/programme.repository.js';

const monthOf = (iso: string, locale: 'ko' | 'en') =>
  new Intl.DateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-GB', { timeZone: 'Asia/Seoul', year: 'numeric', month: 'long' }).format(new Date(iso));

/** /learn/calendar: sessions to come, month by month, with the iCalendar subscription (?past=1: sessions that were). */
export function registerCalendarPage(app: App, services: Services) {
  app.get('/learn/calendar', hide, async (request, reply) => {
    const past = (request.query as Record<string, unknown>).past === '1';
    const now = services.now().toISOString();
    const sessions = await sessionsForCalendarPage(services.db, now, past);
    return sendPage(request, reply, (ctx: PageContext) => {
      const t = learnT(ctx.locale);
      const months = [...new Set(sessions.map((s) => monthOf(s.starts_at, ctx.locale)))];
      return {
        title: t('calendar.title'),
        body: html`${learnAssets}${learnNav(ctx, request.actor, '/learn/calendar')}
          <h1>${t('calendar.title')}</h1><p>${t('calendar.intro')}</p>
          <p><a href="/learn/calendar.ics">${t('nav.ics')}</a> · <a href="/learn/programmes.atom">${t('nav.atom')}</a> ·
            ${past ? html`<a href="/learn/calendar">${t('calendar.upcomingOnly')}</a>` : html`<a href="/learn/calendar?past=1">${t('calendar.past')}</a>`}</p>
          ${
            sessions.length
              ? months.map(
                  (m, i) => html`<section aria-labelledby="month-${i}"><h2 id="month-${i}">${m}</h2><ul class="stack">
            ${sessions
              .filter((s) => monthOf(s.starts_at, ctx.locale) === m)
              .map(
                (s) => html`<li class="card" data-session="${s.id}">
              <p><time datetime="${s.starts_at}">${when(ctx.locale, s.starts_at, s.ends_at)}</time> ${kindBadge(ctx.locale, s.kind)} ${s.example ? exampleBadge(ctx.locale) : null}</p>
              <p><a href="${programmeUrl(s.programme_id)}">${localized({ ko: s.p_ko, en: s.p_en }, ctx.locale)}</a> — ${localized({ ko: s.title_ko, en: s.title_en }, ctx.locale)}</p>
              <p>${localized({ ko: s.place_ko, en: s.place_en }, ctx.locale)}</p></li>`,
              )}</ul></section>`,
                )
              : html`<p>${t('calendar.none')}</p>`
          }`,
      };
    });
  });
}

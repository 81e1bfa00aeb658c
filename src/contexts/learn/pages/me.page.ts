import type { App, Services } from '../../../core/context.js';
import { html } from '../../../web/html.js';
import type { PageContext } from '../../../web/layout.js';
import { sendPage } from '../../../web/page.js';
import { learnT } from '../messages.js';
import { programmeUrl } from '../store/tables.js';
import { describeLearner } from '../use-cases/describe-learner.js';
import { hide, learnAssets, learnNav, localized, seoulDay } from './learn-view.js';

/** /learn/me: the learner's completed lessons and progress, programmes, certificates and secret calendar address. */
export function registerMePage(app: App, services: Services) {
  app.get('/learn/me', hide, async (request, reply) => {
    const me = request.actor.user ? await describeLearner(services, request.actor.user.id) : null;
    return sendPage(request, reply, (ctx: PageContext) => {
      const t = learnT(ctx.locale);
      if (!me)
        return {
          title: t('me.title'),
          body: html`${learnAssets}${learnNav(ctx, request.actor, '/learn/me')}<h1>${t('me.title')}</h1><p><a href="/sign-in?next=/learn/me">${t('me.signIn')}</a></p>`,
        };
      const done = me.lessons.filter((l) => l.completedAt);
      const feed = `${services.config.publicUrl}${me.calendarUrl}`;
      return {
        title: t('me.title'),
        body: html`${learnAssets}${learnNav(ctx, request.actor, '/learn/me')}<h1>${t('me.title')}</h1>
          <section aria-labelledby="completed-title"><h2 id="completed-title">${t('me.completed')}</h2>
            ${done.length ? html`<ul data-completed>${done.map((l) => html`<li data-lesson="${l.slug}"><a href="${l.url}">${localized(l.title, ctx.locale)}</a> — ${t('me.done', { date: seoulDay(l.completedAt!) })}</li>`)}</ul>` : html`<p>${t('me.noneCompleted')}</p>`}</section>
          <section aria-labelledby="progress-title"><h2 id="progress-title">${t('me.lessons')}</h2>
            <ol>${me.lessons.map((l) => html`<li data-progress="${l.slug}"><a href="${l.url}">${localized(l.title, ctx.locale)}</a> — ${t('me.progress', { solved: l.solved, total: l.total })}</li>`)}</ol></section>
          <section aria-labelledby="programmes-title"><h2 id="programmes-title">${t('me.registrations')}</h2>
            ${me.registrations.length ? html`<ul>${me.registrations.map((r) => html`<li data-registration="${r.state}"><a href="${programmeUrl(r.programmeId)}">${localized(r.title, ctx.locale)}</a> — ${t(`state.${r.state}`)}</li>`)}</ul>` : html`<p>${t('me.noRegistrations')}</p>`}</section>
          <section aria-labelledby="certificates-title"><h2 id="certificates-title">${t('me.certificates')}</h2>
            ${me.certificates.length ? html`<ul>${me.certificates.map((c) => html`<li><a href="${c.url}" data-certificate>${localized(c.title, ctx.locale)}</a> — ${seoulDay(c.issuedAt)}</li>`)}</ul>` : html`<p>${t('me.noCertificates')}</p>`}</section>
          <section aria-labelledby="calendar-title"><h2 id="calendar-title">${t('me.calendar')}</h2><p>${t('me.calendarHelp')}</p>
            <p><a href="${me.calendarUrl}" data-personal-calendar>${feed}</a></p></section>`,
      };
    });
  });
}

import type { App, Services } from '../../../core/context.js';
import { html } from '../../../web/html.js';
import type { PageContext } from '../../../web/layout.js';
import { sendPage } from '../../../web/page.js';
import { AUDIENCES, PROGRAMME_KINDS } from '../domain/vocabularies.js';
import { learnT } from '../messages.js';
import { describeLearner, lessonSummaries } from '../use-cases/describe-learner.js';
import { listProgrammes } from '../use-cases/describe-programmes.js';
import { hide, learnAssets, learnNav, localized, programmeCard } from './learn-view.js';

/** /learn: lessons (with the reader's progress), upcoming and past programmes, and the feeds. */
export function registerLearnHomePage(app: App, services: Services) {
  app.get('/learn', hide, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const pick = <T extends string>(k: string, allowed: readonly T[]) => ((allowed as readonly unknown[]).includes(query[k]) ? (query[k] as T) : undefined);
    const filter = { kind: pick('kind', PROGRAMME_KINDS), audience: pick('audience', AUDIENCES) };
    const [programmes, lessons, me] = await Promise.all([
      listProgrammes(services, filter),
      lessonSummaries(services),
      request.actor.user ? describeLearner(services, request.actor.user.id) : Promise.resolve(null),
    ]);
    const now = services.now().toISOString();
    const upcoming = programmes.filter((p) => (p.sessions.at(-1)?.endsAt ?? '') >= now);
    const past = programmes.filter((p) => (p.sessions.at(-1)?.endsAt ?? '') < now);
    return sendPage(request, reply, (ctx: PageContext) => {
      const t = learnT(ctx.locale);
      return {
        title: t('learn.title'),
        body: html`${learnAssets}${learnNav(ctx, request.actor, '/learn')}
          <h1>${t('learn.title')}</h1><p>${t('learn.intro')}</p>
          <section aria-labelledby="lessons-title"><h2 id="lessons-title">${t('home.lessons')}</h2><p>${t('home.lessonsIntro')}</p>
            <ol class="cards">${lessons.map((l) => {
              const mine = me?.lessons.find((x) => x.slug === l.slug);
              return html`<li class="card stack" data-lesson="${l.slug}"><h3><a href="${l.url}">${localized(l.title, ctx.locale)}</a></h3>
                <p><span class="badge">${t(`level.${l.level as 'beginner'}`)}</span> ${localized(l.summary, ctx.locale)}</p>
                ${mine ? html`<p>${mine.completedAt ? t('me.done', { date: mine.completedAt.slice(0, 10) }) : t('me.progress', { solved: mine.solved, total: mine.total })}</p>` : null}</li>`;
            })}</ol></section>
          <section aria-labelledby="upcoming-title"><h2 id="upcoming-title">${t('home.upcoming')}</h2>
            <p><a href="/learn/calendar">${t('nav.calendar')}</a> · <a href="/learn/calendar.ics">${t('nav.ics')}</a> · <a href="/learn/programmes.atom">${t('nav.atom')}</a></p>
            <form method="get" action="/learn#upcoming-title" class="demand-filters" role="search" aria-labelledby="filter-title"><h3 id="filter-title">${t('home.filter')}</h3>
              <div class="form-group"><label for="f-kind">${t('form.kind')}</label><select id="f-kind" name="kind"><option value="">${t('home.any')}</option>${PROGRAMME_KINDS.map((k) => html`<option value="${k}"${filter.kind === k ? html` selected` : null}>${t(`kind.${k}`)}</option>`)}</select></div>
              <div class="form-group"><label for="f-audience">${t('form.audience')}</label><select id="f-audience" name="audience"><option value="">${t('home.any')}</option>${AUDIENCES.map((a) => html`<option value="${a}"${filter.audience === a ? html` selected` : null}>${t(`audience.${a}`)}</option>`)}</select></div>
              <button type="submit" class="btn btn-secondary">${t('home.apply')}</button></form>
            ${upcoming.length ? html`<ul class="cards">${upcoming.map((p) => programmeCard(ctx, p))}</ul>` : html`<p>${t('home.noProgrammes')}</p>`}</section>
          ${
            past.length
              ? html`<section aria-labelledby="past-title"><h2 id="past-title">${t('home.past')}</h2>
            <ul class="cards">${past.map((p) => programmeCard(ctx, p))}</ul></section>`
              : null
          }`,
      };
    });
  });
}

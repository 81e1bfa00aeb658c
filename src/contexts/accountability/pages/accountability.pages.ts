import type { FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import { pickLocalized } from '../../../core/i18n/messages.js';
import { html, userText } from '../../../web/html.js';
import { errorSummary } from '../../../web/layout.js';
import { formBody, submitForm } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { itemPolicy } from '../domain/policy.js';
import { loadItem } from '../store/item.repository.js';
import { answerItem } from '../use-cases/answer-item.js';
import { buildScorecard, type ScoreLine } from '../use-cases/build-scorecard.js';
import { describeItem } from '../use-cases/describe-item.js';
import { listAnswerQueue } from '../use-cases/list-answer-queue.js';
import { followItem, unfollowByLink, unfollowItem } from '../use-cases/follow-item.js';
import { listDepartmentOverdue } from '../use-cases/list-overdue.js';
import { describeHolidays } from '../use-cases/manage-holidays.js';
import { assignItem, extendDeadline, pauseClock, resumeClock } from '../use-cases/manage-clock.js';
import { confirmAnswer, disputeAnswer, escalateItem } from '../use-cases/respond-to-answer.js';
import { accT, itemPanel, panelFieldId } from './item-panel.js';
import { safeLocalPath } from '../../../core/http/safe-redirect.js';
import type { AccountabilityPorts } from '../domain/ports.js';

const hide = { schema: { hide: true } };

export function registerAccountabilityPages(app: App, services: Services, { translatedOrganisationNames }: AccountabilityPorts) {
  app.get('/accountability', hide, async (request, reply) => {
    const card = await buildScorecard(services.db, kstDate(services.now()));
    const translated = await translatedOrganisationNames(services.db);
    return sendPage(request, reply, (ctx) => {
      const t = accT(ctx.locale);
      const badge = (key: string, lang: string) =>
        lang === 'ko' && translated.has(key) ? html` <span class="badge" data-translation="open-seoul">${t('dept.translated')}</span>` : null;
      const table = (caption: string, lines: ScoreLine[]) =>
        lines.length
          ? html`<div class="table-wrap"><table><caption>${caption}</caption>
        <thead><tr><th scope="col">${t('score.name')}</th><th scope="col">${t('score.received')}</th><th scope="col">${t('score.answered')}</th><th scope="col">${t('score.onTime')}</th><th scope="col">${t('score.median')}</th><th scope="col">${t('score.overdue')}</th><th scope="col">${t('score.disputes')}</th></tr></thead>
        <tbody>${lines.map((l) => {
          const name = pickLocalized(l.name, ctx.locale);
          return html`<tr data-key="${l.key}"><th scope="row" lang="${name.lang}">${caption === t('score.byDepartment') ? html`<a href="/accountability/departments/${l.key}">${name.text}</a>${badge(l.key, name.lang)}` : name.text}</th><td>${l.received}</td><td>${l.answered}</td><td>${l.answeredOnTime}</td><td>${l.medianDays ?? '–'}</td><td>${l.overdueNow}</td><td>${l.disputes}</td></tr>`;
        })}</tbody></table></div>`
          : html`<p>${t('score.none')}</p>`;
      return {
        title: t('score.title'),
        wide: true,
        body: html`<h1>${t('score.title')}</h1><p>${t('score.intro')}</p>
          <p><a href="/api/v1/accountability/scorecard">JSON</a> · <a href="/accountability/holidays">${t('hol.link')}</a></p>
          <h2>${t('score.byDepartment')}</h2>${table(t('score.byDepartment'), card.byDepartment)}
          <h2>${t('score.byKind')}</h2>${table(t('score.byKind'), card.byKind)}`,
      };
    });
  });

  app.get('/accountability/holidays', hide, async (request, reply) => {
    const raw = (request.query as { year?: string }).year;
    const year = raw && /^\d{4}$/.test(raw) ? Number(raw) : Number(kstDate(services.now()).slice(0, 4));
    const view = describeHolidays(year);
    return sendPage(request, reply, (ctx) => {
      const t = accT(ctx.locale);
      return {
        title: t('hol.title', { year }),
        body: html`<h1>${t('hol.title', { year })}</h1><p>${t('hol.intro')}</p>
          <p><a href="/accountability/holidays?year=${year - 1}">${year - 1}</a> · <a href="/accountability/holidays?year=${year + 1}">${year + 1}</a> · <a href="/api/v1/accountability/holidays?year=${year}">JSON</a>${itemPolicy.canEditKinds(request.actor) ? html` · <a href="/accountability/holidays/manage">${t('holadm.title')}</a>` : null}</p>
          ${view.notes.map((n) => html`<p class="alert alert-info">${n[ctx.locale]}</p>`)}
          <div class="table-wrap"><table><caption>${t('hol.title', { year })}</caption>
          <thead><tr><th scope="col">${t('hol.date')}</th><th scope="col">${t('hol.name')}</th><th scope="col">${t('hol.source')}</th></tr></thead>
          <tbody>${view.holidays.map((h) => html`<tr data-source="${h.source}"><td>${h.date}</td><td${ctx.locale === 'en' ? html` lang="en"` : null}>${h.name[ctx.locale]}</td><td>${t(`hol.source.${h.source}`)}${h.reason ? html` · ${userText(h.reason, ctx.locale)}` : null}</td></tr>`)}</tbody></table></div>`,
      };
    });
  });

  app.get('/accountability/departments/:slug', hide, async (request, reply) => {
    const view = await listDepartmentOverdue(services.db, (request.params as { slug: string }).slug, kstDate(services.now()));
    const translated = (await translatedOrganisationNames(services.db)).has(view.organisation.slug);
    return sendPage(request, reply, (ctx) => {
      const t = accT(ctx.locale);
      const name = pickLocalized(view.organisation.name, ctx.locale);
      return {
        title: t('dept.title', { name: name.text }),
        body: html`<h1><span lang="${name.lang}">${name.text}</span></h1>
          ${translated && name.lang === 'ko' ? html`<p><span class="badge" data-translation="open-seoul">${t('dept.translated')}</span></p>` : null}
          <p><a href="/api/v1/accountability/departments/${view.organisation.slug}/overdue">JSON</a> · <a href="/accountability/departments/${view.organisation.slug}/events.atom">Atom</a></p>
          ${view.hasResponder ? null : html`<p class="alert alert-danger">${t('dept.noResponder')}</p>`}
          <h2>${t('dept.overdue')}</h2>
          ${view.overdue.length ? html`<ol class="stack" id="overdue">${view.overdue.map((i) => html`<li data-item="${i.id}"><a href="${i.url}">${userText(i.title, ctx.locale)}</a> · ${t('dept.item', { date: i.dueOn, n: i.businessDaysLate })}${i.veryOverdue ? html` <strong>${t('acc.veryOverdue')}</strong>` : null}</li>`)}</ol>` : html`<p>${t('dept.overdueNone')}</p>`}`,
      };
    });
  });

  app.get('/accountability/queue', hide, async (request, reply) => {
    if (!request.actor.user) return redirectTo(reply, '/sign-in?next=/accountability/queue');
    const views = await listAnswerQueue(services.db, request.actor, kstDate(services.now()));
    return sendPage(request, reply, (ctx) => {
      const t = accT(ctx.locale);
      return {
        title: t('queue.title'),
        body: html`<h1>${t('queue.title')}</h1>${views.length ? html`<ul class="stack">${views.map((v) => html`<li><a href="${v.item.url}">${userText(v.item.title, ctx.locale)}</a> · ${v.clock?.kind === 'overdue' ? t('acc.overdue', { date: v.clock.dueOn, n: v.clock.businessDaysLate }) : v.clock?.kind === 'running' ? t('acc.dueOn', { date: v.clock.dueOn, n: v.clock.businessDaysLeft }) : ''}</li>`)}</ul>` : html`<p>${t('queue.none')}</p>`}`,
      };
    });
  });

  app.get('/accountability/items/:id', hide, async (request, reply) => {
    const view = await describeItem(services.db, (request.params as { id: string }).id, kstDate(services.now()));
    return sendPage(request, reply, (ctx) => ({
      title: view.item.title,
      body: html`<h1>${userText(view.item.title, ctx.locale)}</h1><p><a href="${view.item.url}">${view.item.url}</a></p>${itemPanel(ctx, request.actor, view)}`,
    }));
  });

  /** Each action redirects back to the page of the input; field problems are shown there with the panel. */
  const action = (path: string, run: (request: FastifyRequest, form: Record<string, string>, itemId: string) => Promise<unknown>) =>
    app.post(`/accountability/items/:id/${path}`, hide, async (request, reply) => {
      requireUser(request);
      const itemId = (request.params as { id: string }).id;
      const form = formBody(request.body);
      const result = await submitForm(request.locale, () => run(request, form, itemId));
      const item = await loadItem(services.db, itemId);
      if (!result.ok) {
        const view = await describeItem(services.db, itemId, kstDate(services.now()));
        return sendPage(
          request,
          reply,
          (ctx) => ({
            title: item.title,
            body: html`<h1>${userText(item.title, ctx.locale)}</h1>${errorSummary(ctx.locale, result.errors, (field) => `#${panelFieldId(path, field, itemId)}`)}
            <p><a href="${item.url}">${item.url}</a></p>${itemPanel(ctx, request.actor, view, { action: path, values: form, errors: result.errors })}`,
          }),
          422,
        );
      }
      return redirectTo(reply, safeLocalPath(item.url, `/accountability/items/${itemId}`));
    });
  action('answer', (r, f, id) =>
    answerItem(services, r.actor, { itemId: id, decision: f.decision, reasons: f.reasons, nextSteps: f.nextSteps, publish: f.publish !== '0' }),
  );
  action('assign', (r, _f, id) => assignItem(services, r.actor, { itemId: id, assigneeId: r.actor.user!.id }));
  action('pause', (r, f, id) => pauseClock(services, r.actor, { itemId: id, reason: f.reason }));
  action('resume', (r, _f, id) => resumeClock(services, r.actor, { itemId: id }));
  action('extend', (r, f, id) => extendDeadline(services, r.actor, { itemId: id, days: f.days, reason: f.reason }));
  action('confirm', (r, _f, id) => confirmAnswer(services, r.actor, { itemId: id }));
  action('dispute', (r, f, id) => disputeAnswer(services, r.actor, { itemId: id, reason: f.reason }));
  action('escalate', (r, _f, id) => escalateItem(services, r.actor, { itemId: id }));
  action('follow', (r, _f, id) => followItem(services.db, { itemId: id, userId: r.actor.user!.id }));
  action('unfollow', (r, _f, id) => unfollowItem(services, r.actor, { itemId: id }));

  /** The unsubscribe link of every notice mail: one click, no sign-in. */
  app.get('/accountability/items/:id/unfollow', hide, async (request, reply) => {
    const q = request.query as { u?: string; t?: string };
    const item = await unfollowByLink(services, { itemId: (request.params as { id: string }).id, userId: q.u, token: q.t });
    return sendPage(request, reply, (ctx) => {
      const t = accT(ctx.locale);
      return {
        title: t('follow.stopped'),
        body: html`<h1>${t('follow.stopped')}</h1><p data-unfollowed="${item.id}">${t('follow.stoppedText', { title: item.title })}</p><p><a href="${item.url}">${userText(item.title, ctx.locale)}</a></p>`,
      };
    });
  });
}

import type { FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import { html } from '../../../web/html.js';
import { csrfField, errorSummary, textArea, textField, type FieldError, type PageContext } from '../../../web/layout.js';
import { formBody } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { assertAllowed } from '../../accounts/index.js';
import { reusePolicy } from '../domain/policy.js';
import { REUSE_TYPES } from '../domain/vocabularies.js';
import { civicT } from '../messages.js';
import { datasetChoices } from '../../data/index.js';
import { SHOWCASE_URL } from '../store/tables.js';
import { listReuses } from '../use-cases/list-reuses.js';
import { moderateReuse } from '../use-cases/moderate-reuse.js';
import { submitReuse } from '../use-cases/submit-reuse.js';
import { selectField } from '../../../web/forms.js';
import { civicAssets, civicNav, datasetBoxes, reuseCard } from './civic-view.js';
import { formList, runForm } from './page-forms.js';

const hide = { schema: { hide: true } };

/** /showcase (published reuses), /showcase/new (submit), /showcase/moderation (admins publish or reject). */
export function registerShowcasePages(app: App, services: Services) {
  app.get(SHOWCASE_URL, hide, async (request, reply) => {
    const result = await listReuses(services.db, { limit: 500 });
    const thanks = (request.query as Record<string, unknown>).sent === '1';
    return sendPage(request, reply, (ctx: PageContext) => {
      const t = civicT(ctx.locale);
      return {
        title: t('showcase.title'),
        body: html`${civicAssets}${civicNav(ctx, request.actor, SHOWCASE_URL)}<h1>${t('showcase.title')}</h1><p>${t('showcase.intro')}</p>
          ${thanks ? html`<p class="alert alert-success" role="status">${t('reuse.thanks')}</p>` : null}
          <p><a class="btn btn-primary" href="/showcase/new">${t('nav.submitReuse')}</a></p>
          <h2 id="reuses-title">${t('showcase.count', { n: result.total })}</h2>
          ${result.items.length ? html`<ul class="cards" aria-labelledby="reuses-title">${result.items.map((r) => reuseCard(ctx.locale, r))}</ul>` : html`<p>${t('showcase.none')}</p>`}`,
      };
    });
  });

  const form = async (request: FastifyRequest, s: { values?: Record<string, string>; datasets?: string[]; errors?: FieldError[] } = {}) => {
    const datasets = await datasetChoices(services.db);
    const query = request.query as Record<string, unknown>;
    const preset = typeof query.dataset === 'string' ? [query.dataset] : [];
    return (ctx: PageContext) => {
      const t = civicT(ctx.locale);
      const v = s.values ?? {};
      const f = (name: string, label: string, required = false, type = 'text') =>
        textField({ name, label, type, value: v[name], required, errors: s.errors, locale: ctx.locale });
      const body = !ctx.user
        ? html`<p><a href="/sign-in?next=/showcase/new">${t('reuse.signIn')}</a></p>`
        : html`
        ${errorSummary(ctx.locale, s.errors)}
        <form method="post" action="${SHOWCASE_URL}" class="stack" novalidate>${csrfField(ctx)}
          ${f('title', t('reuse.title'), true)}
          ${selectField({ name: 'type', label: t('reuse.type'), value: v.type ?? 'app', errors: s.errors, options: REUSE_TYPES.map((x) => ({ value: x, label: t(`type.${x}`) })) })}
          ${f('url', t('reuse.url'), true, 'url')}
          ${textArea({ name: 'description', label: t('reuse.description'), value: v.description, rows: 4, required: true, errors: s.errors, locale: ctx.locale })}
          ${f('imageUrl', t('reuse.imageUrl'), false, 'url')}${f('author', t('reuse.author'))}
          ${datasetBoxes(ctx, { legend: t('reuse.datasets'), datasets, checked: s.datasets ?? preset, errors: s.errors, allowRestricted: false })}
          <button type="submit" class="btn btn-primary">${t('reuse.submit')}</button></form>`;
      return { title: t('reuse.newTitle'), body: html`${civicAssets}${civicNav(ctx, request.actor, '/showcase/new')}<h1>${t('reuse.newTitle')}</h1>${body}` };
    };
  };
  app.get('/showcase/new', hide, async (request, reply) => sendPage(request, reply, await form(request)));
  app.post(SHOWCASE_URL, hide, async (request, reply) => {
    requireUser(request);
    const values = formBody(request.body);
    const datasets = formList(request.body, 'datasets');
    const result = await runForm(request.locale, () => submitReuse(services, request.actor, { ...values, datasets } as never));
    if (!result.ok) return sendPage(request, reply, await form(request, { values, datasets, errors: result.errors }), result.status);
    return redirectTo(reply, `${SHOWCASE_URL}?sent=1`);
  });

  const queue = async (request: FastifyRequest, sent?: { id: string; errors: FieldError[] }) => {
    const pending = await listReuses(services.db, { state: 'pending', limit: 500 });
    return (ctx: PageContext) => {
      const t = civicT(ctx.locale);
      return {
        title: t('moderation.title'),
        body: html`${civicAssets}${civicNav(ctx, request.actor, '/showcase/moderation')}<h1>${t('moderation.title')}</h1>
          ${
            pending.items.length
              ? html`<ul class="stack demand-list">${pending.items.map((r) => {
                  const errors = sent?.id === r.id ? sent.errors : undefined;
                  return html`<li class="stack">${reuseCard(ctx.locale, r, 'h2', false)}
              <form method="post" action="${SHOWCASE_URL}/${r.id}/moderate" class="stack" novalidate>${csrfField(ctx)}
                ${errorSummary(ctx.locale, errors, () => `#f-reason-${r.id}`)}
                ${textArea({ name: 'reason', id: `f-reason-${r.id}`, label: t('moderation.reason'), rows: 2, errors, locale: ctx.locale })}
                <button type="submit" name="decision" value="publish" class="btn btn-primary">${t('moderation.publish')}</button>
                <button type="submit" name="decision" value="reject" class="btn btn-secondary">${t('moderation.reject')}</button></form></li>`;
                })}</ul>`
              : html`<p>${t('moderation.none')}</p>`
          }`,
      };
    };
  };
  app.get('/showcase/moderation', hide, async (request, reply) => {
    requireUser(request);
    assertAllowed(request.actor, reusePolicy.canModerate(request.actor), 'moderate the showcase');
    return sendPage(request, reply, await queue(request));
  });
  app.post('/showcase/:id/moderate', hide, async (request, reply) => {
    requireUser(request);
    const { id } = request.params as { id: string };
    const b = formBody(request.body);
    const result = await runForm(request.locale, () => moderateReuse(services, request.actor, { reuseId: id, decision: b.decision, reason: b.reason }));
    if (!result.ok) return sendPage(request, reply, await queue(request, { id, errors: result.errors }), result.status);
    return redirectTo(reply, '/showcase/moderation');
  });
}

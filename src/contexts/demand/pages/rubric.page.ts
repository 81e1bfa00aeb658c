import type { FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import { html } from '../../../web/html.js';
import { csrfField, errorSummary, textField, type FieldError, type PageContext } from '../../../web/layout.js';
import { formBody, submitForm } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { CRITERIA } from '../domain/priority.js';
import { demandPolicy } from '../domain/policy.js';
import { demandT } from '../messages.js';
import { loadRubric } from '../store/request.repository.js';
import { updatePriorityRubric } from '../use-cases/update-priority-rubric.js';
import { demandAssets, demandNav, seoulDay } from './demand-view.js';

const hide = { schema: { hide: true } };

/** The published rubric (formula and weights) and, for admins, the form that changes the weights. */
export function registerRubricPage(app: App, services: Services) {
  const page = async (request: FastifyRequest, values?: Record<string, string>, errors?: FieldError[]) => {
    const rubric = await loadRubric(services.db);
    const saved = (request.query as { saved?: string }).saved === '1';
    return (ctx: PageContext) => {
      const t = demandT(ctx.locale);
      return {
        title: t('rubric.title'),
        body: html`${demandAssets}${demandNav(ctx, request.actor, '/demand/rubric')}
          <h1>${t('rubric.title')}</h1>
          ${saved ? html`<p class="alert alert-success" role="status">${t('rubric.saved')}</p>` : null}
          <p>${t('rubric.intro')}</p>
          <ul class="stack">${CRITERIA.map((c) => html`<li>${t(`rubric.${c}`)}</li>`)}</ul>
          <div class="table-wrap"><table><caption>${t('rubric.weights')}${rubric.updatedAt ? html` · ${t('rubric.updated', { date: seoulDay(rubric.updatedAt) })}` : null}</caption>
            <thead><tr><th scope="col">${t('priority.criterion')}</th><th scope="col">${t('priority.weight')}</th></tr></thead>
            <tbody>${CRITERIA.map((c) => html`<tr data-criterion="${c}"><th scope="row">${t(`priority.${c}`)}</th><td>${rubric[c]}</td></tr>`)}</tbody></table></div>
          ${
            demandPolicy.canEditRubric(request.actor)
              ? html`<h2>${t('rubric.edit')}</h2>${errorSummary(ctx.locale, errors)}
            <form method="post" action="/demand/rubric" class="stack" novalidate>${csrfField(ctx)}
              ${CRITERIA.map((c) => textField({ name: c, label: t(`priority.${c}`), type: 'number', value: values?.[c] ?? String(rubric[c]), hint: t('rubric.weightHint'), required: true, errors, locale: ctx.locale }))}
              <button type="submit" class="btn btn-primary">${t('rubric.save')}</button></form>`
              : null
          }`,
      };
    };
  };
  app.get('/demand/rubric', hide, async (request, reply) => sendPage(request, reply, await page(request)));
  app.post('/demand/rubric', hide, async (request, reply) => {
    requireUser(request);
    const form = formBody(request.body);
    const result = await submitForm(request.locale, () => updatePriorityRubric(services, request.actor, form));
    if (!result.ok) return sendPage(request, reply, await page(request, form, result.errors), 422);
    return redirectTo(reply, '/demand/rubric?saved=1');
  });
}

import type { FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import { pickLocalized } from '../../../core/i18n/messages.js';
import { html } from '../../../web/html.js';
import { csrfField, errorSummary, textArea, textField, type FieldError, type PageContext } from '../../../web/layout.js';
import { formBody } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { USE_TYPES } from '../domain/vocabularies.js';
import { demandT } from '../messages.js';
import { listHolders } from '../use-cases/list-holders.js';
import { requestUrl } from '../store/tables.js';
import { findSimilarRequests, type SimilarRequests } from '../use-cases/find-similar-requests.js';
import { submitDataRequest } from '../use-cases/submit-data-request.js';
import { demandAssets, demandNav, stateBadge } from './demand-view.js';
import { runForm } from './page-forms.js';
import { selectField } from '../../../web/forms.js';
import { holderOptions } from './request-forms.js';

const hide = { schema: { hide: true } };

/** The similar requests and datasets found for what was typed: links to support or use them instead. */
export function similarList(ctx: PageContext, similar: SimilarRequests) {
  const t = demandT(ctx.locale);
  return html`${
    similar.requests.length
      ? html`<h3>${t('similar.requests')}</h3><ul class="stack">${similar.requests.map(
          (r) => html`<li>
      <a href="${r.url}">${r.title}</a> ${stateBadge(ctx.locale, r.state)} · ${t('similar.supporters', { n: r.supporters })}</li>`,
        )}</ul>`
      : null
  }
    ${
      similar.datasets.length
        ? html`<h3>${t('similar.datasets')}</h3><ul class="stack">${similar.datasets.map((d) => {
            const title = pickLocalized(d.title, ctx.locale);
            return html`<li><a href="${d.url}" lang="${title.lang}">${title.text}</a></li>`;
          })}</ul>`
        : null
    }`;
}

interface FormState {
  values?: Record<string, string>;
  errors?: FieldError[];
  similar?: SimilarRequests;
  existing?: string;
}

export function registerNewRequestPage(app: App, services: Services) {
  const formPage = async (request: FastifyRequest, s: FormState = {}) => {
    const holders = await listHolders(services.db);
    return (ctx: PageContext) => {
      const t = demandT(ctx.locale);
      const v = s.values ?? {};
      const found = s.similar && (s.similar.requests.length || s.similar.datasets.length);
      const body = !ctx.user
        ? html`<p><a href="/sign-in?next=/demand/requests/new">${t('new.signIn')}</a></p>`
        : html`
        ${errorSummary(ctx.locale, s.errors)}
        ${s.existing ? html`<p><a href="${requestUrl(s.existing)}">${t('duplicate.see')}</a></p>` : null}
        ${
          found
            ? html`<section class="alert alert-info stack" aria-labelledby="similar-title" id="similar-check">
          <h2 id="similar-title">${t('similar.title')}</h2><p>${t('similar.intro')}</p>${similarList(ctx, s.similar!)}</section>`
            : null
        }
        <form method="post" action="/demand/requests" class="stack" novalidate data-similar-form>${csrfField(ctx)}
          ${found ? html`<input type="hidden" name="confirmed" value="1">` : null}
          ${textField({ name: 'title', label: t('new.what'), value: v.title, hint: t('new.whatHint'), required: true, errors: s.errors, locale: ctx.locale })}
          <div id="similar-live" class="similar-live" aria-live="polite" data-label-requests="${t('similar.requests')}" data-label-datasets="${t('similar.datasets')}" data-label-supporters="${t('similar.supporters', { n: '{n}' })}"></div>
          ${textArea({ name: 'why', label: t('new.why'), value: v.why, rows: 5, required: true, errors: s.errors, locale: ctx.locale })}
          ${selectField({ name: 'organisation', label: t('new.organisation'), value: v.organisation ?? 'unknown', errors: s.errors, options: [{ value: 'unknown', label: t('new.unknown') }, ...holderOptions(ctx, holders)] })}
          ${selectField({ name: 'useType', label: t('new.useType'), value: v.useType, errors: s.errors, placeholder: t('support.choose'), required: true, options: USE_TYPES.map((u) => ({ value: u, label: t(`use.${u}`) })) })}
          ${textArea({ name: 'useDescription', label: t('new.useDescription'), value: v.useDescription, rows: 3, required: true, errors: s.errors, locale: ctx.locale })}
          <button type="submit" class="btn btn-primary">${found ? t('similar.send') : t('new.submit')}</button></form>
        <script src="/assets/demand-similar.js" defer></script>`;
      return {
        title: t('new.title'),
        body: html`${demandAssets}${demandNav(ctx, request.actor, '/demand/requests/new')}<h1>${t('new.title')}</h1><p>${t('new.intro')}</p>${body}`,
      };
    };
  };

  app.get('/demand/requests/new', hide, async (request, reply) => sendPage(request, reply, await formPage(request)));

  /**
   * Without JavaScript the first send is a check: when similar requests or datasets exist, the form comes back
   * with them and a "send anyway" button (confirmed=1). The island sets confirmed once it has shown them live.
   */
  app.post('/demand/requests', hide, async (request, reply) => {
    requireUser(request);
    const form = formBody(request.body);
    if (form.confirmed !== '1' && typeof form.title === 'string' && form.title.trim()) {
      const similar = await findSimilarRequests(services.db, form.title, kstDate(services.now()));
      if (similar.requests.length || similar.datasets.length) return sendPage(request, reply, await formPage(request, { values: form, similar }));
    }
    const result = await runForm(request.locale, () =>
      submitDataRequest(services, request.actor, {
        title: form.title,
        why: form.why,
        organisation: form.organisation,
        useType: form.useType,
        useDescription: form.useDescription,
      }),
    );
    if (!result.ok) {
      const existing = (result.error?.details as { requestId?: string } | undefined)?.requestId;
      return sendPage(request, reply, await formPage(request, { values: form, errors: result.errors, existing }), result.status);
    }
    return redirectTo(reply, requestUrl(result.value.id));
  });
}

import type { FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import { langOfText, type Locale } from '../../../core/i18n/messages.js';
import { html } from '../../../web/html.js';
import { csrfField, errorSummary, textArea, textField, type FieldError, type PageContext } from '../../../web/layout.js';
import { formBody, submitForm } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { assertAllowed } from '../../accounts/index.js';
import { CONTENT_FIELDS, isContentEntity, type ContentEntity, type ContentField } from '../domain/content-fields.js';
import { listCommitments } from '../store/plan.repository.js';
import { describeContent } from '../use-cases/describe-content.js';
import { canEditContent, editPlanContent } from '../use-cases/edit-plan-content.js';
import { listPlanHistory } from '../use-cases/list-plan-history.js';
import { AppError } from '../../../core/errors.js';
import { freeText, planT, translationBadge } from './plan-view.js';

const hide = { schema: { hide: true } };

/** Where the entity is shown to the public, to go back to after a change. */
function publicPage(entity: ContentEntity, row: Record<string, unknown>) {
  switch (entity) {
    case 'commitment':
      return `/plan/commitments/${String(row.slug)}`;
    case 'milestone':
      return `/plan/milestones/${String(row.id)}`;
    case 'organisation':
      return `/accountability/departments/${String(row.slug)}`;
    case 'committee_member':
      return '/plan/committee';
    case 'meeting':
      return `/plan/committee#meeting-${String(row.id)}`;
  }
}

/** Pages to change the plan's content (officials, admins) and the public history of every change. */
export function registerContentPages(app: App, services: Services) {
  const entityOf = (e: string) => {
    if (!isContentEntity(e)) throw new AppError('plan.unknown_entity', `No editable content of kind ${e}`, 404);
    return e;
  };

  const editPage = async (request: FastifyRequest, entity: ContentEntity, id: string, errors?: FieldError[], sent?: Record<string, string>) => {
    const view = await describeContent(services.db, entity, id);
    assertAllowed(request.actor, await canEditContent(services.db, request.actor, entity, view.row), `edit this ${entity}`);
    const commitments = await listCommitments(services.db);
    return (ctx: PageContext) => {
      const t = planT(ctx.locale);
      const what = t(`content.entity.${entity}`);
      const label = (f: ContentField) =>
        `${t(`content.field.${f.lang ? f.name.slice(0, -2) : f.name}` as 'content.field.title')}${f.lang ? ` (${t(`content.lang.${f.lang}`)})` : ''}`;
      const value = (f: ContentField) => sent?.[f.name] ?? (view.values[f.name] === null ? '' : String(view.values[f.name]));
      const input = (f: ContentField) => {
        const own = f.lang ?? (f.kind === 'line' && value(f) ? langOfText(value(f)) : undefined);
        const lang: Locale | undefined = own && own !== ctx.locale ? own : undefined;
        const mark = view.translated.includes(f.name) ? html`<p class="hint">${translationBadge(ctx.locale)}</p>` : null;
        if (f.kind === 'text')
          return html`${mark}${textArea({ name: f.name, label: label(f), value: value(f), rows: 6, errors, locale: ctx.locale, ...(lang ? { lang } : {}) })}`;
        if (f.kind === 'sector') {
          return html`<div class="form-group"><label for="f-${f.name}">${label(f)}</label><select id="f-${f.name}" name="${f.name}">${(['government', 'civil_society'] as const).map((s) => html`<option value="${s}" ${value(f) === s ? html`selected` : null}>${t(`committee.${s}`)}</option>`)}</select></div>`;
        }
        if (f.kind === 'subgroup') {
          return html`<div class="form-group"><label for="f-${f.name}">${label(f)}</label><select id="f-${f.name}" name="${f.name}"><option value="">${t('committee.noSubgroup')}</option>${commitments.map((c) => html`<option value="${c.slug}" ${value(f) === c.slug ? html`selected` : null}>${t('plan.commitment', { n: c.number })}</option>`)}</select></div>`;
        }
        return html`${mark}${textField({
          name: f.name,
          label: label(f),
          value: value(f),
          errors,
          locale: ctx.locale,
          ...(lang ? { lang } : {}),
          ...(f.kind === 'weight' ? { type: 'number', hint: t('content.field.weightHint') } : {}),
        })}`;
      };
      return {
        title: t('content.editTitle', { what }),
        body: html`<h1>${t('content.editTitle', { what })}</h1><p>${t('content.intro')}</p>
          <p><a href="${publicPage(entity, view.row)}">${what}</a> · <a href="/plan/history?entity=${entity}&amp;id=${view.id}">${t('content.history')}</a></p>
          ${errorSummary(ctx.locale, errors)}
          <form method="post" action="/plan/edit/${entity}/${view.id}" class="stack" novalidate>${csrfField(ctx)}
            ${CONTENT_FIELDS[entity].map(input)}
            ${textField({ name: 'note', label: t('content.note'), value: sent?.note, errors, locale: ctx.locale })}
            <button type="submit" class="btn btn-primary">${t('plan.save')}</button></form>`,
      };
    };
  };

  app.get('/plan/edit/:entity/:id', hide, async (request, reply) => {
    const { entity, id } = request.params as { entity: string; id: string };
    if (!request.actor.user) return redirectTo(reply, `/sign-in?next=${encodeURIComponent(`/plan/edit/${entity}/${id}`)}`);
    return sendPage(request, reply, await editPage(request, entityOf(entity), id));
  });

  app.post('/plan/edit/:entity/:id', hide, async (request, reply) => {
    requireUser(request);
    const { entity: raw, id } = request.params as { entity: string; id: string };
    const entity = entityOf(raw);
    const form = formBody(request.body);
    const changes = Object.fromEntries(CONTENT_FIELDS[entity].filter((f) => f.name in form).map((f) => [f.name, form[f.name]]));
    const result = await submitForm(request.locale, () => editPlanContent(services, request.actor, { entity, id, changes, note: form.note }));
    if (!result.ok) return sendPage(request, reply, await editPage(request, entity, id, result.errors, form), 422);
    const { row } = await describeContent(services.db, entity, result.value.id);
    return redirectTo(reply, publicPage(entity, row));
  });

  app.get('/plan/history', hide, async (request, reply) => {
    const q = request.query as { entity?: string; id?: string; offset?: string };
    const offset = /^\d{1,6}$/.test(q.offset ?? '') ? Number(q.offset) : 0;
    const { edits } = await listPlanHistory(services.db, { ...(q.entity ? { entity: q.entity } : {}), ...(q.id ? { id: q.id } : {}), limit: 100, offset });
    return sendPage(request, reply, (ctx) => {
      const t = planT(ctx.locale);
      const value = (v: string | null) => (v === null || v === '' ? t('content.empty') : freeText(v, ctx.locale));
      return {
        title: t('content.history'),
        wide: true,
        body: html`<h1>${t('content.history')}</h1><p>${t('content.historyIntro')}</p>
          <p><a href="/api/v1/plan/history${q.entity ? `?entity=${q.entity}${q.id ? `&id=${q.id}` : ''}` : ''}">JSON</a>${q.entity ? html` · <a href="/plan/history">${t('content.all')}</a>` : null}</p>
          ${
            edits.length
              ? html`<div class="table-wrap"><table id="history"><caption>${t('content.history')}</caption>
            <thead><tr><th scope="col">${t('content.at')}</th><th scope="col">${t('content.what')}</th><th scope="col">${t('content.fieldCol')}</th><th scope="col">${t('content.before')}</th><th scope="col">${t('content.after')}</th><th scope="col">${t('content.by')}</th></tr></thead>
            <tbody>${edits.map(
              (e) => html`<tr data-entity="${e.entity}" data-field="${e.field}">
              <td>${new Date(e.at).toLocaleString(ctx.locale === 'ko' ? 'ko-KR' : 'en-GB', { timeZone: 'Asia/Seoul' })}</td>
              <td><a href="/plan/history?entity=${e.entity}&amp;id=${e.entityId}">${t(`content.entity.${e.entity}`)}</a></td>
              <td>${fieldLabel(ctx.locale, e.field)}</td><td class="prewrap">${value(e.before)}</td><td class="prewrap">${value(e.after)}</td>
              <td>${freeText(e.by, ctx.locale)}${e.note ? html`<br><small>${freeText(e.note, ctx.locale)}</small>` : null}</td></tr>`,
            )}</tbody></table></div>`
              : html`<p>${t('content.historyNone')}</p>`
          }`,
      };
    });
  });
}

const fieldLabel = (locale: Locale, name: string) => {
  const t = planT(locale);
  const lang = /(Ko|En)$/.exec(name)?.[1];
  const base = lang ? name.slice(0, -2) : name;
  return `${t(`content.field.${base}` as 'content.field.title')}${lang ? ` (${t(`content.lang.${lang.toLowerCase() as 'ko'}`)})` : ''}`;
};

import type { FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import { html } from '../../../web/html.js';
import { csrfField, errorSummary, layoutT, textArea, textField, type FieldError, type PageContext } from '../../../web/layout.js';
import { formBody } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { listSqlTables } from '../../data/index.js';
import { inLang } from '../../../web/text.js';
import { analysesT } from '../messages.js';
import { createAnalysis } from '../use-cases/create-analysis.js';
import { analysesAssets, analysesNav, analysisUrl, runForm } from './analysis-view.js';

const hide = { schema: { hide: true } };

/** The sandbox's tables for this reader: each dataset's latest view with its columns, and its version names. */
async function tablesFor(services: Services, request: FastifyRequest) {
  if (!request.actor.user) return [];
  const all = await listSqlTables(services, request.actor);
  return all
    .filter((t) => t.latest)
    .map((t) => ({
      ...t,
      versions: all
        .filter((v) => v.dataset === t.dataset && !v.latest)
        .map((v) => v.name)
        .reverse(),
    }));
}

/** /analyses/new: title, SQL (with the tables it may read listed beside it), chart, narrative; errors in place. */
export function registerAnalysisFormPage(app: App, services: Services) {
  const form = async (request: FastifyRequest, s: { values?: Record<string, string>; errors?: FieldError[] }) => {
    const tables = await tablesFor(services, request);
    return (ctx: PageContext) => {
      const t = analysesT(ctx.locale);
      const v = s.values ?? {};
      const err = (name: string) => s.errors?.find((e) => e.field === name);
      const chartType = v.chartType ?? '';
      const typeError = err('chartType');
      const body = !ctx.user
        ? html`<p><a href="/sign-in?next=/analyses/new">${t('form.signIn')}</a></p>`
        : html`
        <p>${t('form.intro')}</p>
        ${errorSummary(ctx.locale, s.errors)}
        <form method="post" action="/analyses" class="stack" novalidate>${csrfField(ctx)}
          ${textField({ name: 'title', label: t('form.name'), value: v.title, required: true, errors: s.errors, locale: ctx.locale })}
          <div class="form-group${err('sql') ? ' has-error' : ''}">
            <label for="f-sql">${t('form.sql')} <span class="req">(${layoutT(ctx.locale)('form.required')})</span></label>
            <p class="hint" id="f-sql-hint">${t('form.sqlHint')}</p>
            ${err('sql') ? html`<p class="field-error" id="f-sql-error">${err('sql')!.message}</p>` : null}
            <textarea id="f-sql" name="sql" rows="10" spellcheck="false" class="code" required aria-describedby="f-sql-hint${err('sql') ? ' f-sql-error' : ''}"${err('sql') ? html` aria-invalid="true"` : null}>${v.sql ?? ''}</textarea></div>
          <fieldset class="form-group"><legend>${t('form.chart')}</legend>
            <div class="form-group${typeError ? ' has-error' : ''}"><label for="f-chartType">${t('form.chartType')}</label>
              ${typeError ? html`<p class="field-error" id="f-chartType-error">${typeError.message}</p>` : null}
              <select id="f-chartType" name="chartType"${typeError ? html` aria-invalid="true" aria-describedby="f-chartType-error"` : null}>
                <option value="">${t('form.chartNone')}</option>
                ${(['bar', 'line'] as const).map((c) => html`<option value="${c}"${chartType === c ? html` selected` : null}>${t(`chart.${c}`)}</option>`)}</select></div>
            ${textField({ name: 'chartX', label: t('form.chartX'), value: v.chartX, errors: s.errors, locale: ctx.locale })}
            ${textField({ name: 'chartY', label: t('form.chartY'), value: v.chartY, errors: s.errors, locale: ctx.locale })}
          </fieldset>
          ${textArea({ name: 'narrative', label: t('form.narrative'), value: v.narrative, rows: 8, errors: s.errors, locale: ctx.locale })}
          <button type="submit" class="btn btn-primary">${t('form.submit')}</button></form>
        <section aria-labelledby="tables-title"><h2 id="tables-title">${t('form.tables')}</h2><p>${t('form.tablesIntro')}</p>
          ${tables.some((x) => x.restricted) ? html`<p data-output-check>${t('form.outputCheck')} <a href="/data/outputs">${t('form.outputCheckLink')}</a></p>` : null}
          <dl class="stack">${tables.map(
            (x) => html`<dt data-table="${x.name}"><code>${x.name}</code>${x.restricted ? ` ${t('form.restricted')}` : ''}</dt>
            <dd><p>${x.columns.map((c, i) => html`${i ? ', ' : ''}<code>${inLang(c.name)}</code> <span class="muted">${c.type}</span>`)}</p>
              ${x.versions.length ? html`<p class="muted">${t('form.versions', { list: x.versions.map((n) => `"${n}"`).join(', ') })}</p>` : null}</dd>`,
          )}</dl></section>`;
      return { title: t('form.title'), body: html`${analysesAssets}${analysesNav(ctx, '/analyses/new')}<h1>${t('form.title')}</h1>${body}` };
    };
  };

  app.get('/analyses/new', hide, async (request, reply) => sendPage(request, reply, await form(request, {})));
  app.post('/analyses', hide, async (request, reply) => {
    requireUser(request);
    const values = formBody(request.body);
    const chart = values.chartType || values.chartX || values.chartY ? { type: values.chartType ?? '', x: values.chartX ?? '', y: values.chartY ?? '' } : null;
    const result = await runForm(request.locale, () =>
      createAnalysis(services, request.actor, { title: values.title ?? '', sql: values.sql ?? '', narrative: values.narrative ?? '', chart }),
    );
    if (!result.ok) return sendPage(request, reply, await form(request, { values, errors: result.errors }), result.status);
    return redirectTo(reply, analysisUrl(result.value.id));
  });
}

import type { Locale } from '../../../core/i18n/messages.js';
import { html } from '../../../web/html.js';
import { csrfField, errorSummary, textArea, textField, type FieldError, type Page, type PageContext } from '../../../web/layout.js';
import type { DatasetRow } from '../store/tables.js';
import type { DatasetState } from '../store/visibility.js';
import { accessOf, accessPolicyOf } from '../use-cases/set-dataset-access.js';
import { day, langOfText } from './dataset-sections.js';
import { manageT } from './manage.messages.js';
import { datasetTitle, one, type Values } from './publish-view.js';

export interface ManageView {
  dataset: DatasetRow;
  state: DatasetState;
  versions: Array<{
    version: number;
    status: string;
    rows: number;
    published_at: string | null;
    withdrawn_at?: string | null;
    withdrawn_reason?: string | null;
  }>;
  /** Which form came back with problems, what was typed there, and the problems. */
  form?: { name: 'access' | 'delete' | `withdraw-${number}`; values: Values; errors: FieldError[] };
  notice?: 'saved' | 'withdrawn';
  noticeVersion?: number;
}

const ACCESS = ['public', 'private', 'restricted'] as const;

/**
 * /data/datasets/:id/manage: the publisher's controls in one place: the dataset's state in words, edit the
 * description, upload, who sees it (with the access policy of restricted data), withdraw a version, delete.
 */
export function managePage(view: ManageView) {
  return (ctx: PageContext): Page => {
    const m = manageT(ctx.locale);
    const locale: Locale = ctx.locale;
    const d = view.dataset;
    const title = datasetTitle(d, locale);
    const errorsOf = (name: string) => (view.form?.name === name ? view.form.errors : undefined);
    const valuesOf = (name: string): Values => (view.form?.name === name ? view.form.values : {});
    const policy = accessPolicyOf(d);
    const accessValues: Values =
      view.form?.name === 'access'
        ? view.form.values
        : {
            access: accessOf(d),
            reasonKo: policy?.reason.ko ?? '',
            reasonEn: policy?.reason.en ?? '',
            conditionsKo: policy?.conditions.ko ?? '',
            conditionsEn: policy?.conditions.en ?? '',
            contact: policy?.contact ?? '',
          };
    const accessErrors = errorsOf('access');
    const area = (name: string, label: string, values: Values, errors?: FieldError[], id?: string) =>
      textArea({ name, label, value: one(values[name]), rows: 3, errors, locale, id });
    const published = view.versions.filter((v) => v.status === 'published');
    const allErrors = view.form?.errors;
    const errorHref = (field: string) =>
      view.form?.name.startsWith('withdraw-') ? `#f-reason-${view.form.name}` : view.form?.name === 'delete' ? '#f-delete-reason' : `#f-${field}`;
    return {
      title: m('manage.title', { title: title.text }),
      body: html`<p><a href="/data/datasets/${d.id}" lang="${title.lang}">${title.text}</a></p>
        <h1>${m('manage.title', { title: title.text })}</h1>
        <p>${m('manage.intro')}</p>
        ${view.notice ? html`<div class="alert alert-success" role="status"><p>${view.notice === 'withdrawn' ? m('manage.withdrawn', { n: view.noticeVersion ?? 0 }) : m('manage.saved')}</p></div>` : null}
        ${errorSummary(locale, allErrors, errorHref)}
        <section aria-labelledby="state-h"><h2 id="state-h">${m('manage.state')}</h2>
          <p data-state="${view.state}">${m(`state.${view.state === 'deleted' ? 'listed' : view.state}`)}</p>
          <ul class="actions">
            <li><a class="btn btn-secondary" href="/data/datasets/${d.id}/edit">${m('manage.edit')}</a></li>
            <li><a class="btn btn-secondary" href="/data/datasets/${d.id}/upload">${m('manage.upload')}</a></li>
            <li><a href="/data/datasets/${d.id}">${m('manage.view')}</a></li>
          </ul></section>

        <section aria-labelledby="access-h"><h2 id="access-h">${m('access.title')}</h2>
          <form method="post" action="/data/datasets/${d.id}/access" novalidate>${csrfField(ctx)}
            <fieldset id="f-access"><legend>${m('access.field')}</legend>
              ${ACCESS.map((a) => html`<label class="choice"><input type="radio" name="access" value="${a}" ${one(accessValues.access) === a ? html`checked` : null}> ${m(`access.${a}`)}</label> `)}
            </fieldset>
            <fieldset><legend>${m('access.policy')}</legend><p class="hint">${m('access.policyHint')}</p>
              ${area('reasonKo', m('access.reasonKo'), accessValues, accessErrors)}${area('reasonEn', m('access.reasonEn'), accessValues, accessErrors)}
              ${area('conditionsKo', m('access.conditionsKo'), accessValues, accessErrors)}${area('conditionsEn', m('access.conditionsEn'), accessValues, accessErrors)}
              ${textField({ name: 'contact', label: m('access.contact'), value: one(accessValues.contact), errors: accessErrors, locale })}
            </fieldset>
            <button type="submit" class="btn btn-primary">${m('access.submit')}</button>
          </form></section>

        <section aria-labelledby="withdraw-h"><h2 id="withdraw-h">${m('withdraw.title')}</h2><p>${m('withdraw.intro')}</p>
          ${
            published.length
              ? published.map((v) => {
                  const name = `withdraw-${v.version}` as const;
                  return html`<form method="post" action="/data/datasets/${d.id}/versions/${v.version}/withdraw" novalidate data-withdraw="${v.version}">${csrfField(ctx)}
              ${area('reason', m('withdraw.reason', { n: v.version }), valuesOf(name), errorsOf(name), `f-reason-${name}`)}
              <button type="submit" class="btn btn-secondary">${m('withdraw.submit', { n: v.version })}</button></form>`;
                })
              : html`<p>${m('withdraw.none')}</p>`
          }
          ${view.versions
            .filter((v) => v.status === 'withdrawn')
            .map(
              (v) => html`<p data-withdrawn="${v.version}"><strong>${m('withdrawn.badge')}</strong>:
            v${v.version}, ${m('withdrawn.line', { date: day(v.withdrawn_at ?? null) })} <span lang="${langOfText(v.withdrawn_reason ?? '')}">${v.withdrawn_reason ?? ''}</span></p>`,
            )}
        </section>

        <section aria-labelledby="delete-h"><h2 id="delete-h">${m('delete.title')}</h2><p>${m('delete.intro')}</p>
          <form method="post" action="/data/datasets/${d.id}/delete" novalidate>${csrfField(ctx)}
            ${area('reason', m('delete.reason'), valuesOf('delete'), errorsOf('delete'), 'f-delete-reason')}
            <button type="submit" class="btn btn-danger">${m('delete.submit')}</button></form></section>`,
    };
  };
}

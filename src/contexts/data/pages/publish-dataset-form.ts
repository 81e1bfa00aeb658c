import { AppError } from '../../../core/errors.js';
import { pickLocalized, translator, type Locale } from '../../../core/i18n/messages.js';
import { validationMessages, type ValidationKey } from '../../../core/validation/messages.js';
import { html } from '../../../web/html.js';
import { csrfField, errorSummary, textArea, textField, type FieldError, type Page, type PageContext } from '../../../web/layout.js';
import { FREQUENCIES, LICENCES, TOPICS } from '../domain/catalogue.js';
import { manageT } from './manage.messages.js';
import { selectField } from '../../../web/forms.js';
import { one, publishT, type Values } from './publish-view.js';

export interface PublisherChoice {
  id: string;
  name_ko: string | null;
  name_en: string | null;
}

/**
 * Problems of the dataset form as field errors in the reader's language, in plain words where the shared
 * validation message would be vague (the id's pattern, a title in either language); null for other errors.
 */
export function datasetProblems(locale: Locale, error: unknown): FieldError[] | null {
  const t = publishT(locale);
  if (error instanceof AppError && error.code === 'data.dataset_exists') return [{ field: 'id', message: t('publish.error.idTaken') }];
  if (!(error instanceof AppError) || error.code !== 'validation.failed' || !Array.isArray(error.details)) return null;
  const shared = translator(validationMessages, locale);
  return (error.details as Array<{ field: string; code: string }>).map(({ field, code }) => {
    if (field === 'id') return { field, message: t('publish.error.id') };
    if (field === 'titleKo' && code === 'validation.required') return { field, message: t('publish.error.title') };
    if (field === 'publisherId') return { field, message: t('publish.error.publisher') };
    if ((field === 'temporalStart' || field === 'temporalEnd') && code === 'validation.choice') return { field, message: t('publish.error.temporal') };
    return { field, message: code in validationMessages ? shared(code as ValidationKey) : code };
  });
}

/**
 * `/data/new`: the catalogue entry of a new dataset, grouped as people think of it (about, coverage, contact).
 * Every field keeps what was typed when the form comes back with problems.
 */
export function datasetForm(opts: {
  publishers: PublisherChoice[];
  admin: boolean;
  values: Values;
  errors?: FieldError[];
  edit?: { id: string; title: string };
}) {
  return (ctx: PageContext): Page => {
    const t = publishT(ctx.locale);
    const { values, errors } = opts;
    const locale = ctx.locale;
    const text = (name: string, label: string, extra: { hint?: string; type?: string; required?: boolean; autocomplete?: string } = {}) =>
      textField({ name, label, value: one(values[name]), errors, locale, ...extra });
    const area = (name: string, label: string) => textArea({ name, label, value: one(values[name]), rows: 4, errors, locale });
    const topics = [values.topics ?? []].flat();
    const topicsError = errors?.find((e) => e.field === 'topics');
    const publisherOptions = [
      ...(opts.admin ? [{ value: '', label: t('publish.field.noPublisher') }] : []),
      ...opts.publishers.map((p) => {
        const name = pickLocalized({ ko: p.name_ko, en: p.name_en }, locale);
        return { value: p.id, label: name.text, lang: name.lang };
      }),
    ];
    const edit = opts.edit;
    const m = manageT(locale);
    const heading = edit ? m('edit.title', { title: edit.title }) : t('publish.new.title');
    return {
      title: heading,
      body: html`${edit ? html`<p><a href="/data/datasets/${edit.id}/manage">${m('manage.title', { title: edit.title })}</a></p>` : null}
        <h1>${heading}</h1><p>${edit ? m('edit.intro') : t('publish.new.intro')}</p>
        ${errorSummary(locale, errors, (f) => (f === 'topics' ? '#f-topics' : `#f-${f}`))}
        <form method="post" action="${edit ? `/data/datasets/${edit.id}/edit` : '/data/datasets'}" novalidate>${csrfField(ctx)}
          <fieldset><legend>${t('publish.new.about')}</legend>
            ${edit ? html`<p>${t('publish.field.id')}: <code>${edit.id}</code></p>` : text('id', t('publish.field.id'), { hint: t('publish.field.idHint'), required: true, autocomplete: 'off' })}
            ${text('titleKo', t('publish.field.titleKo'))}${text('titleEn', t('publish.field.titleEn'))}
            ${area('descriptionKo', t('publish.field.descriptionKo'))}${area('descriptionEn', t('publish.field.descriptionEn'))}
            ${edit ? null : selectField({ name: 'publisherId', label: t('publish.field.publisher'), hint: opts.admin ? undefined : t('publish.field.publisherHint'), options: publisherOptions, value: one(values.publisherId), errors })}
            <fieldset id="f-topics" ${topicsError ? html`class="has-error" aria-describedby="f-topics-error"` : null}><legend>${t('publish.field.topics')}</legend>
              ${topicsError ? html`<p class="field-error" id="f-topics-error">${topicsError.message}</p>` : null}
              ${Object.entries(TOPICS).map(([id, label]) => html`<label class="choice"><input type="checkbox" name="topics" value="${id}" ${topics.includes(id) ? html`checked` : null}> ${label[locale]}</label> `)}
            </fieldset>
            ${text('keywords', t('publish.field.keywords'), { hint: t('publish.field.keywordsHint') })}
            ${selectField({
              name: 'licence',
              label: t('publish.field.licence'),
              hint: t('publish.field.licenceHint'),
              value: one(values.licence) || 'KOGL-1',
              errors,
              options: Object.entries(LICENCES).map(([id, l]) => ({ value: id, label: l[locale] })),
            })}
          </fieldset>
          <fieldset><legend>${t('publish.new.coverage')}</legend>
            ${selectField({
              name: 'frequency',
              label: t('publish.field.frequency'),
              value: one(values.frequency) || 'irregular',
              errors,
              options: Object.entries(FREQUENCIES).map(([id, f]) => ({ value: id, label: f[locale] })),
            })}
            ${text('temporalStart', t('publish.field.temporalStart'), { hint: t('publish.field.temporalHint') })}
            ${text('temporalEnd', t('publish.field.temporalEnd'), { hint: t('publish.field.temporalHint') })}
            ${text('spatial', t('publish.field.spatial'), { hint: t('publish.field.spatialHint') })}
          </fieldset>
          <fieldset><legend>${t('publish.new.contact')}</legend>
            ${text('contactName', t('publish.field.contactName'), { autocomplete: 'name' })}
            ${text('contactEmail', t('publish.field.contactEmail'), { type: 'email', autocomplete: 'email' })}
            ${text('sourceUrl', t('publish.field.sourceUrl'), { type: 'url', hint: t('publish.field.sourceUrlHint') })}
            ${text('attribution', t('publish.field.attribution'), { hint: t('publish.field.attributionHint') })}
          </fieldset>
          <button type="submit" class="btn btn-primary">${edit ? m('edit.submit') : t('publish.new.submit')}</button>
        </form>`,
    };
  };
}

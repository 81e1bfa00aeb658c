import { html } from '../../../web/html.js';
import { csrfField, errorSummary, textArea, textField, type FieldError, type PageContext } from '../../../web/layout.js';
import { AGE_BANDS, FIELDS, STAGES } from '../domain/vocabularies.js';
import { startupsT } from '../messages.js';
import { selectField } from './startups-view.js';

/** The bilingual profile form (register and edit share it). */
export function profileForm(ctx: PageContext, opts: { action: string; submit: string; values?: Record<string, string>; errors?: FieldError[] }) {
  const t = startupsT(ctx.locale);
  const v = opts.values ?? {};
  const e = opts.errors;
  const field = (name: string, label: string, extra: { type?: string; required?: boolean; autocomplete?: string; hint?: string } = {}) =>
    textField({ name, label, value: v[name], errors: e, locale: ctx.locale, ...extra });
  return html`${errorSummary(ctx.locale, e)}
    <form method="post" action="${opts.action}" class="stack">${csrfField(ctx)}
      ${field('nameKo', t('profile.nameKo'), { autocomplete: 'organization' })}${field('nameEn', t('profile.nameEn'))}
      ${textArea({ name: 'whatKo', label: t('profile.whatKo'), value: v.whatKo, errors: e, locale: ctx.locale, rows: 3 })}
      ${textArea({ name: 'whatEn', label: t('profile.whatEn'), value: v.whatEn, errors: e, locale: ctx.locale, rows: 3 })}
      ${selectField({ name: 'field', label: t('profile.field'), value: v.field, errors: e, options: FIELDS.map((f) => ({ value: f, label: t(`field.${f}`) })) })}
      ${selectField({ name: 'stage', label: t('profile.stage'), value: v.stage, errors: e, options: STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) })) })}
      ${field('teamSize', t('profile.teamSize'), { type: 'number', required: true })}
      ${selectField({ name: 'foundersAgeBand', label: t('profile.foundersAgeBand'), value: v.foundersAgeBand, errors: e, options: AGE_BANDS.map((a) => ({ value: a, label: t(`age.${a}`) })) })}
      ${field('foundedYear', t('profile.foundedYear'), { type: 'number' })}
      ${field('website', t('profile.website'), { type: 'url', autocomplete: 'url' })}
      ${field('contactName', t('profile.contactName'), { autocomplete: 'name' })}
      ${field('contactEmail', t('profile.contactEmail'), { type: 'email', required: true, autocomplete: 'email' })}
      ${field('contactPhone', t('profile.contactPhone'), { type: 'tel', autocomplete: 'tel' })}
      ${textArea({ name: 'references', label: t('profile.references'), value: v.references, errors: e, locale: ctx.locale, rows: 3 })}
      <fieldset class="stack"><legend>${t('booklet.readiness')}</legend>
        ${textArea({ name: 'teamEn', label: t('profile.teamEn'), value: v.teamEn, errors: e, locale: ctx.locale, rows: 3 })}
        ${textArea({ name: 'tractionEn', label: t('profile.tractionEn'), value: v.tractionEn, errors: e, locale: ctx.locale, rows: 3 })}
        ${textArea({ name: 'askEn', label: t('profile.askEn'), value: v.askEn, errors: e, locale: ctx.locale, rows: 3 })}
        ${field('contactNameEn', t('profile.contactNameEn'))}</fieldset>
      <button type="submit" class="btn btn-primary">${opts.submit}</button></form>`;
}

/** The solution form: a multipart upload with the image and its text alternative. */
export function solutionForm(ctx: PageContext, slug: string, opts: { values?: Record<string, string>; errors?: FieldError[] } = {}) {
  const t = startupsT(ctx.locale);
  const v = opts.values ?? {};
  const e = opts.errors;
  const imageError = e?.find((x) => x.field === 'image');
  return html`<form method="post" action="/startups/${slug}/solutions" enctype="multipart/form-data" class="stack">${csrfField(ctx)}
    ${textField({ name: 'titleKo', label: t('solution.titleKo'), value: v.titleKo, errors: e, locale: ctx.locale })}
    ${textField({ name: 'titleEn', label: t('solution.titleEn'), value: v.titleEn, errors: e, locale: ctx.locale })}
    ${textArea({ name: 'descriptionKo', label: t('solution.descriptionKo'), value: v.descriptionKo, errors: e, locale: ctx.locale, rows: 3 })}
    ${textArea({ name: 'descriptionEn', label: t('solution.descriptionEn'), value: v.descriptionEn, errors: e, locale: ctx.locale, rows: 3 })}
    <div class="form-group${imageError ? ' has-error' : ''}"><label for="f-image">${t('solution.image')}</label>
      ${imageError ? html`<p class="field-error" id="f-image-error">${imageError.message}</p>` : null}
      <input id="f-image" name="image" type="file" accept="image/png,image/jpeg"${imageError ? html` aria-invalid="true" aria-describedby="f-image-error"` : null}></div>
    ${textField({ name: 'imageAlt', label: t('solution.imageAlt'), value: v.imageAlt, errors: e, locale: ctx.locale })}
    <button type="submit" class="btn btn-primary">${t('profile.addSolution')}</button></form>`;
}

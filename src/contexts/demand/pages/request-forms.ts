import { pickLocalized } from '../../../core/i18n/messages.js';
import { selectField } from '../../../web/forms.js';
import { html } from '../../../web/html.js';
import { csrfField, errorSummary, textArea, textField, type FieldError, type PageContext } from '../../../web/layout.js';
import { DECISIONS, DECLINE_REASONS, SEOUL_DISTRICTS, SUPPORTER_GROUPS } from '../domain/vocabularies.js';
import { demandT } from '../messages.js';
import type { DataRequestView } from '../use-cases/describe-data-requests.js';

/** A form of the request page sent back with problems: which one, what was typed, what is wrong. */
export interface SentForm {
  form: 'support' | 'answer' | 'assess' | 'triage' | 'link' | 'dispute';
  values: Record<string, string>;
  errors: FieldError[];
}

type Holder = { id: string; slug: string; name_ko: string | null; name_en: string | null };

export const holderOptions = (ctx: PageContext, holders: Holder[]) =>
  holders.map((h) => {
    const name = pickLocalized({ ko: h.name_ko, en: h.name_en ?? h.slug }, ctx.locale);
    return { value: h.id, label: name.text, lang: name.lang };
  });

const sentTo = (sent: SentForm | undefined, form: SentForm['form']) => (sent?.form === form ? sent : undefined);

export function supportForm(ctx: PageContext, v: DataRequestView, sent?: SentForm) {
  const t = demandT(ctx.locale);
  const s = sentTo(sent, 'support');
  return html`<form method="post" action="${v.url}/support" class="stack" novalidate>${csrfField(ctx)}
    ${errorSummary(ctx.locale, s?.errors)}
    <fieldset><legend>${t('support.form')}</legend>
    ${selectField({ name: 'district', label: t('support.district'), value: s?.values.district, errors: s?.errors, placeholder: t('support.choose'), required: true, options: SEOUL_DISTRICTS.map((d) => ({ value: d.id, label: d[ctx.locale] })) })}
    ${selectField({ name: 'group', label: t('support.group'), value: s?.values.group, errors: s?.errors, placeholder: t('support.choose'), required: true, options: SUPPORTER_GROUPS.map((g) => ({ value: g, label: t(`group.${g}`) })) })}
    <button type="submit" class="btn btn-primary">${t('support.submit')}</button></fieldset></form>`;
}

export function answerForm(ctx: PageContext, v: DataRequestView, sent?: SentForm) {
  const t = demandT(ctx.locale);
  const s = sentTo(sent, 'answer');
  const errors = s?.errors;
  const val = (name: string) => s?.values[name];
  const decisionError = errors?.find((e) => e.field === 'decision');
  return html`<section class="card stack" aria-labelledby="answer-form-title"><h2 id="answer-form-title">${t('answer.title')}</h2>
    <p class="hint">${t('answer.hint')}</p>${errorSummary(ctx.locale, errors)}
    <form method="post" action="${v.url}/answer" class="stack" novalidate>${csrfField(ctx)}
      <fieldset${decisionError ? html` aria-describedby="f-decision-error"` : null}><legend>${t('answer.decision')}</legend>
        ${decisionError ? html`<p class="field-error" id="f-decision-error">${decisionError.message}</p>` : null}
        ${DECISIONS.map((d, i) => html`<label><input type="radio" name="decision" value="${d}"${i === 0 ? html` id="f-decision"` : null}${val('decision') === d ? html` checked` : null}> ${t(`decision.${d}`)}</label>`)}
      </fieldset>
      ${textField({ name: 'publishBy', label: t('answer.publishBy'), type: 'date', value: val('publishBy'), hint: t('answer.publishByHint'), errors, locale: ctx.locale })}
      ${textField({ name: 'partialWhat', label: t('answer.partialWhat'), value: val('partialWhat'), errors, locale: ctx.locale })}
      ${selectField({ name: 'declineReason', label: t('answer.declineReason'), value: val('declineReason'), errors, placeholder: '–', options: DECLINE_REASONS.map((r) => ({ value: r, label: t(`reason.${r}`) })) })}
      ${textField({ name: 'declineText', label: t('answer.declineText'), value: val('declineText'), errors, locale: ctx.locale })}
      ${textArea({ name: 'reasons', label: t('answer.reasons'), value: val('reasons'), rows: 4, required: true, errors, locale: ctx.locale })}
      ${textArea({ name: 'nextSteps', label: t('answer.nextSteps'), value: val('nextSteps'), rows: 2, errors, locale: ctx.locale })}
      <button type="submit" class="btn btn-primary">${t('answer.submit')}</button></form></section>`;
}

export function assessForm(ctx: PageContext, v: DataRequestView, sent?: SentForm) {
  const t = demandT(ctx.locale);
  const s = sentTo(sent, 'assess');
  const levels = [0, 1, 2, 3].map((n) => ({ value: String(n), label: t(`assess.level${n}` as 'assess.level0') }));
  return html`<details${s ? html` open` : null}><summary>${t('assess.title')}</summary>${errorSummary(ctx.locale, s?.errors)}
    <form method="post" action="${v.url}/assessment" class="stack" novalidate>${csrfField(ctx)}
      ${selectField({ name: 'feasibility', label: t('assess.feasibility'), value: s?.values.feasibility ?? (v.priority.feasibility === null ? undefined : String(v.priority.feasibility)), errors: s?.errors, options: levels })}
      ${selectField({ name: 'reuse', label: t('assess.reuse'), value: s?.values.reuse ?? (v.priority.reuse === null ? undefined : String(v.priority.reuse)), errors: s?.errors, options: levels })}
      <button type="submit" class="btn btn-secondary">${t('assess.submit')}</button></form></details>`;
}

export function triageForm(ctx: PageContext, v: DataRequestView, holders: Holder[], sent?: SentForm) {
  const t = demandT(ctx.locale);
  const s = sentTo(sent, 'triage');
  return html`<details${s ? html` open` : null}><summary>${t('triage.title')}</summary>${errorSummary(ctx.locale, s?.errors)}
    <form method="post" action="${v.url}/department" class="stack" novalidate>${csrfField(ctx)}
      ${selectField({ name: 'organisation', label: t('triage.organisation'), value: s?.values.organisation ?? v.department.id, errors: s?.errors, options: holderOptions(ctx, holders) })}
      <button type="submit" class="btn btn-secondary">${t('triage.submit')}</button></form></details>`;
}

export function linkForm(ctx: PageContext, v: DataRequestView, sent?: SentForm) {
  const t = demandT(ctx.locale);
  const s = sentTo(sent, 'link');
  return html`<section class="card stack" aria-labelledby="link-form-title"><h2 id="link-form-title">${t('link.title')}</h2>${errorSummary(ctx.locale, s?.errors)}
    <form method="post" action="${v.url}/dataset" class="stack" novalidate>${csrfField(ctx)}
      ${v.dispute ? html`<p class="alert alert-info">${t('link.relink')}</p>` : null}
      ${textField({ name: 'datasetId', label: t('link.datasetId'), value: s?.values.datasetId, hint: t('link.hint'), required: true, errors: s?.errors, locale: ctx.locale })}
      <p class="muted">${t('link.reasonHint')}</p>
      ${textArea({ name: 'reason', label: t('link.reason'), value: s?.values.reason, required: true, errors: s?.errors, locale: ctx.locale })}
      <button type="submit" class="btn btn-primary">${t('link.submit')}</button></form></section>`;
}

export function disputeForm(ctx: PageContext, v: DataRequestView, sent?: SentForm) {
  const t = demandT(ctx.locale);
  const s = sentTo(sent, 'dispute');
  return html`<section class="card stack" aria-labelledby="dispute-form-title"><h2 id="dispute-form-title">${t('dispute.title')}</h2>${errorSummary(ctx.locale, s?.errors)}
    <form method="post" action="${v.url}/dispute" class="stack" novalidate>${csrfField(ctx)}
      ${textArea({ name: 'reason', label: t('dispute.reason'), value: s?.values.reason, required: true, errors: s?.errors, locale: ctx.locale })}
      <button type="submit" class="btn btn-secondary">${t('dispute.submit')}</button></form></section>`;
}

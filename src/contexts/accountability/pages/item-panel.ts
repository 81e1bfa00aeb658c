import { translator, type Locale } from '../../../core/i18n/messages.js';
import type { Actor } from '../../../core/auth/actor.js';
import { html, userText, type Html } from '../../../web/html.js';
import { csrfField, type FieldError, type PageContext } from '../../../web/layout.js';
import { AWAITING_ANSWER } from '../domain/item-state.js';
import { ESCALATION_LEVELS, itemPolicy } from '../domain/policy.js';
import type { ItemView } from '../use-cases/describe-item.js';
import { accountabilityMessages } from '../messages.js';

export const accT = (l: Locale) => translator(accountabilityMessages, l);

/** A form of the panel sent back with problems: which action, what was typed, what is wrong. */
export interface PanelForm {
  action: string;
  values: Record<string, string>;
  errors: FieldError[];
}

/** The panel's field ids carry the item's id (a page can hold several panels); `reason` depends on the form. */
const FIELD_IDS: Record<string, Record<string, string>> = {
  answer: { decision: 'a-decision', reasons: 'a-reasons', nextSteps: 'a-next' },
  pause: { reason: 'a-pause' },
  extend: { days: 'a-days', reason: 'a-ext' },
  dispute: { reason: 'a-dispute' },
};
export const panelFieldId = (action: string, field: string, itemId: string) => `${FIELD_IDS[action]?.[field] ?? `a-${field}`}-${itemId}`;

const when = (iso: string, locale: Locale) => new Date(iso).toLocaleDateString(locale === 'ko' ? 'ko-KR' : 'en-GB', { timeZone: 'Asia/Seoul' });

/** The answer clock, the answers and the actions on one input; embedded in the page of the input itself. */
export function itemPanel(ctx: PageContext, actor: Actor, view: ItemView, form?: PanelForm, opts: { nested?: boolean; answerForm?: boolean } = {}) {
  // Nested under another item's heading (a comment in a list under "Comments"): every heading one level down.
  const [h2, h3, h4] = opts.nested ? ['h3', 'h4', 'h5'] : ['h2', 'h3', 'h4'];
  const t = accT(ctx.locale);
  const { item, clock, answers, pauses, events } = view;
  const base = `/accountability/items/${item.id}`;
  const canAnswer = itemPolicy.canAnswer(actor, item);
  const isAuthor = itemPolicy.canRespondAsAuthor(actor, item);
  const openPause = pauses.find((p) => p.to_on === null);
  const sent = (action: string) => form?.action === action;
  /** One field: its label, its problem tied to it for screen readers, and what was typed (or `fallback`). */
  const control = (action: string, field: string, label: string, input: (attrs: Html, value: string) => Html, fallback = '') => {
    const id = panelFieldId(action, field, item.id);
    const error = sent(action) ? form!.errors.find((e) => e.field === field) : undefined;
    const value = sent(action) ? (form!.values[field] ?? '') : fallback;
    const attrs = html`id="${id}" name="${field}"${error ? html` aria-invalid="true" aria-describedby="${id}-error"` : null}`;
    return html`<div class="form-group${error ? ' has-error' : ''}"><label for="${id}">${label}</label>
      ${error ? html`<p class="field-error" id="${id}-error">${error.message}</p>` : null}${input(attrs, value)}</div>`;
  };
  const text = (attrs: Html, value: string) => html`<input ${attrs} type="text" required value="${value}">`;
  const area =
    (rows: number, required = true) =>
    (attrs: Html, value: string) =>
      html`<textarea ${attrs} rows="${rows}"${required ? html` required` : null}>${value}</textarea>`;
  const clockLine =
    clock === null
      ? null
      : clock.kind === 'paused'
        ? html`<p class="alert alert-info">${t('acc.paused', { date: clock.since })}${openPause ? html`<br>${t('acc.pauseReason', { reason: openPause.reason })}` : null}</p>`
        : clock.kind === 'running'
          ? html`<p class="alert alert-info">${t('acc.dueOn', { date: clock.dueOn, n: clock.businessDaysLeft })}</p>`
          : html`<p class="alert alert-danger">${t('acc.overdue', { date: clock.dueOn, n: clock.businessDaysLate })}${clock.veryOverdue ? html` <strong>${t('acc.veryOverdue')}</strong>` : null}</p>`;
  return html`<section class="card stack" aria-labelledby="answer-${item.id}">
    <${h2} id="answer-${item.id}">${t('acc.answerTitle')}</${h2}>
    <p>${t('acc.state')}: <strong data-state="${item.state}">${t(`acc.state.${item.state}`)}</strong> · ${t('acc.level')}: ${t(`acc.level.${ESCALATION_LEVELS[item.escalation_level] ?? 'officer'}`)} · ${t('acc.received', { date: view.figures.stages[0]?.openedOn ?? item.received_on })}</p>
    ${clockLine}
    ${item.extension_days ? html`<p>${t('acc.extended', { n: item.extension_days, reason: item.extension_reason ?? '' })}</p>` : null}
    ${
      answers.length
        ? answers.map(
            (a) => html`<article class="answer stack">
        <${h3}>${t('acc.decision')}: ${userText(a.decision, ctx.locale)}</${h3}>
        <p class="muted">${t('acc.answeredBy', { name: a.display_name, date: a.published_at ? when(a.published_at, ctx.locale) : '' })} · ${t(`acc.level.${ESCALATION_LEVELS[a.escalation_level] ?? 'officer'}`)}</p>
        <${h4}>${t('acc.reasons')}</${h4}><p class="prewrap">${userText(a.reasons, ctx.locale)}</p>
        ${a.next_steps ? html`<${h4}>${t('acc.nextSteps')}</${h4}><p class="prewrap">${userText(a.next_steps, ctx.locale)}</p>` : null}</article>`,
          )
        : html`<p>${t('acc.noAnswer')}</p>`
    }
    ${view.figures.stages.filter((s) => s.answeredOn !== null).length ? html`<ul class="stage-outcomes">${view.figures.stages.filter((s) => s.answeredOn !== null).map((s) => html`<li data-stage="${s.level}">${t(`acc.level.${ESCALATION_LEVELS[s.level] ?? 'officer'}`)}: <span class="badge ${s.onTime ? 'badge-live' : 'badge-late'}">${s.onTime ? t('acc.onTime') : t('acc.late')}</span> ${t('acc.stageDates', { opened: s.openedOn, due: s.dueOn ?? '', answered: s.answeredOn ?? '' })}${s.onTime ? null : html` · ${t('acc.daysLate', { n: s.businessDaysLate })}`}</li>`)}</ul>` : null}
    ${item.dispute_reason ? html`<p>${t('acc.disputeReason')}: ${userText(item.dispute_reason, ctx.locale)}</p>` : null}
    ${
      canAnswer && AWAITING_ANSWER.includes(item.state)
        ? html`
      ${item.assignee_id !== actor.user?.id ? html`<form method="post" action="${base}/assign">${csrfField(ctx)}<button type="submit" class="btn btn-secondary">${t('acc.takeOn')}</button></form>` : html`<p class="muted">${t('acc.yours')}</p>`}
      ${
        opts.answerForm === false
          ? null
          : html`<details ${view.draft || sent('answer') ? html`open` : null}><summary>${t('acc.write')}</summary>
      ${view.draft ? html`<p class="muted">${t('acc.draftSaved')}</p>` : null}
      <form method="post" action="${base}/answer" class="stack">${csrfField(ctx)}
        ${control('answer', 'decision', t('acc.decision'), text, view.draft?.decision)}
        ${control('answer', 'reasons', t('acc.reasons'), area(5), view.draft?.reasons)}
        ${control('answer', 'nextSteps', t('acc.nextSteps'), area(3, false), view.draft?.next_steps)}
        <button type="submit" name="publish" value="1" class="btn btn-primary">${t('acc.publish')}</button>
        <button type="submit" name="publish" value="0" class="btn btn-secondary">${t('acc.saveDraft')}</button>
      </form></details>`
      }
      <details ${sent('pause') || sent('resume') ? html`open` : null}><summary>${openPause ? t('acc.resume') : t('acc.pause')}</summary>
        <form method="post" action="${base}/${openPause ? 'resume' : 'pause'}" class="stack">${csrfField(ctx)}
          ${openPause ? null : control('pause', 'reason', t('acc.reason'), text)}
          <button type="submit" class="btn btn-secondary">${openPause ? t('acc.resume') : t('acc.pause')}</button></form></details>
      ${
        item.extension_days === 0
          ? html`<details ${sent('extend') ? html`open` : null}><summary>${t('acc.extend')}</summary>
        <form method="post" action="${base}/extend" class="stack">${csrfField(ctx)}
          ${control('extend', 'days', t('acc.days'), (attrs, value) => html`<input ${attrs} type="number" min="1" max="${view.kind.max_extension_days}" required value="${value}">`)}
          ${control('extend', 'reason', t('acc.reason'), text)}
          <button type="submit" class="btn btn-secondary">${t('acc.extend')}</button></form></details>`
          : null
      }`
        : null
    }
    ${
      isAuthor && item.state === 'answered'
        ? html`<div class="stack">
      <form method="post" action="${base}/confirm">${csrfField(ctx)}<button type="submit" class="btn btn-primary">${t('acc.confirm')}</button></form>
      <form method="post" action="${base}/dispute" class="stack">${csrfField(ctx)}
        ${control('dispute', 'reason', t('acc.disputeReason'), area(3))}
        <button type="submit" class="btn btn-danger">${t('acc.dispute')}</button></form></div>`
        : null
    }
    ${
      isAuthor && item.state === 'disputed' && item.escalation_level < ESCALATION_LEVELS.length - 1
        ? html`
      <form method="post" action="${base}/escalate">${csrfField(ctx)}<button type="submit" class="btn btn-secondary">${t('acc.escalate')}</button></form>`
        : null
    }
    ${
      isAuthor && AWAITING_ANSWER.includes(item.state) && clock?.kind === 'overdue' && item.escalation_level < ESCALATION_LEVELS.length - 1
        ? html`
      <form method="post" action="${base}/escalate" class="stack">${csrfField(ctx)}<p>${t('acc.escalateOverdueHelp')}</p><button type="submit" class="btn btn-secondary">${t('acc.escalate')}</button></form>`
        : null
    }
    ${actor.user && !isAuthor ? html`<form method="post" action="${base}/${view.followers.includes(actor.user.id) ? 'unfollow' : 'follow'}">${csrfField(ctx)}<button type="submit" class="btn btn-secondary">${view.followers.includes(actor.user.id) ? t('follow.stop') : t('follow.start')}</button></form>` : null}
    ${actor.user && (isAuthor || view.followers.includes(actor.user.id)) ? html`<p><a href="/accountability/notices">${t('notices.title')}</a></p>` : null}
    <p><a href="${base}/events.atom">${t('acc.feed')}</a></p>
    <details><summary>${t('acc.timeline')}</summary><ol>${events.map((e) => html`<li>${e.on_date} · ${t(`acc.event.${e.type}` as 'acc.event.received')}${e.days ? html` (${e.days})` : null}${e.reason && e.type !== 'assigned' ? html` · ${userText(e.reason, ctx.locale)}` : null}${e.display_name ? html` · ${userText(e.display_name, ctx.locale)}` : null}</li>`)}</ol></details>
  </section>`;
}

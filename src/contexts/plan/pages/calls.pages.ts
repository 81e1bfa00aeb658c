import type { FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { wantsHtml } from '../../../core/http/errors.js';
import { requireUser } from '../../../core/http/request-context.js';
import { pickLocalized } from '../../../core/i18n/messages.js';
import { html } from '../../../web/html.js';
import { csrfField, errorSummary, textArea, textField, type FieldError, type PageContext } from '../../../web/layout.js';
import { formBody, submitForm } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { describeSubject, itemPanel } from '../../accountability/index.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { planPolicy } from '../domain/policy.js';
import { listAllOrganisations } from '../../accounts/index.js';
import { commentsOfSuggestion, countSupports, hasSupported, listCalls } from '../store/call.repository.js';
import { findCall, findSuggestion, listCommitments, suggestionsOfCall } from '../store/plan.repository.js';
import { withAuthorNames } from '../use-cases/name-authors.js';
import { SUGGESTION_OUTCOMES } from '../store/tables.js';
import { openCall } from '../use-cases/open-call.js';
import { recordSuggestionOutcome } from '../use-cases/record-suggestion-outcome.js';
import { submitSuggestion } from '../use-cases/submit-suggestion.js';
import { supportSuggestion } from '../use-cases/support-suggestion.js';
import { commentOnSuggestion } from '../use-cases/comment-on-suggestion.js';
import { describePlan } from '../use-cases/describe-plan.js';
import { field, localized, planT } from './plan-view.js';

const hide = { schema: { hide: true } };

export function registerCallPages(app: App, services: Services) {
  const today = () => kstDate(services.now());
  const phase = (call: { opens_on: string; closes_on: string }) => (today() < call.opens_on ? 'upcoming' : today() > call.closes_on ? 'closed' : 'open');

  const callsPage = async (request: FastifyRequest, values: Record<string, string> = {}, errors?: FieldError[]) => {
    const calls = await listCalls(services.db);
    const departments = await listAllOrganisations(services.db, ['city_department']);
    const canOpen = planPolicy.canOpenCall(request.actor);
    return (ctx: PageContext) => {
      const t = planT(ctx.locale);
      const f = (name: string, label: string) => textField({ name, label, value: values[name], errors, locale: ctx.locale });
      return {
        title: t('calls.title'),
        body: html`<h1>${t('calls.title')}</h1><p>${t('calls.intro')}</p>
          ${
            calls.length
              ? html`<ul class="cards">${calls.map(
                  (c) => html`<li class="card stack">
            <h2><a href="/plan/calls/${c.id}">${localized(field(c, 'title'), ctx.locale, 'span')}</a></h2>
            <p><span class="badge">${t(`calls.${phase(c)}`)}</span> ${t('calls.window', { from: c.opens_on, to: c.closes_on })}</p></li>`,
                )}</ul>`
              : html`<p>${t('calls.none')}</p>`
          }
          ${
            canOpen
              ? html`<h2>${t('calls.new')}</h2>${errorSummary(ctx.locale, errors)}
            <form method="post" action="/plan/calls" class="stack" novalidate>${csrfField(ctx)}
              ${f('titleKo', t('calls.titleKo'))}${f('titleEn', t('calls.titleEn'))}
              ${f('descriptionKo', t('calls.descriptionKo'))}${f('descriptionEn', t('calls.descriptionEn'))}
              ${f('opensOn', t('calls.opensOn'))}${f('closesOn', t('calls.closesOn'))}
              <div class="form-group"><label for="f-organisation">${t('calls.organisation')}</label><select id="f-organisation" name="organisation">
                ${departments.map((d) => {
                  const n = pickLocalized({ ko: d.name_ko, en: d.name_en }, ctx.locale);
                  return html`<option value="${d.slug}" lang="${n.lang}" ${values.organisation === d.slug ? html`selected` : null}>${n.text}</option>`;
                })}</select></div>
              <button type="submit" class="btn btn-primary">${t('calls.new')}</button></form>`
              : null
          }`,
      };
    };
  };
  app.get('/plan/calls', hide, async (request, reply) => sendPage(request, reply, await callsPage(request)));
  app.post('/plan/calls', hide, async (request, reply) => {
    requireUser(request);
    const form = formBody(request.body);
    const result = await submitForm(request.locale, () => openCall(services, request.actor, form));
    if (!result.ok) return sendPage(request, reply, await callsPage(request, form, result.errors), 422);
    return redirectTo(reply, `/plan/calls/${result.value.id}`);
  });

  /** `existing`: the reader's earlier suggestion with the same title, linked from the error. */
  const callPage = async (_request: FastifyRequest, id: string, values: Record<string, string> = {}, errors?: FieldError[], existing?: string) => {
    const call = await findCall(services.db, id);
    const suggestions = await withAuthorNames(services.db, await suggestionsOfCall(services.db, call.id));
    return (ctx: PageContext) => {
      const t = planT(ctx.locale);
      const open = phase(call) === 'open';
      return {
        title: pickLocalized(field(call, 'title'), ctx.locale).text,
        body: html`<p><a href="/plan/calls">${t('calls.title')}</a></p><h1>${localized(field(call, 'title'), ctx.locale, 'span')}</h1>
          <p><span class="badge">${t(`calls.${phase(call)}`)}</span> ${t('calls.window', { from: call.opens_on, to: call.closes_on })}</p>
          ${localized(field(call, 'description'), ctx.locale)}
          <h2>${t('calls.suggestions', { n: suggestions.length })}</h2>
          <ul class="stack">${suggestions.map((s) => html`<li><a href="/plan/suggestions/${s.id}">${s.title}</a> · ${s.author} · ${t(`outcome.${s.outcome}`)} · ${t('suggest.supports', { n: Number(s.supports) })}</li>`)}</ul>
          ${
            open
              ? ctx.user
                ? html`<h2>${t('suggest.title')}</h2>${errorSummary(ctx.locale, errors)}
            ${existing ? html`<p><a href="/plan/suggestions/${existing}">${t('suggest.seeExisting')}</a></p>` : null}
            <form method="post" action="/plan/calls/${call.id}/suggestions" class="stack" novalidate>${csrfField(ctx)}
              ${textField({ name: 'title', label: t('suggest.name'), value: values.title, required: true, errors, locale: ctx.locale })}
              ${textArea({ name: 'body', label: t('suggest.body'), value: values.body, rows: 6, required: true, errors, locale: ctx.locale })}
              <button type="submit" class="btn btn-primary">${t('suggest.submit')}</button></form>`
                : html`<p><a href="/sign-in?next=/plan/calls/${call.id}">${t('suggest.signIn')}</a></p>`
              : errors?.length
                ? html`<div class="alert alert-danger" role="alert" tabindex="-1" id="error-summary" autofocus>${errors.map((e) => html`<p>${e.message}</p>`)}</div>`
                : null
          }`,
      };
    };
  };
  app.get('/plan/calls/:id', hide, async (request, reply) => sendPage(request, reply, await callPage(request, (request.params as { id: string }).id)));
  app.post('/plan/calls/:id/suggestions', hide, async (request, reply) => {
    requireUser(request);
    const { id } = request.params as { id: string };
    const form = formBody(request.body);
    const t = planT(request.locale);
    try {
      const result = await submitForm(request.locale, () => submitSuggestion(services, request.actor, { callId: id, title: form.title, body: form.body }));
      if (!result.ok) return sendPage(request, reply, await callPage(request, id, form, result.errors), 422);
      return redirectTo(reply, `/plan/suggestions/${result.value.id}`);
    } catch (error) {
      // Sent twice, or after the call closed: said on the form, in the reader's language, with what was typed kept.
      if (wantsHtml(request) && error instanceof AppError && error.code === 'plan.duplicate_suggestion') {
        const existing = (error.details as { suggestionId?: string } | undefined)?.suggestionId;
        return sendPage(request, reply, await callPage(request, id, form, [{ field: 'title', message: t('suggest.duplicate') }], existing), 409);
      }
      if (wantsHtml(request) && error instanceof AppError && error.code === 'plan.call_closed') {
        const { opensOn, closesOn } = error.details as { opensOn: string; closesOn: string };
        return sendPage(
          request,
          reply,
          await callPage(request, id, form, [{ field: 'title', message: t('suggest.closedNow', { from: opensOn, to: closesOn }) }]),
          409,
        );
      }
      throw error;
    }
  });

  /** `sent`: the comment or outcome form that came back with problems, shown with its own summary and what was typed. */
  const suggestionPage = async (
    request: FastifyRequest,
    id: string,
    sent?: { form: 'comment' | 'outcome'; errors: FieldError[]; values: Record<string, string> },
  ) => {
    const s = await findSuggestion(services.db, id);
    const call = await findCall(services.db, s.call_id);
    const [author] = await withAuthorNames(services.db, [s]);
    const supports = await countSupports(services.db, s.id);
    const view = await describeSubject(services.db, 'plan_suggestion', s.id, today());
    const commitments = await listCommitments(services.db);
    const adopted = commitments.find((c) => c.id === s.commitment_id);
    const [trail] = adopted ? await describePlan(services.db, today(), (c) => c.id === adopted.id) : [];
    const comments = await withAuthorNames(services.db, await commentsOfSuggestion(services.db, s.id));
    const canRecord = planPolicy.canRecordOutcome(request.actor, call);
    // Supporting twice is refused: someone who already supports sees that instead of the button.
    const supported = request.actor.user ? await hasSupported(services.db, s.id, request.actor.user.id) : false;
    const commentErrors = sent?.form === 'comment' ? sent.errors : undefined;
    const errors = sent?.form === 'outcome' ? sent.errors : undefined;
    const v = (name: string) => (sent?.form === 'outcome' ? sent.values[name] : undefined);
    return (ctx: PageContext) => {
      const t = planT(ctx.locale);
      return {
        title: s.title,
        body: html`<p><a href="/plan/calls/${call.id}">${localized(field(call, 'title'), ctx.locale, 'span')}</a></p>
          <h1>${s.title}</h1><p class="muted">${t('suggest.by', { name: author?.author ?? '', date: kstDate(new Date(s.created_at)) })}</p>
          <p class="prewrap">${s.body}</p>
          <p>${t('suggest.supports', { n: supports })}</p>
          ${
            ctx.user && request.actor.user?.id !== s.author_id
              ? supported
                ? html`<p class="muted">${t('suggest.supported')}</p>`
                : html`<form method="post" action="/plan/suggestions/${s.id}/support">${csrfField(ctx)}<button type="submit" class="btn btn-secondary">${t('suggest.support')}</button></form>`
              : null
          }
          <h2>${t('suggest.outcome')}</h2><p><strong data-outcome="${s.outcome}">${t(`outcome.${s.outcome}`)}</strong>${s.outcome_reason ? html` · ${s.outcome_reason}` : null}</p>
          ${
            adopted && trail
              ? html`<h2>${t('suggest.trail')}</h2>
            <p><a href="/plan/commitments/${adopted.slug}">${t('plan.commitment', { n: adopted.number })}: ${localized(field(adopted, 'title'), ctx.locale, 'span')}</a> · ${t('plan.progressOf', { p: trail.progress })}</p>
            <ol class="stack">${trail.milestones.map(
              (
                m,
              ) => html`<li><a href="/plan/milestones/${m.id}">${localized(m.title, ctx.locale, 'span')}</a> · ${t(`status.${m.status}` as 'status.completed')} · ${m.completion}%
              ${m.updates[0] ? html`<br><span class="muted">${m.updates[0].reportedOn}</span> ${m.updates[0].text.slice(0, 200)} ${m.updates[0].evidence.map((e) => html`<a href="${e.url}" rel="noopener">${t('plan.evidence')}: ${e.label}</a> `)}` : null}</li>`,
            )}</ol>`
              : null
          }
          ${view ? itemPanel(ctx, request.actor, view) : null}
          <h2>${t('comments.title')}</h2>
          ${comments.length ? html`<ol class="stack">${comments.map((cm) => html`<li id="comment-${cm.id}"><p><strong>${cm.author}</strong> · ${kstDate(new Date(cm.created_at))}</p><p class="prewrap">${cm.body}</p></li>`)}</ol>` : html`<p>${t('comments.none')}</p>`}
          ${
            ctx.user
              ? html`${errorSummary(ctx.locale, commentErrors, () => '#f-comment')}<form method="post" action="/plan/suggestions/${s.id}/comments" class="stack">${csrfField(ctx)}
            ${textArea({ name: 'body', id: 'f-comment', label: t('comments.body'), value: commentErrors ? sent?.values.body : undefined, rows: 3, required: true, errors: commentErrors, locale: ctx.locale })}
            <button type="submit" class="btn btn-secondary">${t('comments.add')}</button></form>`
              : null
          }
          ${
            canRecord
              ? html`<h2>${t('suggest.recordOutcome')}</h2>${errorSummary(ctx.locale, errors)}
            <form method="post" action="/plan/suggestions/${s.id}/outcome" class="stack" novalidate>${csrfField(ctx)}
              <div class="form-group"><label for="f-outcome">${t('suggest.outcome')}</label><select id="f-outcome" name="outcome">${SUGGESTION_OUTCOMES.filter((o) => o !== 'pending').map((o) => html`<option value="${o}" ${v('outcome') === o ? html`selected` : null}>${t(`outcome.${o}`)}</option>`)}</select></div>
              <div class="form-group"><label for="f-commitment">${t('suggest.commitment')}</label><select id="f-commitment" name="commitment"><option value="">–</option>${commitments.map((c) => html`<option value="${c.slug}" ${v('commitment') === c.slug ? html`selected` : null}>${t('plan.commitment', { n: c.number })}</option>`)}</select></div>
              ${textField({ name: 'mergedInto', label: t('suggest.mergedInto'), value: v('mergedInto'), errors, locale: ctx.locale })}
              ${textField({ name: 'reason', label: t('suggest.reason'), value: v('reason'), errors, locale: ctx.locale })}
              <button type="submit" class="btn btn-primary">${t('suggest.recordOutcome')}</button></form>`
              : null
          }`,
      };
    };
  };
  app.get('/plan/suggestions/:id', hide, async (request, reply) =>
    sendPage(request, reply, await suggestionPage(request, (request.params as { id: string }).id)),
  );
  app.post('/plan/suggestions/:id/support', hide, async (request, reply) => {
    requireUser(request);
    const { id } = request.params as { id: string };
    await supportSuggestion(services, request.actor, { suggestionId: id });
    return redirectTo(reply, `/plan/suggestions/${id}`);
  });
  app.post('/plan/suggestions/:id/comments', hide, async (request, reply) => {
    requireUser(request);
    const { id } = request.params as { id: string };
    const form = formBody(request.body);
    const result = await submitForm(request.locale, () => commentOnSuggestion(services, request.actor, { suggestionId: id, body: form.body }));
    if (!result.ok) return sendPage(request, reply, await suggestionPage(request, id, { form: 'comment', errors: result.errors, values: form }), 422);
    return redirectTo(reply, `/plan/suggestions/${id}#comment-${result.value.id}`);
  });
  app.post('/plan/suggestions/:id/outcome', hide, async (request, reply) => {
    requireUser(request);
    const { id } = request.params as { id: string };
    const form = formBody(request.body);
    const result = await submitForm(request.locale, () =>
      recordSuggestionOutcome(services, request.actor, {
        suggestionId: id,
        outcome: form.outcome,
        reason: form.reason,
        commitment: form.commitment,
        mergedInto: form.mergedInto,
      }),
    );
    if (!result.ok) return sendPage(request, reply, await suggestionPage(request, id, { form: 'outcome', errors: result.errors, values: form }), 422);
    return redirectTo(reply, `/plan/suggestions/${id}`);
  });
}

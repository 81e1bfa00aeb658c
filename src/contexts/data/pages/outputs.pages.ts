import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import type { AppError } from '../../../core/errors.js';
import { requireUser } from '../../../core/http/request-context.js';
import { formBody, runPageForm } from '../../../web/forms.js';
import { html } from '../../../web/html.js';
import { csrfField, errorSummary, textArea, textField, type FieldError, type PageContext } from '../../../web/layout.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { decideOutputCheck } from '../use-cases/decide-output-check.js';
import { listMyOutputs, listReviewQueue, type OutputView } from '../use-cases/list-output-checks.js';
import { requestOutputCheck } from '../use-cases/request-output-check.js';
import { withdrawOutputCheck } from '../use-cases/withdraw-output-check.js';
import { outputHeader, outputsNav, resultTable, ruleList } from './outputs-view.js';
import { outputsT } from './outputs.messages.js';

const hide = { schema: { hide: true } };
const signIn = (reply: FastifyReply, next: string) => redirectTo(reply, `/sign-in?next=${encodeURIComponent(next)}`);
const REFUSALS = ['identifying', 'shape', 'aggregate', 'near_unique', 'tracker', 'differencing'] as const;
type Values = Record<string, string | undefined>;

/**
 * The output check's pages: /data/outputs (the analyst's outputs and their state, and the form to ask for one)
 * and /data/outputs/review (the reviewer's queue: each result beside what the automatic rules did, and the
 * decision form). A refusal by a rule is shown in words, by rule, on the form.
 */
export function registerOutputPages(app: App, services: Services): void {
  const minePage = (items: OutputView[], s: { values?: Values; errors?: FieldError[]; notice?: boolean }) => (ctx: PageContext) => {
    const t = outputsT(ctx.locale);
    const v = s.values ?? {};
    return {
      title: t('outputs.title'),
      body: html`${outputsNav(ctx.locale, '/data/outputs')}<h1>${t('outputs.title')}</h1><p>${t('outputs.intro')}</p>
        ${s.notice ? html`<div class="alert alert-success" role="status">${t('outputs.requested')}</div>` : null}
        <h2 id="outputs-count">${t('outputs.count', { n: items.length })}</h2>
        ${
          items.length
            ? html`<ol class="cards" aria-labelledby="outputs-count">${items.map(
                (o, i) => html`<li class="card stack" data-output="${o.id}">
          <h3>${o.title}</h3>${outputHeader(ctx.locale, o)}${ruleList(ctx.locale, o, `rules-${i}`)}${resultTable(ctx.locale, o, `result-${i}`)}
          ${o.state === 'pending' ? html`<form method="post" action="/data/outputs/${o.id}/withdraw" class="inline-form">${csrfField(ctx)}<button type="submit" class="btn">${t('outputs.withdraw')}</button></form>` : null}</li>`,
              )}</ol>`
            : html`<p>${t('outputs.none')}</p>`
        }
        <section aria-labelledby="ask-title"><h2 id="ask-title">${t('outputs.form')}</h2>
          ${errorSummary(ctx.locale, s.errors)}
          <form method="post" action="/data/outputs" class="stack" novalidate>${csrfField(ctx)}
            ${textField({ name: 'title', label: t('outputs.form.title'), value: v.title, required: true, errors: s.errors, locale: ctx.locale })}
            ${textArea({ name: 'purpose', label: t('outputs.form.purpose'), value: v.purpose, rows: 3, required: true, errors: s.errors, locale: ctx.locale })}
            ${textArea({ name: 'sql', label: t('outputs.form.sql'), value: v.sql, rows: 6, required: true, errors: s.errors, locale: ctx.locale })}
            <button type="submit" class="btn btn-primary">${t('outputs.form.submit')}</button></form></section>`,
    };
  };

  app.get('/data/outputs', hide, async (request, reply) => {
    if (!request.actor.user) return signIn(reply, '/data/outputs');
    return sendPage(request, reply, minePage(await listMyOutputs(services, request.actor), { notice: (request.query as Values).requested === '1' }));
  });

  app.post('/data/outputs', hide, async (request, reply) => {
    requireUser(request);
    const values = formBody(request.body);
    const t = outputsT(request.locale);
    const result = await runPageForm(
      request.locale,
      () => requestOutputCheck(services, request.actor, { sql: values.sql ?? '', title: values.title ?? '', purpose: values.purpose ?? '' }),
      {
        refusal: (error: AppError) => {
          if (error.code === 'output.not_restricted') return { field: 'sql', message: t('outputs.notRestricted') };
          if (error.code !== 'data.sql_refused' && error.code !== 'data.sql_invalid') return null;
          const check = (error.details as { check?: string } | undefined)?.check;
          const rule = REFUSALS.find((r) => r === check);
          return { field: 'sql', message: `${t('outputs.refused')}: ${rule ? t(`refusal.${rule}`, { k: services.config.dataMinCell }) : error.message}` };
        },
      },
    );
    if (!result.ok) return sendPage(request, reply, minePage(await listMyOutputs(services, request.actor), { values, errors: result.errors }), result.status);
    return redirectTo(reply, '/data/outputs?requested=1');
  });

  app.post('/data/outputs/:id/withdraw', hide, async (request, reply) => {
    requireUser(request);
    await withdrawOutputCheck(services, request.actor, (request.params as { id: string }).id);
    return redirectTo(reply, '/data/outputs');
  });

  const reviewPage = (items: OutputView[], s: { errors?: FieldError[]; failed?: string; values?: Values; notice?: boolean }) => (ctx: PageContext) => {
    const t = outputsT(ctx.locale);
    return {
      title: t('review.title'),
      body: html`${outputsNav(ctx.locale, '/data/outputs/review')}<h1>${t('review.title')}</h1><p>${t('review.intro')}</p>
        ${s.notice ? html`<div class="alert alert-success" role="status">${t('review.decided')}</div>` : null}
        ${errorSummary(ctx.locale, s.errors, (f) => `#${f}-${s.failed}`)}
        <h2 id="queue-count">${t('review.count', { n: items.length })}</h2>
        ${
          items.length
            ? html`<ol class="cards" aria-labelledby="queue-count">${items.map((o, i) => {
                const failed = s.failed === o.id;
                const err = (f: string) => (failed ? s.errors?.find((e) => e.field === f) : undefined);
                return html`<li class="card stack" data-output="${o.id}"><h3>${o.title}</h3>${outputHeader(ctx.locale, o)}
            <pre class="code"><code>${o.sql}</code></pre>
            <div class="review-grid">${resultTable(ctx.locale, o, `result-${i}`)}${ruleList(ctx.locale, o, `rules-${i}`)}</div>
            <form method="post" action="/data/outputs/${o.id}/decision" class="stack" novalidate>${csrfField(ctx)}
              <fieldset class="form-group${err('decision') ? ' has-error' : ''}" id="decision-${o.id}"><legend>${t('review.decision')}</legend>
                ${err('decision') ? html`<p class="field-error">${err('decision')!.message}</p>` : null}
                <label><input type="radio" name="decision" value="approved"${failed && s.values?.decision === 'approved' ? html` checked` : null}> ${t('review.approve')}</label>
                <label><input type="radio" name="decision" value="rejected"${failed && s.values?.decision === 'rejected' ? html` checked` : null}> ${t('review.reject')}</label></fieldset>
              ${textArea({ name: 'reason', id: `reason-${o.id}`, label: t('review.reason'), value: failed ? s.values?.reason : '', rows: 3, required: true, errors: failed ? s.errors : undefined, locale: ctx.locale })}
              <button type="submit" class="btn btn-primary">${t('review.submit')}</button></form></li>`;
              })}</ol>`
            : html`<p>${t('review.none')}</p>`
        }`,
    };
  };

  app.get('/data/outputs/review', hide, async (request, reply) => {
    if (!request.actor.user) return signIn(reply, '/data/outputs/review');
    return sendPage(request, reply, reviewPage(await listReviewQueue(services, request.actor), { notice: (request.query as Values).decided === '1' }));
  });

  app.post('/data/outputs/:id/decision', hide, async (request: FastifyRequest, reply) => {
    requireUser(request);
    const { id } = request.params as { id: string };
    const values = formBody(request.body);
    const result = await runPageForm(request.locale, () =>
      decideOutputCheck(services, request.actor, id, { decision: values.decision ?? '', reason: values.reason ?? '' }),
    );
    if (!result.ok)
      return sendPage(request, reply, reviewPage(await listReviewQueue(services, request.actor), { errors: result.errors, failed: id, values }), result.status);
    return redirectTo(reply, '/data/outputs/review?decided=1');
  });
}

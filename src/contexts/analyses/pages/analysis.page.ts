import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import { html, raw } from '../../../web/html.js';
import { csrfField, errorSummary, textArea, type FieldError, type PageContext } from '../../../web/layout.js';
import { formBody } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { renderMarkdown } from '../../../core/text/markdown.js';
import { analysisPolicy } from '../domain/policy.js';
import type { ResultDiff } from '../domain/result-diff.js';
import type { ResultSnapshot } from '../domain/snapshot.js';
import { analysesT } from '../messages.js';
import { commentOnAnalysis } from '../use-cases/comment-on-analysis.js';
import { describeAnalysis } from '../use-cases/describe-analysis.js';
import { forkAnalysis } from '../use-cases/fork-analysis.js';
import { publishAnalysis } from '../use-cases/publish-analysis.js';
import { rerunAnalysis, runAnalysis } from '../use-cases/run-analysis.js';
import { analysesAssets, analysesNav, analysisUrl, diffBlock, resultBlock, runForm, seoulDay } from './analysis-view.js';

const hide = { schema: { hide: true } };
type Notice = 'repinned' | 'ran' | 'published';
interface Shown {
  /** The answer of "Re-run on latest" (not stored unless re-pinned). */
  rerun?: { result: ResultSnapshot; diff: ResultDiff | null };
  /** A run on the pinned versions by a reader who is not the author (not stored). */
  run?: ResultSnapshot;
  comment?: { values: Record<string, string>; errors: FieldError[] };
  notice?: Notice;
}

async function analysisPage(services: Services, request: FastifyRequest, id: string, shown: Shown = {}) {
  const a = await describeAnalysis(services, request.actor, id);
  const actor = request.actor;
  const row = { status: a.status, author_id: a.author.id };
  const canEdit = analysisPolicy.canEdit(actor, row);
  const signedIn = actor.user !== null;
  const url = analysisUrl(a.id);
  return (ctx: PageContext) => {
    const t = analysesT(ctx.locale);
    const button = (path: string, label: string, cls = 'btn-secondary', extra = html``) =>
      html`<form method="post" action="${url}/${path}" class="inline-form">${csrfField(ctx)}${extra}<button type="submit" class="btn ${cls}">${label}</button></form>`;
    const notice = shown.notice ? html`<p class="alert alert-success" role="status" data-notice="${shown.notice}">${t(`analysis.${shown.notice}`)}</p>` : null;
    const behind = a.behind.length
      ? html`<section class="alert alert-info" aria-labelledby="behind-title" data-behind>
        <h2 id="behind-title">${t('analysis.behindTitle')}</h2>
        <ul>${a.behind.map((b) => html`<li data-behind-dataset="${b.datasetId}">${t('analysis.behind', { dataset: b.datasetId, pinned: b.pinned, latest: b.latest })}</li>`)}</ul>
        ${shown.rerun ? null : signedIn ? html`<p>${button('rerun', t('analysis.rerun'), 'btn-primary')}</p>` : html`<p><a href="/sign-in?next=${url}">${t('analysis.rerunSignIn')}</a></p>`}
      </section>`
      : null;
    const withdrawn = a.withdrawn.length
      ? html`<section class="alert alert-danger" aria-labelledby="withdrawn-title" data-withdrawn>
        <h2 id="withdrawn-title">${t('analysis.withdrawnTitle')}</h2>
        <ul>${a.withdrawn.map(
          (
            w,
          ) => html`<li data-withdrawn-dataset="${w.datasetId}">${t(w.kind === 'deleted' ? 'analysis.deleted' : 'analysis.withdrawn', { dataset: w.datasetId, v: w.version, date: w.at ? seoulDay(w.at) : '–' })}
          <span lang="${/[\uac00-\ud7a3]/.test(w.reason ?? '') ? 'ko' : 'en'}">${w.reason ?? ''}</span></li>`,
        )}</ul></section>`
      : null;
    const rerun = shown.rerun
      ? html`<section aria-labelledby="diff-title" id="rerun"><h2 id="diff-title">${t('diff.title')}</h2>
        ${shown.rerun.diff ? diffBlock(ctx.locale, shown.rerun.diff) : null}
        ${canEdit ? html`<p>${button('repin', t('analysis.repin'), 'btn-primary')}</p>` : html`<p>${t('diff.notStored')}</p>`}
        <h3 id="latest-title">${t('diff.newResult')}</h3>${resultBlock(ctx.locale, 'latest', a.chart, shown.rerun.result)}</section>`
      : null;
    const stored = shown.run ?? a.result;
    const comments = html`<section aria-labelledby="comments-title" id="comments"><h2 id="comments-title">${t('comments.title')}</h2>
        ${a.comments.length ? html`<ol class="stack">${a.comments.map((c) => html`<li class="card" data-comment="${c.id}"><p class="muted">${t('comments.by', { author: c.author, date: seoulDay(c.createdAt) })}</p><p class="prewrap">${c.body}</p></li>`)}</ol>` : html`<p>${t('comments.none')}</p>`}
        ${
          signedIn
            ? html`<form method="post" action="${url}/comments" class="stack" novalidate>${csrfField(ctx)}
            ${errorSummary(ctx.locale, shown.comment?.errors)}
            ${textArea({ name: 'body', label: t('comments.body'), value: shown.comment?.values.body, rows: 4, required: true, errors: shown.comment?.errors, locale: ctx.locale })}
            <button type="submit" class="btn btn-primary">${t('comments.submit')}</button></form>`
            : html`<p><a href="/sign-in?next=${url}">${t('comments.signIn')}</a></p>`
        }</section>`;
    const actions = signedIn
      ? html`<section aria-labelledby="actions-title"><h2 id="actions-title">${t('analysis.actions')}</h2><p class="cluster">
        ${canEdit ? (a.status === 'draft' ? button('publish', t('analysis.publish'), 'btn-primary') : button('publish', t('analysis.unpublish'), 'btn-secondary', html`<input type="hidden" name="published" value="false">`)) : null}
        ${button('run', t('analysis.run'))}
        ${a.behind.length && canEdit && !shown.rerun ? button('repin', t('analysis.repin')) : null}
        ${button('fork', t('analysis.fork'))}</p></section>`
      : null;
    return {
      title: a.title,
      body: html`${analysesAssets}${analysesNav(ctx, '')}
        <h1>${a.title}</h1>
        <p><span class="badge${a.status === 'published' ? ' badge-live' : ''}" data-status="${a.status}">${t(`status.${a.status}`)}</span>
          ${t('analysis.by', { author: a.author.name })}${a.forkedFrom ? html` · ${t('analysis.forkedFrom')}: <a href="${analysisUrl(a.forkedFrom)}">${a.forkedFrom.slice(0, 8)}</a>` : null}</p>
        ${a.status === 'draft' ? html`<p class="alert alert-info">${t('analysis.draftNote')}</p>` : null}
        ${notice}${withdrawn}${behind}${rerun}
        ${a.narrative.trim() ? html`<section aria-labelledby="narrative-title"><h2 id="narrative-title">${t('analysis.narrative')}</h2><div class="narrative" lang="${/[\uac00-\ud7a3]/.test(a.narrative) ? 'ko' : 'en'}">${raw(renderMarkdown(a.narrative, 3))}</div></section>` : null}
        <section aria-labelledby="pins-title"><h2 id="pins-title">${t('analysis.pins')}</h2>
          <ul>${Object.entries(a.pins).map(([d, v]) => html`<li data-pin="${d}"><a href="/data/datasets/${encodeURIComponent(d)}">${d}</a>: ${t('analysis.pin', { v })}</li>`)}</ul></section>
        <section aria-labelledby="result-title"><h2 id="result-title">${t('analysis.result')}</h2>
          ${stored ? resultBlock(ctx.locale, 'result', a.chart, stored) : html`<p>${t('analysis.noResult')}</p>`}</section>
        <section aria-labelledby="sql-title"><h2 id="sql-title">${t('analysis.sql')}</h2><pre class="code" tabindex="0"><code>${a.sql}</code></pre></section>
        ${actions}${comments}`,
    };
  };
}

/** /analyses/:id and its forms: run, re-run on latest (with what changed), re-pin, publish, fork, comment. */
export function registerAnalysisPage(app: App, services: Services) {
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;
  const show = async (request: FastifyRequest, reply: FastifyReply, id: string, shown: Shown = {}, status = 200) =>
    sendPage(request, reply, await analysisPage(services, request, id, shown), status);

  app.get('/analyses/:id', hide, async (request, reply) => {
    const q = request.query as Record<string, unknown>;
    const notice = (['repinned', 'ran', 'published'] as const).find((n) => n === q.done);
    return show(request, reply, idOf(request), { notice });
  });

  app.post('/analyses/:id/run', hide, async (request, reply) => {
    requireUser(request);
    const id = idOf(request);
    const { result, stored } = await runAnalysis(services, request.actor, id);
    return stored ? redirectTo(reply, `${analysisUrl(id)}?done=ran#result-title`) : show(request, reply, id, { run: result });
  });
  app.post('/analyses/:id/rerun', hide, async (request, reply) => {
    requireUser(request);
    const id = idOf(request);
    const { result, diff } = await rerunAnalysis(services, request.actor, id);
    return show(request, reply, id, { rerun: { result, diff } });
  });
  app.post('/analyses/:id/repin', hide, async (request, reply) => {
    requireUser(request);
    const id = idOf(request);
    await rerunAnalysis(services, request.actor, id, { repin: true });
    return redirectTo(reply, `${analysisUrl(id)}?done=repinned`);
  });
  app.post('/analyses/:id/publish', hide, async (request, reply) => {
    requireUser(request);
    const id = idOf(request);
    const published = formBody(request.body).published !== 'false';
    await publishAnalysis(services, request.actor, id, { published });
    return redirectTo(reply, `${analysisUrl(id)}${published ? '?done=published' : ''}`);
  });
  app.post('/analyses/:id/fork', hide, async (request, reply) => {
    requireUser(request);
    const row = await forkAnalysis(services, request.actor, idOf(request));
    return redirectTo(reply, analysisUrl(row.id));
  });
  app.post('/analyses/:id/comments', hide, async (request, reply) => {
    requireUser(request);
    const id = idOf(request);
    const values = formBody(request.body);
    const result = await runForm(request.locale, () => commentOnAnalysis(services, request.actor, id, { body: values.body ?? '' }));
    if (!result.ok) return show(request, reply, id, { comment: { values, errors: result.errors } }, result.status);
    return redirectTo(reply, `${analysisUrl(id)}#comments-title`);
  });
}

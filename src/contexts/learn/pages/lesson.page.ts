import type { FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { requireUser } from '../../../core/http/request-context.js';
import type { Locale } from '../../../core/i18n/messages.js';
import { html, raw, type Html } from '../../../web/html.js';
import { csrfField, type PageContext } from '../../../web/layout.js';
import { formBody } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { renderMarkdown } from '../../../core/text/markdown.js';
import { describeDifference, type ResultDifference, type ResultTable } from '../domain/answer-check.js';
import { pick, type Exercise } from '../domain/lesson-source.js';
import { learnT, type LearnKey } from '../messages.js';
import { findLesson, listLessons, progressOf } from '../store/lesson.repository.js';
import { lessonUrl, type ProgressRow } from '../store/tables.js';
import { answerExercise } from '../use-cases/answer-exercise.js';
import { expectedResult, runLessonQuery } from '../use-cases/run-lesson-query.js';
import { barChart } from './lesson-chart.js';
import { hide, learnAssets, learnNav, localized } from './learn-view.js';

const REASONS = new Set(['not_a_number', 'empty', 'off', 'columns', 'row_count', 'values']);

const cellText = (v: unknown) => (v === null || v === undefined ? '∅' : String(v));

/** A query result as a table (the first rows), the way the run box and the comparison show it. */
function resultTable(caption: string, columns: string[], rows: unknown[][], rowLabel?: (i: number) => string): Html {
  return html`<div class="learn-result" role="region" tabindex="0" aria-label="${caption}"><table class="table"><caption>${caption}</caption>
    <thead><tr>${rowLabel ? html`<th scope="col"></th>` : null}${columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
    <tbody>${rows.map((r, i) => html`<tr>${rowLabel ? html`<th scope="row">${rowLabel(i)}</th>` : null}${r.map((v) => html`<td>${cellText(v)}</td>`)}</tr>`)}</tbody></table></div>`;
}

function comparison(locale: Locale, d: ResultDifference, columns: string[]): Html {
  const t = learnT(locale);
  return html`<div data-compare><p><strong>${t('lesson.compare')}</strong></p><ul>
    <li data-compare-columns>${t('lesson.compareColumns', { yours: d.columns.yours, expected: d.columns.expected })}</li>
    <li data-compare-rows>${t('lesson.compareRows', { yours: d.rows.yours, expected: d.rows.expected })}</li></ul>
    ${
      d.differing.length
        ? resultTable(
            t('lesson.compareDiffer'),
            columns,
            d.differing.map((x) => x.yours),
            (i) => t('lesson.compareRow', { n: d.differing[i]!.row }),
          )
        : null
    }</div>`;
}

function feedback(locale: Locale, e: Exercise, p: ProgressRow | undefined, diff: { d: ResultDifference; columns: string[] } | null): Html | null {
  if (!p) return null;
  const t = learnT(locale);
  if (p.last_correct) return html`<p class="learn-ok" role="status" data-result="correct">${t('lesson.correct')}</p>`;
  const reason =
    p.last_feedback && REASONS.has(p.last_feedback)
      ? t(`lesson.reason.${p.last_feedback}` as LearnKey)
      : t('lesson.reason.sql_error', { error: p.last_feedback ?? '' });
  return html`<div role="status" data-result="wrong"><p class="learn-no">${t('lesson.wrong')} ${reason}</p>${diff ? comparison(locale, diff.d, diff.columns) : null}<p data-hint>${t('lesson.hint', { hint: pick(e.hint, locale) })}</p></div>`;
}

export interface Ran {
  exercise: string;
  sql: string;
  result?: ResultTable;
  error?: string;
}

/** The run box's answer: the result as a table (first rows) and, for a label and a number, as a chart. */
function runResult(locale: Locale, e: Exercise, ran: Ran): Html {
  const t = learnT(locale);
  if (ran.error !== undefined)
    return html`<div class="learn-run" data-run="error" role="status"><p class="learn-no">${t('lesson.runError', { error: ran.error })}</p></div>`;
  const r = ran.result!;
  const shown = r.rows.slice(0, 20);
  const chartable = r.columns.length === 2 && r.rows.length > 0 && r.rows.length <= 30 && r.rows.every((x) => Number.isFinite(Number(x[1])));
  const chart = chartable
    ? barChart(
        locale,
        {
          id: `run-${e.id}`,
          title: { ko: t('lesson.runChart'), en: t('lesson.runChart') },
          description: { ko: r.columns.join(' · '), en: r.columns.join(' · ') },
          sql: ran.sql,
        },
        r,
      )
    : null;
  return html`<div class="learn-run" data-run="ok" role="status"><h3>${t('lesson.runTitle')}</h3><p class="muted">${t('lesson.runNote')}</p>
    ${resultTable(t('lesson.runRows', { n: r.rows.length, shown: shown.length }), r.columns, shown)}${chart}</div>`;
}

function exerciseForm(
  ctx: PageContext,
  slug: string,
  e: Exercise,
  n: number,
  p: ProgressRow | undefined,
  signedIn: boolean,
  extra: { ran?: Ran; diff?: { d: ResultDifference; columns: string[] } | null } = {},
): Html {
  const t = learnT(ctx.locale);
  const id = `ans-${e.id}`;
  const last = extra.ran?.exercise === e.id ? extra.ran.sql : (p?.last_answer ?? '');
  const prompt = pick(e.prompt, ctx.locale);
  const field =
    e.kind === 'choice'
      ? html`<fieldset class="form-group"><legend>${prompt}</legend>${e.choices.map((c, i) => html`<div class="radio"><input type="radio" id="${id}-${i}" name="answer" value="${c.id}"${last === c.id ? html` checked` : null}><label for="${id}-${i}">${pick(c.label, ctx.locale)}</label></div>`)}</fieldset>`
      : e.kind === 'sql'
        ? html`<div class="form-group"><label for="${id}">${prompt}</label><textarea class="learn-sql" id="${id}" name="answer" rows="5" spellcheck="false" autocapitalize="off">${last || e.starter || ''}</textarea></div>`
        : html`<div class="form-group"><label for="${id}">${prompt}</label><input id="${id}" name="answer" type="text" value="${last}" autocomplete="off"${e.kind === 'number' ? html` inputmode="decimal"` : null}></div>`;
  return html`<section class="learn-exercise" id="ex-${e.id}" aria-labelledby="ex-${e.id}-title" data-exercise="${e.id}" data-solved="${p?.solved ? 'true' : 'false'}">
    <h2 id="ex-${e.id}-title">${t('lesson.exercise', { n })}${p?.solved ? html` <span class="badge badge-live">${t('lesson.correct')}</span>` : null}</h2>
    <form method="post" action="${lessonUrl(slug)}/answer" class="stack">${csrfField(ctx)}<input type="hidden" name="exercise" value="${e.id}">
      ${field}
      ${signedIn ? html`<p><button type="submit" class="btn btn-primary">${t('lesson.check')}</button>${e.kind === 'sql' ? html` <button type="submit" class="btn btn-secondary" formaction="${lessonUrl(slug)}/run" data-run-button>${t('lesson.run')}</button>` : null}</p>` : html`<p><a href="/sign-in?next=${lessonUrl(slug)}">${t('lesson.signIn')}</a></p>`}</form>
    ${extra.ran?.exercise === e.id ? runResult(ctx.locale, e, extra.ran) : null}
    ${feedback(ctx.locale, e, p, extra.diff ?? null)}
    ${p ? html`<p class="muted">${t('lesson.attempts', { n: p.attempts })}</p>` : null}</section>`;
}

async function lessonPage(services: Services, request: FastifyRequest, slug: string, ran?: Ran) {
  const { row, lesson } = await findLesson(services.db, slug);
  const userId = request.actor.user?.id;
  const [progress, lessons, charts] = await Promise.all([
    userId ? progressOf(services.db, userId, slug) : Promise.resolve([]),
    listLessons(services.db),
    Promise.all(lesson.charts.map((c) => expectedResult(services, c.sql).catch(() => null))),
  ]);
  // A wrong SQL answer is shown beside the expected shape (columns, rows, the learner's rows that differ).
  const diffs = new Map<string, { d: ResultDifference; columns: string[] }>();
  for (const e of lesson.exercises) {
    const p = progress.find((x) => x.exercise_id === e.id);
    if (e.kind !== 'sql' || !p || p.last_correct || !p.last_feedback || !['columns', 'row_count', 'values'].includes(p.last_feedback)) continue;
    try {
      const [mine, expected] = await Promise.all([runLessonQuery(services, request.actor, p.last_answer), expectedResult(services, e.expectedSql)]);
      diffs.set(e.id, { d: describeDifference(mine, expected, { ordered: e.ordered }), columns: mine.columns });
    } catch {
      /* the comparison is an extra: without it the reason and the hint still show */
    }
  }
  const next = lessons.find((l) => l.position > row.position);
  const solved = progress.filter((p) => p.solved && lesson.exercises.some((e) => e.id === p.exercise_id)).length;
  return (ctx: PageContext) => {
    const t = learnT(ctx.locale);
    let n = 0;
    const body = lesson.blocks[ctx.locale].map((b) => {
      if (b.type === 'markdown') return html`<div class="markdown">${raw(renderMarkdown(b.text, 2))}</div>`;
      if (b.type === 'chart') {
        const i = lesson.charts.findIndex((c) => c.id === b.id);
        return barChart(ctx.locale, lesson.charts[i]!, charts[i] ?? null);
      }
      const e = lesson.exercises.find((x) => x.id === b.id)!;
      return exerciseForm(
        ctx,
        slug,
        e,
        ++n,
        progress.find((p) => p.exercise_id === e.id),
        !!userId,
        { ran, diff: diffs.get(e.id) ?? null },
      );
    });
    return {
      title: pick(lesson.meta.title, ctx.locale),
      body: html`${learnAssets}${learnNav(ctx, request.actor, '')}
        <h1>${pick(lesson.meta.title, ctx.locale)}</h1><p>${pick(lesson.meta.summary, ctx.locale)}</p>
        ${userId ? html`<p role="status" data-progress>${solved === lesson.exercises.length ? t('lesson.completed') : t('lesson.solved', { solved, total: lesson.exercises.length })}</p>` : null}
        <p>${t('lesson.datasets')}: ${lesson.meta.datasets.map((d, i) => html`${i ? ', ' : ''}<a href="/data/datasets/${d}">${d}</a>`)} · <a href="/analyses/new">${t('lesson.sandbox')}</a></p>
        ${body}
        ${next ? html`<p><a class="btn btn-secondary" href="${lessonUrl(next.slug)}">${t('lesson.next', { title: '' })}${localized({ ko: next.title_ko, en: next.title_en }, ctx.locale)}</a></p>` : null}`,
    };
  };
}

/** A lesson: Markdown with charts and exercises; each answer is checked, saved, and shown with a hint when wrong. */
export function registerLessonPages(app: App, services: Services) {
  app.get('/learn/lessons/:slug', hide, async (request, reply) =>
    sendPage(request, reply, await lessonPage(services, request, (request.params as { slug: string }).slug)),
  );
  app.post('/learn/lessons/:slug/answer', hide, async (request, reply) => {
    requireUser(request);
    const { slug } = request.params as { slug: string };
    const body = formBody(request.body);
    await answerExercise(services, request.actor, { lesson: slug, exercise: body.exercise ?? '', answer: body.answer ?? '' });
    return redirectTo(reply, `${lessonUrl(slug)}#ex-${encodeURIComponent(body.exercise ?? '')}`);
  });
  // The run box: the learner's query through the same sandbox, shown beside the exercise; nothing is recorded.
  app.post('/learn/lessons/:slug/run', hide, async (request, reply) => {
    requireUser(request);
    const { slug } = request.params as { slug: string };
    const body = formBody(request.body);
    const { lesson } = await findLesson(services.db, slug);
    const e = lesson.exercises.find((x) => x.id === body.exercise && x.kind === 'sql');
    if (!e) throw new AppError('learn.exercise_not_found', 'This lesson has no such SQL exercise', 404);
    const sql = (body.answer ?? '').slice(0, 20_000);
    let ran: Ran;
    try {
      ran = { exercise: e.id, sql, result: await runLessonQuery(services, request.actor, sql) };
    } catch (error) {
      if (!(error instanceof AppError && error.code.startsWith('data.sql'))) throw error;
      ran = { exercise: e.id, sql, error: error.message };
    }
    return sendPage(request, reply, await lessonPage(services, request, slug, ran));
  });
}

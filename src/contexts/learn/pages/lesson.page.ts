import type { FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import type { Locale } from '../../../core/i18n/messages.js';
import { html, raw, type Html } from '../../../web/html.js';
import { csrfField, type PageContext } from '../../../web/layout.js';
import { formBody } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { renderMarkdown } from '../../civic/domain/markdown.js';
import { pick, type Exercise } from '../domain/lesson-source.js';
import { learnT, type LearnKey } from '../messages.js';
import { findLesson, listLessons, progressOf } from '../store/lesson.repository.js';
import { lessonUrl, type ProgressRow } from '../store/tables.js';
import { answerExercise } from '../use-cases/answer-exercise.js';
import { expectedResult } from '../use-cases/run-lesson-query.js';
import { barChart } from './lesson-chart.js';
import { hide, learnAssets, learnNav, localized } from './learn-view.js';

const REASONS = new Set(['not_a_number', 'empty', 'off', 'columns', 'row_count', 'values']);

function feedback(locale: Locale, e: Exercise, p: ProgressRow | undefined): Html | null {
  if (!p) return null;
  const t = learnT(locale);
  if (p.last_correct) return html`<p class="learn-ok" role="status" data-result="correct">${t('lesson.correct')}</p>`;
  const reason = p.last_feedback && REASONS.has(p.last_feedback) ? t(`lesson.reason.${p.last_feedback}` as LearnKey) : t('lesson.reason.sql_error', { error: p.last_feedback ?? '' });
  return html`<div role="status" data-result="wrong"><p class="learn-no">${t('lesson.wrong')} ${reason}</p><p data-hint>${t('lesson.hint', { hint: pick(e.hint, locale) })}</p></div>`;
}

function exerciseForm(ctx: PageContext, slug: string, e: Exercise, n: number, p: ProgressRow | undefined, signedIn: boolean): Html {
  const t = learnT(ctx.locale);
  const id = `ans-${e.id}`;
  const last = p?.last_answer ?? '';
  const prompt = pick(e.prompt, ctx.locale);
  const field = e.kind === 'choice'
    ? html`<fieldset class="form-group"><legend>${prompt}</legend>${e.choices.map((c, i) => html`<div class="radio"><input type="radio" id="${id}-${i}" name="answer" value="${c.id}"${last === c.id ? html` checked` : null}><label for="${id}-${i}">${pick(c.label, ctx.locale)}</label></div>`)}</fieldset>`
    : e.kind === 'sql'
      ? html`<div class="form-group"><label for="${id}">${prompt}</label><textarea class="learn-sql" id="${id}" name="answer" rows="5" spellcheck="false" autocapitalize="off">${last || e.starter || ''}</textarea></div>`
      : html`<div class="form-group"><label for="${id}">${prompt}</label><input id="${id}" name="answer" type="text" value="${last}" autocomplete="off"${e.kind === 'number' ? html` inputmode="decimal"` : null}></div>`;
  return html`<section class="learn-exercise" id="ex-${e.id}" aria-labelledby="ex-${e.id}-title" data-exercise="${e.id}" data-solved="${p?.solved ? 'true' : 'false'}">
    <h2 id="ex-${e.id}-title">${t('lesson.exercise', { n })}${p?.solved ? html` <span class="badge badge-live">${t('lesson.correct')}</span>` : null}</h2>
    <form method="post" action="${lessonUrl(slug)}/answer" class="stack">${csrfField(ctx)}<input type="hidden" name="exercise" value="${e.id}">
      ${field}
      ${signedIn ? html`<button type="submit" class="btn btn-primary">${t('lesson.check')}</button>` : html`<p><a href="/sign-in?next=${lessonUrl(slug)}">${t('lesson.signIn')}</a></p>`}</form>
    ${feedback(ctx.locale, e, p)}
    ${p ? html`<p class="muted">${t('lesson.attempts', { n: p.attempts })}</p>` : null}</section>`;
}

async function lessonPage(services: Services, request: FastifyRequest, slug: string) {
  const { row, lesson } = await findLesson(services.db, slug);
  const userId = request.actor.user?.id;
  const [progress, lessons, charts] = await Promise.all([
    userId ? progressOf(services.db, userId, slug) : Promise.resolve([]),
    listLessons(services.db),
    Promise.all(lesson.charts.map((c) => expectedResult(services, c.sql).catch(() => null))),
  ]);
  const next = lessons.find((l) => l.position > row.position);
  const solved = progress.filter((p) => p.solved && lesson.exercises.some((e) => e.id === p.exercise_id)).length;
  return (ctx: PageContext) => {
    const t = learnT(ctx.locale);
    let n = 0;
    const body = lesson.blocks[ctx.locale].map((b) => {
      if (b.type === 'markdown') return html`<div class="markdown">${raw(renderMarkdown(b.text, 2))}</div>`;
      if (b.type === 'chart') { const i = lesson.charts.findIndex((c) => c.id === b.id); return barChart(ctx.locale, lesson.charts[i]!, charts[i] ?? null); }
      const e = lesson.exercises.find((x) => x.id === b.id)!;
      return exerciseForm(ctx, slug, e, ++n, progress.find((p) => p.exercise_id === e.id), !!userId);
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
  app.get('/learn/lessons/:slug', hide, async (request, reply) => sendPage(request, reply, await lessonPage(services, request, (request.params as { slug: string }).slug)));
  app.post('/learn/lessons/:slug/answer', hide, async (request, reply) => {
    requireUser(request);
    const { slug } = request.params as { slug: string };
    const body = formBody(request.body);
    await answerExercise(services, request.actor, { lesson: slug, exercise: body.exercise ?? '', answer: body.answer ?? '' });
    return redirectTo(reply, `${lessonUrl(slug)}#ex-${encodeURIComponent(body.exercise ?? '')}`);
  });
}

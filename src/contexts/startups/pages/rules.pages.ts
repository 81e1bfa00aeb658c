import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import { html } from '../../../web/html.js';
import { csrfField, errorSummary, textArea, textField, type FieldError, type PageContext } from '../../../web/layout.js';
import { formBody } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { AWAITING_ANSWER, itemPanel, itemPolicy } from '../../accountability/index.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { startupsPolicy } from '../domain/policy.js';
import { FEEDBACK_DECISIONS, FEEDBACK_KINDS, FIELDS, PROGRAMME_DEPARTMENT, RULE_KINDS } from '../domain/vocabularies.js';
import { programmeDepartmentId } from '../store/organisations.js';
import { startupsT } from '../messages.js';
import { answerFeedback } from '../use-cases/answer-feedback.js';
import { describeDepartment } from '../use-cases/describe-department.js';
import { describeFeedback, describeRule, searchRules, type FeedbackView } from '../use-cases/describe-rules.js';
import { startupsOf } from '../use-cases/describe-startups.js';
import { endorseFeedback } from '../use-cases/endorse-feedback.js';
import { submitFeedback } from '../use-cases/submit-feedback.js';
import { translatedOrganisationNames } from '../../plan/index.js';
import { versionForm } from './manage.pages.js';
import { ruleVersionsList, versionDate } from './rule-versions-view.js';
import { formProblems, localized, runForm, selectField, startupsNav } from './startups-view.js';

const hide = { schema: { hide: true } };

/** A rule's kind in words; an ordinance here is the Seoul Metropolitan Government's. */
const ruleKindLabel = (ctx: PageContext, kind: string) =>
  startupsT(ctx.locale)(kind === 'ordinance' ? 'ruleKind.ordinance.seoul' : `ruleKind.${kind as 'act'}`);
type Sent = { form: string; values: Record<string, string>; errors: FieldError[]; status: number };

function decisionBadge(ctx: PageContext, f: Pick<FeedbackView, 'decision' | 'reviewBy' | 'answer'>) {
  const t = startupsT(ctx.locale);
  // Answered through the engine's own form (a free-text decision): show that decision.
  const free = !f.decision ? f.answer.answers.at(-1)?.decision : undefined;
  if (free) return html`<span class="badge" data-decision="answered">${free}</span>`;
  const cls = f.decision === 'accepted' ? 'badge-live' : f.decision === 'declined' ? 'badge-late' : 'badge-coming';
  return html`<span class="badge ${cls}" data-decision="${f.decision ?? 'none'}">${f.decision ? t(`decision.${f.decision}`) : t('decision.none')}${f.decision === 'under_review' && f.reviewBy ? html` (${f.reviewBy})` : null}</span>`;
}

/** The rules library, one rule with its versions and feedback, one piece of feedback with its answer, a department's answers. */
export function registerRulePages(app: App, services: Services) {
  const today = () => kstDate(services.now());

  app.get('/startups/rules', hide, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const q = typeof query.q === 'string' ? query.q.slice(0, 200) : '';
    const tag = typeof query.tag === 'string' && (FIELDS as readonly string[]).includes(query.tag) ? query.tag : '';
    const kind = typeof query.kind === 'string' && (RULE_KINDS as readonly string[]).includes(query.kind) ? query.kind : '';
    const rules = await searchRules(services.db, { q, tag: tag || undefined, kind: kind || undefined });
    return sendPage(request, reply, (ctx) => {
      const t = startupsT(ctx.locale);
      return {
        title: t('rules.title'),
        body: html`${startupsNav(ctx, request.actor, '/startups/rules')}<h1>${t('rules.title')}</h1><p>${t('rules.intro')}</p>
          <form method="get" action="/startups/rules" class="demand-filters" role="search" aria-label="${t('rules.title')}">
            ${textField({ name: 'q', label: t('rules.search'), type: 'search', value: q, locale: ctx.locale })}
            ${selectField({ name: 'tag', label: t('rules.tag'), value: tag, placeholder: t('rules.any'), options: FIELDS.map((f) => ({ value: f, label: t(`field.${f}`) })) })}
            ${selectField({ name: 'kind', label: t('rules.kind'), value: kind, placeholder: t('rules.any'), options: RULE_KINDS.map((k) => ({ value: k, label: ruleKindLabel(ctx, k) })) })}
            <button type="submit" class="btn btn-secondary">${t('rules.go')}</button></form>
          <h2 id="rules-count">${t('rules.count', { n: rules.length })}</h2>
          ${
            rules.length
              ? html`<ul class="stack" aria-labelledby="rules-count">${rules.map(
                  (r) => html`<li class="card stack" data-rule="${r.slug}">
              <h3><a href="${r.url}">${localized(r.title, ctx.locale)}</a></h3>
              <p><span class="badge" data-rule-kind="${r.kind}">${ruleKindLabel(ctx, r.kind)}</span> ${r.tags.map((tg) => html`<span class="badge">${t(`field.${tg as 'data'}`)}</span> `)} · ${t('rules.department')}: ${localized(r.department.name, ctx.locale, r.department.slug)}${r.current ? html` · ${versionDate(ctx, r.current)} · ${t('rules.version', { n: r.current.version })}` : null}</p>
              ${r.current ? html`<p><em>${t(`text.${r.current.textKind}`)}</em>: ${localized(r.current.text, ctx.locale)}</p>` : null}</li>`,
                )}</ul>`
              : html`<p>${t('rules.none')}</p>`
          }`,
      };
    });
  });

  const rulePage = async (request: FastifyRequest, reply: FastifyReply, slug: string, sent?: Sent) => {
    const r = await describeRule(services.db, slug, today());
    const mine = await startupsOf(services.db, request.actor);
    const keeps = startupsPolicy.canKeepRule(
      request.actor,
      { organisation_id: r.organisationId },
      await programmeDepartmentId(services.db, PROGRAMME_DEPARTMENT),
    );
    const translatedDept = (await translatedOrganisationNames(services.db)).has(r.department.slug);
    return sendPage(
      request,
      reply,
      (ctx) => {
        const t = startupsT(ctx.locale);
        const e = sent?.errors;
        const v = sent?.values ?? {};
        return {
          title: (ctx.locale === 'ko' ? r.title.ko : r.title.en) ?? '',
          body: html`${startupsNav(ctx, request.actor, '/startups/rules')}${errorSummary(
            ctx.locale,
            e?.filter((x) => x.field !== 'form'),
          )}
          <h1>${localized(r.title, ctx.locale)}</h1><p class="muted" lang="${ctx.locale === 'ko' ? 'en' : 'ko'}">${ctx.locale === 'ko' ? r.title.en : r.title.ko}</p>
          <dl class="facts"><dt>${t('rules.kind')}</dt><dd data-rule-kind="${r.kind}">${ruleKindLabel(ctx, r.kind)}</dd><dt>${t('rules.department')}</dt><dd><a href="/startups/departments/${r.department.slug}">${localized(r.department.name, ctx.locale, r.department.slug)}</a>${translatedDept && ctx.locale === 'ko' && r.department.name.ko ? html` <span class="badge" data-translation="open-seoul">${t('dept.translated')}</span>` : null}</dd>
            <dt>${t('rules.source')}</dt><dd><a href="${r.source.url}" rel="noopener">${r.source.name}</a></dd>
            <dt>${t('rules.tag')}</dt><dd>${r.tags.map((tg) => t(`field.${tg as 'data'}`)).join(', ')}</dd></dl>
          ${
            r.current
              ? html`<section aria-labelledby="current"><h2 id="current">${t('rules.version', { n: r.current.version })} · ${versionDate(ctx, r.current)}</h2>
            <p><strong>${t(`text.${r.current.textKind}`)}</strong></p>${r.current.text.ko ? html`<p lang="ko" class="prewrap">${r.current.text.ko}</p>` : null}${r.current.text.en ? html`<p lang="en" class="prewrap">${r.current.text.en}</p>` : null}</section>`
              : null
          }
          <h2>${t('rules.versions')}</h2>${ruleVersionsList(ctx, r.versions)}
          ${keeps ? html`<details><summary>${t('rules.addVersion')}</summary>${versionForm(request, r.slug)}</details>` : null}
          <h2>${t('feedback.title')}</h2><p>${t('feedback.intro')}</p>
          ${
            r.feedback.length
              ? html`<ul class="stack">${r.feedback.map(
                  (f) => html`<li class="card stack" data-feedback="${f.id}"><h3><a href="${f.url}">${f.title}</a></h3>
              <p>${t(`feedback.kind.${f.kind}`)} · ${t('feedback.by', { name: f.startup.name.ko ?? f.startup.name.en ?? f.startup.slug })} · ${t('feedback.endorsements', { n: f.endorsements })} · ${decisionBadge(ctx, f)}${f.answer.dueOn ? html` · ${t('feedback.due', { date: f.answer.dueOn })}` : null}</p></li>`,
                )}</ul>`
              : html`<p>${t('feedback.none')}</p>`
          }
          <h2 id="give">${t('feedback.give')}</h2>
          ${
            !request.actor.user
              ? html`<p><a href="/sign-in?next=${encodeURIComponent(r.url)}">${t('call.signInToApply')}</a></p>`
              : !mine.length
                ? html`<p><a href="/startups/register">${t('call.registerFirst')}</a></p>`
                : html`<form method="post" action="/startups/rules/${r.slug}/feedback" class="stack">${csrfField(ctx)}${formProblems(e, ['startup', 'kind', 'title', 'body', 'proposal'])}
            ${selectField({ name: 'startup', label: t('call.startup'), value: v.startup, errors: e, options: mine.map((p) => ({ value: p.slug, label: localized({ ko: p.name_ko, en: p.name_en }, ctx.locale, p.slug) })) })}
            ${selectField({ name: 'kind', label: t('feedback.kind'), value: v.kind, errors: e, options: FEEDBACK_KINDS.map((k) => ({ value: k, label: t(`feedback.kind.${k}`) })) })}
            ${textField({ name: 'title', label: t('feedback.subject'), value: v.title, required: true, errors: e, locale: ctx.locale })}
            ${textArea({ name: 'body', label: t('feedback.body'), value: v.body, required: true, errors: e, locale: ctx.locale, rows: 5 })}
            ${textArea({ name: 'proposal', label: t('feedback.proposal'), value: v.proposal, errors: e, locale: ctx.locale, rows: 3 })}
            <button type="submit" class="btn btn-primary">${t('feedback.send')}</button></form>`
          }`,
        };
      },
      sent?.status ?? 200,
    );
  };
  app.get('/startups/rules/:slug', hide, async (request, reply) => rulePage(request, reply, (request.params as { slug: string }).slug));
  app.post('/startups/rules/:slug/feedback', hide, async (request, reply) => {
    requireUser(request);
    const slug = (request.params as { slug: string }).slug;
    const form = formBody(request.body);
    const result = await runForm(request.locale, () =>
      submitFeedback(services, request.actor, { rule: slug, ...form, kind: form.kind, title: form.title, body: form.body, startup: form.startup }),
    );
    if (!result.ok) return rulePage(request, reply, slug, { form: 'feedback', values: form, errors: result.errors, status: result.status });
    return redirectTo(reply, encodeURI(`/startups/feedback/${result.value.id}`));
  });

  const feedbackPage = async (request: FastifyRequest, reply: FastifyReply, id: string, sent?: Sent) => {
    const f = await describeFeedback(services.db, id, today());
    const canAnswer = f.panel ? itemPolicy.canAnswer(request.actor, f.panel.item) && AWAITING_ANSWER.includes(f.panel.item.state) : false;
    return sendPage(
      request,
      reply,
      (ctx) => {
        const t = startupsT(ctx.locale);
        const e = sent?.form === 'answer' ? sent.errors : undefined;
        const v = sent?.form === 'answer' ? sent.values : {};
        return {
          title: f.title,
          body: html`${startupsNav(ctx, request.actor, '/startups/rules')}${errorSummary(
            ctx.locale,
            e?.filter((x) => x.field !== 'form'),
          )}
          <h1>${f.title}</h1>
          <p>${t(`feedback.kind.${f.kind}`)} · ${t('feedback.by', { name: f.startup.name.ko ?? f.startup.name.en ?? f.startup.slug })} · ${decisionBadge(ctx, f)}</p>
          <p>${t('feedback.on')}: <a href="${f.rule.url}">${localized(f.rule.title, ctx.locale)}</a> · ${t('rules.department')}: <a href="/startups/departments/${f.rule.department.slug}">${localized(f.rule.department.name, ctx.locale, f.rule.department.slug)}</a></p>
          <p class="prewrap">${f.body}</p>${f.proposal ? html`<h2>${t('feedback.kind.change')}</h2><p class="prewrap">${f.proposal}</p>` : null}
          <p>${t('feedback.endorsements', { n: f.endorsements })}</p>
          ${request.actor.user && request.actor.user.id !== f.authorId ? html`<form method="post" action="/startups/feedback/${f.id}/endorse">${csrfField(ctx)}${formProblems(sent?.form === 'endorse' ? sent.errors : undefined, [])}<button type="submit" class="btn btn-secondary">${t('feedback.endorse')}</button></form>` : null}
          ${
            canAnswer
              ? html`<section class="card stack" aria-labelledby="answer-form"><h2 id="answer-form">${t('feedback.answer')}</h2>
            <form method="post" action="/startups/feedback/${f.id}/answer" class="stack">${csrfField(ctx)}${formProblems(e, ['decision', 'reviewBy', 'reasons', 'nextSteps'])}
              ${selectField({ name: 'decision', label: t('call.decision'), value: v.decision, errors: e, options: FEEDBACK_DECISIONS.map((d) => ({ value: d, label: t(`decision.${d}`) })) })}
              ${textField({ name: 'reviewBy', label: t('feedback.reviewBy'), type: 'date', value: v.reviewBy, errors: e, locale: ctx.locale })}
              ${textArea({ name: 'reasons', label: t('feedback.reasons'), value: v.reasons, required: true, errors: e, locale: ctx.locale, rows: 5 })}
              ${textArea({ name: 'nextSteps', label: t('feedback.nextSteps'), value: v.nextSteps, errors: e, locale: ctx.locale, rows: 3 })}
              <button type="submit" class="btn btn-primary">${t('feedback.publish')}</button></form></section>`
              : null
          }
          ${f.panel ? itemPanel(ctx, request.actor, f.panel, undefined, { answerForm: false }) : null}`,
        };
      },
      sent?.status ?? 200,
    );
  };
  app.get('/startups/feedback/:id', hide, async (request, reply) => feedbackPage(request, reply, (request.params as { id: string }).id));
  app.post('/startups/feedback/:id/endorse', hide, async (request, reply) => {
    requireUser(request);
    const id = (request.params as { id: string }).id;
    const result = await runForm(request.locale, () => endorseFeedback(services, request.actor, { feedbackId: id }));
    if (!result.ok) return feedbackPage(request, reply, id, { form: 'endorse', values: {}, errors: result.errors, status: result.status });
    return redirectTo(reply, encodeURI(`/startups/feedback/${id}`));
  });
  app.post('/startups/feedback/:id/answer', hide, async (request, reply) => {
    requireUser(request);
    const id = (request.params as { id: string }).id;
    const form = formBody(request.body);
    const result = await runForm(request.locale, () =>
      answerFeedback(services, request.actor, { feedbackId: id, ...form, decision: form.decision, reasons: form.reasons }),
    );
    if (!result.ok) return feedbackPage(request, reply, id, { form: 'answer', values: form, errors: result.errors, status: result.status });
    return redirectTo(reply, encodeURI(`/startups/feedback/${id}`));
  });

  app.get('/startups/departments/:slug', hide, async (request, reply) => {
    const d = await describeDepartment(services.db, (request.params as { slug: string }).slug, today());
    const translated = (await translatedOrganisationNames(services.db)).has(d.department.slug);
    return sendPage(request, reply, (ctx) => {
      const t = startupsT(ctx.locale);
      const name = (ctx.locale === 'ko' ? d.department.name.ko : d.department.name.en) ?? d.department.name.en ?? d.department.name.ko ?? d.department.slug;
      const sc = d.scorecard;
      return {
        title: t('dept.title', { name }),
        wide: true,
        body: html`${startupsNav(ctx, request.actor, '')}<h1>${t('dept.title', { name })}</h1>
          ${translated && ctx.locale === 'ko' && d.department.name.ko ? html`<p><span class="badge" data-translation="open-seoul">${t('dept.translated')}</span></p>` : null}
          <dl class="facts" data-startup-counts><dt>${t('dept.received')}</dt><dd>${d.startups.received}</dd><dt>${t('dept.answered')}</dt><dd>${d.startups.answered}</dd>
            <dt>${t('dept.onTime')}</dt><dd>${d.startups.answeredOnTime}</dd><dt>${t('dept.overdue')}</dt><dd>${d.startups.overdueNow}</dd></dl>
          ${sc ? html`<h2>${t('dept.scorecard')}</h2><p>${t('dept.received')} ${sc.received} · ${t('dept.answered')} ${sc.answered} · ${t('dept.onTime')} ${sc.answeredOnTime} · ${t('dept.median')}: ${sc.medianDays ?? '–'} · ${t('dept.overdue')} ${sc.overdueNow} · <a href="/accountability">${t('dept.scorecard')}</a></p>` : null}
          <h2>${t('feedback.title')}</h2>
          ${
            d.feedback.length
              ? html`<div class="table-wrap"><table><caption>${t('feedback.title')}</caption>
            <thead><tr><th scope="col">${t('feedback.subject')}</th><th scope="col">${t('call.startup')}</th><th scope="col">${t('call.decision')}</th><th scope="col">${t('feedback.due', { date: '' }).trim()}</th><th scope="col">${t('dept.answered')}</th><th scope="col">${t('dept.onTime')}</th></tr></thead>
            <tbody>${d.feedback.map(
              (
                f,
              ) => html`<tr data-feedback="${f.id}"><th scope="row"><a href="${f.url}">${f.title}</a></th><td>${localized(f.startup.name, ctx.locale, f.startup.slug)}</td><td>${decisionBadge(ctx, f)}</td>
              <td>${f.answer.dueOn ?? '–'}</td><td>${f.answer.answeredOn ?? '–'}</td><td>${f.answer.answeredOnTime === null ? '–' : f.answer.answeredOnTime ? t('dept.onTimeYes') : t('dept.onTimeNo')}</td></tr>`,
            )}</tbody></table></div>`
              : html`<p>${t('feedback.none')}</p>`
          }`,
      };
    });
  });
}

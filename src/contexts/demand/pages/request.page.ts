import type { FastifyRequest } from 'fastify';
import type { Services } from '../../../core/context.js';
import { html } from '../../../web/html.js';
import { errorSummary, type PageContext } from '../../../web/layout.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { AWAITING_ANSWER, describeSubject, itemPanel, itemPolicy } from '../../accountability/index.js';
import { demandPolicy } from '../domain/policy.js';
import { findSupport } from '../store/request.repository.js';
import { listHolders } from '../use-cases/list-holders.js';
import { SUBJECT_TYPE } from '../store/tables.js';
import { demandT } from '../messages.js';
import { describeDataRequest, type DataRequestView } from '../use-cases/describe-data-requests.js';
import { demandAssets, demandNav, districtName, localized, seoulDay, stateBadge, supportSummary } from './demand-view.js';
import { answerForm, assessForm, disputeForm, linkForm, supportForm, triageForm, type SentForm } from './request-forms.js';

function decisionBlock(ctx: PageContext, v: DataRequestView) {
  const t = demandT(ctx.locale);
  const d = v.decision;
  const reopened = d && (v.state === 'open' || v.state === 'late');
  return html`<section class="stack" aria-labelledby="decision-title"><h2 id="decision-title">${t('request.decision')}</h2>
    ${reopened ? html`<p class="alert alert-info">${t('request.underReview')}</p>` : null}
    ${
      d
        ? html`<p><strong data-decision="${d.type}">${t(`decision.${d.type}`)}</strong>
        ${d.publishBy ? html` · ${t('request.publishBy', { date: d.publishBy })}` : null}
        ${v.publicationOverdue ? html` <span class="badge badge-late">${t('promise.overdue')}</span>` : null}</p>
      ${d.partialWhat ? html`<p>${t('request.partialWhat', { what: d.partialWhat })}</p>` : null}
      ${d.declineReason ? html`<p>${t('request.declineReason', { reason: t(`reason.${d.declineReason}`) })}${d.declineText ? html` · ${d.declineText}` : null}</p>` : null}`
        : html`<p>${t('request.noDecision')}</p>`
    }
    ${
      v.dataset
        ? html`<h3>${t('request.dataset')}</h3><p><a href="${v.dataset.url}" data-dataset="${v.dataset.id}">${localized(v.dataset.title.ko || v.dataset.title.en ? v.dataset.title : { ko: v.dataset.id, en: null }, ctx.locale)}</a>
      ${v.publishedAt ? html` · ${t('request.publishedOn', { date: seoulDay(v.publishedAt) })}` : null}</p>
      ${v.dataset.reason ? html`<p class="prewrap" data-link-reason>${t('request.linkReason', { reason: v.dataset.reason })}</p>` : null}
      ${v.dispute ? html`<p class="alert alert-warning prewrap" data-dispute>${t('request.disputed', { date: seoulDay(v.dispute.at), reason: v.dispute.reason })}</p>` : null}`
        : null
    }</section>`;
}

function supportBlock(ctx: PageContext, v: DataRequestView) {
  const t = demandT(ctx.locale);
  return html`<section class="stack" aria-labelledby="support-title"><h2 id="support-title">${t('support.title')}</h2>
    <p data-support="${v.support.supporters}">${supportSummary(ctx.locale, v)}</p>
    ${
      v.support.supporters
        ? html`<div class="demand-tallies">
      <div><h3>${t('support.districts')}</h3><ul>${v.support.districts.map((d) => html`<li>${districtName(d.id, ctx.locale)} ${t('count.n', { n: d.count })}</li>`)}</ul></div>
      <div><h3>${t('support.groups')}</h3><ul>${v.support.groups.map((g) => html`<li>${t(`group.${g.id}` as 'group.resident')} ${t('count.n', { n: g.count })}</li>`)}</ul></div></div>`
        : html`<p>${t('support.none')}</p>`
    }</section>`;
}

function priorityBlock(ctx: PageContext, v: DataRequestView) {
  const t = demandT(ctx.locale);
  const value = (p: DataRequestView['priority']['parts'][number]) => (p.value === null ? t('priority.notAssessed') : String(p.value));
  return html`<section class="stack" aria-labelledby="priority-title"><h2 id="priority-title">${t('request.priority')}</h2>
    <p><strong data-score="${v.priority.score}">${t('request.scoreLine', { score: v.priority.score })}</strong> · <a href="/demand/rubric">${t('request.rubricLink')}</a></p>
    <div class="table-wrap"><table><caption>${t('priority.caption')}</caption>
      <thead><tr><th scope="col">${t('priority.criterion')}</th><th scope="col">${t('priority.value')}</th><th scope="col">${t('priority.weight')}</th><th scope="col">${t('priority.points')}</th></tr></thead>
      <tbody>${v.priority.parts.map((p) => html`<tr><th scope="row">${t(`priority.${p.criterion}`)}</th><td>${value(p)}</td><td>${p.weight}</td><td>${p.points}</td></tr>`)}</tbody></table></div></section>`;
}

/** The request page: what and why, its state and decision, representativeness, score, the answer panel and the forms for whoever may use them. */
export async function requestPage(services: Services, request: FastifyRequest, id: string, sent?: SentForm) {
  const today = kstDate(services.now());
  const v = await describeDataRequest(services.db, id, today);
  const actor = request.actor;
  const [panel, supported, holders] = await Promise.all([
    describeSubject(services.db, SUBJECT_TYPE, v.id, today),
    actor.user ? findSupport(services.db, v.id, actor.user.id) : undefined,
    listHolders(services.db),
  ]);
  const row = { organisation_id: v.department.id };
  const awaiting = panel !== null && AWAITING_ANSWER.includes(panel.item.state);
  const canAnswer = panel !== null && awaiting && itemPolicy.canAnswer(actor, panel.item);
  return (ctx: PageContext) => {
    const t = demandT(ctx.locale);
    const supportPart = !ctx.user
      ? html`<p><a href="/sign-in?next=${encodeURIComponent(v.url)}">${t('support.signIn')}</a></p>`
      : actor.user?.id === v.requester.id
        ? html`<p class="muted">${t('support.own')}</p>`
        : supported
          ? html`${sent?.form === 'support' ? errorSummary(ctx.locale, sent.errors, () => '#support-title') : null}<p class="alert alert-success" role="status">${t('support.done')}</p>`
          : supportForm(ctx, v, sent);
    return {
      title: v.title,
      body: html`${demandAssets}${demandNav(ctx, actor, '')}
        <h1>${v.title}</h1>
        <p>${stateBadge(ctx.locale, v.state)} ${t('request.by', { name: v.requester.displayName, date: seoulDay(v.createdAt) })}</p>
        <dl class="demand-facts">
          <dt>${t('request.department')}</dt><dd data-department="${v.department.slug}">${localized(v.department.name, ctx.locale)}</dd>
          <dt>${t('request.holder')}</dt><dd>${v.suggestedOrganisation ? localized(v.suggestedOrganisation.name, ctx.locale) : t('request.unknownHolder')}</dd>
          <dt>${t('new.useType')}</dt><dd>${t(`use.${v.useType}`)}</dd>
          ${v.answer.dueOn ? html`<dt>${t('request.due')}</dt><dd>${v.answer.dueOn}</dd>` : null}
        </dl>
        <h2>${t('request.why')}</h2><p class="prewrap">${v.why}</p>
        <h2>${t('request.use')}</h2><p class="prewrap">${v.useDescription}</p>
        ${decisionBlock(ctx, v)}
        ${supportBlock(ctx, v)}${supportPart}
        ${priorityBlock(ctx, v)}
        ${canAnswer ? answerForm(ctx, v, sent) : null}
        ${demandPolicy.canAssess(actor, row) ? assessForm(ctx, v, sent) : null}
        ${awaiting && demandPolicy.canTriage(actor, row) ? triageForm(ctx, v, holders, sent) : null}
        ${(!v.dataset || v.dispute) && demandPolicy.canLinkDataset(actor, row) ? linkForm(ctx, v, sent) : null}
        ${v.dataset && !v.dispute && demandPolicy.canDisputeLink(actor, { author_id: v.requester.id }) ? disputeForm(ctx, v, sent) : null}
        ${panel ? itemPanel(ctx, actor, panel) : null}`,
    };
  };
}

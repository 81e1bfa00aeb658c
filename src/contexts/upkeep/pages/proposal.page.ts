import type { App, Services } from '../../../core/context.js';
import { html } from '../../../web/html.js';
import { csrfField, type PageContext } from '../../../web/layout.js';
import { formBody } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import type { Attribute } from '../use-cases/change-ops.js';
import { describeProposal, listProposals } from '../use-cases/describe-upkeep.js';
import { REVIEW_DECISIONS, reviewProposal } from '../use-cases/review-proposal.js';
import { isStewardAnywhere, reviewableBy, stewardsOf } from '../use-cases/stewardship.js';
import { diffWithComments, revisionHistory, volNotice, volT } from './volunteers-view.js';
import { hide, kst, noticeBlock, problemsBlock, tryForm, upkeepAssets, upT, type Problem } from './upkeep-view.js';

type Proposal = Awaited<ReturnType<typeof describeProposal>>;

function proposalPage(
  ctx: PageContext,
  p: Proposal,
  canReview: boolean,
  notice: ReturnType<typeof noticeBlock>,
  s: { problems?: Problem[]; values?: Record<string, string>; seesPrivate?: boolean; isAuthor?: boolean },
) {
  const t = upT(ctx.locale);
  const vt = volT(ctx.locale);
  const photos = p.evidence.photos.filter((ph) => ph.public || s.seesPrivate);
  const hidden = p.evidence.photos.length - photos.length;
  const station = (ctx.locale === 'en' ? (p.station.en ?? p.station.ko) : p.station.ko) ?? p.stationId;
  const v = s.values ?? {};
  const review =
    canReview && p.status === 'pending'
      ? html`<section aria-labelledby="review-h" class="review-box"><h2 id="review-h">${t('prop.decision')}</h2>
    ${problemsBlock(t, s.problems, ctx.locale)}
    <form method="post" action="/transit/proposals/${p.id}/review" class="stack">${csrfField(ctx)}
      <fieldset><legend>${t('prop.decision')}</legend>${REVIEW_DECISIONS.map((d, i) => html`<div class="radio"><input type="radio" id="d-${d}" name="decision" value="${d}" ${(v.decision ?? 'approve') === d ? html`checked` : null} ${i === 0 ? html`required` : null}><label for="d-${d}">${t(`prop.${d}`)}</label></div>`)}</fieldset>
      <div class="form-group"><label for="f-reason">${t('prop.reason')}</label><textarea id="f-reason" name="reason" rows="3" maxlength="2000">${v.reason ?? ''}</textarea></div>
      <button type="submit" class="btn btn-primary">${t('prop.send')}</button></form></section>`
      : p.status === 'pending' && ctx.user
        ? html`<p class="muted">${t('prop.notSteward')}</p>`
        : null;
  return {
    title: t('prop.title', { title: p.title }),
    body: html`${upkeepAssets}<p><a href="/transit/stations/${p.stationId}/versions">${t('st.history')}</a> · <a href="/transit/upkeep">${t('cov.title')}</a></p>
      ${notice}<h1>${t('prop.title', { title: p.title })}</h1>
      <p><span class="badge">${t(`prop.status.${p.status}` as Parameters<typeof t>[0])}</span> <span class="badge">${vt('vol.revision', { n: p.revision })}</span></p>
      ${p.status === 'changes_requested' && s.isAuthor ? html`<div class="alert alert-info"><p>${vt('vol.reviseHint')}</p><p><a class="btn btn-primary" href="/transit/proposals/${p.id}/revise">${vt('vol.reviseLink')}</a></p></div>` : null}
      <p>${t('prop.meta', { station, version: p.baseVersion, source: t(`prop.source.${p.source}` as Parameters<typeof t>[0]), author: p.author.name ?? '–', at: kst(p.createdAt, ctx.locale) })}</p>
      ${p.resultVersion ? html`<p class="alert alert-success"><a href="/transit/stations/${p.stationId}/versions/${p.resultVersion}">${t('prop.resultVersion', { version: p.resultVersion })}</a></p>` : null}
      ${p.status === 'pending' && p.currentVersion !== p.baseVersion ? html`<p class="alert alert-info">${t('prop.stale', { version: p.currentVersion })}</p>` : null}
      <h2 id="diff-h">${t('prop.diff')}</h2>${diffWithComments(t, vt, ctx.locale, p, t('prop.diff'))}
      <h2>${t('prop.evidence')}</h2>
      ${p.evidence.surveyedAt ? html`<p>${t('prop.surveyedAt', { at: kst(p.evidence.surveyedAt, ctx.locale) })}</p>` : null}
      ${p.evidence.note ? html`<p class="prewrap">${p.evidence.note}</p>` : null}
      ${hidden ? html`<p class="muted">${vt('vol.photosPrivate', { n: hidden })}</p>` : null}
      ${photos.length ? html`<ul class="photo-list">${photos.map((ph, i) => html`<li><a href="${ph.url}"><img src="${ph.url}" alt="${ph.caption ?? `${t('prop.evidence')} ${i + 1}`}" width="${Math.min(240, ph.width)}" loading="lazy"></a>${ph.public ? null : html`<span class="badge">${vt('vol.photoPrivateBadge')}</span>`}</li>`)}</ul>` : null}
      <h2>${t('prop.review')}</h2>
      <ul>${p.review.map(
        (
          r,
        ) => html`<li>${t(`prop.attr.${r.attribute}` as Parameters<typeof t>[0])}: ${r.steward ? (ctx.locale === 'en' ? (r.steward.nameEn ?? r.steward.nameKo) : (r.steward.nameKo ?? r.steward.nameEn)) : t('prop.noSteward')}
        — ${r.approvedAt ? t('prop.approvedAt', { at: kst(r.approvedAt, ctx.locale) }) : t('prop.waiting')}</li>`,
      )}</ul>
      ${revisionHistory(vt, ctx.locale, p)}
      ${review}`,
  };
}

export function registerProposalPages(app: App, services: Services) {
  const canReview = async (actor: Parameters<typeof reviewableBy>[0], p: Proposal) =>
    reviewableBy(
      actor,
      await stewardsOf(services.db, p.stationId),
      p.review.map((r) => r.attribute as Attribute),
    ).length > 0;

  // The author and the station's stewards see photos that are still private (photoVisibleTo says the same per photo).
  const seesPrivate = async (actor: Parameters<typeof reviewableBy>[0], p: Proposal) =>
    actor.user?.id === p.author.id || isStewardAnywhere(actor, await stewardsOf(services.db, p.stationId));

  app.get('/transit/proposals/:id', hide, async (request, reply) => {
    const p = await describeProposal(services, (request.params as { id: string }).id);
    const can = await canReview(request.actor, p);
    const sees = await seesPrivate(request.actor, p);
    return sendPage(request, reply, (ctx) =>
      proposalPage(ctx, p, can, noticeBlock(upT(ctx.locale), request) ?? volNotice(volT(ctx.locale), request), {
        seesPrivate: sees,
        isAuthor: request.actor.user?.id === p.author.id,
      }),
    );
  });

  app.post('/transit/proposals/:id/review', hide, async (request, reply) => {
    const id = (request.params as { id: string }).id;
    const form = formBody(request.body);
    const result = await tryForm(() => reviewProposal(services, request.actor, { proposalId: id, decision: form.decision, reason: form.reason }));
    if (result.ok) return redirectTo(reply, `/transit/proposals/${id}?notice=reviewed`);
    const p = await describeProposal(services, id);
    const can = await canReview(request.actor, p);
    const sees = await seesPrivate(request.actor, p);
    return sendPage(
      request,
      reply,
      (ctx) =>
        proposalPage(ctx, p, can, null, { problems: result.problems, values: form, seesPrivate: sees, isAuthor: request.actor.user?.id === p.author.id }),
      result.status,
    );
  });

  app.get('/transit/proposals', hide, async (request, reply) => {
    const q = request.query as { station?: string; status?: string };
    const status = ['pending', 'changes_requested', 'approved', 'rejected'].includes(q.status ?? '') ? q.status : undefined;
    const items = await listProposals(services, { stationId: typeof q.station === 'string' ? q.station.slice(0, 100) : undefined, status });
    return sendPage(request, reply, (ctx) => {
      const t = upT(ctx.locale);
      return {
        title: t('prop.list'),
        body: html`${upkeepAssets}<p><a href="/transit/upkeep">${t('cov.title')}</a></p><h1>${t('prop.list')}</h1>
          <ul class="stack">${items.map(
            (p) => html`<li><a href="/transit/proposals/${p.id}">${p.title}</a> · <span lang="ko">${p.station.ko ?? p.stationId}</span>
            · <span class="badge">${t(`prop.status.${p.status}` as Parameters<typeof t>[0])}</span> · ${kst(p.createdAt, ctx.locale)}</li>`,
          )}</ul>`,
      };
    });
  });
}

import type { FastifyRequest } from 'fastify';
import { translator, type Locale } from '../../../core/i18n/messages.js';
import { html, type Html } from '../../../web/html.js';
import type { describeProposal } from '../use-cases/describe-upkeep.js';
import { diffTable, kst, type UpT } from './upkeep-view.js';
import { volunteersMessages } from './volunteers.messages.js';

export const volT = (l: Locale) => translator(volunteersMessages, l);
export type VolT = ReturnType<typeof volT>;
export type Proposal = Awaited<ReturnType<typeof describeProposal>>;

/** The success notices of these pages (?notice=revised …). */
export function volNotice(t: VolT, request: FastifyRequest): Html | null {
  const n = (request.query as { notice?: string }).notice;
  const key = `notice.${n}` as keyof typeof volunteersMessages;
  return n && key in volunteersMessages ? html`<p class="alert alert-success" role="status">${t(key)}</p>` : null;
}

/** Every review that sent this proposal back, newest first: the current one, then those of earlier revisions. */
function comments(p: Proposal) {
  const out: Array<{ revision: number; reason: string; by: string | null; at: string | null }> = [];
  if (p.reviewReason && p.status !== 'approved') out.push({ revision: p.revision, reason: p.reviewReason, by: null, at: p.reviewedAt });
  for (const r of [...p.revisions].reverse()) if (r.review) out.push({ revision: r.revision, reason: r.review.reason, by: r.review.by, at: r.review.at });
  return out;
}

/** The diff with the reviewer's comments beside it (below it on a narrow screen). */
export function diffWithComments(ut: UpT, t: VolT, locale: Locale, p: Proposal, caption: string): Html {
  const list = comments(p);
  return html`<div class="diff-review">
    <div class="diff-review-diff">${diffTable(ut, locale, p.diff, caption)}</div>
    <aside class="diff-review-comments" aria-labelledby="comments-h"><h3 id="comments-h">${t('vol.comments')}</h3>
      ${
        list.length
          ? html`<ol class="review-comments">${list.map(
              (c) => html`<li><p class="muted">${t('vol.commentOn', { revision: c.revision, by: c.by ?? '–', at: kst(c.at, locale) })}</p>
        <blockquote class="prewrap">${c.reason}</blockquote></li>`,
            )}</ol>`
          : html`<p>${t('vol.commentsNone')}</p>`
      }
    </aside></div>`;
}

/** The earlier revisions, oldest first. */
export function revisionHistory(t: VolT, locale: Locale, p: Proposal): Html | null {
  if (!p.revisions.length) return null;
  return html`<h2>${t('vol.history')}</h2><ol class="stack">${p.revisions.map((r) => html`<li>${t('vol.historyItem', { n: r.revision, at: kst(r.sentAt, locale), base: r.baseVersion, title: r.title })}</li>`)}</ol>`;
}

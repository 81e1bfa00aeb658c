import type { Locale } from '../../../core/i18n/messages.js';
import { html } from '../../../web/html.js';
import type { PageContext } from '../../../web/layout.js';
import { demandPolicy } from '../domain/policy.js';
import type { PublicState } from '../domain/public-state.js';
import { districtById } from '../domain/vocabularies.js';
import { demandT } from '../messages.js';
import type { DataRequestView } from '../use-cases/describe-data-requests.js';
import type { Actor } from '../../../core/auth/actor.js';
import { localized, seoulDay } from '../../../web/text.js';

export const demandAssets = html`<link rel="stylesheet" href="/assets/demand.css">`;

/** Database text in the reader's language (marked with the language it is really in), and days in Seoul: src/web/text.ts. */
export { localized, seoulDay };

export const districtName = (id: string, locale: Locale) => districtById(id)?.[locale] ?? id;

const BADGE: Record<PublicState, string> = {
  open: '',
  late: 'badge-late',
  answered: 'badge-live',
  published: 'badge-live',
  disputed: 'badge-late',
  declined: 'badge-coming',
};

export function stateBadge(locale: Locale, state: PublicState) {
  const t = demandT(locale);
  return html`<span class="badge ${BADGE[state]}" data-state="${state}">${t(`state.${state}`)}</span>`;
}

export const supportSummary = (locale: Locale, v: DataRequestView) =>
  demandT(locale)('support.summary', { n: v.support.supporters, d: v.support.distinctDistricts, g: v.support.distinctGroups });

/** The demand window's own menu, on each of its pages; `current` marks where the reader is. */
export function demandNav(ctx: PageContext, actor: Actor, current: string) {
  const t = demandT(ctx.locale);
  const link = (href: string, label: string) => html`<li><a href="${href}"${href === current ? html` aria-current="page"` : null}>${label}</a></li>`;
  return html`<nav class="demand-nav" aria-label="${t('nav.label')}"><ul>
    ${link('/demand/requests', t('nav.list'))}${link('/demand/requests/new', t('nav.new'))}${link('/demand/dashboard', t('nav.dashboard'))}
    ${demandPolicy.canSeeQueue(actor) ? link('/demand/queue', t('nav.queue')) : null}${link('/demand/rubric', t('nav.rubric'))}
    ${link('/demand/requests.atom', t('nav.feed'))}${link('/api/docs#/demand', t('nav.api'))}</ul></nav>`;
}

/** One request in a list: title, state, department, representativeness and score. */
export function requestCard(ctx: PageContext, v: DataRequestView, heading: 'h2' | 'h3' = 'h2') {
  const t = demandT(ctx.locale);
  return html`<li class="card stack" data-request="${v.id}">
    <${heading}><a href="${v.url}">${v.title}</a></${heading}>
    <p>${stateBadge(ctx.locale, v.state)}${v.publicationOverdue ? html` <span class="badge badge-late">${t('promise.overdue')}</span>` : null}
      ${t('list.meta', { date: seoulDay(v.createdAt) })}${localized(v.department.name, ctx.locale)}</p>
    <p>${supportSummary(ctx.locale, v)} · ${t('list.score', { score: v.priority.score })}</p></li>`;
}

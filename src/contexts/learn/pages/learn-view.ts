import type { Actor } from '../../../core/auth/actor.js';
import { pickLocalized, type Locale, type Localized } from '../../../core/i18n/messages.js';
import { html } from '../../../web/html.js';
import type { PageContext } from '../../../web/layout.js';
import { programmePolicy } from '../domain/policy.js';
import { learnT } from '../messages.js';
import type { ProgrammeView } from '../use-cases/describe-programmes.js';

export const hide = { schema: { hide: true } };

/** Database text in the reader's language, marked with the language it is really in. */
export const localized = (value: Localized, locale: Locale, fallback = '') => {
  const p = pickLocalized(value, locale);
  return html`<span lang="${p.lang}">${p.text || fallback}</span>`;
};

const fmt = (locale: Locale, opts: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-GB', { timeZone: 'Asia/Seoul', ...opts });
export const seoulDay = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
export const when = (locale: Locale, start: string, end: string) =>
  `${fmt(locale, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(start))}–${fmt(locale, { hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(end))}`;
export const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

export const exampleBadge = (locale: Locale) => html`<span class="badge badge-coming" data-example>${learnT(locale)('example.badge')}</span>`;
export const kindBadge = (locale: Locale, kind: ProgrammeView['kind']) =>
  html`<span class="badge" data-kind="${kind}">${learnT(locale)(`kind.${kind}`)}</span>`;

/** The data-literacy menu on each learn page; `current` marks where the reader is. */
export function learnNav(ctx: PageContext, actor: Actor, current: string) {
  const t = learnT(ctx.locale);
  const link = (href: string, label: string) => html`<li><a href="${href}"${href === current ? html` aria-current="page"` : null}>${label}</a></li>`;
  return html`<nav class="demand-nav" aria-label="${t('nav.label')}"><ul>
    ${link('/learn', t('nav.home'))}${link('/learn/calendar', t('nav.calendar'))}${link('/learn/me', t('nav.me'))}
    ${programmePolicy.canCreate(actor) ? html`${link('/learn/organise', t('nav.organise'))}${link('/learn/programmes/new', t('nav.new'))}` : null}</ul></nav>`;
}

/** Small additions to the KRDS look: the phone-friendly roll call, charts, exercise feedback. */
export const learnAssets = html`<link rel="stylesheet" href="/assets/demand.css"><style>
.learn-roll{list-style:none;padding:0}.learn-roll li{border-bottom:1px solid #d6d6d6}
.learn-roll label{display:flex;align-items:center;gap:1rem;min-height:3rem;padding:.5rem 0;font-size:1.125rem}
.learn-roll input{width:1.75rem;height:1.75rem}
.learn-exercise{border:1px solid #b1b8be;border-radius:.5rem;padding:1rem;margin:1rem 0}
.learn-ok{color:#1c6b3a;font-weight:700}.learn-no{color:#b3261e;font-weight:700}
.learn-chart svg{max-width:100%;height:auto}.learn-result{overflow-x:auto;max-width:100%}.learn-run{border-top:1px solid #d6d6d6;margin-top:1rem;padding-top:.5rem}.learn-qr svg{width:10rem;height:10rem;background:#fff}.learn-sql{font-family:monospace;width:100%}
</style>`;

export function programmeCard(ctx: PageContext, v: ProgrammeView) {
  const t = learnT(ctx.locale);
  const first = v.sessions[0];
  return html`<li class="card stack" data-programme="${v.id}">
    <h3><a href="${v.url}">${localized(v.title, ctx.locale)}</a></h3>
    <p>${kindBadge(ctx.locale, v.kind)} ${v.example ? exampleBadge(ctx.locale) : null} ${t(`audience.${v.audience}`)} · ${t(`level.${v.level}`)}</p>
    ${first ? html`<p>${when(ctx.locale, first.startsAt, first.endsAt)}${v.sessions.length > 1 ? ` (+${v.sessions.length - 1})` : ''} · ${localized(v.place, ctx.locale)}</p>` : null}
    <p>${t('programme.seatsLeft', { capacity: v.capacity, left: v.seatsLeft, waiting: v.waitlisted })}</p></li>`;
}

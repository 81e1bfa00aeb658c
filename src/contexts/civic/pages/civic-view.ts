import type { Actor } from '../../../core/auth/actor.js';
import { isAdmin } from '../../../core/auth/actor.js';
import { pickLocalized, type Locale } from '../../../core/i18n/messages.js';
import { html } from '../../../web/html.js';
import type { FieldError, PageContext } from '../../../web/layout.js';
import type { ProjectStatus } from '../domain/vocabularies.js';
import { civicT } from '../messages.js';
import type { ProjectView } from '../use-cases/describe-projects.js';
import type { ReuseView } from '../use-cases/list-reuses.js';
import { localized, seoulDay } from '../../../web/text.js';

/** Database text in the reader's language (marked with the language it is really in), and days in Seoul: src/web/text.ts. */
export { localized, seoulDay };

const BADGE: Record<ProjectStatus, string> = { proposed: '', active: 'badge-live', completed: 'badge-live', paused: 'badge-coming' };
export const statusBadge = (locale: Locale, status: ProjectStatus) =>
  html`<span class="badge ${BADGE[status]}" data-status="${status}">${civicT(locale)(`status.${status}`)}</span>`;
export const exampleBadge = (locale: Locale) => html`<span class="badge badge-coming" data-example>${civicT(locale)('example.badge')}</span>`;

/** The menu of projects and the showcase, on each of their pages; `current` marks where the reader is. */
export function civicNav(ctx: PageContext, actor: Actor, current: string) {
  const t = civicT(ctx.locale);
  const link = (href: string, label: string) => html`<li><a href="${href}"${href === current ? html` aria-current="page"` : null}>${label}</a></li>`;
  return html`<nav class="demand-nav" aria-label="${t('nav.label')}"><ul>
    ${link('/projects', t('nav.projects'))}${link('/projects/new', t('nav.new'))}${link('/showcase', t('nav.showcase'))}${link('/showcase/new', t('nav.submitReuse'))}
    ${isAdmin(actor) ? link('/showcase/moderation', t('nav.moderation')) : null}${link('/projects/posts.atom', t('nav.feed'))}</ul></nav>`;
}
export const civicAssets = html`<link rel="stylesheet" href="/assets/demand.css">`;

/** The datasets of a project or reuse: links to public ones, a mention of restricted ones. */
export function datasetList(locale: Locale, datasets: ProjectView['datasets']) {
  const t = civicT(locale);
  return html`<ul>${datasets.map((d) => html`<li data-dataset="${d.id}">${d.url ? html`<a href="${d.url}">${localized(d.title, locale, d.id)}</a>` : t('project.restricted', { id: d.id })}</li>`)}</ul>`;
}

export function projectCard(ctx: PageContext, v: ProjectView) {
  const t = civicT(ctx.locale);
  const team = v.team.filter((m) => m.state === 'active').length;
  return html`<li class="card stack" data-project="${v.id}">
    <h3><a href="${v.url}">${v.title}</a></h3>
    <p>${statusBadge(ctx.locale, v.status)} ${v.example ? exampleBadge(ctx.locale) : null}
      ${v.organisation ? localized(v.organisation.name, ctx.locale, v.organisation.slug) : t('project.noOrganisation')} · ${t('list.meta', { team, posts: v.posts })}</p>
    <p>${v.question}</p></li>`;
}

/** Checkboxes of the catalogue's datasets in a fieldset; the first box carries the id the error summary links to. */
export function datasetBoxes(
  ctx: PageContext,
  opts: {
    legend: string;
    datasets: Array<{ id: string; title_ko: string | null; title_en: string | null; restricted: number }>;
    checked: string[];
    errors?: FieldError[];
    allowRestricted: boolean;
  },
) {
  const t = civicT(ctx.locale);
  const error = opts.errors?.find((e) => e.field === 'datasets');
  const shown = opts.datasets.filter((d) => opts.allowRestricted || !d.restricted);
  return html`<fieldset class="form-group${error ? ' has-error' : ''}"${error ? html` aria-describedby="f-datasets-error"` : null}><legend>${opts.legend}</legend>
    ${error ? html`<p class="field-error" id="f-datasets-error">${error.message}</p>` : null}
    ${shown.map((d, i) => {
      const title = pickLocalized({ ko: d.title_ko, en: d.title_en }, ctx.locale);
      return html`<div class="check"><input type="checkbox" name="datasets" value="${d.id}" id="${i === 0 ? 'f-datasets' : `f-datasets-${d.id}`}"${opts.checked.includes(d.id) ? html` checked` : null}>
        <label for="${i === 0 ? 'f-datasets' : `f-datasets-${d.id}`}"><span lang="${title.lang}">${title.text || d.id}</span>${d.restricted ? ` ${t('form.restrictedOption')}` : ''}</label></div>`;
    })}</fieldset>`;
}

/** One reuse: what it is, by whom, which datasets, and the link out. */
export function reuseCard(locale: Locale, r: ReuseView, heading: 'h2' | 'h3' = 'h3', asItem = true) {
  const t = civicT(locale);
  const title =
    heading === 'h2'
      ? html`<h2><a href="${r.url}" rel="nofollow ugc noopener">${r.title}</a></h2>`
      : html`<h3><a href="${r.url}" rel="nofollow ugc noopener">${r.title}</a></h3>`;
  const body = html`${title}
    <p><span class="badge">${t(`type.${r.type}`)}</span> ${t('showcase.by', { author: r.author })}</p>
    <p class="prewrap">${r.description}</p>
    ${r.imageUrl ? html`<p><a href="${r.imageUrl}" rel="nofollow ugc noopener">${t('showcase.image')}</a></p>` : null}
    ${r.datasets.length ? html`<p>${t('showcase.datasets')}: ${r.datasets.map((d, i) => html`${i ? ', ' : ''}<a href="${d.url}">${localized(d.title, locale, d.id)}</a>`)}</p>` : null}`;
  return asItem ? html`<li class="card stack" data-reuse="${r.id}">${body}</li>` : html`<div class="card stack" data-reuse="${r.id}">${body}</div>`;
}

/** The "reuses" block of a dataset page (called from the data context's dataset page). */
export function reusesSection(locale: Locale, reuses: ReuseView[], datasetId?: string) {
  const t = civicT(locale);
  return html`<section aria-labelledby="reuses-title" id="reuses"><h2 id="reuses-title">${t('dataset.reuses')}</h2>
    ${reuses.length ? html`<ul class="cards">${reuses.map((r) => reuseCard(locale, r))}</ul>` : html`<p>${t('dataset.noReuses')}</p>`}
    <p><a href="/showcase/new${datasetId ? `?dataset=${encodeURIComponent(datasetId)}` : ''}">${t('dataset.submitReuse')}</a></p></section>`;
}

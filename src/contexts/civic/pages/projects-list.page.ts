import type { App, Services } from '../../../core/context.js';
import { pickLocalized } from '../../../core/i18n/messages.js';
import { html } from '../../../web/html.js';
import type { PageContext } from '../../../web/layout.js';
import { sendPage } from '../../../web/page.js';
import { PROJECT_STATUSES } from '../domain/vocabularies.js';
import { civicT } from '../messages.js';
import { organisationNames } from '../../accounts/index.js';
import { projectOrganisationIds } from '../store/project.repository.js';
import { datasetChoices } from '../../data/index.js';
import { listProjects } from '../use-cases/describe-projects.js';
import { selectField } from '../../../web/forms.js';
import { civicAssets, civicNav, projectCard } from './civic-view.js';

const hide = { schema: { hide: true } };

/** /projects: filters (status, dataset, organisation) in a plain GET form, then the projects. */
export function registerProjectsListPage(app: App, services: Services) {
  app.get('/projects', hide, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const str = (k: string) => (typeof query[k] === 'string' ? (query[k] as string).slice(0, 100) : '');
    const filter = { status: str('status'), dataset: str('dataset'), organisation: str('organisation') };
    const valid = { ...filter, status: (PROJECT_STATUSES as readonly string[]).includes(filter.status) ? filter.status : undefined };
    const [result, datasets, organisations] = await Promise.all([
      listProjects(services.db, { status: valid.status, dataset: valid.dataset || undefined, organisation: valid.organisation || undefined, limit: 200 }),
      datasetChoices(services.db),
      projectOrganisationIds(services.db).then((ids) => organisationNames(services.db, ids)),
    ]);
    return sendPage(request, reply, (ctx: PageContext) => {
      const t = civicT(ctx.locale);
      const name = (ko: string | null, en: string | null, fallback: string) => {
        const p = pickLocalized({ ko, en }, ctx.locale);
        return { label: p.text || fallback, lang: p.lang };
      };
      return {
        title: t('projects.title'),
        body: html`${civicAssets}${civicNav(ctx, request.actor, '/projects')}
          <h1>${t('projects.title')}</h1><p>${t('projects.intro')}</p>
          <p><a class="btn btn-primary" href="/projects/new">${t('nav.new')}</a></p>
          <form method="get" action="/projects" class="demand-filters" role="search" aria-labelledby="filters-title">
            <h2 id="filters-title">${t('list.filters')}</h2>
            ${selectField({ name: 'status', label: t('list.status'), value: filter.status, placeholder: t('list.any'), options: PROJECT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })) })}
            ${selectField({ name: 'dataset', label: t('list.dataset'), value: filter.dataset, placeholder: t('list.any'), options: datasets.filter((d) => !d.restricted).map((d) => ({ value: d.id, ...name(d.title_ko, d.title_en, d.id) })) })}
            ${selectField({ name: 'organisation', label: t('list.organisation'), value: filter.organisation, placeholder: t('list.any'), options: organisations.map((o) => ({ value: o.slug, ...name(o.name_ko, o.name_en, o.slug) })) })}
            <button type="submit" class="btn btn-secondary">${t('list.apply')}</button></form>
          <h2 id="results-title">${t('list.count', { n: result.total })}</h2>
          ${result.items.length ? html`<ol class="cards demand-list" aria-labelledby="results-title">${result.items.map((v) => projectCard(ctx, v))}</ol>` : html`<p>${t('list.none')}</p>`}`,
      };
    });
  });
}

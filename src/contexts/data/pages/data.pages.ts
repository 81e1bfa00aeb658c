import type { App, Services } from '../../../core/context.js';
import { sendPage } from '../../../web/page.js';
import { catalogueView, cataloguePage } from './catalogue.page.js';
import { chartBuilderPage, runChartBuilder } from './chart-builder.page.js';
import { datasetPage, loadDatasetView } from './dataset.page.js';
import { queryBuilderPage, runQueryBuilder } from './query-builder.page.js';

const hide = { schema: { hide: true } };
type Query = Record<string, unknown>;
const versionOf = (q: Query) => (typeof q.version === 'string' && /^\d{1,9}$/.test(q.version) ? Number(q.version) : undefined);

/** Routes for the catalogue, dataset pages, and the query and chart builders (publish pages: publish.pages.ts). */
export function registerDataPages(app: App, services: Services): void {
  app.get('/data', hide, async (request, reply) => sendPage(request, reply, cataloguePage(await catalogueView(services, request.query as Query))));

  app.get('/data/datasets/:id', hide, async (request, reply) => {
    const { id } = request.params as { id: string };
    const view = await loadDatasetView(services, id, versionOf(request.query as Query), request.actor);
    return sendPage(request, reply, datasetPage(view, services.config.publicUrl));
  });

  app.get('/data/datasets/:id/query', hide, async (request, reply) => {
    const { id } = request.params as { id: string };
    const view = await runQueryBuilder(services, id, request.query as Query, request.locale);
    return sendPage(request, reply, queryBuilderPage(view), view.problems.length ? 422 : 200);
  });

  app.get('/data/datasets/:id/chart', hide, async (request, reply) => {
    const { id } = request.params as { id: string };
    const view = await runChartBuilder(services, id, request.query as Query, request.locale);
    return sendPage(request, reply, chartBuilderPage(view), view.problems.length ? 422 : 200);
  });
}

import type { ContextManifest } from '../../core/context.js';
import { registerAnalystsApi } from './api/analysts.api.js';
import { registerCatalogueApi } from './api/catalogue.api.js';
import { registerCompatApi } from './api/compat.api.js';
import { registerLakeManifestApi } from './api/lake-manifest.api.js';
import { registerOutputsApi } from './api/outputs.api.js';
import { registerPublisherApi } from './api/publisher.api.js';
import { registerQueryApi } from './api/query.api.js';
import { dataInit } from './migrations/2026-11-22-40-data-init.js';
import { dataAnalysts } from './migrations/2026-11-22-61-data-analysts.js';
import { dataAnalystProject } from './migrations/2026-11-22-62-data-analyst-project.js';
import { dataDisclosureLedger } from './migrations/2026-12-07-64-a-data-disclosure-ledger.js';
import { dataOutputCheck } from './migrations/2026-12-07-64-b-data-output-check.js';
import { dataSeoulOpenApi } from './migrations/2026-12-07-65-data-seoul-openapi.js';
import { seoulServicesSeed } from './seeds/seoul-services.seed.js';
import { dataPublisherControl } from './migrations/2026-12-07-63-data-publisher-control.js';
import { catalogueMessages } from './pages/catalogue.messages.js';
import { registerDataPages } from './pages/data.pages.js';
import { openDataSeed } from './seeds/open-data.seed.js';
import { syntheticPopulationSeed } from './seeds/synthetic-population.seed.js';
import { startDraftSweepJob } from './use-cases/sweep-orphan-drafts.js';
import { startLakeEviction } from './lake/lake-store.js';
import { publishMessages } from './pages/publish.messages.js';
import { openApiKeyMessages } from './pages/openapi-keys.messages.js';
import { registerOpenApiKeyPages } from './pages/openapi-keys.pages.js';
import { registerPublishPages } from './pages/publish.pages.js';
import { outputsMessages } from './pages/outputs.messages.js';
import { registerOutputPages } from './pages/outputs.pages.js';
import { registerManagePages } from './pages/manage.pages.js';
import { manageMessages } from './pages/manage.messages.js';

/** Data (commitment ②): the civic data catalogue and lake (DuckDB + Parquet), its query API and compatibility APIs. */
export const data: ContextManifest = {
  name: 'data',
  migrations: [dataInit, dataAnalysts, dataAnalystProject, dataPublisherControl, dataDisclosureLedger, dataOutputCheck, dataSeoulOpenApi],
  seeds: [openDataSeed, syntheticPopulationSeed, seoulServicesSeed],
  jobs: [startDraftSweepJob, startLakeEviction],
  messages: { ...catalogueMessages, ...publishMessages, ...manageMessages, ...outputsMessages, ...openApiKeyMessages },
  entry: { path: '/data', title: { ko: '열린 데이터', en: 'Open data' }, description: { ko: '', en: '' } },
  routes(app, services) {
    registerCatalogueApi(app, services);
    registerQueryApi(app, services);
    registerAnalystsApi(app, services);
    registerOutputsApi(app, services);
    registerCompatApi(app, services);
    registerPublisherApi(app, services);
    registerLakeManifestApi(app, services);
    registerDataPages(app, services);
    registerPublishPages(app, services);
    registerOutputPages(app, services);
    registerOpenApiKeyPages(app, services);
    registerManagePages(app, services);
  },
};

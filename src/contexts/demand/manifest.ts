import type { ContextManifest } from '../../core/context.js';
import { registerDemandApi } from './api/routes.api.js';
import { demandCatalog } from './messages.js';
import { demandInit } from './migrations/2026-11-22-50-demand-init.js';
import { demandLinkDispute } from './migrations/2026-12-07-65-demand-link-dispute.js';
import { registerDemandPages } from './pages/demand.pages.js';
import { demandKindsSeed } from './seeds/demand-kinds.seed.js';

/**
 * The data demand window (commitment ②): citizens ask for data, others support it with their district and group,
 * a published rubric ranks the requests, and each one is an answerable item of the accountability engine until
 * the department decides and the dataset is linked from the catalogue.
 */
export const demand: ContextManifest = {
  name: 'demand',
  migrations: [demandInit, demandLinkDispute],
  seeds: [demandKindsSeed],
  messages: demandCatalog,
  entry: {
    path: '/demand/requests',
    title: { ko: '데이터 요청 창구', en: 'Data requests' },
    description: {
      ko: '필요한 데이터를 요청하고, 지지하고, 서울시의 공개 결정을 기한 안에 받으세요.',
      en: 'Ask for data, support others’ requests, and get the city’s decision on time.',
    },
  },
  routes(app, services) {
    registerDemandApi(app, services);
    registerDemandPages(app, services);
  },
};

import type { ContextManifest } from '../../core/context.js';
import { registerTransitApi } from './api/routes.api.js';
import { registerRoutingApi } from './api/routing.api.js';
import { transitMessages } from './messages.js';
import { transitInit } from './migrations/2026-11-22-30-transit-init.js';
import { transitUpkeep } from './migrations/2026-11-22-31-transit-upkeep.js';
import { transitRiderLines } from './migrations/2026-11-22-35-transit-rider-lines.js';
import { transitVolunteers } from './migrations/2026-12-07-39-transit-volunteers.js';
import { registerUpkeepApi } from './api/upkeep.api.js';
import { registerVolunteersApi } from './api/volunteers.api.js';
import { registerVolunteerPages } from './pages/upkeep/volunteers.pages.js';
import { volunteersMessages } from './pages/upkeep/volunteers.messages.js';
import { registerGtfsExportApi } from './gtfs/export.api.js';
import { registerUpkeepPages } from './pages/upkeep/upkeep.pages.js';
import { upkeepMessages } from './pages/upkeep/upkeep.messages.js';
import { editorMessages } from './pages/upkeep/editor.messages.js';
import { upkeepSeed } from './seeds/upkeep.seed.js';
import { startWebhookJob } from './upkeep/deliver-webhooks.js';
import { registerTransitPages } from './pages/transit.pages.js';
import { registerJourneyPage } from './pages/journey.page.js';
import { journeyMessages } from './pages/journey.messages.js';
import { registerStationTransfersPage } from './pages/station-transfers.page.js';
import { registerTransferEmbedPage } from './pages/transfer-embed.page.js';
import { transferMapsMessages } from './pages/transfer-maps.messages.js';
import { seoulNetworkSeed } from './seeds/seoul-network.seed.js';
import { pilotInteriorsSeed } from './seeds/pilot-interiors.seed.js';
import { interiorMessages } from './interiors/messages.js';
import { registerMapsApi } from './api/maps.api.js';
import { registerNetworkMapPage } from './pages/network-map.page.js';
import { networkMapMessages } from './pages/network-map.messages.js';

/** Transit (commitment ①): the Seoul subway network, station facilities and, next, station interiors. */
export const transit: ContextManifest = {
  name: 'transit',
  migrations: [transitInit, transitUpkeep, transitRiderLines, transitVolunteers],
  seeds: [seoulNetworkSeed, pilotInteriorsSeed, upkeepSeed],
  jobs: [startWebhookJob],
  messages: { ...transitMessages, ...interiorMessages, ...journeyMessages, ...transferMapsMessages, ...upkeepMessages, ...editorMessages, ...networkMapMessages, ...volunteersMessages },
  entry: { path: '/transit', title: { ko: '교통약자 환승 지도', en: 'Accessible transfer maps' }, description: { ko: '', en: '' } },
  routes(app, services) {
    registerTransitApi(app, services);
    registerRoutingApi(app, services);
    registerUpkeepApi(app, services);
    registerVolunteersApi(app, services); // revise after review, remove a steward
    registerVolunteerPages(app, services); // revise page, stewards page (admins), the offline survey app
    registerGtfsExportApi(app, services);
    registerUpkeepPages(app, services); // survey, proposals, history, reports, coverage, and the editor (registerEditorPage)
    registerTransitPages(app, services);
    registerJourneyPage(app, services);
    registerStationTransfersPage(app, services);
    registerTransferEmbedPage(app, services);
    registerMapsApi(app, services); // the network map (JSON) and a map for every station
    registerNetworkMapPage(app, services);
  },
};

import type { ContextManifest } from '../../core/context.js';
import { registerTransitApi } from './api/routes.api.js';
import { registerRoutingApi } from './api/routing.api.js';
import { transitMessages } from './messages.js';
import { transitInit } from './migrations/2026-11-22-30-transit-init.js';
import { transitRiderLines } from './migrations/2026-11-22-35-transit-rider-lines.js';
import { registerGtfsExportApi } from './gtfs/export.api.js';
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
import { connectTransitPorts, type TransitPorts } from './domain/ports.js';

/**
 * Transit (commitment ①): the Seoul subway network, station facilities (their status and what it rests on),
 * interiors and journeys. Their upkeep is the upkeep context, which depends on transit: what transit needs from it
 * (the change feed, live statuses, station versions, the station page's upkeep sections) comes in as ports, wired in
 * src/contexts/index.ts, so that transit never imports upkeep.
 */
export const transit = (ports: TransitPorts): ContextManifest => {
  connectTransitPorts(ports);
  return {
    name: 'transit',
    migrations: [transitInit, transitRiderLines],
    seeds: [seoulNetworkSeed, pilotInteriorsSeed],
    messages: { ...transitMessages, ...interiorMessages, ...journeyMessages, ...transferMapsMessages, ...networkMapMessages },
    entry: { path: '/transit', title: { ko: '교통약자 환승 지도', en: 'Accessible transfer maps' }, description: { ko: '', en: '' } },
    routes(app, services) {
      registerTransitApi(app, services);
      registerRoutingApi(app, services);
      registerGtfsExportApi(app, services);
      registerTransitPages(app, services);
      registerJourneyPage(app, services);
      registerStationTransfersPage(app, services);
      registerTransferEmbedPage(app, services);
      registerMapsApi(app, services); // the network map (JSON) and a map for every station
      registerNetworkMapPage(app, services);
    },
  };
};

import type { Seed } from '../../../core/context.js';
import { derivePilotInteriors } from '../interiors/derive-pilot-interiors.js';

/** Derived station interiors of the pilot transfer stations (needs 'transit.seoul-network' first). */
export const pilotInteriorsSeed: Seed = {
  name: 'transit.pilot-interiors',
  async run(services) {
    const report = await derivePilotInteriors(services);
    services.log.info(
      {
        feed: report.feed,
        stations: report.stations.length,
        missing: report.missing,
        nodes: report.stations.reduce((n, s) => n + s.nodes, 0),
        edges: report.stations.reduce((n, s) => n + s.edges, 0),
      },
      'Pilot station interiors derived',
    );
  },
};

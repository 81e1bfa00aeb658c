import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { system } from '../../../core/auth/actor.js';
import type { Seed } from '../../../core/context.js';
import { importSeoul } from '../use-cases/import-seoul.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const SEOUL_SEED_DIR = path.join(ROOT, 'seed/transit/seoul-subway');

/** The real Seoul subway network and its facilities, loaded on first start. */
export const seoulNetworkSeed: Seed = {
  name: 'transit.seoul-network',
  async run(services) {
    const { network } = await importSeoul(services, system(), SEOUL_SEED_DIR);
    services.log.info(
      { stations: network.stations.length, facilities: network.facilities.length, unmatched: network.unmatched.length },
      'Seoul subway network imported',
    );
  },
};

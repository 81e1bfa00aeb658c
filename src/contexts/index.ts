import type { ContextManifest } from '../core/context.js';
import { accounts } from './accounts/manifest.js';
import { accountability } from './accountability/manifest.js';
import { admin } from './admin/manifest.js';
import { analyses } from './analyses/manifest.js';
import { civic } from './civic/manifest.js';
import { data } from './data/manifest.js';
import { demand } from './demand/manifest.js';
import { home } from './home/manifest.js';
import { learn } from './learn/manifest.js';
import { plan } from './plan/manifest.js';
import { translatedOrganisationNames } from './plan/index.js';
import { startups } from './startups/manifest.js';
import { transit } from './transit/manifest.js';
import { upkeep } from './upkeep/manifest.js';
import { upkeepForTransit } from './upkeep/index.js';

/** Every bounded context of the platform. Adding a context is adding its manifest to this list. */
const contexts: ContextManifest[] = [
  accounts,
  accountability({ translatedOrganisationNames }),
  plan,
  transit(upkeepForTransit),
  upkeep,
  data,
  demand,
  analyses,
  civic,
  startups,
  learn,
  admin,
];

export const manifests: ContextManifest[] = [...contexts, home(contexts)];

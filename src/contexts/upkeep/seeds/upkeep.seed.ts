import type { Seed } from '../../../core/context.js';
import { findOrganisationBySlug } from '../../accounts/index.js';
import { registerAnswerableKind } from '../../accountability/index.js';
import { findSteward } from '../store/steward.repository.js';
import type { Attribute } from '../use-cases/change-ops.js';
import { REPORT_KIND } from '../use-cases/report-problem.js';
import { setSteward } from '../use-cases/stewardship.js';

/**
 * The cooperative framework of commitment ①'s third milestone, as defaults for every station: the city's GIS
 * division stewards geometry and signs, Seoul Metro the facilities and boarding positions it runs, Muui the
 * accessibility verification and field photos. Admins override per station. Station reports are answered in
 * 3 business days (an assumption of this platform, changeable by admins like every kind's rule).
 */
const DEFAULTS: Record<Attribute, string> = {
  geometry: 'smg-gis-division',
  instructions: 'smg-gis-division',
  facility: 'seoul-metro',
  boarding: 'seoul-metro',
  accessibility: 'muui',
  media: 'muui',
};

export const upkeepSeed: Seed = {
  name: 'transit.upkeep-stewards-and-reports',
  async run(services) {
    await services.db.transaction().execute(async (tx) => {
      await registerAnswerableKind(tx, {
        id: REPORT_KIND,
        context: 'transit',
        name: { ko: '역 문제 신고', en: 'Station problem report' },
        rule: { unit: 'business_days', days: 3, maxExtensionDays: 5 },
        remindDaysBefore: 1,
      });
      const at = services.now().toISOString();
      for (const [attribute, slug] of Object.entries(DEFAULTS)) {
        const org = await findOrganisationBySlug(tx, slug);
        const existing = await findSteward(tx, '*', attribute);
        if (org && !existing) await setSteward(tx, '*', attribute as Attribute, org.id, at);
      }
    });
  },
};

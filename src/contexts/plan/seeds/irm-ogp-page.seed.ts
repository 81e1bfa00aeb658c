import type { Seed } from '../../../core/context.js';
import { nowIso } from '../../../core/db/database.js';
import { keepAssessment, type IrmAssessment } from '../use-cases/assess-commitment.js';

/** The file the values below were read from (seed/SOURCES.md): the OGP page of commitment ②, Digital Literacy (SEO0006). */
export const OGP_PAGE_FILE = 'seed/ogp/ogp-commitment-SEO0006-digital-literacy.txt';

/**
 * The IRM values the OGP page gives for commitment ②: "IRM Report: Pending IRM Review", "Verifiable: Yes",
 * "Relevant to OGP Values: Yes" (the values ticked on the same page: transparency, citizen participation,
 * technology & innovation), "Ambition: High". Completion is blank there, so it stays unknown; the page gives no
 * date, so only the day it was recorded here is kept.
 */
export const irmOgpPageSeed: Seed = {
  name: 'plan.irm-ogp-page-SEO0006',
  async run(services) {
    const commitment = await services.db.selectFrom('plan_commitment').select('id').where('number', '=', 2).executeTakeFirst();
    if (!commitment) return;
    const assessment: IrmAssessment = {
      verifiable: 'yes',
      relevance: ['transparency', 'citizen_participation', 'technology_innovation'],
      potentialImpact: null,
      completion: null,
      openedGovernment: null,
      ambition: 'high',
      reportStatus: 'pending_irm_review',
      note: null,
      assessedAt: nowIso(),
      source: { kind: 'ogp_page', ref: OGP_PAGE_FILE },
    };
    await services.db.transaction().execute((tx) => keepAssessment(tx, commitment.id, assessment, null));
  },
};

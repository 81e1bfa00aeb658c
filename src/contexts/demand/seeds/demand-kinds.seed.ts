import type { Seed } from '../../../core/context.js';
import { nowIso } from '../../../core/db/database.js';
import { registerAnswerableKind } from '../../accountability/index.js';
import { DEFAULT_WEIGHTS } from '../domain/priority.js';
import { DATA_REQUEST_KIND } from '../use-cases/submit-data-request.js';

/**
 * Registers data requests with the accountability engine and publishes the default priority rubric.
 * The rule is ten business days, extendable once by up to ten: the order of the Public Data Act's provision
 * requests (공공데이터법 §27: a decision within 10 days, one extension of up to 10), counted in business days
 * as the engine does. Admins change it with PATCH /api/v1/accountability/kinds/demand.data_request; an
 * existing kind or rubric is left as it is.
 */
export const demandKindsSeed: Seed = {
  name: 'demand.kinds-and-rubric',
  async run(services) {
    await services.db.transaction().execute(async (tx) => {
      await registerAnswerableKind(tx, {
        id: DATA_REQUEST_KIND,
        context: 'demand',
        name: { ko: '데이터 공개 요청', en: 'Data request' },
        rule: { unit: 'business_days', days: 10, maxExtensionDays: 10 },
      });
      const rubric = await tx.selectFrom('demand_rubric').select('id').where('id', '=', 'current').executeTakeFirst();
      if (!rubric) {
        await tx
          .insertInto('demand_rubric')
          .values({
            id: 'current',
            weight_support: DEFAULT_WEIGHTS.support,
            weight_representativeness: DEFAULT_WEIGHTS.representativeness,
            weight_feasibility: DEFAULT_WEIGHTS.feasibility,
            weight_reuse: DEFAULT_WEIGHTS.reuse,
            updated_by: null,
            updated_at: nowIso(),
          })
          .execute();
      }
    });
  },
};

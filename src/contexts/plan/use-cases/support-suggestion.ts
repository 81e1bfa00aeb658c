import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { isUniqueViolation, nowIso } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { followItem } from '../../accountability/index.js';
import { assertAllowed } from '../../accounts/index.js';
import { planPolicy } from '../domain/policy.js';
import { findSuggestion } from '../store/plan.repository.js';
import { hasSupported, insertSupport } from '../store/call.repository.js';

/** Supports a suggestion once per person; supporters follow its answer. */
export async function supportSuggestion(services: Services, actor: Actor, input: { suggestionId: string }) {
  assertAllowed(actor, planPolicy.canSuggest(actor), 'support suggestions');
  const s = await findSuggestion(services.db, input.suggestionId);
  if (s.author_id === actor.user!.id) throw new AppError('plan.own_suggestion', 'You cannot support your own suggestion', 409);
  await services.db.transaction().execute(async (tx) => {
    if (await hasSupported(tx, s.id, actor.user!.id)) throw new AppError('plan.already_supported', 'You already support this suggestion', 409);
    await insertSupport(tx, { suggestion_id: s.id, user_id: actor.user!.id, created_at: nowIso() }).catch((error: unknown) => {
      throw isUniqueViolation(error) ? new AppError('plan.already_supported', 'You already support this suggestion', 409) : error;
    });
    await followItem(tx, { subjectType: 'plan_suggestion', subjectId: s.id, userId: actor.user!.id });
    await recordAudit(tx, actor, { action: 'plan.support_suggestion', entityType: 'plan_suggestion', entityId: s.id });
  });
}

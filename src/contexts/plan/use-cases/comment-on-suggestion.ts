import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { nowIso } from '../../../core/db/database.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/index.js';
import { planPolicy } from '../domain/policy.js';
import { findSuggestion } from '../store/plan.repository.js';
import { insertSuggestionComment } from '../store/call.repository.js';

/** Discussion under a suggestion, open to anyone signed in (the department answers the suggestion itself). */
export async function commentOnSuggestion(services: Services, actor: Actor, input: { suggestionId: string; body: unknown }) {
  assertAllowed(actor, planPolicy.canSuggest(actor), 'comment');
  const s = await findSuggestion(services.db, input.suggestionId);
  const c = new Checker();
  const body = c.text('body', input.body, { max: 5000, min: 2 }) ?? '';
  c.done();
  const row = { id: randomUUID(), suggestion_id: s.id, author_id: actor.user!.id, body, created_at: nowIso() };
  await services.db.transaction().execute(async (tx) => {
    await insertSuggestionComment(tx, row);
    await recordAudit(tx, actor, { action: 'plan.comment_suggestion', entityType: 'plan_suggestion', entityId: s.id, after: row });
  });
  return row;
}

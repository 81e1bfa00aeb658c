import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { nowIso } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/index.js';
import { announceArrivals, receiveInput } from '../../accountability/index.js';
import { planPolicy } from '../domain/policy.js';
import { findCommitment } from '../store/plan.repository.js';
import { insertComment } from '../store/comment.repository.js';

export const COMMENT_KIND = 'plan.comment';

/** A comment on a commitment is a public input: the responsible department must answer it. */
export async function commentOnCommitment(services: Services, actor: Actor, input: { commitment: string; body: unknown }) {
  assertAllowed(actor, planPolicy.canSuggest(actor), 'comment');
  const commitment = await findCommitment(services.db, input.commitment);
  if (!commitment.organisation_id) throw new AppError('plan.no_department', 'This commitment has no responsible department yet', 409);
  const c = new Checker();
  const body = c.text('body', input.body, { max: 5000, min: 2 }) ?? '';
  c.done();
  const row = { id: randomUUID(), commitment_id: commitment.id, author_id: actor.user!.id, body, created_at: nowIso() };
  await services.db.transaction().execute(async (tx) => {
    await insertComment(tx, row);
    await receiveInput(tx, {
      kindId: COMMENT_KIND,
      subjectType: 'plan_comment',
      subjectId: row.id,
      title: body.slice(0, 80),
      url: `/plan/commitments/${commitment.slug}#comment-${row.id}`,
      authorId: actor.user!.id,
      organisationId: commitment.organisation_id!,
      receivedAt: services.now(),
    });
    await recordAudit(tx, actor, { action: 'plan.comment', entityType: 'plan_comment', entityId: row.id, after: row });
  });
  await announceArrivals(services);
  return row;
}

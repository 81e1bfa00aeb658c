import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { notFound } from '../../../core/errors.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed, notifyUsers } from '../../accounts/index.js';
import { reusePolicy } from '../domain/policy.js';
import { MODERATIONS } from '../domain/vocabularies.js';
import { findReuse, updateReuse } from '../store/reuse.repository.js';
import { SHOWCASE_URL } from '../store/tables.js';

/** An admin publishes a pending reuse or rejects it with a reason (shown to the submitter); the submitter is told. */
export async function moderateReuse(services: Services, actor: Actor, input: { reuseId: string; decision: unknown; reason?: unknown }) {
  assertAllowed(actor, reusePolicy.canModerate(actor), 'moderate the showcase');
  const before = await findReuse(services.db, input.reuseId);
  if (!before) throw notFound('reuse');
  const c = new Checker();
  const decision = c.oneOf('decision', input.decision, MODERATIONS);
  const reason = c.text('reason', input.reason, { max: 1000, required: decision === 'reject' });
  c.done();
  const at = services.now().toISOString();
  const changes = {
    state: decision === 'publish' ? ('published' as const) : ('rejected' as const),
    reject_reason: decision === 'reject' ? reason : null,
    moderated_by: actor.user?.id ?? null,
    moderated_at: at,
    updated_at: at,
  };
  await services.db.transaction().execute(async (tx) => {
    await updateReuse(tx, before.id, changes);
    await recordAudit(tx, actor, { action: `civic.${decision}_reuse`, entityType: 'civic_reuse', entityId: before.id, before, after: changes });
  });
  if (before.submitted_by) {
    await notifyUsers(
      services,
      [before.submitted_by],
      decision === 'publish'
        ? {
            title: { ko: `활용 사례가 게시되었습니다: ${before.title}`, en: `Your reuse is published: ${before.title}` },
            body: { ko: '데이터셋 페이지에도 보입니다.', en: 'It also shows on the dataset pages.' },
            url: SHOWCASE_URL,
          }
        : {
            title: { ko: `활용 사례가 반려되었습니다: ${before.title}`, en: `Your reuse was not published: ${before.title}` },
            body: { ko: `사유: ${reason}`, en: `Reason: ${reason}` },
            url: SHOWCASE_URL,
          },
    );
  }
}

import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import type { Services } from '../../../core/context.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/index.js';
import { analysisPolicy } from '../domain/policy.js';
import { getAnalysis, insertComment } from '../store/analysis.repository.js';

/** A signed-in reader's comment on an analysis (plain text). */
export async function commentOnAnalysis(services: Services, actor: Actor, id: string, input: { body: string }) {
  const a = await getAnalysis(services.db, id);
  assertAllowed(actor, analysisPolicy.canComment(actor, a), 'comment on this analysis');
  const check = new Checker();
  const body = check.text('body', input.body, { required: true, max: 4000 });
  check.done();
  const row = { id: randomUUID(), analysis_id: a.id, author_id: actor.user!.id, body: body!, created_at: services.now().toISOString() };
  await insertComment(services.db, row);
  return row;
}

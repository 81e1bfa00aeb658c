import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { isUniqueViolation, nowIso } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { normalize } from '../../../core/search/analyzer.js';
import { indexDocument } from '../../../core/search/search-index.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/index.js';
import { announceArrivals, receiveInput } from '../../accountability/index.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { planPolicy } from '../domain/policy.js';
import { findCall } from '../store/plan.repository.js';
import { findOwnSuggestion, insertSuggestion } from '../store/call.repository.js';

export const SUGGESTION_KIND = 'plan.suggestion';

/** A signed-in person suggests a commitment while the call is open; the department's answer clock starts. */
export async function submitSuggestion(services: Services, actor: Actor, input: { callId: string; title: unknown; body: unknown }) {
  assertAllowed(actor, planPolicy.canSuggest(actor), 'make suggestions');
  const call = await findCall(services.db, input.callId);
  const today = kstDate(services.now());
  if (today < call.opens_on || today > call.closes_on) {
    throw new AppError('plan.call_closed', `This call takes suggestions from ${call.opens_on} to ${call.closes_on} (Korea time)`, 409, {
      opensOn: call.opens_on,
      closesOn: call.closes_on,
    });
  }
  const c = new Checker();
  const title = c.text('title', input.title, { max: 200, min: 4 }) ?? '';
  const body = c.text('body', input.body, { max: 10_000, min: 10 }) ?? '';
  c.done();
  const titleKey = normalize(title);
  const duplicate = (suggestionId?: string) =>
    new AppError('plan.duplicate_suggestion', 'You already made this suggestion to this call', 409, { suggestionId });
  const row = await services.db.transaction().execute(async (tx) => {
    const twice = await findOwnSuggestion(tx, call.id, actor.user!.id, titleKey);
    if (twice) throw duplicate(twice.id);
    const now = nowIso();
    const row = {
      id: randomUUID(),
      call_id: call.id,
      author_id: actor.user!.id,
      title,
      title_key: titleKey,
      body,
      outcome: 'pending' as const,
      outcome_reason: null,
      commitment_id: null,
      merged_into_id: null,
      created_at: now,
      updated_at: now,
    };
    await insertSuggestion(tx, row).catch((error: unknown) => {
      throw isUniqueViolation(error) ? duplicate() : error; // the same form sent twice at once
    });
    const url = `/plan/suggestions/${row.id}`;
    await receiveInput(tx, {
      kindId: SUGGESTION_KIND,
      subjectType: 'plan_suggestion',
      subjectId: row.id,
      title,
      url,
      authorId: actor.user!.id,
      organisationId: call.organisation_id,
      receivedAt: services.now(),
    });
    await indexDocument(tx, { type: 'suggestion', id: row.id, url, title: { ko: title, en: null }, summary: { ko: body.slice(0, 200), en: null } });
    await recordAudit(tx, actor, { action: 'plan.submit_suggestion', entityType: 'plan_suggestion', entityId: row.id, after: row });
    return row;
  });
  // The department's officials hear of it at once (after the commit, so that the input exists when they look).
  await announceArrivals(services);
  return row;
}

import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { isUniqueViolation } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { normalize } from '../../../core/search/analyzer.js';
import { Checker, failField } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/index.js';
import { announceArrivals, receiveInput } from '../../accountability/index.js';
import { startupsPolicy } from '../domain/policy.js';
import { FEEDBACK_KINDS, type FeedbackKind } from '../domain/vocabularies.js';
import { findProfile } from '../store/profile.repository.js';
import { findFeedbackByTitle, findRule, insertFeedback } from '../store/rule.repository.js';
import { FEEDBACK_KIND, FEEDBACK_SUBJECT, feedbackUrl, type FeedbackRow } from '../store/tables.js';

export interface SubmitFeedbackInput {
  rule: string;
  startup: unknown;
  kind: unknown;
  title: unknown;
  body: unknown;
  proposal?: unknown;
}

/**
 * A startup comments on a rule or proposes a change. The rule's department must answer: the feedback is an
 * item of the accountability engine (clock in Korean business days) started in the same transaction.
 * The same startup sending the same title on the same rule twice is refused.
 */
export async function submitFeedback(services: Services, actor: Actor, input: SubmitFeedbackInput): Promise<FeedbackRow> {
  const rule = await findRule(services.db, input.rule);
  const c = new Checker();
  const startupRef = c.text('startup', input.startup, { max: 100 }) ?? '';
  const kind = c.oneOf<FeedbackKind>('kind', input.kind, FEEDBACK_KINDS);
  const title = c.text('title', input.title, { min: 4, max: 200 }) ?? '';
  const body = c.text('body', input.body, { min: 10, max: 6000 }) ?? '';
  const proposal = c.text('proposal', input.proposal, { max: 4000, required: kind === 'change' });
  c.done();
  const profile = await findProfile(services.db, startupRef).catch(() => null);
  if (!profile) failField('startup', 'validation.choice');
  assertAllowed(actor, startupsPolicy.canActFor(actor, profile), 'give feedback for this startup');
  const titleKey = normalize(title);
  const duplicate = (id?: string) =>
    new AppError('startups.duplicate_feedback', 'This startup already sent feedback with this title on this rule', 409, { field: 'title', feedbackId: id });
  const row = await services.db.transaction().execute(async (tx) => {
    const twice = await findFeedbackByTitle(tx, rule.id, profile.id, titleKey);
    if (twice) throw duplicate(twice.id);
    const at = services.now().toISOString();
    const row: FeedbackRow = {
      id: randomUUID(),
      rule_id: rule.id,
      profile_id: profile.id,
      author_id: actor.user?.id ?? null,
      kind,
      title,
      title_key: titleKey,
      body,
      proposal,
      decision: null,
      review_by: null,
      decided_at: null,
      created_at: at,
      updated_at: at,
    };
    await insertFeedback(tx, row).catch((error: unknown) => {
      throw isUniqueViolation(error) ? duplicate() : error;
    });
    await receiveInput(tx, {
      kindId: FEEDBACK_KIND,
      subjectType: FEEDBACK_SUBJECT,
      subjectId: row.id,
      title: `${rule.title_ko}: ${title}`,
      url: feedbackUrl(row.id),
      authorId: actor.user?.id ?? null,
      organisationId: rule.organisation_id,
      receivedAt: services.now(),
    });
    await recordAudit(tx, actor, { action: 'startups.submit_feedback', entityType: 'startups_feedback', entityId: row.id, after: row });
    return row;
  });
  // The department's officials hear of it at once (after the commit, so that the input exists when they look).
  await announceArrivals(services);
  return row;
}

import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { nowIso } from '../../../core/db/database.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/index.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { planPolicy } from '../domain/policy.js';
import { findCommitment, findMilestone, insertProgress, setMilestoneProgress } from '../store/plan.repository.js';
import { MILESTONE_STATUSES, type MilestoneStatus } from '../store/tables.js';

export interface Evidence {
  label: string;
  url: string;
}

/** The responsible department reports progress on a milestone: text, completion, status and evidence. */
export async function addProgressUpdate(
  services: Services,
  actor: Actor,
  input: {
    milestoneId: string;
    text: unknown;
    completion: unknown;
    status: unknown;
    evidenceLinks?: unknown;
    files?: Evidence[];
  },
) {
  const milestone = await findMilestone(services.db, input.milestoneId);
  const commitment = await findCommitment(services.db, milestone.commitment_id);
  assertAllowed(actor, planPolicy.canReportProgress(actor, commitment), 'report progress on this commitment');
  const c = new Checker();
  const text = c.text('text', input.text, { max: 10_000 }) ?? '';
  const completion = Number(input.completion);
  if (!Number.isInteger(completion) || completion < 0 || completion > 100) c.add('completion', 'validation.number');
  const status = c.oneOf<MilestoneStatus>('status', input.status, MILESTONE_STATUSES);
  const links: Evidence[] = [];
  for (const line of String(input.evidenceLinks ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 20)) {
    const url = c.url('evidenceLinks', line);
    if (url) links.push({ label: url, url });
  }
  c.done();
  const evidence = [...links, ...(input.files ?? [])];
  const row = {
    id: randomUUID(),
    milestone_id: milestone.id,
    reported_on: kstDate(services.now()),
    text,
    completion,
    status,
    evidence: JSON.stringify(evidence),
    author_id: actor.user!.id,
    created_at: nowIso(),
  };
  await services.db.transaction().execute(async (tx) => {
    await insertProgress(tx, row);
    await setMilestoneProgress(tx, milestone.id, { completion: status === 'completed' ? 100 : completion, status, updated_at: row.created_at });
    await recordAudit(tx, actor, {
      action: 'plan.add_progress',
      entityType: 'plan_milestone',
      entityId: milestone.id,
      before: { status: milestone.status, completion: milestone.completion },
      after: { status, completion, progressId: row.id },
    });
  });
  return row;
}

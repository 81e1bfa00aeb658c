import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { nowIso } from '../../../core/db/database.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/domain/policy.js';
import { planPolicy } from '../domain/policy.js';

/** Adds a member of the Seoul OGP Committee (official or civil society), optionally to a commitment's sub-group. */
export async function addCommitteeMember(services: Services, actor: Actor, input: Record<string, unknown>) {
  assertAllowed(actor, planPolicy.canManageCommittee(actor), 'manage the committee');
  const c = new Checker();
  const name = c.text('name', input.name, { max: 100 }) ?? '';
  const affiliation = c.text('affiliation', input.affiliation, { max: 200 }) ?? '';
  const sector = c.oneOf('sector', input.sector, ['government', 'civil_society'] as const);
  let commitmentId: string | null = null;
  if (typeof input.commitment === 'string' && input.commitment) {
    const found = await services.db.selectFrom('plan_commitment').select('id').where('slug', '=', input.commitment).executeTakeFirst();
    if (!found) c.add('commitment', 'validation.choice');
    commitmentId = found?.id ?? null;
  }
  c.done();
  const row = { id: randomUUID(), name, affiliation, sector, commitment_id: commitmentId, created_at: nowIso() };
  await services.db.transaction().execute(async (tx) => {
    await tx.insertInto('plan_committee_member').values(row).execute();
    await recordAudit(tx, actor, { action: 'plan.add_committee_member', entityType: 'plan_committee_member', entityId: row.id, after: row });
  });
  return row;
}

/** Publishes a committee meeting: date, place, agenda, minutes and who attended. */
export async function recordMeeting(services: Services, actor: Actor, input: Record<string, unknown>) {
  assertAllowed(actor, planPolicy.canManageCommittee(actor), 'record meetings');
  const c = new Checker();
  const heldOn = String(input.heldOn ?? '');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(heldOn)) c.add('heldOn', 'validation.date');
  const title = c.text('title', input.title, { max: 200 }) ?? '';
  const place = c.text('place', input.place, { max: 200, required: false }) ?? '';
  const agenda = c.text('agenda', input.agenda, { max: 10_000 }) ?? '';
  const minutes = c.text('minutes', input.minutes, { max: 50_000, required: false }) ?? '';
  const attendees = ([] as unknown[]).concat(input.attendees ?? []).filter((v): v is string => typeof v === 'string');
  const known = attendees.length ? await services.db.selectFrom('plan_committee_member').select('id').where('id', 'in', attendees).execute() : [];
  if (known.length !== new Set(attendees).size) c.add('attendees', 'validation.choice');
  c.done();
  const row = { id: randomUUID(), held_on: heldOn, title, place, agenda, minutes, created_at: nowIso() };
  await services.db.transaction().execute(async (tx) => {
    await tx.insertInto('plan_meeting').values(row).execute();
    if (known.length) await tx.insertInto('plan_attendance').values(known.map((k) => ({ meeting_id: row.id, member_id: k.id }))).execute();
    await recordAudit(tx, actor, { action: 'plan.record_meeting', entityType: 'plan_meeting', entityId: row.id, after: { ...row, attendees } });
  });
  return row;
}

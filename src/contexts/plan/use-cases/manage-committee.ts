import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { nowIso } from '../../../core/db/database.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/index.js';
import { planPolicy } from '../domain/policy.js';
import { insertAttendance, insertCommitteeMember, insertMeeting, knownMemberIds } from '../store/committee.repository.js';
import { findCommitmentIdBySlug } from '../store/plan.repository.js';

/** The commitment whose sub-group is meant (by slug), or null for the whole committee. */
async function subgroupOf(services: Services, c: Checker, field: string, value: unknown): Promise<string | null> {
  if (typeof value !== 'string' || !value) return null;
  const found = await findCommitmentIdBySlug(services.db, value);
  if (!found) c.add(field, 'validation.choice');
  return found ?? null;
}

/** Adds a member of the Seoul OGP Committee (official or civil society), optionally to a commitment's sub-group. */
export async function addCommitteeMember(services: Services, actor: Actor, input: Record<string, unknown>) {
  assertAllowed(actor, planPolicy.canManageCommittee(actor), 'manage the committee');
  const c = new Checker();
  const name = c.text('name', input.name, { max: 100 }) ?? '';
  // `affiliation` alone (older clients) is taken as Korean.
  const affiliationKo = c.text('affiliationKo', input.affiliationKo ?? input.affiliation, { max: 200, required: false });
  const affiliationEn = c.text('affiliationEn', input.affiliationEn, { max: 200, required: false });
  if (!affiliationKo && !affiliationEn) c.add('affiliationKo', 'validation.nameOneLanguage');
  const sector = c.oneOf('sector', input.sector, ['government', 'civil_society'] as const);
  const commitmentId = await subgroupOf(services, c, 'commitment', input.commitment);
  c.done();
  const row = {
    id: randomUUID(),
    name,
    affiliation: affiliationKo ?? affiliationEn ?? '',
    affiliation_ko: affiliationKo,
    affiliation_en: affiliationEn,
    sector,
    commitment_id: commitmentId,
    created_at: nowIso(),
  };
  await services.db.transaction().execute(async (tx) => {
    await insertCommitteeMember(tx, row);
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
  // `title`, `agenda`, `minutes` alone (older clients) are taken as Korean.
  const text = (name: string, max: number) =>
    [
      c.text(`${name}Ko`, input[`${name}Ko`] ?? input[name], { max, required: false }),
      c.text(`${name}En`, input[`${name}En`], { max, required: false }),
    ] as const;
  const [titleKo, titleEn] = text('title', 200);
  if (!titleKo && !titleEn) c.add('titleKo', 'validation.nameOneLanguage');
  const [agendaKo, agendaEn] = text('agenda', 10_000);
  const [minutesKo, minutesEn] = text('minutes', 50_000);
  const place = c.text('place', input.place, { max: 200, required: false }) ?? '';
  const commitmentId = await subgroupOf(services, c, 'subgroup', input.subgroup);
  const attendees = ([] as unknown[]).concat(input.attendees ?? []).filter((v): v is string => typeof v === 'string');
  const known = await knownMemberIds(services.db, attendees);
  if (known.length !== new Set(attendees).size) c.add('attendees', 'validation.choice');
  c.done();
  const row = {
    id: randomUUID(),
    held_on: heldOn,
    title: titleKo ?? titleEn ?? '',
    place,
    agenda: agendaKo ?? agendaEn ?? '',
    minutes: minutesKo ?? minutesEn ?? '',
    created_at: nowIso(),
    title_ko: titleKo,
    title_en: titleEn,
    agenda_ko: agendaKo,
    agenda_en: agendaEn,
    minutes_ko: minutesKo,
    minutes_en: minutesEn,
    commitment_id: commitmentId,
  };
  await services.db.transaction().execute(async (tx) => {
    await insertMeeting(tx, row);
    if (known.length) await insertAttendance(tx, row.id, known);
    await recordAudit(tx, actor, { action: 'plan.record_meeting', entityType: 'plan_meeting', entityId: row.id, after: { ...row, attendees } });
  });
  return row;
}

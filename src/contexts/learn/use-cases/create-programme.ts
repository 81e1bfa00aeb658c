import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { failField } from '../../../core/validation/checker.js';
import { assertAllowed, findOrganisation } from '../../accounts/index.js';
import { programmePolicy } from '../domain/policy.js';
import { checkProgramme, type ProgrammeInput } from '../domain/programme-input.js';
import { insertProgramme, insertSessions } from '../store/programme.repository.js';
import type { ProgrammeRow, SessionRow } from '../store/tables.js';

/** An organiser (a member of a city department, CSO or university, or an admin) announces a programme and its sessions. */
export async function createProgramme(services: Services, actor: Actor, input: ProgrammeInput, opts: { example?: boolean } = {}): Promise<ProgrammeRow> {
  assertAllowed(actor, programmePolicy.canCreate(actor), 'organise a programme');
  const v = checkProgramme(input);
  const org = await findOrganisation(services.db, v.organisation);
  if (!org) failField('organisation', 'validation.choice');
  assertAllowed(actor, programmePolicy.canCreateFor(actor, org!.id), 'organise a programme for this organisation');
  const at = services.now().toISOString();
  const row: ProgrammeRow = {
    id: randomUUID(),
    kind: v.kind,
    title_ko: v.titleKo,
    title_en: v.titleEn,
    summary_ko: v.summaryKo,
    summary_en: v.summaryEn,
    audience: v.audience,
    level: v.level,
    place_ko: v.placeKo,
    place_en: v.placeEn,
    online: v.online ? 1 : 0,
    capacity: v.capacity,
    seats_taken: 0,
    queue_counter: 0,
    sessions_required: v.sessionsRequired,
    materials: v.materials,
    organisation_id: org!.id,
    status: 'open',
    example: opts.example ? 1 : 0,
    created_by: actor.user?.id ?? null,
    created_at: at,
    updated_at: at,
    calendar_sequence: 0,
  };
  const sessions: SessionRow[] = v.sessions.map((s, i) => ({
    id: randomUUID(),
    programme_id: row.id,
    position: i + 1,
    title_ko: s.titleKo,
    title_en: s.titleEn,
    starts_at: s.startsAt,
    ends_at: s.endsAt,
    reminded_at: null,
  }));
  await services.db.transaction().execute(async (tx) => {
    await insertProgramme(tx, row);
    await insertSessions(tx, sessions);
    await recordAudit(tx, actor, { action: 'learn.create_programme', entityType: 'learn_programme', entityId: row.id, after: { ...row, sessions } });
  });
  return row;
}

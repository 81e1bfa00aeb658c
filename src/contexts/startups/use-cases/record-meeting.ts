import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/index.js';
import { validYmd } from '../domain/eligibility.js';
import { startupsPolicy } from '../domain/policy.js';
import { PROGRAMME_DEPARTMENT } from '../domain/vocabularies.js';
import { insertMeeting } from '../store/call.repository.js';
import { programmeDepartmentId } from '../store/organisations.js';

/** A meeting of the consultative body with its minutes, published by the programme. */
export async function recordMeeting(
  services: Services,
  actor: Actor,
  input: { heldOn: unknown; titleKo: unknown; titleEn: unknown; minutesKo: unknown; minutesEn?: unknown },
) {
  assertAllowed(actor, startupsPolicy.canRunProgramme(actor, await programmeDepartmentId(services.db, PROGRAMME_DEPARTMENT)), 'record a meeting');
  const c = new Checker();
  const heldOn = typeof input.heldOn === 'string' ? input.heldOn.trim() : '';
  if (!validYmd(heldOn)) c.add('heldOn', heldOn ? 'validation.date' : 'validation.required');
  const row = {
    id: randomUUID(),
    held_on: heldOn,
    title_ko: c.text('titleKo', input.titleKo, { max: 200 }) ?? '',
    title_en: c.text('titleEn', input.titleEn, { max: 200 }) ?? '',
    minutes_ko: c.text('minutesKo', input.minutesKo, { max: 20_000 }) ?? '',
    minutes_en: c.text('minutesEn', input.minutesEn, { max: 20_000, required: false }),
    created_by: actor.user?.id ?? null,
    created_at: services.now().toISOString(),
  };
  c.done();
  await services.db.transaction().execute(async (tx) => {
    await insertMeeting(tx, row);
    await recordAudit(tx, actor, { action: 'startups.record_meeting', entityType: 'startups_meeting', entityId: row.id, after: row });
  });
  return row;
}

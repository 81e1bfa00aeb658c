import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { isUniqueViolation } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { Checker, failField } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/index.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { ineligibility } from '../domain/eligibility.js';
import { startupsPolicy } from '../domain/policy.js';
import { findApplicationOf, findCall, insertApplication } from '../store/call.repository.js';
import { bodyMemberIds, findProfile } from '../store/profile.repository.js';
import type { ApplicationRow } from '../store/tables.js';

export interface ApplyInput {
  call: string;
  kind: 'body' | 'opportunity';
  startup: unknown;
  motivation: unknown;
}

const REFUSALS = {
  not_open: ['startups.call_not_open', 'This call is not open yet', 'call'],
  deadline_passed: ['startups.deadline_passed', 'The deadline to apply has passed', 'call'],
  age_band: ['startups.not_eligible_age', "The founders' age band is over what this call allows", 'startup'],
  members_only: ['startups.members_only', 'Only members of the Youth Startup Consultative Body may apply', 'startup'],
} as const;

/**
 * A startup applies to a call for the consultative body or to an opportunity, once, inside the window and
 * when eligible; the refusal names the reason and the field, and nothing is stored.
 */
export async function applyToCall(services: Services, actor: Actor, input: ApplyInput): Promise<ApplicationRow> {
  const call = await findCall(services.db, input.call, input.kind);
  const c = new Checker();
  const startupRef = c.text('startup', input.startup, { max: 100 }) ?? '';
  const motivation = c.text('motivation', input.motivation, { min: 10, max: 4000 }) ?? '';
  c.done();
  const profile = await findProfile(services.db, startupRef).catch(() => null);
  if (!profile) failField('startup', 'validation.choice');
  assertAllowed(actor, startupsPolicy.canActFor(actor, profile), 'apply for this startup');
  const why = ineligibility(
    call,
    { founders_age_band: profile.founders_age_band, isBodyMember: (await bodyMemberIds(services.db)).has(profile.id) },
    kstDate(services.now()),
  );
  if (why.length) {
    const [code, message, field] = REFUSALS[why[0]!];
    throw new AppError(code, message, 409, { field, applyBy: call.apply_by, reasons: why });
  }
  const duplicate = () => new AppError('startups.already_applied', 'This startup has already applied to this call', 409, { field: 'startup' });
  return services.db.transaction().execute(async (tx) => {
    if (await findApplicationOf(tx, call.id, profile.id)) throw duplicate();
    const row: ApplicationRow = {
      id: randomUUID(),
      call_id: call.id,
      profile_id: profile.id,
      author_id: actor.user?.id ?? null,
      motivation,
      state: 'submitted',
      decision_reason: null,
      decided_by: null,
      decided_at: null,
      created_at: services.now().toISOString(),
    };
    await insertApplication(tx, row).catch((error: unknown) => {
      throw isUniqueViolation(error) ? duplicate() : error;
    });
    await recordAudit(tx, actor, { action: 'startups.apply', entityType: 'startups_application', entityId: row.id, after: row });
    return row;
  });
}

import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { nowIso } from '../../../core/db/database.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed, findOrganisation } from '../../accounts/index.js';
import { planPolicy } from '../domain/policy.js';
import { insertCall } from '../store/call.repository.js';

const YMD = /^\d{4}-\d{2}-\d{2}$/;

/** An admin opens a call for suggestions with a window (dates inclusive, Korea time) and the department that answers. */
export async function openCall(services: Services, actor: Actor, input: Record<string, unknown>) {
  assertAllowed(actor, planPolicy.canOpenCall(actor), 'open calls');
  const c = new Checker();
  const titleKo = c.text('titleKo', input.titleKo, { max: 200, required: false });
  const titleEn = c.text('titleEn', input.titleEn, { max: 200, required: false });
  if (!titleKo && !titleEn) c.add('titleKo', 'validation.nameOneLanguage');
  const descriptionKo = c.text('descriptionKo', input.descriptionKo, { max: 5000, required: false });
  const descriptionEn = c.text('descriptionEn', input.descriptionEn, { max: 5000, required: false });
  const opensOn = String(input.opensOn ?? '');
  const closesOn = String(input.closesOn ?? '');
  if (!YMD.test(opensOn) || Number.isNaN(Date.parse(opensOn))) c.add('opensOn', 'validation.date');
  if (!YMD.test(closesOn) || Number.isNaN(Date.parse(closesOn))) c.add('closesOn', 'validation.date');
  else if (closesOn < opensOn) c.add('closesOn', 'validation.dateOrder');
  const org = typeof input.organisation === 'string' ? await findOrganisation(services.db, input.organisation) : undefined;
  if (org?.type !== 'city_department') c.add('organisation', 'validation.choice');
  c.done();
  const row = {
    id: randomUUID(),
    title_ko: titleKo,
    title_en: titleEn,
    description_ko: descriptionKo,
    description_en: descriptionEn,
    opens_on: opensOn,
    closes_on: closesOn,
    organisation_id: org!.id,
    created_by: actor.user?.id ?? 'system',
    created_at: nowIso(),
  };
  await services.db.transaction().execute(async (tx) => {
    await insertCall(tx, row);
    await recordAudit(tx, actor, { action: 'plan.open_call', entityType: 'plan_call', entityId: row.id, after: row });
  });
  return row;
}

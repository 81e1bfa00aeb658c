import { isAdmin, type Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { forbidden, notFound } from '../../../core/errors.js';
import { ATTRIBUTES, type Attribute } from './change-ops.js';
import { setSteward, stewardsOf } from './stewardship.js';

export async function listStationStewards(services: Services, stationId: string) {
  const station = await services.db.selectFrom('transit_station').select('id').where('id', '=', stationId).executeTakeFirst();
  if (!station) throw notFound('station');
  const stewards = await stewardsOf(services.db, stationId);
  return ATTRIBUTES.map((a) => {
    const s = stewards.get(a);
    return { attribute: a, organisation: s ? { id: s.organisationId, slug: s.slug, nameKo: s.nameKo, nameEn: s.nameEn } : null, stationSpecific: s?.stationSpecific ?? false };
  });
}

/** Admins assign stewardship (per station, or '*' for the default of every station). */
export async function setStationSteward(services: Services, actor: Actor, input: { stationKey: string; attribute: Attribute; organisationId: string }) {
  if (!isAdmin(actor)) throw forbidden('assign stewards');
  if (input.stationKey !== '*' && !(await services.db.selectFrom('transit_station').select('id').where('id', '=', input.stationKey).executeTakeFirst())) throw notFound('station');
  if (!(await services.db.selectFrom('accounts_organisation').select('id').where('id', '=', input.organisationId).executeTakeFirst())) throw notFound('organisation');
  const at = services.now().toISOString();
  await services.db.transaction().execute(async (tx) => {
    await setSteward(tx, input.stationKey, input.attribute, input.organisationId, at);
    await recordAudit(tx, actor, { action: 'transit.steward.set', entityType: 'transit_station', entityId: input.stationKey, after: { attribute: input.attribute, organisationId: input.organisationId } });
  });
  return input.stationKey === '*' ? { stationKey: '*', attribute: input.attribute, organisationId: input.organisationId } : listStationStewards(services, input.stationKey);
}

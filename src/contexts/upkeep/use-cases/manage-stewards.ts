import { isAdmin, type Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { forbidden, notFound } from '../../../core/errors.js';
import { ATTRIBUTES, type Attribute } from './change-ops.js';
import { listOrganisationChoices, organisationExists } from '../../accounts/index.js';
import { stationExists } from '../../transit/index.js';
import { deleteSteward, findSteward, listStewardsAt } from '../store/steward.repository.js';
import { setSteward, stewardsOf, withOrganisations } from './stewardship.js';

export async function listStationStewards(services: Services, stationId: string) {
  if (!(await stationExists(services.db, stationId))) throw notFound('station');
  const stewards = await stewardsOf(services.db, stationId);
  return ATTRIBUTES.map((a) => {
    const s = stewards.get(a);
    return {
      attribute: a,
      organisation: s ? { id: s.organisationId, slug: s.slug, nameKo: s.nameKo, nameEn: s.nameEn } : null,
      stationSpecific: s?.stationSpecific ?? false,
    };
  });
}

/** Admins assign stewardship (per station, or '*' for the default of every station). */
export async function setStationSteward(services: Services, actor: Actor, input: { stationKey: string; attribute: Attribute; organisationId: string }) {
  if (!isAdmin(actor)) throw forbidden('assign stewards');
  if (input.stationKey !== '*' && !(await stationExists(services.db, input.stationKey))) throw notFound('station');
  if (!(await organisationExists(services.db, input.organisationId))) throw notFound('organisation');
  const at = services.now().toISOString();
  await services.db.transaction().execute(async (tx) => {
    const before = await findSteward(tx, input.stationKey, input.attribute);
    await setSteward(tx, input.stationKey, input.attribute, input.organisationId, at);
    await recordAudit(tx, actor, {
      action: 'transit.steward.set',
      entityType: 'transit_station',
      entityId: input.stationKey,
      before: before ? { attribute: input.attribute, organisationId: before.organisation_id } : undefined,
      after: { attribute: input.attribute, organisationId: input.organisationId },
    });
  });
  return input.stationKey === '*'
    ? { stationKey: '*', attribute: input.attribute, organisationId: input.organisationId }
    : listStationStewards(services, input.stationKey);
}

/** Admins remove a stewardship (the attribute then falls back to the '*' default, or to admins). */
export async function removeStationSteward(services: Services, actor: Actor, input: { stationKey: string; attribute: Attribute }) {
  if (!isAdmin(actor)) throw forbidden('remove stewards');
  const row = await findSteward(services.db, input.stationKey, input.attribute);
  if (!row) throw notFound('steward');
  await services.db.transaction().execute(async (tx) => {
    await deleteSteward(tx, input.stationKey, input.attribute);
    await recordAudit(tx, actor, {
      action: 'transit.steward.remove',
      entityType: 'transit_station',
      entityId: input.stationKey,
      before: { attribute: input.attribute, organisationId: row.organisation_id },
    });
  });
  return input.stationKey === '*' ? { stationKey: '*', attribute: input.attribute, organisationId: null } : listStationStewards(services, input.stationKey);
}

/** For the admins' page: per attribute, the steward set at this key (a station or '*') and the default it overrides. */
export async function stewardsAt(services: Services, stationKey: string) {
  if (stationKey !== '*' && !(await stationExists(services.db, stationKey))) throw notFound('station');
  const rows = await withOrganisations(services.db, await listStewardsAt(services.db, [stationKey, '*']));
  const org = (r: (typeof rows)[number] | undefined) =>
    r ? { id: r.organisation_id, slug: r.slug, nameKo: r.name_ko, nameEn: r.name_en, since: r.updated_at } : null;
  return ATTRIBUTES.map((a) => ({
    attribute: a,
    own: org(rows.find((r) => r.attribute === a && r.station_key === stationKey)),
    inherited: stationKey === '*' ? null : org(rows.find((r) => r.attribute === a && r.station_key === '*')),
  }));
}

/** Organisations an admin may choose as stewards. */
export const stewardCandidates = (services: Services) => listOrganisationChoices(services.db, 500);

import { isAdmin, type Actor } from '../../../core/auth/actor.js';
import type { DbOrTx } from '../../../core/db/database.js';
import { organisationNamesById } from '../../accounts/index.js';
import { listStewardsAt, upsertSteward } from '../store/steward.repository.js';
import { ATTRIBUTES, type Attribute } from './change-ops.js';

/**
 * Steward rows with their organisation's slug and names (accounts' read model, one query for all); a row whose
 * organisation is gone is left out.
 */
export async function withOrganisations<R extends { organisation_id: string }>(db: DbOrTx, rows: R[]) {
  const orgs = await organisationNamesById(
    db,
    rows.map((r) => r.organisation_id),
  );
  return rows.flatMap((r) => {
    const o = orgs.get(r.organisation_id);
    return o ? [{ ...r, slug: o.slug, name_ko: o.name_ko, name_en: o.name_en }] : [];
  });
}

/**
 * Who is responsible for what: per station (or '*' for every station) and per attribute, one organisation.
 * Seoul Metro stewards facility status and boarding positions on its lines, the city's GIS division the
 * geometry, Muui the accessibility verification. Anyone signed in may propose; stewards approve.
 */
export interface Steward {
  attribute: Attribute;
  organisationId: string;
  slug: string;
  nameKo: string | null;
  nameEn: string | null;
  stationSpecific: boolean;
}

export async function stewardsOf(db: DbOrTx, stationId: string): Promise<Map<Attribute, Steward>> {
  const rows = await withOrganisations(db, await listStewardsAt(db, [stationId, '*']));
  const out = new Map<Attribute, Steward>();
  for (const r of rows.sort((a, b) => (a.station_key === '*' ? 0 : 1) - (b.station_key === '*' ? 0 : 1))) {
    out.set(r.attribute as Attribute, {
      attribute: r.attribute as Attribute,
      organisationId: r.organisation_id,
      slug: r.slug,
      nameKo: r.name_ko,
      nameEn: r.name_en,
      stationSpecific: r.station_key !== '*',
    });
  }
  return out;
}

/** The attributes (of those asked) that this actor may approve at a station: all for an admin, else their organisations'. */
export function reviewableBy(actor: Actor, stewards: Map<Attribute, Steward>, attributes: readonly Attribute[]): Attribute[] {
  if (isAdmin(actor)) return [...attributes];
  const orgs = new Set(actor.user?.memberships.map((m) => m.organisationId) ?? []);
  return attributes.filter((a) => {
    const s = stewards.get(a);
    return s !== undefined && orgs.has(s.organisationId);
  });
}

export const isStewardAnywhere = (actor: Actor, stewards: Map<Attribute, Steward>) => isAdmin(actor) || reviewableBy(actor, stewards, ATTRIBUTES).length > 0;

/** Sets the steward of an attribute at a station (or '*'). */
export async function setSteward(db: DbOrTx, stationKey: string, attribute: Attribute, organisationId: string, at: string) {
  await upsertSteward(db, stationKey, attribute, organisationId, at);
}

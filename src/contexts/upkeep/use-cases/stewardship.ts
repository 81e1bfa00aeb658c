import { isAdmin, type Actor } from '../../../core/auth/actor.js';
import type { DbOrTx } from '../../../core/db/database.js';
import { ATTRIBUTES, type Attribute } from './change-ops.js';

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
  const rows = await db
    .selectFrom('transit_steward as s')
    .innerJoin('accounts_organisation as o', 'o.id', 's.organisation_id')
    .select(['s.station_key', 's.attribute', 's.organisation_id', 'o.slug', 'o.name_ko', 'o.name_en'])
    .where('s.station_key', 'in', [stationId, '*'])
    .execute();
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
  await db
    .insertInto('transit_steward')
    .values({ station_key: stationKey, attribute, organisation_id: organisationId, updated_at: at })
    .onConflict((oc) => oc.columns(['station_key', 'attribute']).doUpdateSet({ organisation_id: organisationId, updated_at: at }))
    .execute();
}

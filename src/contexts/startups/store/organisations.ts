import type { DbOrTx } from '../../../core/db/database.js';
import { findOrganisation, listAllOrganisations, organisationsByIds } from '../../accounts/index.js';

// Organisations belong to accounts: startups reads them only through accounts' read models.

const DEPARTMENT_TYPES = ['city_department', 'transit_operator'] as const;
const isDepartment = (type: string) => (DEPARTMENT_TYPES as readonly string[]).includes(type);

export const organisationsById = async (db: DbOrTx, ids: string[]) =>
  new Map((await organisationsByIds(db, ids)).map((o) => [o.id, { id: o.id, slug: o.slug, name_ko: o.name_ko, name_en: o.name_en }]));

/** A city department or transit operator (the bodies that keep rules), by id or slug. */
export async function findDepartment(db: DbOrTx, idOrSlug: string) {
  const o = await findOrganisation(db, idOrSlug);
  return o && isDepartment(o.type) ? { id: o.id, slug: o.slug, name_ko: o.name_ko, name_en: o.name_en, type: o.type } : undefined;
}

/** Every department, for the rule form's choice. */
export const listDepartments = async (db: DbOrTx) =>
  (await listAllOrganisations(db, DEPARTMENT_TYPES)).map((o) => ({ slug: o.slug, name_ko: o.name_ko, name_en: o.name_en }));

/** The department that runs the startup programme (its officials decide applications). */
export const programmeDepartmentId = async (db: DbOrTx, slug: string) => (await findOrganisation(db, slug))?.id ?? null;

import type { DbOrTx } from '../../../core/db/database.js';

/**
 * What the accountability engine needs from contexts that themselves depend on it, as functions handed in when
 * the platform is assembled (src/contexts/index.ts): accountability declares the need, the other context fills
 * it, and no import goes from accountability back to them (no cycle).
 */
export interface AccountabilityPorts {
  /** The slugs of the organisations whose Korean name is Open Seoul's translation, not the city's (plan keeps these marks). */
  translatedOrganisationNames(db: DbOrTx): Promise<Set<string>>;
}

/**
 * The fixed lists a data request uses. Ids are stable English slugs (they go into the API and the database);
 * people see the labels of the demand catalog, or for districts their names.
 */

/** Supporters say from which of Seoul's 25 districts they come (the city's list, shared: core/geo). */
export { DISTRICT_IDS, districtById, SEOUL_DISTRICTS, type DistrictId } from '../../../core/geo/seoul-districts.js';

/** Who a supporter is, as they say themselves: representativeness counts distinct groups, not only heads. */
export const SUPPORTER_GROUPS = ['resident', 'student', 'researcher', 'ngo', 'business', 'official'] as const;
export type SupporterGroup = (typeof SUPPORTER_GROUPS)[number];

/** How the requester would use the data. */
export const USE_TYPES = ['app', 'research', 'journalism', 'advocacy', 'personal', 'business'] as const;
export type UseType = (typeof USE_TYPES)[number];

/** The department's decision on a request (Alaveteli's successful / partially / refused, made a promise with a date). */
export const DECISIONS = ['will_publish', 'partial', 'declined'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Why data cannot be published (공공데이터법 §17 exemptions in plain words; "other" needs a text). */
export const DECLINE_REASONS = ['privacy', 'not_held', 'commercial', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** Departments that may hold data and answer for it. */
export const HOLDER_TYPES = ['city_department', 'transit_operator'] as const;

/** Where requests go when the requester does not know who holds the data: the division of commitment ②. */
export const TRIAGE_DEPARTMENT = 'smg-data-statistics-division';

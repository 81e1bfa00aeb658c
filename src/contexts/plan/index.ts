/** What the plan context offers the others: which department names are Open Seoul's translation. */
export { translatedOrganisationNames } from './use-cases/list-translated-organisations.js';

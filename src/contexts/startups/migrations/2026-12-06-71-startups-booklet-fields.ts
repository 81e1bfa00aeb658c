import type { Migration } from '../../../core/db/migrator.js';

/**
 * What the English booklet prints for a startup, written by its founders in English: the team, traction, what
 * it seeks, and the contact's name in roman letters. A missing one is a publishing error shown to the founder,
 * never filled in with the Korean.
 */
export const startupsBookletFields: Migration = {
  name: '2026-12-06-71-startups-booklet-fields',
  async up(db) {
    for (const column of ['team_en', 'traction_en', 'ask_en', 'contact_name_en']) {
      await db.schema.alterTable('startups_profile').addColumn(column, 'text').execute();
    }
  },
};

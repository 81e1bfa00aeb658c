import { sql } from 'kysely';
import type { Migration } from '../../../core/db/migrator.js';

/**
 * A rule version's date says what kind of date it is: the day it takes effect, or the day it was promulgated
 * (what the Seoul ordinance archive prints beside each amendment, when the effective day is not given).
 * Opportunities and support schemes name the fields they are for, so the catalogue can be filtered by field.
 */
export const startupsRuleDatesCallFields: Migration = {
  name: '2026-12-07-72-startups-rule-dates-call-fields',
  async up(db) {
    await db.schema
      .alterTable('startups_rule_version')
      .addColumn('date_kind', 'text', (c) => c.notNull().defaultTo('effective'))
      .execute();
    await db.schema
      .alterTable('startups_call')
      .addColumn('fields', 'text', (c) => c.notNull().defaultTo(sql`'[]'`))
      .execute();
  },
};

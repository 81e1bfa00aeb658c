import type { Migration } from '../../../core/db/migrator.js';

/**
 * Who answers an input at its first stage: `officials` (an official of the department, as before) or `members`
 * (any member of the responsible organisation, as a transit operator's stewards are: the same people who
 * review change proposals answer the reports). Escalation is unchanged: heads (organisation admins), then the committee.
 */
export const accountabilityAnsweredBy: Migration = {
  name: '2026-12-07-37-accountability-answered-by',
  async up(db) {
    await db.schema
      .alterTable('accountability_item')
      .addColumn('answered_by', 'text', (c) => c.notNull().defaultTo('officials'))
      .execute();
  },
};

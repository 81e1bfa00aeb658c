import type { Migration } from '../../../core/db/migrator.js';

/**
 * iCalendar SEQUENCE numbers: a programme's goes up when what a calendar shows of it changes (cancelled or
 * reopened), a registration's when its holder's standing changes (waiting → seat, cancelled, renewed), so a
 * calendar app replaces the event it holds instead of keeping a stale one. Certificates keep the course dates.
 */
export const learnCalendarSequence: Migration = {
  name: '2026-12-06-80-learn-calendar-sequence',
  async up(db) {
    await db.schema
      .alterTable('learn_programme')
      .addColumn('calendar_sequence', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .alterTable('learn_registration')
      .addColumn('calendar_sequence', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};

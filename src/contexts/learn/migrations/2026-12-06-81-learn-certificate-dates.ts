import type { Migration } from '../../../core/db/migrator.js';

/**
 * A certificate keeps the course dates it certifies (the first session's start and the last session's end) as
 * they were when it was issued, so the verification page and the PDF say what was attended, whatever changes later.
 */
export const learnCertificateDates: Migration = {
  name: '2026-12-06-81-learn-certificate-dates',
  async up(db) {
    await db.schema.alterTable('learn_certificate').addColumn('course_starts_at', 'text').execute();
    await db.schema.alterTable('learn_certificate').addColumn('course_ends_at', 'text').execute();
  },
};

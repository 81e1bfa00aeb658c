import { sql } from 'kysely';
import type { Migration } from '../../../core/db/migrator.js';

/**
 * Data-literacy programmes (sessions, registrations with a waitlist, attendance, certificates, feedback,
 * fellowship applications) and lessons on the lake's data (exercises' progress and completed lessons).
 */
export const learnInit: Migration = {
  name: '2026-11-22-80-learn-init',
  async up(db) {
    await db.schema
      .createTable('learn_programme')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title_ko', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text')
      .addColumn('summary_ko', 'text', (c) => c.notNull())
      .addColumn('summary_en', 'text')
      .addColumn('audience', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('place_ko', 'text', (c) => c.notNull())
      .addColumn('place_en', 'text')
      .addColumn('online', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('capacity', 'integer', (c) => c.notNull())
      // Seats held by registered people: raised only by a conditional UPDATE (… WHERE seats_taken < capacity),
      // so concurrent registrations and promotions can never over-fill a programme.
      .addColumn('seats_taken', 'integer', (c) => c.notNull().defaultTo(0))
      // The next waitlist number: strict first-come order even when two people register in the same millisecond.
      .addColumn('queue_counter', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('sessions_required', 'integer', (c) => c.notNull())
      .addColumn('materials', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('organisation_id', 'text', (c) => c.notNull().references('accounts_organisation.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('example', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_by', 'text', (c) => c.references('accounts_user.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addCheckConstraint('learn_programme_seats', sql`seats_taken >= 0 and seats_taken <= capacity`)
      .execute();
    await db.schema.createIndex('learn_programme_organisation').on('learn_programme').columns(['organisation_id']).execute();

    await db.schema
      .createTable('learn_session')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('programme_id', 'text', (c) => c.notNull().references('learn_programme.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('title_ko', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text')
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text', (c) => c.notNull())
      .addColumn('reminded_at', 'text')
      .execute();
    await db.schema.createIndex('learn_session_programme').on('learn_session').columns(['programme_id', 'position']).execute();
    await db.schema.createIndex('learn_session_starts').on('learn_session').columns(['starts_at']).execute();

    await db.schema
      .createTable('learn_registration')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('programme_id', 'text', (c) => c.notNull().references('learn_programme.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('accounts_user.id').onDelete('cascade'))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('queue_no', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('promoted_at', 'text')
      .addColumn('cancelled_at', 'text')
      .addUniqueConstraint('learn_registration_once', ['programme_id', 'user_id'])
      .execute();
    await db.schema.createIndex('learn_registration_queue').on('learn_registration').columns(['programme_id', 'state', 'queue_no']).execute();
    await db.schema.createIndex('learn_registration_user').on('learn_registration').columns(['user_id']).execute();

    await db.schema
      .createTable('learn_attendance')
      .addColumn('session_id', 'text', (c) => c.notNull().references('learn_session.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('accounts_user.id').onDelete('cascade'))
      .addColumn('present', 'integer', (c) => c.notNull())
      .addColumn('marked_by', 'text', (c) => c.references('accounts_user.id').onDelete('set null'))
      .addColumn('marked_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('learn_attendance_pk', ['session_id', 'user_id'])
      .execute();

    await db.schema
      .createTable('learn_certificate')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('programme_id', 'text', (c) => c.notNull().references('learn_programme.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('accounts_user.id').onDelete('cascade'))
      .addColumn('holder_name', 'text', (c) => c.notNull())
      .addColumn('sessions_attended', 'integer', (c) => c.notNull())
      .addColumn('issued_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('learn_certificate_once', ['programme_id', 'user_id'])
      .execute();

    await db.schema
      .createTable('learn_feedback')
      .addColumn('programme_id', 'text', (c) => c.notNull().references('learn_programme.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('accounts_user.id').onDelete('cascade'))
      .addColumn('rating', 'integer', (c) => c.notNull())
      .addColumn('useful', 'integer', (c) => c.notNull())
      .addColumn('comment', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('learn_feedback_pk', ['programme_id', 'user_id'])
      .execute();

    await db.schema
      .createTable('learn_application')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('programme_id', 'text', (c) => c.notNull().references('learn_programme.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('accounts_user.id').onDelete('cascade'))
      .addColumn('motivation', 'text', (c) => c.notNull())
      .addColumn('project_idea', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('mentor', 'text')
      .addColumn('project_title', 'text')
      .addColumn('decided_by', 'text', (c) => c.references('accounts_user.id').onDelete('set null'))
      .addColumn('decided_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('learn_application_once', ['programme_id', 'user_id'])
      .execute();

    await db.schema
      .createTable('learn_lesson')
      .addColumn('slug', 'text', (c) => c.primaryKey())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('title_ko', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text', (c) => c.notNull())
      .addColumn('summary_ko', 'text', (c) => c.notNull())
      .addColumn('summary_en', 'text', (c) => c.notNull())
      .addColumn('datasets', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('learn_progress')
      .addColumn('user_id', 'text', (c) => c.notNull().references('accounts_user.id').onDelete('cascade'))
      .addColumn('lesson_slug', 'text', (c) => c.notNull().references('learn_lesson.slug').onDelete('cascade'))
      .addColumn('exercise_id', 'text', (c) => c.notNull())
      .addColumn('solved', 'integer', (c) => c.notNull())
      .addColumn('last_correct', 'integer', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('last_answer', 'text', (c) => c.notNull())
      .addColumn('last_feedback', 'text')
      .addColumn('answered_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('learn_progress_pk', ['user_id', 'lesson_slug', 'exercise_id'])
      .execute();

    await db.schema
      .createTable('learn_completion')
      .addColumn('user_id', 'text', (c) => c.notNull().references('accounts_user.id').onDelete('cascade'))
      .addColumn('lesson_slug', 'text', (c) => c.notNull().references('learn_lesson.slug').onDelete('cascade'))
      .addColumn('completed_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('learn_completion_pk', ['user_id', 'lesson_slug'])
      .execute();
  },
};

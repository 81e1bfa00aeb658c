import type { Migration } from '../../../core/db/migrator.js';

/** Adds `<name>_ko` and `<name>_en` text columns for each bilingual field. */
const bilingual = <T extends { addColumn(name: string, type: 'text'): T }>(t: T, ...names: string[]): T =>
  names.reduce((acc, n) => acc.addColumn(`${n}_ko`, 'text').addColumn(`${n}_en`, 'text'), t);

export const planInit: Migration = {
  name: '2026-11-22-20-plan-init',
  async up(db) {
    await bilingual(
      db.schema
        .createTable('plan_commitment')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('number', 'integer', (c) => c.notNull().unique())
        .addColumn('slug', 'text', (c) => c.notNull().unique()),
      'title',
      'outline',
      'objectives',
      'status_quo',
      'description',
    )
      .addColumn('organisation_id', 'text', (c) => c.references('accounts_organisation.id'))
      .addColumn('department', 'text')
      .addColumn('contact_name', 'text')
      .addColumn('contact_phone', 'text')
      .addColumn('contact_email', 'text')
      .addColumn('other_actors', 'text', (c) => c.notNull())
      .addColumn('ogp_values', 'text', (c) => c.notNull())
      .addColumn('policy_areas', 'text', (c) => c.notNull())
      .addColumn('irm', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await bilingual(
      db.schema
        .createTable('plan_milestone')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('commitment_id', 'text', (c) => c.notNull().references('plan_commitment.id').onDelete('cascade'))
        .addColumn('number', 'integer', (c) => c.notNull()),
      'title',
      'activities',
    )
      .addColumn('new_or_ongoing', 'text', (c) => c.notNull())
      .addColumn('start_month', 'text')
      .addColumn('end_month', 'text')
      .addColumn('weight', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('completion', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('plan_milestone_number', ['commitment_id', 'number'])
      .execute();
    await db.schema
      .createTable('plan_progress')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('milestone_id', 'text', (c) => c.notNull().references('plan_milestone.id').onDelete('cascade'))
      .addColumn('reported_on', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('completion', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('evidence', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text', (c) => c.notNull().references('accounts_user.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('plan_progress_milestone').on('plan_progress').columns(['milestone_id', 'reported_on']).execute();
    await bilingual(
      db.schema.createTable('plan_call').addColumn('id', 'text', (c) => c.primaryKey()),
      'title',
      'description',
    )
      .addColumn('opens_on', 'text', (c) => c.notNull())
      .addColumn('closes_on', 'text', (c) => c.notNull())
      .addColumn('organisation_id', 'text', (c) => c.notNull().references('accounts_organisation.id'))
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('plan_suggestion')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('call_id', 'text', (c) => c.notNull().references('plan_call.id'))
      .addColumn('author_id', 'text', (c) => c.notNull().references('accounts_user.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('title_key', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('outcome_reason', 'text')
      .addColumn('commitment_id', 'text', (c) => c.references('plan_commitment.id'))
      .addColumn('merged_into_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('plan_suggestion_once', ['call_id', 'author_id', 'title_key'])
      .execute();
    await db.schema
      .createTable('plan_support')
      .addColumn('suggestion_id', 'text', (c) => c.notNull().references('plan_suggestion.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('accounts_user.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('plan_support_pk', ['suggestion_id', 'user_id'])
      .execute();
    await db.schema
      .createTable('plan_comment')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('commitment_id', 'text', (c) => c.notNull().references('plan_commitment.id').onDelete('cascade'))
      .addColumn('author_id', 'text', (c) => c.notNull().references('accounts_user.id'))
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('plan_committee_member')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('affiliation', 'text', (c) => c.notNull())
      .addColumn('sector', 'text', (c) => c.notNull())
      .addColumn('commitment_id', 'text', (c) => c.references('plan_commitment.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('plan_meeting')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('place', 'text', (c) => c.notNull())
      .addColumn('agenda', 'text', (c) => c.notNull())
      .addColumn('minutes', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('plan_attendance')
      .addColumn('meeting_id', 'text', (c) => c.notNull().references('plan_meeting.id').onDelete('cascade'))
      .addColumn('member_id', 'text', (c) => c.notNull().references('plan_committee_member.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('plan_attendance_pk', ['meeting_id', 'member_id'])
      .execute();
  },
};

import type { Migration } from '../../../core/db/migrator.js';

/**
 * Youth smart-city startups (commitment ③): profiles and solutions, calls and applications (the consultative
 * body and opportunities share one application table), body meetings, the council directory, rules with
 * versions, policy feedback (answered through the accountability engine) with endorsements, reminders sent.
 */
export const startupsInit: Migration = {
  name: '2026-11-22-70-startups-init',
  async up(db) {
    await db.schema
      .createTable('startups_profile')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organisation_id', 'text', (c) => c.notNull().unique().references('accounts_organisation.id').onDelete('cascade'))
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('name_ko', 'text')
      .addColumn('name_en', 'text')
      .addColumn('what_ko', 'text')
      .addColumn('what_en', 'text')
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('team_size', 'integer', (c) => c.notNull())
      .addColumn('founders_age_band', 'text', (c) => c.notNull())
      .addColumn('founded_year', 'integer')
      .addColumn('website', 'text')
      .addColumn('contact_name', 'text')
      .addColumn('contact_email', 'text', (c) => c.notNull())
      .addColumn('contact_phone', 'text')
      .addColumn('references_text', 'text')
      .addColumn('example', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('startups_solution')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('profile_id', 'text', (c) => c.notNull().references('startups_profile.id').onDelete('cascade'))
      .addColumn('title_ko', 'text')
      .addColumn('title_en', 'text')
      .addColumn('description_ko', 'text')
      .addColumn('description_en', 'text')
      .addColumn('image_file', 'text')
      .addColumn('image_alt', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('startups_solution_profile').on('startups_solution').columns(['profile_id', 'created_at']).execute();

    // A call for the consultative body, or an opportunity (conference, exhibition, roadshow, incentive, programme).
    await db.schema
      .createTable('startups_call')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title_ko', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text', (c) => c.notNull())
      .addColumn('summary_ko', 'text', (c) => c.notNull())
      .addColumn('summary_en', 'text', (c) => c.notNull())
      .addColumn('location', 'text')
      .addColumn('url', 'text')
      .addColumn('starts_on', 'text')
      .addColumn('ends_on', 'text')
      .addColumn('opens_on', 'text', (c) => c.notNull())
      .addColumn('apply_by', 'text', (c) => c.notNull())
      .addColumn('eligibility_ko', 'text', (c) => c.notNull())
      .addColumn('eligibility_en', 'text', (c) => c.notNull())
      .addColumn('covers_ko', 'text')
      .addColumn('covers_en', 'text')
      .addColumn('how_ko', 'text')
      .addColumn('how_en', 'text')
      .addColumn('members_only', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('max_age_band', 'text')
      .addColumn('seats', 'integer')
      .addColumn('results_published_at', 'text')
      .addColumn('example', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_by', 'text', (c) => c.references('accounts_user.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('startups_call_kind').on('startups_call').columns(['kind', 'apply_by']).execute();

    await db.schema
      .createTable('startups_application')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('call_id', 'text', (c) => c.notNull().references('startups_call.id').onDelete('cascade'))
      .addColumn('profile_id', 'text', (c) => c.notNull().references('startups_profile.id').onDelete('cascade'))
      .addColumn('author_id', 'text', (c) => c.references('accounts_user.id').onDelete('set null'))
      .addColumn('motivation', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('decision_reason', 'text')
      .addColumn('decided_by', 'text', (c) => c.references('accounts_user.id').onDelete('set null'))
      .addColumn('decided_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('startups_application_once').on('startups_application').columns(['call_id', 'profile_id']).unique().execute();

    await db.schema
      .createTable('startups_meeting')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('title_ko', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text', (c) => c.notNull())
      .addColumn('minutes_ko', 'text', (c) => c.notNull())
      .addColumn('minutes_en', 'text')
      .addColumn('created_by', 'text', (c) => c.references('accounts_user.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    // The Smart City Council of small and mid-sized ICT companies, the youth body's partner (a directory).
    await db.schema
      .createTable('startups_council_company')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name_ko', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('website', 'text')
      .addColumn('example', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    await db.schema
      .createTable('startups_rule')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('title_ko', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('organisation_id', 'text', (c) => c.notNull().references('accounts_organisation.id'))
      .addColumn('source_name', 'text', (c) => c.notNull())
      .addColumn('source_url', 'text', (c) => c.notNull())
      .addColumn('tags', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('startups_rule_version')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('rule_id', 'text', (c) => c.notNull().references('startups_rule.id').onDelete('cascade'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('effective_on', 'text', (c) => c.notNull())
      .addColumn('text_kind', 'text', (c) => c.notNull())
      .addColumn('text_ko', 'text', (c) => c.notNull())
      .addColumn('text_en', 'text')
      .addColumn('change_ko', 'text')
      .addColumn('change_en', 'text')
      .addColumn('created_by', 'text', (c) => c.references('accounts_user.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('startups_rule_version_once').on('startups_rule_version').columns(['rule_id', 'version']).unique().execute();

    await db.schema
      .createTable('startups_feedback')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('rule_id', 'text', (c) => c.notNull().references('startups_rule.id').onDelete('cascade'))
      .addColumn('profile_id', 'text', (c) => c.notNull().references('startups_profile.id').onDelete('cascade'))
      .addColumn('author_id', 'text', (c) => c.references('accounts_user.id').onDelete('set null'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('title_key', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('proposal', 'text')
      .addColumn('decision', 'text')
      .addColumn('review_by', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('startups_feedback_once').on('startups_feedback').columns(['rule_id', 'profile_id', 'title_key']).unique().execute();

    await db.schema
      .createTable('startups_endorsement')
      .addColumn('feedback_id', 'text', (c) => c.notNull().references('startups_feedback.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('accounts_user.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('startups_endorsement_pk', ['feedback_id', 'user_id'])
      .execute();

    await db.schema
      .createTable('startups_reminder')
      .addColumn('call_id', 'text', (c) => c.notNull().references('startups_call.id').onDelete('cascade'))
      .addColumn('reminder', 'text', (c) => c.notNull())
      .addColumn('apply_by', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('startups_reminder_pk', ['call_id', 'reminder', 'apply_by'])
      .execute();
  },
};

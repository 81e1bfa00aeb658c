import type { Migration } from '../../../core/db/migrator.js';

export const accountsInit: Migration = {
  name: '2026-11-22-01-accounts-init',
  async up(db) {
    await db.schema
      .createTable('accounts_user')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('accounts_organisation')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('name_ko', 'text')
      .addColumn('name_en', 'text')
      .addColumn('description_ko', 'text')
      .addColumn('description_en', 'text')
      .addColumn('website', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('accounts_membership')
      .addColumn('organisation_id', 'text', (c) => c.notNull().references('accounts_organisation.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('accounts_user.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('accounts_membership_pk', ['organisation_id', 'user_id'])
      .execute();
    await db.schema.createIndex('accounts_membership_user').on('accounts_membership').column('user_id').execute();
    await db.schema
      .createTable('accounts_session')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('accounts_user.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('accounts_session_user').on('accounts_session').column('user_id').execute();
    await db.schema
      .createTable('accounts_password_reset')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('accounts_user.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await db.schema
      .createTable('accounts_api_key')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('accounts_user.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('prefix', 'text', (c) => c.notNull())
      .addColumn('key_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('last_used_at', 'text')
      .execute();
    await db.schema.createIndex('accounts_api_key_user').on('accounts_api_key').column('user_id').execute();
  },
};

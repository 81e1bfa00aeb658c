import type { Migration } from '../../../core/db/migrator.js';

/** Failed sign-ins counted per account (its email) and per client (its address), for the throttle. */
export const accountsSignInThrottle: Migration = {
  name: '2026-12-06-01-accounts-sign-in-throttle',
  async up(db) {
    await db.schema
      .createTable('accounts_sign_in_throttle')
      .addColumn('key', 'text', (c) => c.primaryKey()) // 'account:<email>' or 'client:<ip>'
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('last_failed_at', 'text', (c) => c.notNull())
      .addColumn('locked_until', 'text')
      .execute();
  },
};

import type { Migration } from '../../../core/db/migrator.js';

/** A dataset link says why the dataset answers the request; the requester may dispute it, with a reason. */
export const demandLinkDispute: Migration = {
  name: '2026-12-07-65-demand-link-dispute',
  async up(db) {
    await db.schema.alterTable('demand_request').addColumn('link_reason', 'text').execute();
    await db.schema.alterTable('demand_request').addColumn('disputed_at', 'text').execute();
    await db.schema.alterTable('demand_request').addColumn('dispute_reason', 'text').execute();
  },
};

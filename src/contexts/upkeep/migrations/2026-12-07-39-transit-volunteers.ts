import type { Migration } from '../../../core/db/migrator.js';

/**
 * Volunteers protected. Photos become public only when a proposal that uses them is approved (public_at; until
 * then only the uploader and the station's stewards see them). A proposal sent back with changes requested is
 * revised by its author: the proposal keeps its id and counts revisions, and every earlier revision (with the
 * review that sent it back) is kept, append-only, in transit_proposal_revision. Portable: both dialects.
 */
export const transitVolunteers: Migration = {
  name: '2026-12-07-39-transit-volunteers',
  async up(db) {
    await db.schema.alterTable('transit_photo').addColumn('public_at', 'text').execute();
    await db.schema
      .alterTable('transit_proposal')
      .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .createTable('transit_proposal_revision')
      .addColumn('proposal_id', 'text', (c) => c.notNull().references('transit_proposal.id').onDelete('cascade'))
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('base_version', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('ops', 'text', (c) => c.notNull()) // JSON, as in transit_proposal
      .addColumn('evidence', 'text', (c) => c.notNull())
      .addColumn('attributes', 'text', (c) => c.notNull())
      .addColumn('review_reason', 'text') // what the reviewer asked for
      .addColumn('reviewed_by', 'text')
      .addColumn('reviewed_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull()) // when this revision was sent
      .addColumn('superseded_at', 'text', (c) => c.notNull()) // when the next revision replaced it
      .addPrimaryKeyConstraint('transit_proposal_revision_pk', ['proposal_id', 'revision'])
      .execute();
  },
};

import { randomUUID } from 'node:crypto';
import type { Migration } from '../../../core/db/migrator.js';

/** IRM assessments with their history: a new assessment is added, never written over the last one. */
export const planIrmHistory: Migration = {
  name: '2026-12-06-20-plan-irm-history',
  async up(db) {
    await db.schema
      .createTable('plan_irm_assessment')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('commitment_id', 'text', (c) => c.notNull().references('plan_commitment.id').onDelete('cascade'))
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text')
      .execute();
    await db.schema.createIndex('plan_irm_assessment_commitment').on('plan_irm_assessment').columns(['commitment_id', 'recorded_at']).execute();
    // The assessment each commitment holds today becomes the first entry of its history.
    const rows = await db.selectFrom('plan_commitment').select(['id', 'irm', 'updated_at']).execute();
    for (const r of rows as Array<{ id: string; irm: string; updated_at: string }>) {
      const irm = JSON.parse(r.irm) as { assessedAt: string | null };
      if (!irm.assessedAt) continue;
      await db
        .insertInto('plan_irm_assessment')
        .values({
          id: randomUUID(),
          commitment_id: r.id,
          recorded_at: irm.assessedAt,
          source: 'reviewer',
          data: JSON.stringify({ ...irm, source: { kind: 'reviewer', ref: null } }),
          author_id: null,
        })
        .execute();
    }
  },
};

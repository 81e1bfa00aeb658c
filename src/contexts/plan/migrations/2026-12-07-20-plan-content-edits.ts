import { refuseUpdates } from '../../../core/db/append-only.js';
import type { Migration } from '../../../core/db/migrator.js';

type Row = Record<string, any>;
const HANGUL = /[\uAC00-\uD7A3]/;

/**
 * The plan's content becomes editable by officials and admins, with a public history that is only ever
 * added to (`plan_content_edit`: one row per changed field, before and after). `plan_translation` names the
 * Korean (or English) texts that are Open Seoul's translation rather than the city's own words. Committee
 * affiliations and meetings become bilingual; a meeting may belong to a commitment's sub-group.
 */
export const planContentEdits: Migration = {
  name: '2026-12-07-20-plan-content-edits',
  async up(db, dialect) {
    await db.schema
      .createTable('plan_content_edit')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('entity_type', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('before_value', 'text')
      .addColumn('after_value', 'text')
      .addColumn('note', 'text')
      .addColumn('actor_id', 'text')
      .addColumn('actor_label', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('plan_content_edit_entity').on('plan_content_edit').columns(['entity_type', 'entity_id', 'at']).execute();
    await db.schema.createIndex('plan_content_edit_at').on('plan_content_edit').columns(['at']).execute();
    await refuseUpdates(db, dialect, 'plan_content_edit');
    await db.schema
      .createTable('plan_translation')
      .addColumn('entity_type', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('plan_translation_pk', ['entity_type', 'entity_id', 'field'])
      .execute();
    await db.schema.alterTable('plan_committee_member').addColumn('affiliation_ko', 'text').execute();
    await db.schema.alterTable('plan_committee_member').addColumn('affiliation_en', 'text').execute();
    for (const col of ['title_ko', 'title_en', 'agenda_ko', 'agenda_en', 'minutes_ko', 'minutes_en']) {
      await db.schema.alterTable('plan_meeting').addColumn(col, 'text').execute();
    }
    await db.schema
      .alterTable('plan_meeting')
      .addColumn('commitment_id', 'text', (c) => c.references('plan_commitment.id'))
      .execute();
    // What was typed before goes to the language it is written in (Hangul: Korean; otherwise English).
    const lang = (text: string) => (HANGUL.test(text) ? 'ko' : 'en');
    const members: Row[] = await db.selectFrom('plan_committee_member').select(['id', 'affiliation']).execute();
    for (const m of members) {
      if (m.affiliation)
        await db
          .updateTable('plan_committee_member')
          .set({ [`affiliation_${lang(m.affiliation)}`]: m.affiliation })
          .where('id', '=', m.id)
          .execute();
    }
    const meetings: Row[] = await db.selectFrom('plan_meeting').select(['id', 'title', 'agenda', 'minutes']).execute();
    for (const m of meetings) {
      const set: Row = {};
      for (const f of ['title', 'agenda', 'minutes']) if (m[f]) set[`${f}_${lang(m[f])}`] = m[f];
      if (Object.keys(set).length) await db.updateTable('plan_meeting').set(set).where('id', '=', m.id).execute();
    }
  },
};

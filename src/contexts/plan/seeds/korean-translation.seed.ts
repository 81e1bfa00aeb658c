import fs from 'node:fs/promises';
import { system } from '../../../core/auth/actor.js';
import type { Seed } from '../../../core/context.js';
import { findOrganisationBySlug, renameOrganisation } from '../../accounts/index.js';
import type { ContentEntity } from '../domain/content-fields.js';
import { appendEdit, markTranslation, saveContent } from '../store/content.repository.js';
import { PLAN_SEED_FILE } from './action-plan.seed.js';

export const PLAN_KO_FILE = PLAN_SEED_FILE.replace(/\.json$/, '.ko.json');
/** The note in the history beside each translated text (Korean, as the text it describes). */
export const TRANSLATION_NOTE = '열린 서울 번역: 서울시가 낸 영어 실행계획을 옮긴 글이며 서울시 원문이 아님';

interface KoMilestone {
  number: number;
  title: string;
  activities: string;
}
interface KoCommitment {
  number: number;
  title: string;
  outline: string;
  objectives: string;
  statusQuo: string;
  description: string;
  milestones: KoMilestone[];
}
interface KoFile {
  organisations: Array<{ slug: string; nameKo: string }>;
  commitments: KoCommitment[];
}

const COMMITMENT_FIELDS = [
  ['title', 'title_ko'],
  ['outline', 'outline_ko'],
  ['objectives', 'objectives_ko'],
  ['statusQuo', 'status_quo_ko'],
  ['description', 'description_ko'],
] as const;

/**
 * Korean text for the action plan and its responsible departments (seed/plan/…ko.json): Open Seoul's own
 * translation of the English plan, written only where no Korean is held yet, and marked as our translation
 * (in `plan_translation` and in the public history) until an official writes the city's words.
 */
export const koreanTranslationSeed: Seed = {
  name: 'plan.korean-translation-2018-2020',
  async run(services) {
    const ko = JSON.parse(await fs.readFile(PLAN_KO_FILE, 'utf8')) as KoFile;
    const actor = system();
    await services.db.transaction().execute(async (tx) => {
      const fill = async (entity: ContentEntity, id: string, field: string, before: string | null, after: string) => {
        await appendEdit(tx, actor, { entity, entityId: id, field, before, after, note: TRANSLATION_NOTE });
        await markTranslation(tx, entity, id, field);
      };
      for (const c of ko.commitments) {
        const row = await tx.selectFrom('plan_commitment').selectAll().where('number', '=', c.number).executeTakeFirst();
        if (!row) continue;
        for (const [name, column] of COMMITMENT_FIELDS) {
          if (row[column]) continue;
          await saveContent(tx, 'commitment', row.id, { [column]: c[name] });
          await fill('commitment', row.id, `${name}Ko`, null, c[name]);
        }
        const milestones = await tx.selectFrom('plan_milestone').selectAll().where('commitment_id', '=', row.id).execute();
        for (const m of c.milestones) {
          const mr = milestones.find((x) => x.number === m.number);
          if (!mr) continue;
          if (!mr.title_ko) {
            await saveContent(tx, 'milestone', mr.id, { title_ko: m.title });
            await fill('milestone', mr.id, 'titleKo', null, m.title);
          }
          if (!mr.activities_ko) {
            await saveContent(tx, 'milestone', mr.id, { activities_ko: m.activities });
            await fill('milestone', mr.id, 'activitiesKo', null, m.activities);
          }
        }
      }
      for (const o of ko.organisations) {
        const org = await findOrganisationBySlug(tx, o.slug);
        if (!org || org.name_ko) continue;
        await renameOrganisation(tx, actor, { organisationId: org.id, nameKo: o.nameKo });
        await fill('organisation', org.id, 'nameKo', null, o.nameKo);
      }
    });
  },
};

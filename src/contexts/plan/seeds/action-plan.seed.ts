import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import type { Seed } from '../../../core/context.js';
import { nowIso } from '../../../core/db/database.js';
import type { Localized } from '../../../core/i18n/messages.js';
import { indexDocument } from '../../../core/search/search-index.js';
import { registerAnswerableKind } from '../../accountability/index.js';
import { EMPTY_IRM } from '../use-cases/assess-commitment.js';
import { COMMENT_KIND } from '../use-cases/comment-on-commitment.js';
import { SUGGESTION_KIND } from '../use-cases/submit-suggestion.js';
import { findOrganisationBySlug } from '../../accounts/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const PLAN_SEED_FILE = path.join(ROOT, 'seed/plan/seoul-ogp-action-plan-2018-2020.json');

interface SeedMilestone {
  number: number;
  title: Localized;
  activities: Localized;
  status: string;
  start: string | null;
  end: string | null;
}
interface SeedCommitment {
  number: number;
  slug: string;
  title: Localized;
  outline: Localized;
  objectives: Localized;
  statusQuo: Localized;
  description: Localized;
  responsible: { department: string; contactName: string; phone: string; email: string; organisationSlug: string };
  otherActors: { government: string[]; civilSociety: string[] };
  ogpValues: string[];
  policyAreas: string[];
  milestones: SeedMilestone[];
}

/** The real action plan 2018–2020 (seed/plan, transcribed from seed/ogp): 3 commitments and their milestones. */
export const actionPlanSeed: Seed = {
  name: 'plan.action-plan-2018-2020',
  async run(services) {
    const plan = JSON.parse(await fs.readFile(PLAN_SEED_FILE, 'utf8')) as { commitments: SeedCommitment[] };
    await services.db.transaction().execute(async (tx) => {
      await registerAnswerableKind(tx, { id: SUGGESTION_KIND, context: 'plan', name: { ko: '실행계획 시민 제안', en: 'Suggestion for the action plan' } });
      await registerAnswerableKind(tx, { id: COMMENT_KIND, context: 'plan', name: { ko: '공약에 대한 의견', en: 'Comment on a commitment' } });
      const now = nowIso();
      for (const c of plan.commitments) {
        const org = await findOrganisationBySlug(tx, c.responsible.organisationSlug);
        const id = randomUUID();
        await tx
          .insertInto('plan_commitment')
          .values({
            id,
            number: c.number,
            slug: c.slug,
            title_ko: c.title.ko,
            title_en: c.title.en,
            outline_ko: c.outline.ko,
            outline_en: c.outline.en,
            objectives_ko: c.objectives.ko,
            objectives_en: c.objectives.en,
            status_quo_ko: c.statusQuo.ko,
            status_quo_en: c.statusQuo.en,
            description_ko: c.description.ko,
            description_en: c.description.en,
            organisation_id: org?.id ?? null,
            department: c.responsible.department,
            contact_name: c.responsible.contactName,
            contact_phone: c.responsible.phone,
            contact_email: c.responsible.email,
            other_actors: JSON.stringify(c.otherActors),
            ogp_values: JSON.stringify(c.ogpValues),
            policy_areas: JSON.stringify(c.policyAreas),
            irm: JSON.stringify(EMPTY_IRM),
            created_at: now,
            updated_at: now,
          })
          .execute();
        for (const m of c.milestones) {
          await tx
            .insertInto('plan_milestone')
            .values({
              id: randomUUID(),
              commitment_id: id,
              number: m.number,
              title_ko: m.title.ko,
              title_en: m.title.en,
              activities_ko: m.activities.ko,
              activities_en: m.activities.en,
              new_or_ongoing: m.status,
              start_month: m.start,
              end_month: m.end,
              weight: 1,
              status: 'not_started',
              completion: 0,
              updated_at: now,
            })
            .execute();
        }
        await indexDocument(tx, {
          type: 'commitment',
          id,
          url: `/plan/commitments/${c.slug}`,
          title: c.title,
          summary: c.outline,
          body: `${c.objectives.en ?? ''} ${c.milestones.map((m) => m.title.en).join(' ')}`,
        });
      }
    });
  },
};

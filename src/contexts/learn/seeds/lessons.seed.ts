import { createHash } from 'node:crypto';
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Seed, Services } from '../../../core/context.js';
import { SEED_DIR } from '../../data/index.js';
import { parseLesson } from '../domain/lesson-source.js';

export const LESSONS_DIR = path.join(SEED_DIR, 'learn/lessons');

/**
 * Loads the lessons of seed/learn/lessons (Markdown with embedded exercises) into learn_lesson, replacing a lesson
 * whose file changed (a lesson removed from the folder stays, with its learners' progress). Their expected answers are queries on the seeded datasets, run when a learner answers.
 */
export async function loadLessons(services: Services): Promise<number> {
  const files = (await fs.readdir(LESSONS_DIR)).filter((f) => f.endsWith('.md')).sort();
  const at = services.now().toISOString();
  for (const file of files) {
    const source = await fs.readFile(path.join(LESSONS_DIR, file), 'utf8');
    const { meta } = parseLesson(source);
    const row = {
      slug: meta.slug,
      position: meta.position,
      level: meta.level,
      title_ko: meta.title.ko,
      title_en: meta.title.en,
      summary_ko: meta.summary.ko,
      summary_en: meta.summary.en,
      datasets: JSON.stringify(meta.datasets),
      source,
      updated_at: at,
    };
    await services.db
      .insertInto('learn_lesson')
      .values(row)
      .onConflict((oc) => oc.column('slug').doUpdateSet({ ...row }))
      .execute();
  }
  return files.length;
}

/** The seed's name carries a digest of the lesson files: an edited or added lesson is loaded again on the next start. */
function lessonsDigest(): string {
  const h = createHash('sha256');
  for (const f of fsSync
    .readdirSync(LESSONS_DIR)
    .filter((x) => x.endsWith('.md'))
    .sort())
    h.update(f).update(fsSync.readFileSync(path.join(LESSONS_DIR, f)));
  return h.digest('hex').slice(0, 12);
}

export const lessonsSeed: Seed = {
  name: `learn.lessons.${lessonsDigest()}`,
  run: async (services) => {
    await loadLessons(services);
  },
};

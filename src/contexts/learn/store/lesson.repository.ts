import type { DbOrTx } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { parseLesson, type Lesson } from '../domain/lesson-source.js';
import type { LessonRow } from './tables.js';

export async function findLesson(db: DbOrTx, slug: string): Promise<{ row: LessonRow; lesson: Lesson }> {
  const row = await db.selectFrom('learn_lesson').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!row) throw new AppError('learn.lesson_not_found', 'No lesson has this name', 404);
  return { row, lesson: parseLesson(row.source) };
}

export const listLessons = (db: DbOrTx) => db.selectFrom('learn_lesson').selectAll().orderBy('position').execute();

export const progressOf = (db: DbOrTx, userId: string, slug?: string) => {
  let q = db.selectFrom('learn_progress').selectAll().where('user_id', '=', userId);
  if (slug) q = q.where('lesson_slug', '=', slug);
  return q.execute();
};

export const completionsOf = (db: DbOrTx, userId: string) =>
  db
    .selectFrom('learn_completion as c')
    .innerJoin('learn_lesson as l', 'l.slug', 'c.lesson_slug')
    .select(['c.lesson_slug', 'c.completed_at', 'l.title_ko', 'l.title_en'])
    .where('c.user_id', '=', userId)
    .orderBy('c.completed_at', 'desc')
    .execute();

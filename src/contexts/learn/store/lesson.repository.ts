import type { DbOrTx } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { parseLesson, type Lesson } from '../domain/lesson-source.js';
import type { CompletionRow, LessonRow, ProgressRow } from './tables.js';

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

export const findProgress = (db: DbOrTx, userId: string, slug: string, exerciseId: string) =>
  db
    .selectFrom('learn_progress')
    .selectAll()
    .where('user_id', '=', userId)
    .where('lesson_slug', '=', slug)
    .where('exercise_id', '=', exerciseId)
    .executeTakeFirst();

export const insertProgress = (tx: DbOrTx, row: ProgressRow) => tx.insertInto('learn_progress').values(row).execute();

export const updateProgress = (
  tx: DbOrTx,
  key: Pick<ProgressRow, 'user_id' | 'lesson_slug' | 'exercise_id'>,
  set: Omit<ProgressRow, 'user_id' | 'lesson_slug' | 'exercise_id'>,
) =>
  tx
    .updateTable('learn_progress')
    .set(set)
    .where('user_id', '=', key.user_id)
    .where('lesson_slug', '=', key.lesson_slug)
    .where('exercise_id', '=', key.exercise_id)
    .execute();

/** The exercises of a lesson a person has solved. */
export const solvedExerciseIds = async (db: DbOrTx, userId: string, slug: string) =>
  (
    await db.selectFrom('learn_progress').select('exercise_id').where('user_id', '=', userId).where('lesson_slug', '=', slug).where('solved', '=', 1).execute()
  ).map((p) => p.exercise_id);

/** Records a lesson completed (once). */
export const recordCompletion = (tx: DbOrTx, row: CompletionRow) =>
  tx
    .insertInto('learn_completion')
    .values(row)
    .onConflict((oc) => oc.columns(['user_id', 'lesson_slug']).doNothing())
    .execute();

export const completionRowsOf = (db: DbOrTx, userId: string) => db.selectFrom('learn_completion').selectAll().where('user_id', '=', userId).execute();

import type { Actor } from '../../../core/auth/actor.js';
import type { Services } from '../../../core/context.js';
import { AppError, unauthenticated } from '../../../core/errors.js';
import { checkNumber, checkText, compareResults, type Verdict } from '../domain/answer-check.js';
import type { Exercise } from '../domain/lesson-source.js';
import { findLesson, findProgress, insertProgress, recordCompletion, solvedExerciseIds, updateProgress } from '../store/lesson.repository.js';
import { expectedResult, runLessonQuery } from './run-lesson-query.js';

export interface AnswerOutcome {
  lesson: string;
  exercise: string;
  correct: boolean;
  reason: NonNullable<Verdict['reason']> | 'sql_error' | null;
  hint: { ko: string; en: string } | null;
  sqlError: string | null;
  solved: number;
  total: number;
  completed: boolean;
}

async function check(
  services: Services,
  actor: Actor,
  e: Exercise,
  answer: string,
): Promise<{ verdict: Verdict | { correct: false; reason: 'sql_error' }; sqlError: string | null }> {
  switch (e.kind) {
    case 'number': {
      const expected = await expectedResult(services, e.expectedSql);
      const value = Number(expected.rows[0]?.[0]);
      if (!Number.isFinite(value)) throw new AppError('learn.exercise_broken', 'This exercise has no expected answer in the data loaded here', 503);
      return { verdict: checkNumber(answer, value, e.tolerance ?? 0), sqlError: null };
    }
    case 'text':
      return { verdict: checkText(answer, e.accepted), sqlError: null };
    case 'choice':
      return { verdict: answer === e.answer ? { correct: true } : { correct: false, reason: answer ? 'off' : 'empty' }, sqlError: null };
    case 'sql': {
      if (!answer.trim()) return { verdict: { correct: false, reason: 'empty' }, sqlError: null };
      const expected = await expectedResult(services, e.expectedSql);
      try {
        const mine = await runLessonQuery(services, actor, answer);
        return { verdict: compareResults(mine, expected, { ordered: e.ordered }), sqlError: null };
      } catch (error) {
        if (error instanceof AppError && error.code.startsWith('data.sql'))
          return { verdict: { correct: false, reason: 'sql_error' }, sqlError: error.message };
        throw error;
      }
    }
  }
}

/**
 * Checks a learner's answer to one exercise and records it: attempts, whether it is solved (once solved, it stays
 * solved), the last answer and what was wrong. A wrong answer comes back with the exercise's hint. When every
 * exercise of the lesson is solved, the lesson is completed (shown on the learner's page).
 */
export async function answerExercise(services: Services, actor: Actor, input: { lesson: string; exercise: string; answer: unknown }): Promise<AnswerOutcome> {
  if (!actor.user) throw unauthenticated();
  const { row, lesson } = await findLesson(services.db, input.lesson);
  const e = lesson.exercises.find((x) => x.id === input.exercise);
  if (!e) throw new AppError('learn.exercise_not_found', 'This lesson has no such exercise', 404);
  const answer = typeof input.answer === 'string' ? input.answer.slice(0, 20_000) : '';
  const { verdict, sqlError } = await check(services, actor, e, answer);
  const at = services.now().toISOString();
  const userId = actor.user.id;
  const feedback = verdict.correct ? null : (sqlError ?? verdict.reason ?? 'off');
  const completed = await services.db.transaction().execute(async (tx) => {
    const before = await findProgress(tx, userId, row.slug, e.id);
    const value = {
      solved: before?.solved || verdict.correct ? 1 : 0,
      last_correct: verdict.correct ? 1 : 0,
      attempts: (before?.attempts ?? 0) + 1,
      last_answer: answer.slice(0, 4000),
      last_feedback: feedback,
      answered_at: at,
    };
    const key = { user_id: userId, lesson_slug: row.slug, exercise_id: e.id };
    if (before) await updateProgress(tx, key, value);
    else await insertProgress(tx, { ...key, ...value });
    const solved = (await solvedExerciseIds(tx, userId, row.slug)).filter((id) => lesson.exercises.some((x) => x.id === id)).length;
    const done = solved === lesson.exercises.length;
    if (done) await recordCompletion(tx, { user_id: userId, lesson_slug: row.slug, completed_at: at });
    return { solved, done };
  });
  return {
    lesson: row.slug,
    exercise: e.id,
    correct: verdict.correct,
    reason: verdict.correct ? null : (verdict.reason ?? 'off'),
    hint: verdict.correct ? null : e.hint,
    sqlError,
    solved: completed.solved,
    total: lesson.exercises.length,
    completed: completed.done,
  };
}

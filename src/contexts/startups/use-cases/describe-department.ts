import type { DbOrTx } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import { buildScorecard } from '../../accountability/index.js';
import type { Ymd } from '../../../core/calendar/korean-calendar.js';
import { findDepartment } from '../store/organisations.js';
import { feedbackIdsForDepartment, feedbackOn } from '../store/rule.repository.js';
import { feedbackViews, publicFeedback } from './describe-rules.js';

/**
 * A department's answers to startups: its responsiveness line from the accountability scorecard (all inputs
 * it must answer) and, for each piece of startup feedback on its rules, the due date, the answer and whether
 * it came on time.
 */
export async function describeDepartment(db: DbOrTx, slug: string, today: Ymd) {
  const department = await findDepartment(db, slug);
  if (!department) throw notFound('department');
  const ids = await feedbackIdsForDepartment(db, department.id);
  const [card, rows] = await Promise.all([buildScorecard(db, today), feedbackOn(db, { ids })]);
  const feedback = await feedbackViews(db, rows, today);
  const answered = feedback.filter((f) => f.answer.answeredOn !== null);
  return {
    department: { slug: department.slug, name: { ko: department.name_ko, en: department.name_en } },
    scorecard: card.byDepartment.find((l) => l.key === department.slug) ?? null,
    startups: {
      received: feedback.length,
      answered: answered.length,
      answeredOnTime: answered.filter((f) => f.answer.answeredOnTime).length,
      overdueNow: feedback.filter((f) => f.answer.overdue).length,
    },
    feedback: feedback.map(publicFeedback),
  };
}

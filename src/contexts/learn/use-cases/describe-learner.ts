import type { Services } from '../../../core/context.js';
import { parseLesson } from '../domain/lesson-source.js';
import { certificatesOfUser } from '../store/certificate.repository.js';
import { completionRowsOf, listLessons, progressOf } from '../store/lesson.repository.js';
import { activeRegistrationsOfUser } from '../store/registration.repository.js';
import { certificateUrl, lessonUrl } from '../store/tables.js';
import { personalFeedToken } from './build-calendar.js';

/** The lessons, each with how many exercises it has. */
export async function lessonSummaries(services: Services) {
  return (await listLessons(services.db)).map((l) => ({
    slug: l.slug,
    url: lessonUrl(l.slug),
    position: l.position,
    level: l.level,
    title: { ko: l.title_ko, en: l.title_en },
    summary: { ko: l.summary_ko, en: l.summary_en },
    datasets: JSON.parse(l.datasets) as string[],
    exercises: parseLesson(l.source).exercises.length,
  }));
}

/** One learner's page: progress in each lesson, completed lessons, registrations, certificates, their calendar address. */
export async function describeLearner(services: Services, userId: string) {
  const [lessons, progress, completions, registrations, certificates] = await Promise.all([
    lessonSummaries(services),
    progressOf(services.db, userId),
    completionRowsOf(services.db, userId),
    activeRegistrationsOfUser(services.db, userId),
    certificatesOfUser(services.db, userId),
  ]);
  return {
    lessons: lessons.map((l) => ({
      slug: l.slug,
      title: l.title,
      url: l.url,
      total: l.exercises,
      solved: progress.filter((p) => p.lesson_slug === l.slug && p.solved === 1).length,
      completedAt: completions.find((c) => c.lesson_slug === l.slug)?.completed_at ?? null,
    })),
    registrations: registrations.map((r) => ({ programmeId: r.programme_id, state: r.state, title: { ko: r.title_ko, en: r.title_en } })),
    certificates: certificates.map((c) => ({
      id: c.id,
      programmeId: c.programme_id,
      url: certificateUrl(c.id),
      issuedAt: c.issued_at,
      title: { ko: c.title_ko, en: c.title_en },
    })),
    calendarUrl: `/learn/calendar/${personalFeedToken(services.config.secret, userId)}.ics`,
  };
}

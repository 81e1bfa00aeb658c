import type { Actor } from '../../../core/auth/actor.js';
import type { Services } from '../../../core/context.js';
import { assertAllowed } from '../../accounts/index.js';
import { programmePolicy } from '../domain/policy.js';
import { findProgramme, sessionsOf } from '../store/programme.repository.js';

/**
 * What an organiser sees of one programme: registrations and the waitlist, attendance per session and overall
 * (present ÷ registered people marked), completions (certificates) and the feedback survey's results.
 */
export async function buildOrganiserDashboard(services: Services, actor: Actor, programmeId: string) {
  const programme = await findProgramme(services.db, programmeId);
  assertAllowed(actor, programmePolicy.canOrganise(actor, programme), "see this programme's dashboard");
  const db = services.db;
  const [regs, sessions, attendance, certificates, feedback, applications] = await Promise.all([
    db
      .selectFrom('learn_registration as r')
      .innerJoin('accounts_user as u', 'u.id', 'r.user_id')
      .select(['r.user_id', 'r.state', 'r.queue_no', 'r.promoted_at', 'u.display_name', 'u.email'])
      .where('r.programme_id', '=', programme.id)
      .orderBy('r.queue_no')
      .execute(),
    sessionsOf(db, programme.id),
    db
      .selectFrom('learn_attendance as a')
      .innerJoin('learn_session as s', 's.id', 'a.session_id')
      .select(['a.session_id', 'a.user_id', 'a.present'])
      .where('s.programme_id', '=', programme.id)
      .execute(),
    db.selectFrom('learn_certificate').select(['user_id', 'id', 'issued_at']).where('programme_id', '=', programme.id).execute(),
    db.selectFrom('learn_feedback').selectAll().where('programme_id', '=', programme.id).orderBy('created_at', 'desc').execute(),
    db
      .selectFrom('learn_application as a')
      .innerJoin('accounts_user as u', 'u.id', 'a.user_id')
      .select(['a.id', 'a.state', 'a.motivation', 'a.project_idea', 'a.mentor', 'a.project_title', 'a.created_at', 'u.display_name'])
      .where('a.programme_id', '=', programme.id)
      .orderBy('a.created_at')
      .execute(),
  ]);
  const registered = regs.filter((r) => r.state === 'registered');
  const perSession = sessions.map((s) => {
    const marks = attendance.filter((a) => a.session_id === s.id);
    const present = marks.filter((a) => a.present === 1).length;
    return {
      id: s.id,
      position: s.position,
      title: { ko: s.title_ko, en: s.title_en },
      startsAt: s.starts_at,
      endsAt: s.ends_at,
      marked: marks.length > 0,
      present,
      absent: marks.length - present,
    };
  });
  const marked = attendance.length;
  const present = attendance.filter((a) => a.present === 1).length;
  const ratings = feedback.map((f) => f.rating);
  return {
    programmeId: programme.id,
    capacity: programme.capacity,
    registrations: {
      registered: registered.length,
      waitlisted: regs.filter((r) => r.state === 'waitlisted').length,
      cancelled: regs.filter((r) => r.state === 'cancelled').length,
      promoted: regs.filter((r) => r.promoted_at).length,
    },
    attendance: { sessions: perSession, rate: marked ? present / marked : null },
    completion: { certificates: certificates.length, rate: registered.length ? certificates.length / registered.length : null },
    feedback: {
      responses: feedback.length,
      averageRating: ratings.length ? ratings.reduce((a, b) => a + b, 0) / ratings.length : null,
      usefulShare: feedback.length ? feedback.filter((f) => f.useful === 1).length / feedback.length : null,
      ratingCounts: [1, 2, 3, 4, 5].map((n) => ratings.filter((r) => r === n).length),
      comments: feedback.filter((f) => f.comment).map((f) => ({ rating: f.rating, comment: f.comment, at: f.created_at })),
    },
    people: regs.map((r) => ({ userId: r.user_id, displayName: r.display_name, state: r.state, certified: certificates.some((c) => c.user_id === r.user_id) })),
    applications: applications.map((a) => ({
      id: a.id,
      displayName: a.display_name,
      state: a.state,
      motivation: a.motivation,
      projectIdea: a.project_idea,
      mentor: a.mentor,
      projectTitle: a.project_title,
      createdAt: a.created_at,
    })),
  };
}
export type OrganiserDashboard = Awaited<ReturnType<typeof buildOrganiserDashboard>>;

/** The phone-friendly roll call for one session: registered people with their mark so far. */
export async function rollCall(services: Services, actor: Actor, programmeId: string, sessionId?: string) {
  const programme = await findProgramme(services.db, programmeId);
  assertAllowed(actor, programmePolicy.canOrganise(actor, programme), 'take attendance for this programme');
  const sessions = await sessionsOf(services.db, programme.id);
  const now = services.now().toISOString();
  const session = sessions.find((s) => s.id === sessionId) ?? sessions.find((s) => s.ends_at >= now) ?? sessions.at(-1)!;
  const people = await services.db
    .selectFrom('learn_registration as r')
    .innerJoin('accounts_user as u', 'u.id', 'r.user_id')
    .leftJoin('learn_attendance as a', (j) => j.onRef('a.user_id', '=', 'r.user_id').on('a.session_id', '=', session.id))
    .select(['r.user_id', 'u.display_name', 'a.present'])
    .where('r.programme_id', '=', programme.id)
    .where('r.state', '=', 'registered')
    .orderBy('u.display_name')
    .execute();
  return {
    programme,
    sessions,
    session,
    people: people.map((p) => ({ userId: p.user_id, displayName: p.display_name, present: p.present === null ? null : p.present === 1 })),
  };
}

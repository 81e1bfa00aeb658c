import type { Actor } from '../../../core/auth/actor.js';
import type { Services } from '../../../core/context.js';
import { assertAllowed, userDisplayNames } from '../../accounts/index.js';
import { programmePolicy } from '../domain/policy.js';
import { applicationsOfProgramme } from '../store/application.repository.js';
import { attendanceOfProgramme, attendanceOfSession } from '../store/attendance.repository.js';
import { certificatesOfProgramme } from '../store/certificate.repository.js';
import { feedbackOfProgramme } from '../store/feedback.repository.js';
import { findProgramme, sessionsOf } from '../store/programme.repository.js';
import { registrationsOfProgramme, userIdsInState } from '../store/registration.repository.js';

/**
 * What an organiser sees of one programme: registrations and the waitlist, attendance per session and overall
 * (present ÷ registered people marked), completions (certificates) and the feedback survey's results.
 */
export async function buildOrganiserDashboard(services: Services, actor: Actor, programmeId: string) {
  const programme = await findProgramme(services.db, programmeId);
  assertAllowed(actor, programmePolicy.canOrganise(actor, programme), "see this programme's dashboard");
  const db = services.db;
  const [allRegs, sessions, attendance, certificates, feedback, allApplications] = await Promise.all([
    registrationsOfProgramme(db, programme.id),
    sessionsOf(db, programme.id),
    attendanceOfProgramme(db, programme.id),
    certificatesOfProgramme(db, programme.id),
    feedbackOfProgramme(db, programme.id),
    applicationsOfProgramme(db, programme.id),
  ]);
  // People's names belong to accounts: one read for everyone shown (a person without an account is not shown).
  const names = await userDisplayNames(db, [...allRegs.map((r) => r.user_id), ...allApplications.map((a) => a.user_id)]);
  const named = <T extends { user_id: string }>(rows: T[]) =>
    rows.filter((r) => names.has(r.user_id)).map((r) => ({ ...r, display_name: names.get(r.user_id)! }));
  const regs = named(allRegs);
  const applications = named(allApplications);
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
  const [registered, marks] = await Promise.all([userIdsInState(services.db, programme.id, ['registered']), attendanceOfSession(services.db, session.id)]);
  const names = await userDisplayNames(services.db, registered);
  const mark = new Map(marks.map((m) => [m.user_id, m.present]));
  const people = registered
    .filter((id) => names.has(id))
    .map((id) => ({ user_id: id, display_name: names.get(id)!, present: mark.get(id) ?? null }))
    .sort((a, b) => (a.display_name < b.display_name ? -1 : a.display_name > b.display_name ? 1 : 0));
  return {
    programme,
    sessions,
    session,
    people: people.map((p) => ({ userId: p.user_id, displayName: p.display_name, present: p.present === null ? null : p.present === 1 })),
  };
}

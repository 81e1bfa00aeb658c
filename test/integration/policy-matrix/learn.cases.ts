import { system } from '../../../src/core/auth/actor.js';
import { type Case, type Role, ids, signedIn, t, target, uniq } from './fixture.js';

/** Learn: fresh programmes organised by the NGO (its members and admins organise), and a role's user registered and present. */
const learnUser = async (role: Role) =>
  await t.services.db
    .selectFrom('accounts_user')
    .select(['id', 'email', 'display_name'])
    .where('email', '=', `${role.toLowerCase()}@matrix.kr`)
    .executeTakeFirst();
const learnActor = (u: { id: string; email: string; display_name: string }) => ({
  kind: 'user' as const,
  user: { id: u.id, email: u.email, displayName: u.display_name, role: 'citizen' as const, memberships: [] },
});
const learnFields = (organisation: string, kind = 'seminar') => ({
  kind,
  titleKo: `매트릭스 세미나 ${uniq()}`,
  summaryKo: '시험',
  audience: 'everyone',
  level: 'beginner',
  placeKo: '빅데이터캠퍼스',
  capacity: 50,
  organisation,
  sessions: [{ startsAt: new Date(t.services.now().getTime() - 3_600_000).toISOString(), endsAt: '2099-01-01T12:00' }],
}); // under way: attendance is taken only once a session has started
async function freshLearn(opts: { kind?: string; register?: Role; attend?: boolean; applicant?: boolean } = {}) {
  const { createProgramme } = await import('../../../src/contexts/learn/use-cases/create-programme.js');
  const p = await createProgramme(t.services, system(), learnFields(ids.ngoId, opts.kind));
  const session = (await t.services.db.selectFrom('learn_session').select('id').where('programme_id', '=', p.id).executeTakeFirstOrThrow()).id;
  const u = opts.register ? await learnUser(opts.register) : undefined;
  if (u) {
    const { registerForProgramme } = await import('../../../src/contexts/learn/use-cases/register-for-programme.js');
    await registerForProgramme(t.services, learnActor(u), { programmeId: p.id });
    if (opts.attend) {
      const { markAttendance } = await import('../../../src/contexts/learn/use-cases/mark-attendance.js');
      await markAttendance(t.services, system(), { sessionId: session, present: [u.id] });
    }
  }
  let application = '';
  if (opts.applicant) {
    const { applyForFellowship } = await import('../../../src/contexts/learn/use-cases/apply-for-fellowship.js');
    application = (
      await applyForFellowship(t.services, target, { programmeId: p.id, motivation: '매트릭스 펠로우십 지원', projectIdea: '매트릭스 시험 프로젝트' })
    ).id;
  }
  return { id: p.id, session, application };
}
const learnOrganisers = ['orgMember', 'orgAdmin', 'admin'] as const;
const learnCreators = ['orgMember', 'orgAdmin', 'official', 'admin'] as const;
const learnOrgFor = (role: Role) => (role === 'official' ? 'smg-gis-division' : ids.ngoId);
const learnForm = (role: Role) => {
  const f = learnFields(learnOrgFor(role));
  return { ...f, capacity: '50', sessions: '', 'sessions-0-startsAt': '2099-01-01T10:00', 'sessions-0-endsAt': '2099-01-01T12:00' };
};

export const learnCases: Case[] = [
  {
    method: 'POST',
    route: '/api/v1/learn/programmes',
    allowed: learnCreators,
    send: (a, role) => a.api('POST', '/api/v1/learn/programmes', learnFields(learnOrgFor(role))),
  },
  {
    method: 'POST',
    route: '/api/v1/learn/programmes/:id/registration',
    allowed: signedIn,
    send: async (a) => a.api('POST', `/api/v1/learn/programmes/${(await freshLearn()).id}/registration`),
  },
  {
    method: 'DELETE',
    route: '/api/v1/learn/programmes/:id/registration',
    allowed: signedIn,
    send: async (a, role) => a.api('DELETE', `/api/v1/learn/programmes/${(await freshLearn({ register: role })).id}/registration`),
  },
  {
    method: 'PUT',
    route: '/api/v1/learn/sessions/:id/attendance',
    allowed: learnOrganisers,
    send: async (a) => a.api('PUT', `/api/v1/learn/sessions/${(await freshLearn()).session}/attendance`, { present: [] }),
  },
  {
    method: 'POST',
    route: '/api/v1/learn/programmes/:id/feedback',
    allowed: signedIn,
    send: async (a, role) =>
      a.api('POST', `/api/v1/learn/programmes/${(await freshLearn({ register: role, attend: true })).id}/feedback`, { rating: 4, useful: 'yes' }),
  },
  {
    method: 'POST',
    route: '/api/v1/learn/programmes/:id/applications',
    allowed: signedIn,
    send: async (a) =>
      a.api('POST', `/api/v1/learn/programmes/${(await freshLearn({ kind: 'fellowship' })).id}/applications`, {
        motivation: '매트릭스 펠로우십 지원',
        projectIdea: '매트릭스 시험 프로젝트',
      }),
  },
  {
    method: 'POST',
    route: '/api/v1/learn/applications/:id/decision',
    allowed: learnOrganisers,
    send: async (a) =>
      a.api('POST', `/api/v1/learn/applications/${(await freshLearn({ kind: 'fellowship', applicant: true })).application}/decision`, { decision: 'declined' }),
  },
  {
    method: 'POST',
    route: '/api/v1/learn/lessons/:slug/exercises/:exercise/answer',
    allowed: signedIn,
    send: (a) => a.api('POST', '/api/v1/learn/lessons/read-a-table/exercises/row-means/answer', { answer: 'station' }),
  },
  { method: 'POST', route: '/learn/programmes', allowed: learnCreators, send: (a, role) => a.post('/learn/programmes', learnForm(role)) },
  {
    method: 'POST',
    route: '/learn/programmes/:id/register',
    allowed: signedIn,
    send: async (a) => a.post(`/learn/programmes/${(await freshLearn()).id}/register`, {}),
  },
  {
    method: 'POST',
    route: '/learn/programmes/:id/cancel',
    allowed: signedIn,
    send: async (a, role) => a.post(`/learn/programmes/${(await freshLearn({ register: role })).id}/cancel`, {}),
  },
  {
    method: 'POST',
    route: '/learn/programmes/:id/feedback',
    allowed: signedIn,
    send: async (a, role) => a.post(`/learn/programmes/${(await freshLearn({ register: role, attend: true })).id}/feedback`, { rating: '5', useful: 'yes' }),
  },
  {
    method: 'POST',
    route: '/learn/programmes/:id/apply',
    allowed: signedIn,
    send: async (a) =>
      a.post(`/learn/programmes/${(await freshLearn({ kind: 'fellowship' })).id}/apply`, {
        motivation: '매트릭스 펠로우십 지원',
        projectIdea: '매트릭스 시험 프로젝트',
      }),
  },
  {
    method: 'POST',
    route: '/learn/sessions/:id/attendance',
    allowed: learnOrganisers,
    send: async (a) => a.post(`/learn/sessions/${(await freshLearn()).session}/attendance`, {}),
  },
  {
    method: 'POST',
    route: '/learn/applications/:id/decision',
    allowed: learnOrganisers,
    send: async (a) =>
      a.post(`/learn/applications/${(await freshLearn({ kind: 'fellowship', applicant: true })).application}/decision`, { decision: 'declined' }),
  },
  {
    method: 'POST',
    route: '/learn/lessons/:slug/answer',
    allowed: signedIn,
    send: (a) => a.post('/learn/lessons/read-a-table/answer', { exercise: 'row-means', answer: 'station' }),
  },
  {
    method: 'POST',
    route: '/learn/lessons/:slug/run',
    allowed: signedIn,
    send: (a) => a.post('/learn/lessons/group-and-count/run', { exercise: 'stations-per-line', answer: 'SELECT 1' }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/learn/programmes/:id',
    allowed: learnOrganisers,
    send: async (a) => a.api('PATCH', `/api/v1/learn/programmes/${(await freshLearn()).id}`, { capacity: 60 }),
  },
  {
    method: 'POST',
    route: '/learn/programmes/:id/settings',
    allowed: learnOrganisers,
    send: async (a) => a.post(`/learn/programmes/${(await freshLearn()).id}/settings`, { status: 'closed', capacity: '60' }),
  },
  // Transit upkeep: anyone signed in proposes and surveys; the stewards of what a change touches review and revert it; anyone reports;
  // the steward answers; operators push status; operators and stewards subscribe webhooks; admins assign stewards.
];

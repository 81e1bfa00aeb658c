import { system } from '../../../src/core/auth/actor.js';
import { addOrganisationMember } from '../../../src/contexts/accounts/use-cases/add-organisation-member.js';
import { addRule } from '../../../src/contexts/startups/use-cases/keep-rule.js';
import { addSolution } from '../../../src/contexts/startups/use-cases/add-solution.js';
import { applyToCall } from '../../../src/contexts/startups/use-cases/apply-to-call.js';
import { openCall as openStartupCall } from '../../../src/contexts/startups/use-cases/open-call.js';
import { registerStartup } from '../../../src/contexts/startups/use-cases/register-startup.js';
import { submitFeedback } from '../../../src/contexts/startups/use-cases/submit-feedback.js';
import { type Case, signedIn, t, uniq } from './fixture.js';

/** Startups: a startup whose members are the orgMember and orgAdmin, fresh calls and applications, a rule of the GIS Division and feedback on it. */
let matrixStartup: Promise<string> | null = null;
const startupSlug = () =>
  (matrixStartup ??= (async () => {
    const p = await registerStartup(t.services, system(), {
      nameKo: '매트릭스 스타트업',
      nameEn: 'Matrix Startup',
      whatKo: '시험용',
      field: 'data',
      stage: 'idea',
      teamSize: 2,
      foundersAgeBand: 'under_30',
      contactEmail: 'm@matrix.kr',
    });
    for (const [email, role] of [
      ['orgmember@matrix.kr', 'member'],
      ['orgadmin@matrix.kr', 'admin'],
    ] as const)
      await addOrganisationMember(t.services, system(), { organisation: p.organisation_id, email, role });
    return p.slug;
  })());
const startupProfile = {
  nameKo: '매트릭스 스타트업',
  whatKo: '시험용',
  field: 'data',
  stage: 'idea',
  teamSize: 3,
  foundersAgeBand: 'under_30',
  contactEmail: 'm@matrix.kr',
};
const callFields = (over: Record<string, unknown> = {}) => ({
  titleKo: `모집 ${uniq()}`,
  titleEn: `Call ${uniq()}`,
  summaryKo: '시험',
  summaryEn: 'Test',
  opensOn: '2000-01-01',
  applyBy: '2999-12-31',
  eligibilityKo: '누구나',
  eligibilityEn: 'Anyone',
  ...over,
});
const freshStartupCall = async (kind: 'body' | 'exhibition') => (await openStartupCall(t.services, system(), { kind, ...callFields() })).slug;
const freshApplication = async () =>
  (
    await applyToCall(t.services, system(), {
      call: await freshStartupCall('body'),
      kind: 'body',
      startup: await startupSlug(),
      motivation: '매트릭스 시험 신청입니다.',
    })
  ).id;
let gisRule: Promise<string> | null = null;
const ruleSlug = () =>
  (gisRule ??= addRule(t.services, system(), {
    titleKo: '매트릭스 규정',
    titleEn: 'Matrix rule',
    kind: 'guideline',
    department: 'smg-gis-division',
    sourceName: '시험',
    sourceUrl: 'https://www.law.go.kr/',
    tags: ['data'],
    effectiveOn: '2020-01-01',
    textKind: 'summary',
    textKo: '시험용 요약',
  }).then((r) => r.slug));
const freshFeedback = async () =>
  (
    await submitFeedback(t.services, system(), {
      rule: await ruleSlug(),
      startup: await startupSlug(),
      kind: 'comment',
      title: `의견 ${uniq()}`,
      body: '매트릭스 시험용 의견입니다.',
    })
  ).id;
const feedbackForm = async () => ({ startup: await startupSlug(), kind: 'comment', title: `의견 ${uniq()}`, body: '매트릭스 시험용 의견입니다.' });
const versionForm = { effectiveOn: '2030-01-01', textKind: 'summary', textKo: '바뀐 요약', changeKo: '개정' };
const startupMembers = ['orgMember', 'orgAdmin', 'admin'] as const;
const freshSolution = async () => (await addSolution(t.services, system(), { startup: await startupSlug(), titleKo: `솔루션 ${uniq()}` })).id;

export const startupsCases: Case[] = [
  {
    method: 'POST',
    route: '/startups/register',
    allowed: signedIn,
    send: (a) => a.post('/startups/register', { ...startupProfile, teamSize: '3', nameKo: `스타트업 ${uniq()}` }),
  },
  {
    method: 'POST',
    route: '/startups/:slug/edit',
    allowed: startupMembers,
    send: async (a) => a.post(`/startups/${await startupSlug()}/edit`, { ...startupProfile, teamSize: '4' }),
  },
  {
    method: 'POST',
    route: '/startups/:slug/solutions',
    allowed: startupMembers,
    send: async (a) => a.post(`/startups/${await startupSlug()}/solutions`, { titleKo: `솔루션 ${uniq()}` }),
  },
  {
    method: 'POST',
    route: '/startups/calls/:slug/apply',
    allowed: startupMembers,
    send: async (a) =>
      a.post(`/startups/calls/${await freshStartupCall('body')}/apply`, { startup: await startupSlug(), motivation: '매트릭스 시험 신청입니다.' }),
  },
  {
    method: 'POST',
    route: '/startups/opportunities/:slug/apply',
    allowed: startupMembers,
    send: async (a) =>
      a.post(`/startups/opportunities/${await freshStartupCall('exhibition')}/apply`, {
        startup: await startupSlug(),
        motivation: '매트릭스 시험 신청입니다.',
      }),
  },
  {
    method: 'POST',
    route: '/startups/applications/:id/decision',
    allowed: ['admin'],
    send: async (a) => a.post(`/startups/applications/${await freshApplication()}/decision`, { decision: 'selected', reason: '시험 선정 사유' }),
  },
  {
    method: 'POST',
    route: '/startups/opportunities/:slug/results',
    allowed: ['admin'],
    send: async (a) => a.post(`/startups/opportunities/${await freshStartupCall('exhibition')}/results`, {}),
  },
  {
    method: 'POST',
    route: '/startups/:slug/solutions/:id/delete',
    allowed: startupMembers,
    send: async (a) => a.post(`/startups/${await startupSlug()}/solutions/${await freshSolution()}/delete`, {}),
  },
  {
    method: 'DELETE',
    route: '/api/v1/startups/:slug/solutions/:id',
    allowed: startupMembers,
    send: async (a) => a.api('DELETE', `/api/v1/startups/${await startupSlug()}/solutions/${await freshSolution()}`),
  },
  {
    method: 'POST',
    route: '/startups/rules/:slug/feedback',
    allowed: startupMembers,
    send: async (a) => a.post(`/startups/rules/${await ruleSlug()}/feedback`, await feedbackForm()),
  },
  {
    method: 'POST',
    route: '/startups/feedback/:id/endorse',
    allowed: signedIn,
    send: async (a) => a.post(`/startups/feedback/${await freshFeedback()}/endorse`, {}),
  },
  {
    method: 'POST',
    route: '/startups/feedback/:id/answer',
    allowed: ['official', 'admin'],
    send: async (a) => a.post(`/startups/feedback/${await freshFeedback()}/answer`, { decision: 'accepted', reasons: '수용합니다. 반영하겠습니다.' }),
  },
  {
    method: 'POST',
    route: '/startups/calls',
    allowed: ['admin'],
    send: (a) => a.post('/startups/calls', callFields({ kind: 'roadshow' }) as Record<string, string>),
  },
  {
    method: 'POST',
    route: '/startups/meetings',
    allowed: ['admin'],
    send: (a) => a.post('/startups/meetings', { heldOn: '2026-11-10', titleKo: '회의', titleEn: 'Meeting', minutesKo: '회의록' }),
  },
  {
    method: 'POST',
    route: '/startups/rules',
    allowed: ['official', 'admin'],
    send: (a) =>
      a.post('/startups/rules', {
        titleKo: `규정 ${uniq()}`,
        titleEn: 'Rule',
        kind: 'guideline',
        department: 'smg-gis-division',
        sourceName: '시험',
        sourceUrl: 'https://www.law.go.kr/',
        tags: 'data',
        effectiveOn: '2020-01-01',
        textKind: 'summary',
        textKo: '요약',
      }),
  },
  {
    method: 'POST',
    route: '/startups/rules/:slug/versions',
    allowed: ['official', 'admin'],
    send: async (a) => a.post(`/startups/rules/${await ruleSlug()}/versions`, versionForm),
  },
  {
    method: 'POST',
    route: '/api/v1/startups',
    allowed: signedIn,
    send: (a) => a.api('POST', '/api/v1/startups', { ...startupProfile, nameKo: `스타트업 ${uniq()}` }),
  },
  {
    method: 'PUT',
    route: '/api/v1/startups/:slug',
    allowed: startupMembers,
    send: async (a) => a.api('PUT', `/api/v1/startups/${await startupSlug()}`, startupProfile),
  },
  {
    method: 'POST',
    route: '/api/v1/startups/:slug/solutions',
    allowed: startupMembers,
    send: async (a) => a.api('POST', `/api/v1/startups/${await startupSlug()}/solutions`, { titleKo: `솔루션 ${uniq()}` }),
  },
  {
    method: 'POST',
    route: '/api/v1/startups/body/meetings',
    allowed: ['admin'],
    send: (a) => a.api('POST', '/api/v1/startups/body/meetings', { heldOn: '2026-11-10', titleKo: '회의', titleEn: 'Meeting', minutesKo: '회의록' }),
  },
  { method: 'POST', route: '/api/v1/startups/calls', allowed: ['admin'], send: (a) => a.api('POST', '/api/v1/startups/calls', callFields()) },
  {
    method: 'POST',
    route: '/api/v1/startups/opportunities',
    allowed: ['admin'],
    send: (a) => a.api('POST', '/api/v1/startups/opportunities', callFields({ kind: 'conference' })),
  },
  {
    method: 'POST',
    route: '/api/v1/startups/calls/:slug/applications',
    allowed: startupMembers,
    send: async (a) =>
      a.api('POST', `/api/v1/startups/calls/${await freshStartupCall('body')}/applications`, {
        startup: await startupSlug(),
        motivation: '매트릭스 시험 신청입니다.',
      }),
  },
  {
    method: 'POST',
    route: '/api/v1/startups/opportunities/:slug/applications',
    allowed: startupMembers,
    send: async (a) =>
      a.api('POST', `/api/v1/startups/opportunities/${await freshStartupCall('exhibition')}/applications`, {
        startup: await startupSlug(),
        motivation: '매트릭스 시험 신청입니다.',
      }),
  },
  {
    method: 'POST',
    route: '/api/v1/startups/applications/:id/decision',
    allowed: ['admin'],
    send: async (a) =>
      a.api('POST', `/api/v1/startups/applications/${await freshApplication()}/decision`, { decision: 'not_selected', reason: '시험 미선정 사유' }),
  },
  {
    method: 'POST',
    route: '/api/v1/startups/opportunities/:slug/results',
    allowed: ['admin'],
    send: async (a) => a.api('POST', `/api/v1/startups/opportunities/${await freshStartupCall('exhibition')}/results`),
  },
  {
    method: 'POST',
    route: '/api/v1/startups/rules',
    allowed: ['official', 'admin'],
    send: (a) =>
      a.api('POST', '/api/v1/startups/rules', {
        titleKo: `규정 ${uniq()}`,
        titleEn: 'Rule',
        kind: 'guideline',
        department: 'smg-gis-division',
        sourceName: '시험',
        sourceUrl: 'https://www.law.go.kr/',
        tags: ['data'],
        effectiveOn: '2020-01-01',
        textKind: 'summary',
        textKo: '요약',
      }),
  },
  {
    method: 'POST',
    route: '/api/v1/startups/rules/:slug/versions',
    allowed: ['official', 'admin'],
    send: async (a) => a.api('POST', `/api/v1/startups/rules/${await ruleSlug()}/versions`, versionForm),
  },
  {
    method: 'POST',
    route: '/api/v1/startups/rules/:slug/feedback',
    allowed: startupMembers,
    send: async (a) => a.api('POST', `/api/v1/startups/rules/${await ruleSlug()}/feedback`, await feedbackForm()),
  },
  {
    method: 'POST',
    route: '/api/v1/startups/feedback/:id/endorsements',
    allowed: signedIn,
    send: async (a) => a.api('POST', `/api/v1/startups/feedback/${await freshFeedback()}/endorsements`),
  },
  {
    method: 'POST',
    route: '/api/v1/startups/feedback/:id/answer',
    allowed: ['official', 'admin'],
    send: async (a) =>
      a.api('POST', `/api/v1/startups/feedback/${await freshFeedback()}/answer`, { decision: 'declined', reasons: '법령 개정 사항이라 어렵습니다.' }),
  },
  // Learn: organisers (members of a city department, CSO or university) create; the programme's organisation (the NGO here) takes attendance and
  // decides fellowship applications; anyone signed in registers, cancels their own, answers the survey after attending, applies and answers exercises.
];

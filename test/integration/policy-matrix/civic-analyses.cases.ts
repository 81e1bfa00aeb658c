import { system } from '../../../src/core/auth/actor.js';
import { createDataset } from '../../../src/contexts/data/use-cases/create-dataset.js';
import { proposeProject } from '../../../src/contexts/civic/use-cases/propose-project.js';
import { submitReuse } from '../../../src/contexts/civic/use-cases/submit-reuse.js';
import { createAnalysis } from '../../../src/contexts/analyses/use-cases/create-analysis.js';
import { approveAnalyst } from '../../../src/contexts/data/use-cases/approve-analyst.js';
import { requestOutputCheck } from '../../../src/contexts/data/use-cases/request-output-check.js';
import { createFixtureDataset, publishFixtureVersion } from '../../support/lake-fixtures.js';
import { type Case, ids, ngoDataset, signedIn, t, target, uniq } from './fixture.js';

/** A fresh civic project on the NGO's dataset, led by the orgMember (or by the target user), optionally with the target's pending request to join. */
async function freshProject(opts: { lead?: 'orgMember' | 'target'; pendingTarget?: boolean } = {}) {
  const project = await proposeProject(t.services, system(), {
    title: `프로젝트 ${uniq()}`,
    question: '매트릭스 시험용 질문입니다?',
    description: '시험',
    datasets: [await ngoDataset()],
  });
  const email = opts.lead === 'target' ? 'target@matrix.kr' : 'orgmember@matrix.kr';
  const lead = (await t.services.db.selectFrom('accounts_user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const at = new Date().toISOString();
  await t.services.db
    .insertInto('civic_member')
    .values({ project_id: project.id, user_id: lead, role: 'lead', state: 'active', message: '', accepted_by: null, accepted_at: at, created_at: at })
    .execute();
  if (opts.pendingTarget)
    await t.services.db
      .insertInto('civic_member')
      .values({
        project_id: project.id,
        user_id: ids.targetUserId,
        role: 'analyst',
        state: 'pending',
        message: '',
        accepted_by: null,
        accepted_at: null,
        created_at: at,
      })
      .execute();
  return project.id;
}
const freshReuse = async () =>
  (
    await submitReuse(t.services, target, {
      title: `활용 ${uniq()}`,
      type: 'app',
      url: 'https://example.org/app',
      description: '시험',
      datasets: [await ngoDataset()],
    })
  ).id;
const projectForm = async () => ({ title: `프로젝트 ${uniq()}`, question: '매트릭스 시험용 질문입니다?', description: '시험', datasets: await ngoDataset() });
const projectBody = async () => ({ ...(await projectForm()), datasets: [await ngoDataset()] });
const reuseBody = async () => ({ title: `활용 ${uniq()}`, type: 'article', url: 'https://example.org/a', description: '시험', datasets: [await ngoDataset()] });
const leaders = ['orgMember', 'admin'] as const;
/** Analyses: a public table to analyse, and a fresh draft analysis by the orgMember (its author). */
let airTable: Promise<void> | null = null;
const matrixAir = () =>
  (airTable ??= createFixtureDataset(t.services, 'matrix-air')
    .then(() => publishFixtureVersion(t.services, 'matrix-air', { sql: "SELECT 'x' AS district, 1.5 AS pm10" }))
    .then(() => undefined));
const analysisBody = { title: '매트릭스 분석', sql: 'SELECT district, avg(pm10) AS pm10 FROM matrix_air GROUP BY district' };
async function freshAnalysis() {
  await matrixAir();
  const u = await t.services.db.selectFrom('accounts_user').select(['id', 'email']).where('email', '=', 'orgmember@matrix.kr').executeTakeFirstOrThrow();
  return (
    await createAnalysis(
      t.services,
      { kind: 'user', user: { id: u.id, email: u.email, displayName: 'orgMember', role: 'citizen', memberships: [] } },
      analysisBody,
    )
  ).id;
}
/** A restricted dataset published by the NGO: its members and admins approve analysts. */
let restrictedSet: Promise<string> | null = null;
const ngoRestricted = () =>
  (restrictedSet ??= createDataset(t.services, system(), { id: 'matrix-restricted', titleKo: '매트릭스 제한 데이터', publisherId: ids.ngoId }).then(
    async (d) => {
      await t.services.db.updateTable('data_dataset').set({ restricted: 1 }).where('id', '=', d.id).execute();
      return d.id;
    },
  ));
const approvedTarget = async () => {
  const id = await ngoRestricted();
  await approveAnalyst(t.services, system(), { datasetId: id, email: 'target@matrix.kr', projectNote: '매트릭스' });
  return id;
};
const approvers = ['orgMember', 'orgAdmin', 'admin'] as const;
/** Restricted data with records, published by the NGO; the citizen is its approved analyst and asks for outputs. */
let campus: Promise<void> | null = null;
const matrixCampus = () =>
  (campus ??= (async () => {
    await createDataset(t.services, system(), { id: 'matrix-campus', titleKo: '매트릭스 캠퍼스 데이터', publisherId: ids.ngoId });
    await t.services.db.updateTable('data_dataset').set({ restricted: 1 }).where('id', '=', 'matrix-campus').execute();
    await publishFixtureVersion(t.services, 'matrix-campus', { sql: 'SELECT range AS n FROM range(20)' });
    await approveAnalyst(t.services, system(), { datasetId: 'matrix-campus', email: 'citizen@matrix.kr', projectNote: '매트릭스' });
  })());
const outputForm = { sql: 'SELECT count(*) AS n FROM matrix_campus', title: '매트릭스 반출', purpose: '시험' };
const freshOutput = async () => {
  await matrixCampus();
  const u = await t.services.db.selectFrom('accounts_user').select(['id', 'email']).where('email', '=', 'citizen@matrix.kr').executeTakeFirstOrThrow();
  return (
    await requestOutputCheck(
      t.services,
      { kind: 'user', user: { id: u.id, email: u.email, displayName: 'citizen', role: 'citizen', memberships: [] } },
      outputForm,
    )
  ).id;
};

export const civicAnalysesCases: Case[] = [
  { method: 'POST', route: '/projects', allowed: signedIn, send: async (a) => a.post('/projects', await projectForm()) },
  { method: 'POST', route: '/projects/:id/edit', allowed: leaders, send: async (a) => a.post(`/projects/${await freshProject()}/edit`, await projectForm()) },
  {
    method: 'POST',
    route: '/projects/:id/join',
    allowed: signedIn,
    send: async (a) => a.post(`/projects/${await freshProject({ lead: 'target' })}/join`, { role: 'analyst' }),
  },
  {
    method: 'POST',
    route: '/projects/:id/accept',
    allowed: leaders,
    send: async (a) => a.post(`/projects/${await freshProject({ pendingTarget: true })}/accept`, { userId: ids.targetUserId }),
  },
  {
    method: 'POST',
    route: '/projects/:id/posts',
    allowed: ['orgMember'],
    send: async (a) => a.post(`/projects/${await freshProject()}/posts`, { body: '진행 소식' }),
  },
  {
    method: 'POST',
    route: '/projects/:id/status',
    allowed: leaders,
    send: async (a) => a.post(`/projects/${await freshProject()}/status`, { status: 'active' }),
  },
  { method: 'POST', route: '/api/v1/projects', allowed: signedIn, send: async (a) => a.api('POST', '/api/v1/projects', await projectBody()) },
  {
    method: 'PUT',
    route: '/api/v1/projects/:id',
    allowed: leaders,
    send: async (a) => a.api('PUT', `/api/v1/projects/${await freshProject()}`, await projectBody()),
  },
  {
    method: 'POST',
    route: '/api/v1/projects/:id/join',
    allowed: signedIn,
    send: async (a) => a.api('POST', `/api/v1/projects/${await freshProject({ lead: 'target' })}/join`, { role: 'developer' }),
  },
  {
    method: 'POST',
    route: '/api/v1/projects/:id/accept',
    allowed: leaders,
    send: async (a) => a.api('POST', `/api/v1/projects/${await freshProject({ pendingTarget: true })}/accept`, { userId: ids.targetUserId }),
  },
  {
    method: 'POST',
    route: '/api/v1/projects/:id/posts',
    allowed: ['orgMember'],
    send: async (a) => a.api('POST', `/api/v1/projects/${await freshProject()}/posts`, { body: '진행 소식' }),
  },
  {
    method: 'POST',
    route: '/api/v1/projects/:id/status',
    allowed: leaders,
    send: async (a) => a.api('POST', `/api/v1/projects/${await freshProject()}/status`, { status: 'paused' }),
  },
  // The showcase: anyone signed in submits; admins moderate.
  { method: 'POST', route: '/showcase', allowed: signedIn, send: async (a) => a.post('/showcase', { ...(await reuseBody()), datasets: await ngoDataset() }) },
  {
    method: 'POST',
    route: '/showcase/:id/moderate',
    allowed: ['admin'],
    send: async (a) => a.post(`/showcase/${await freshReuse()}/moderate`, { decision: 'publish' }),
  },
  { method: 'POST', route: '/api/v1/showcase', allowed: signedIn, send: async (a) => a.api('POST', '/api/v1/showcase', await reuseBody()) },
  {
    method: 'POST',
    route: '/api/v1/showcase/:id/moderate',
    allowed: ['admin'],
    send: async (a) => a.api('POST', `/api/v1/showcase/${await freshReuse()}/moderate`, { decision: 'reject', reason: '데이터와 무관' }),
  }, // Analyses: anyone signed in saves one; a draft is its author's (orgMember here) and the admins': run, re-run, publish, fork, comment.
  {
    method: 'POST',
    route: '/api/v1/analyses',
    allowed: signedIn,
    send: async (a) => {
      await matrixAir();
      return a.api('POST', '/api/v1/analyses', analysisBody);
    },
  },
  { method: 'POST', route: '/api/v1/analyses/:id/run', allowed: leaders, send: async (a) => a.api('POST', `/api/v1/analyses/${await freshAnalysis()}/run`) },
  {
    method: 'POST',
    route: '/api/v1/analyses/:id/rerun',
    allowed: leaders,
    send: async (a) => a.api('POST', `/api/v1/analyses/${await freshAnalysis()}/rerun`, { repin: true }),
  },
  {
    method: 'POST',
    route: '/api/v1/analyses/:id/publish',
    allowed: leaders,
    send: async (a) => a.api('POST', `/api/v1/analyses/${await freshAnalysis()}/publish`, {}),
  },
  { method: 'POST', route: '/api/v1/analyses/:id/fork', allowed: leaders, send: async (a) => a.api('POST', `/api/v1/analyses/${await freshAnalysis()}/fork`) },
  {
    method: 'POST',
    route: '/api/v1/analyses/:id/comments',
    allowed: leaders,
    send: async (a) => a.api('POST', `/api/v1/analyses/${await freshAnalysis()}/comments`, { body: '좋은 분석' }),
  },
  // Analysis pages: the same rules through the forms (a fresh draft: only its author, the orgMember, and admins may act on it).
  {
    method: 'POST',
    route: '/analyses',
    allowed: signedIn,
    send: async (a) => {
      await matrixAir();
      return a.post('/analyses', { ...analysisBody, chartType: 'bar', chartX: 'district', chartY: 'pm10' });
    },
  },
  { method: 'POST', route: '/analyses/:id/run', allowed: leaders, send: async (a) => a.post(`/analyses/${await freshAnalysis()}/run`, {}) },
  { method: 'POST', route: '/analyses/:id/rerun', allowed: leaders, send: async (a) => a.post(`/analyses/${await freshAnalysis()}/rerun`, {}) },
  { method: 'POST', route: '/analyses/:id/repin', allowed: leaders, send: async (a) => a.post(`/analyses/${await freshAnalysis()}/repin`, {}) },
  { method: 'POST', route: '/analyses/:id/publish', allowed: leaders, send: async (a) => a.post(`/analyses/${await freshAnalysis()}/publish`, {}) },
  { method: 'POST', route: '/analyses/:id/fork', allowed: leaders, send: async (a) => a.post(`/analyses/${await freshAnalysis()}/fork`, {}) },
  {
    method: 'POST',
    route: '/analyses/:id/comments',
    allowed: leaders,
    send: async (a) => a.post(`/analyses/${await freshAnalysis()}/comments`, { body: '좋은 분석' }),
  },
  // Restricted data: the dataset's publisher (the NGO's members) and admins approve and revoke analysts.
  {
    method: 'POST',
    route: '/api/v1/data/datasets/:id/analysts',
    allowed: approvers,
    send: async (a) => a.api('POST', `/api/v1/data/datasets/${await ngoRestricted()}/analysts`, { email: 'target@matrix.kr', projectNote: '매트릭스' }),
  },
  {
    method: 'DELETE',
    route: '/api/v1/data/datasets/:id/analysts/:userId',
    allowed: approvers,
    send: async (a) => a.api('DELETE', `/api/v1/data/datasets/${await approvedTarget()}/analysts/${ids.targetUserId}`),
  },
  // The output check: approved analysts (the citizen here) ask; the data owner's reviewers (the NGO) and admins decide.
  {
    method: 'POST',
    route: '/api/v1/data/outputs',
    allowed: ['citizen'],
    send: async (a) => {
      await matrixCampus();
      return a.api('POST', '/api/v1/data/outputs', outputForm);
    },
  },
  {
    method: 'POST',
    route: '/data/outputs',
    allowed: ['citizen'],
    send: async (a) => {
      await matrixCampus();
      return a.post('/data/outputs', outputForm);
    },
  },
  {
    method: 'POST',
    route: '/api/v1/data/outputs/:id/decision',
    allowed: approvers,
    send: async (a) => a.api('POST', `/api/v1/data/outputs/${await freshOutput()}/decision`, { decision: 'approved', reason: '매트릭스 승인' }),
  },
  {
    method: 'POST',
    route: '/api/v1/data/outputs/:id/withdraw',
    allowed: ['citizen'],
    send: async (a) => a.api('POST', `/api/v1/data/outputs/${await freshOutput()}/withdraw`, {}),
  },
  { method: 'POST', route: '/data/outputs/:id/withdraw', allowed: ['citizen'], send: async (a) => a.post(`/data/outputs/${await freshOutput()}/withdraw`, {}) },
  {
    method: 'POST',
    route: '/data/outputs/:id/decision',
    allowed: approvers,
    send: async (a) => a.post(`/data/outputs/${await freshOutput()}/decision`, { decision: 'rejected', reason: '매트릭스 거부' }),
  },
  // Startups: anyone signed in registers one; its members (orgMember, orgAdmin here) act for it; the programme (admins here: the matrix official is of the GIS Division) runs calls and selection; the GIS official keeps and answers on the GIS rule.
];

import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { hashToken } from '../../src/core/auth/secrets.js';
import { addOrganisationMember } from '../../src/contexts/accounts/use-cases/add-organisation-member.js';
import { createOrganisation } from '../../src/contexts/accounts/use-cases/create-organisation.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import type { Actor } from '../../src/core/auth/actor.js';
import { answerItem } from '../../src/contexts/accountability/use-cases/answer-item.js';
import { pauseClock } from '../../src/contexts/accountability/use-cases/manage-clock.js';
import { disputeAnswer } from '../../src/contexts/accountability/use-cases/respond-to-answer.js';
import { holidayNames, isWeekend, type Ymd } from '../../src/core/calendar/korean-calendar.js';
import { addExtraHoliday } from '../../src/contexts/accountability/use-cases/manage-holidays.js';
import { openCall } from '../../src/contexts/plan/use-cases/open-call.js';
import { submitSuggestion } from '../../src/contexts/plan/use-cases/submit-suggestion.js';
import { createDataset } from '../../src/contexts/data/use-cases/create-dataset.js';
import { stageUpload } from '../../src/contexts/data/use-cases/stage-upload.js';
import { submitDataRequest } from '../../src/contexts/demand/use-cases/submit-data-request.js';
import { proposeProject } from '../../src/contexts/civic/use-cases/propose-project.js';
import { submitReuse } from '../../src/contexts/civic/use-cases/submit-reuse.js';
import { createAnalysis } from '../../src/contexts/analyses/use-cases/create-analysis.js';
import { approveAnalyst } from '../../src/contexts/data/use-cases/approve-analyst.js';
import { requestOutputCheck } from '../../src/contexts/data/use-cases/request-output-check.js';
import { addRule } from '../../src/contexts/startups/use-cases/keep-rule.js';
import { addSolution } from '../../src/contexts/startups/use-cases/add-solution.js';
import { applyToCall } from '../../src/contexts/startups/use-cases/apply-to-call.js';
import { openCall as openStartupCall } from '../../src/contexts/startups/use-cases/open-call.js';
import { registerStartup } from '../../src/contexts/startups/use-cases/register-startup.js';
import { submitFeedback } from '../../src/contexts/startups/use-cases/submit-feedback.js';
import { Agent } from '../support/agent.js';
import { createFixtureDataset, publishFixtureVersion } from '../support/lake-fixtures.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

/**
 * Walks every mutating route with every role and asserts who may and who may not.
 * A new mutating route without a row here fails the "covers every route" test.
 */
const ROLES = ['anonymous', 'citizen', 'orgMember', 'orgAdmin', 'official', 'reviewer', 'admin'] as const;
type Role = (typeof ROLES)[number];
const PASSWORD = 'matrix password 123';

let t: TestContext;
const agents = {} as Record<Role, Agent>;
const ids = { facilityId: 'matrix-lift', ngoId: '', ngoSlug: '', ownerKeyId: '', targetUserId: '', callId: '', milestoneId: '' };
let target: Actor;
let adminActor: Actor;

async function user(email: string, role: 'citizen' | 'official' | 'reviewer' | 'admin') {
  return createUser(t.services, system(), { email, password: PASSWORD, role });
}

beforeAll(async () => {
  t = await createTestContext();
  const s = t.services;
  const ngo = await createOrganisation(s, system(), { type: 'ngo', nameKo: '매트릭스 단체', nameEn: 'Matrix NGO' });
  ids.ngoId = ngo.id;
  ids.ngoSlug = ngo.slug;
  for (const [role, platformRole] of [
    ['citizen', 'citizen'],
    ['orgMember', 'citizen'],
    ['orgAdmin', 'citizen'],
    ['official', 'official'],
    ['reviewer', 'reviewer'],
    ['admin', 'admin'],
  ] as const) {
    await user(`${role.toLowerCase()}@matrix.kr`, platformRole);
  }
  await addOrganisationMember(s, system(), { organisation: ngo.id, email: 'orgmember@matrix.kr', role: 'member' });
  await addOrganisationMember(s, system(), { organisation: ngo.id, email: 'orgadmin@matrix.kr', role: 'admin' });
  await addOrganisationMember(s, system(), { organisation: 'smg-gis-division', email: 'official@matrix.kr', role: 'member' });
  ids.targetUserId = (await user('target@matrix.kr', 'citizen')).id;
  target = { kind: 'user', user: { id: ids.targetUserId, email: 'target@matrix.kr', displayName: 'target', role: 'citizen', memberships: [] } };
  const adminId = (await s.db.selectFrom('accounts_user').select('id').where('email', '=', 'admin@matrix.kr').executeTakeFirstOrThrow()).id;
  adminActor = { kind: 'user', user: { id: adminId, email: 'admin@matrix.kr', displayName: 'admin', role: 'admin', memberships: [] } };
  const today = new Date().toISOString().slice(0, 10);
  ids.callId = (
    await openCall(s, system(), {
      titleKo: '매트릭스 공모',
      opensOn: '2000-01-01',
      closesOn: `${Number(today.slice(0, 4)) + 1}-12-31`,
      organisation: 'smg-gis-division',
    })
  ).id;
  ids.milestoneId = (
    await s.db
      .selectFrom('plan_milestone as m')
      .innerJoin('plan_commitment as c', 'c.id', 'm.commitment_id')
      .select('m.id')
      .where('c.slug', '=', 'subway-transfer-maps')
      .executeTakeFirstOrThrow()
  ).id;
  const at = new Date().toISOString();
  await s.db
    .insertInto('transit_station')
    .values({
      id: 'matrix-station',
      feed: 'seoul',
      gtfs_stop_id: null,
      name_ko: '매트릭스역',
      name_en: null,
      name_zh: null,
      name_ja: null,
      name_romanised: null,
      lat: null,
      lon: null,
      wheelchair_boarding: null,
      codes: '{}',
      provenance: '{}',
      extra: '{}',
      created_at: at,
      updated_at: at,
    })
    .execute();
  await s.db
    .insertInto('transit_facility')
    .values({
      id: ids.facilityId,
      station_id: 'matrix-station',
      line_id: '2',
      type: 'elevator',
      name: '엘리베이터',
      status: 'available',
      location: null,
      levels: null,
      exit_no: null,
      details: '{}',
      source: 'test',
      source_row: 1,
      updated_at: at,
    })
    .execute();
  for (const role of ROLES) {
    agents[role] = new Agent(t.app);
    if (role !== 'anonymous') await agents[role].signIn(`${role.toLowerCase()}@matrix.kr`, PASSWORD);
  }
});
afterAll(() => t.close());

/** A key owned by the target user, made fresh for each attempt. */
async function targetKey() {
  const id = randomUUID();
  await t.services.db
    .insertInto('accounts_api_key')
    .values({
      id,
      user_id: ids.targetUserId,
      name: 'k',
      prefix: 'os_x',
      key_hash: hashToken(id),
      created_at: new Date().toISOString(),
      revoked_at: null,
      last_used_at: null,
    })
    .execute();
  return id;
}

async function resetToken() {
  const token = randomUUID();
  await t.services.db
    .insertInto('accounts_password_reset')
    .values({
      token_hash: hashToken(token),
      user_id: ids.targetUserId,
      created_at: new Date().toISOString(),
      expires_at: new Date(Date.now() + 60_000).toISOString(),
      used_at: null,
    })
    .execute();
  return token;
}

/** A fresh suggestion by the target user to the GIS Division's call, and its accountability item. */
async function freshItem(stage: 'received' | 'paused' | 'answered' | 'disputed' = 'received') {
  const suggestion = await submitSuggestion(t.services, target, { callId: ids.callId, title: `제안 ${randomUUID()}`, body: '매트릭스 시험용 제안입니다.' });
  const item = await t.services.db.selectFrom('accountability_item').select('id').where('subject_id', '=', suggestion.id).executeTakeFirstOrThrow();
  if (stage === 'paused') await pauseClock(t.services, adminActor, { itemId: item.id, reason: '보완 요청' });
  if (stage === 'answered' || stage === 'disputed')
    await answerItem(t.services, adminActor, { itemId: item.id, decision: '검토', reasons: '이유', nextSteps: '', publish: true });
  if (stage === 'disputed') await disputeAnswer(t.services, target, { itemId: item.id, reason: '동의하지 않음' });
  return { suggestionId: suggestion.id, itemId: item.id };
}

/** The NGO's dataset the data publishing pages are tried on, made once. */
let matrixDataset: Promise<string> | null = null;

/** A different working day of 2041 for each call: admins add it as a holiday (or remove it) once. */
let extraDay = new Date('2041-01-01T00:00:00Z');
const nextExtraDay = (): Ymd => {
  for (;;) {
    extraDay = new Date(extraDay.getTime() + 86_400_000);
    const d = extraDay.toISOString().slice(0, 10) as Ymd;
    if (!isWeekend(d) && holidayNames(d).length === 0) return d;
  }
};
const extraBody = (date: string) => ({ date, nameKo: '임시공휴일', nameEn: 'Temporary holiday', reason: '권한 시험' });
const publishableDataset = () =>
  (matrixDataset ??= createDataset(t.services, system(), { id: 'matrix-dataset', titleKo: '매트릭스 데이터', publisherId: ids.ngoId }).then((d) => d.id));
const MATRIX_CSV = Buffer.from('역명,승차\n시청,9282\n신도림,20210\n', 'utf8');

/** A fresh dataset of the NGO with one published version (for withdrawing and deleting: each call spends one). */
async function freshPublished() {
  const id = `matrix-pub-${uniq()}`;
  await createDataset(t.services, system(), { id, titleKo: '매트릭스 공개 데이터', publisherId: ids.ngoId });
  await publishFixtureVersion(t.services, id, { sql: `SELECT '시청' AS station, 9282 AS boardings` });
  return id;
}

/** A fresh draft upload of the NGO's dataset, staged by the system. */
async function freshDraft() {
  const datasetId = await publishableDataset();
  const file = path.join(os.tmpdir(), `matrix-${randomUUID()}.csv`);
  await fs.writeFile(file, MATRIX_CSV);
  try {
    return (await stageUpload(t.services, system(), { datasetId, file, filename: 'matrix.csv' })).versionId;
  } finally {
    await fs.rm(file, { force: true });
  }
}

/** A multipart form with one file, posted like a browser would (the CSRF token taken from a page of the session). */
async function postFile(a: Agent, url: string, file: { name: string; data: Buffer }) {
  const csrf = /name="_csrf" value="([^"]+)"/.exec((await a.get('/sign-in')).body)?.[1] ?? '';
  const boundary = `matrix${randomUUID().replace(/-/g, '')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { cookie: a.cookieHeader, accept: 'text/html', 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

const publishers = ['orgMember', 'orgAdmin', 'admin'] as const;

/** A fresh data request by the target user, answered by the GIS Division (the matrix official's department). */
const freshDataRequest = async () =>
  (
    await submitDataRequest(t.services, target, {
      title: `데이터 요청 ${randomUUID()}`,
      why: '매트릭스 시험용 데이터 요청입니다.',
      organisation: 'smg-gis-division',
      useType: 'research',
      useDescription: '시험',
    })
  ).id;
/** An open dataset published by the NGO: its members may link it to any request, as the department's staff may. */
let demandDataset: Promise<string> | null = null;
/** A published dataset of the NGO (with a version: a draft answers no request and is no reuse's data). */
const ngoDataset = () =>
  (demandDataset ??= createDataset(t.services, system(), { id: 'matrix-demand-dataset', titleKo: '매트릭스 요청 데이터', publisherId: ids.ngoId }).then(
    async (d) => {
      await publishFixtureVersion(t.services, d.id, { sql: `SELECT '요청' AS item, 1 AS n` });
      return d.id;
    },
  ));
/** Only the dataset's publisher (the NGO's members) or an admin may link it: the department's staff no longer may link someone else's dataset. */
const linkers = ['orgMember', 'orgAdmin', 'admin'] as const;
const linkReason = '이 데이터셋이 요청한 항목을 모두 담고 있습니다.';

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
const demandAnswer = { decision: 'will_publish', publishBy: '2099-12-31', reasons: '공개합니다' };

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
  const { createProgramme } = await import('../../src/contexts/learn/use-cases/create-programme.js');
  const p = await createProgramme(t.services, system(), learnFields(ids.ngoId, opts.kind));
  const session = (await t.services.db.selectFrom('learn_session').select('id').where('programme_id', '=', p.id).executeTakeFirstOrThrow()).id;
  const u = opts.register ? await learnUser(opts.register) : undefined;
  if (u) {
    const { registerForProgramme } = await import('../../src/contexts/learn/use-cases/register-for-programme.js');
    await registerForProgramme(t.services, learnActor(u), { programmeId: p.id });
    if (opts.attend) {
      const { markAttendance } = await import('../../src/contexts/learn/use-cases/mark-attendance.js');
      await markAttendance(t.services, system(), { sessionId: session, present: [u.id] });
    }
  }
  let application = '';
  if (opts.applicant) {
    const { applyForFellowship } = await import('../../src/contexts/learn/use-cases/apply-for-fellowship.js');
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

/**
 * Transit upkeep on the matrix station: a small interior made once (an entrance and a platform on one level), fresh proposals
 * that add a level (geometry: the GIS Division, whose member the official is), versions to revert, and reports on the map.
 */
let matrixInterior: Promise<void> | null = null;
const upkeepStation = () =>
  (matrixInterior ??= (async () => {
    const { proposeChange } = await import('../../src/contexts/upkeep/use-cases/propose-change.js');
    const { reviewProposal } = await import('../../src/contexts/upkeep/use-cases/review-proposal.js');
    const p = await proposeChange(t.services, adminActor, {
      stationId: 'matrix-station',
      title: '매트릭스 내부',
      source: 'api',
      ops: [
        { op: 'add_level', level: { levelId: 'matrix-station:L1', levelIndex: -1, levelName: 'B1' } },
        { op: 'add_node', node: { stopId: 'matrix-station:entrance', name: '입구', locationType: 2, levelId: 'matrix-station:L1' } },
        { op: 'add_node', node: { stopId: 'matrix-station:platform', name: '승강장', locationType: 0, levelId: 'matrix-station:L1' } },
        {
          op: 'add_edge',
          edge: { pathwayId: 'matrix-station:walk', from: 'matrix-station:entrance', to: 'matrix-station:platform', mode: 'walkway', bidirectional: true },
        },
      ],
    });
    await reviewProposal(t.services, adminActor, { proposalId: p.id, decision: 'approve' });
  })());
async function freshProposal() {
  await upkeepStation();
  const { proposeChange } = await import('../../src/contexts/upkeep/use-cases/propose-change.js');
  return (
    await proposeChange(t.services, target, {
      stationId: 'matrix-station',
      title: `층 ${uniq()}`,
      source: 'api',
      ops: [{ op: 'add_level', level: { levelId: `matrix-station:L${uniq()}`, levelIndex: 5, levelName: 'X' } }],
    })
  ).id;
}
async function freshVersion() {
  const { reviewProposal } = await import('../../src/contexts/upkeep/use-cases/review-proposal.js');
  return (await reviewProposal(t.services, adminActor, { proposalId: await freshProposal(), decision: 'approve' })).version!;
}
async function freshReport() {
  const { reportProblem } = await import('../../src/contexts/upkeep/use-cases/report-problem.js');
  return (await reportProblem(t.services, target, { stationId: 'matrix-station', problem: 'map_error', note: `지도와 달라요 ${uniq()}` })).id;
}
/** Open311 clients authenticate with `api_key` in the form body (never the session): each role's own key, none for anonymous. */
const roleKeys = new Map<string, Promise<string>>();
async function open311Request(role: string, format: 'json' | 'xml') {
  const { createApiKey } = await import('../../src/contexts/accounts/use-cases/create-api-key.js');
  const keyOf = async () => {
    const email = `${role.toLowerCase()}@matrix.kr`;
    const u = await t.services.db.selectFrom('accounts_user').select(['id', 'role']).where('email', '=', email).executeTakeFirstOrThrow();
    return (await createApiKey(t.services, { kind: 'user', user: { id: u.id, email, displayName: role, role: u.role, memberships: [] } }, { name: 'open311' }))
      .secret;
  };
  const fields: Record<string, string> = { service_code: 'map_error', 'attribute[station]': 'matrix-station', description: `매트릭스 ${uniq()}` };
  if (role !== 'anonymous') fields.api_key = await (roleKeys.get(role) ?? roleKeys.set(role, keyOf()).get(role)!);
  return t.app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${format}`,
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
}
async function freshWebhook() {
  const { registerWebhook } = await import('../../src/contexts/upkeep/use-cases/webhooks.js');
  return (await registerWebhook(t.services, adminActor, { url: 'https://apps.example.kr/hooks' })).id;
}
const surveyForm = { startStopId: 'matrix-station:entrance', s1_kind: 'walkway', s1_to: 'matrix-station:platform', s1_width: '1.5' };
async function postPhoto(a: Agent, url: string) {
  const csrf = /name="_csrf" value="([^"]+)"/.exec((await a.get('/sign-in')).body)?.[1] ?? '';
  const boundary = `matrix${randomUUID().replace(/-/g, '')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="dot.png"\r\nContent-Type: image/png\r\n\r\n`),
    await sharp({ create: { width: 1, height: 1, channels: 4, background: '#000' } })
      .png()
      .toBuffer(),
    Buffer.from(`\r\n--${boundary}--\r\n`), // photos are decoded: a real one
  ]);
  return t.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { cookie: a.cookieHeader, accept: 'application/json', 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}
const stewardsHere = ['official', 'admin'] as const;
/** A proposal by this role's user (the target's for anonymous) sent back with changes requested: only its author may revise it. */
async function sentBack(role: Role) {
  await upkeepStation();
  const { proposeChange } = await import('../../src/contexts/upkeep/use-cases/propose-change.js');
  const { reviewProposal } = await import('../../src/contexts/upkeep/use-cases/review-proposal.js');
  const author: Actor =
    role === 'anonymous'
      ? target
      : {
          kind: 'user',
          user: {
            ...target.user!,
            id: (await t.services.db.selectFrom('accounts_user').select('id').where('email', '=', `${role.toLowerCase()}@matrix.kr`).executeTakeFirstOrThrow())
              .id,
          },
        };
  const p = await proposeChange(t.services, author, {
    stationId: 'matrix-station',
    title: `층 ${uniq()}`,
    source: 'api',
    ops: [{ op: 'add_level', level: { levelId: `matrix-station:L${uniq()}`, levelIndex: 6, levelName: 'Y' } }],
  });
  await reviewProposal(t.services, adminActor, { proposalId: p.id, decision: 'request_changes', reason: '매트릭스 수정 요청' });
  return p;
}
let feedSecret: Promise<string> | null = null;
async function signedPush() {
  const { rotateFeedSecret } = await import('../../src/contexts/upkeep/use-cases/signed-status-feed.js');
  const { signPayload } = await import('../../src/contexts/upkeep/use-cases/webhook-signature.js');
  const secret = await (feedSecret ??= rotateFeedSecret(t.services, adminActor, 'seoul-metro').then((r) => r.secret));
  const body = JSON.stringify({ id: randomUUID(), statuses: [{ facilityId: ids.facilityId, status: 'available' }] }); // each push its own id (a replay is refused)
  return { body, signature: signPayload(secret, body, new Date()) };
}

interface Case {
  method: string;
  route: string;
  label?: string;
  allowed: readonly Role[];
  send(agent: Agent, role: Role): Promise<{ statusCode: number }>;
}
const everyone = ROLES;
const signedIn = ROLES.filter((r) => r !== 'anonymous');
const uniq = () => randomUUID().slice(0, 8);

const CASES: Case[] = [
  {
    method: 'POST',
    route: '/sign-up',
    allowed: everyone,
    send: (a) => a.post('/sign-up', { email: `${uniq()}@new.kr`, password: PASSWORD, displayName: '새 사람' }),
  },
  { method: 'POST', route: '/sign-in', allowed: everyone, send: (a) => a.post('/sign-in', { email: 'target@matrix.kr', password: PASSWORD }) },
  {
    method: 'POST',
    route: '/sign-out',
    allowed: everyone,
    send: async (_a, role) => {
      const own = new Agent(t.app); // its own session, so the shared ones stay signed in
      if (role !== 'anonymous') await own.signIn(`${role.toLowerCase()}@matrix.kr`, PASSWORD);
      return own.post('/sign-out', {});
    },
  },
  { method: 'POST', route: '/password-reset', allowed: everyone, send: (a) => a.post('/password-reset', { email: 'target@matrix.kr' }) },
  {
    method: 'POST',
    route: '/password-reset/:token',
    allowed: everyone,
    send: async (a) => a.post(`/password-reset/${await resetToken()}`, { password: PASSWORD }),
  },
  { method: 'POST', route: '/account/api-keys', allowed: signedIn, send: (a) => a.post('/account/api-keys', { name: 'app' }) },
  { method: 'POST', route: '/account/api-keys/:id/revoke', allowed: ['admin'], send: async (a) => a.post(`/account/api-keys/${await targetKey()}/revoke`, {}) },
  { method: 'POST', route: '/organisations', allowed: signedIn, send: (a) => a.post('/organisations', { type: 'ngo', nameKo: `단체 ${uniq()}` }) },
  {
    method: 'POST',
    route: '/organisations',
    label: 'city department',
    allowed: ['admin'],
    send: (a) => a.post('/organisations', { type: 'city_department', nameKo: `부서 ${uniq()}` }),
  },
  {
    method: 'POST',
    route: '/organisations/:slug/members',
    allowed: ['orgAdmin', 'admin'],
    send: (a) => a.post(`/organisations/${ids.ngoSlug}/members`, { email: 'target@matrix.kr', role: 'member' }),
  },
  { method: 'POST', route: '/admin/users/:id/role', allowed: ['admin'], send: (a) => a.post(`/admin/users/${ids.targetUserId}/role`, { role: 'citizen' }) },
  {
    method: 'POST',
    route: '/api/v1/organisations',
    allowed: signedIn,
    send: (a) => a.api('POST', '/api/v1/organisations', { type: 'startup', nameEn: `Startup ${uniq()}` }),
  },
  {
    method: 'POST',
    route: '/api/v1/organisations',
    label: 'transit operator',
    allowed: ['admin'],
    send: (a) => a.api('POST', '/api/v1/organisations', { type: 'transit_operator', nameEn: `Operator ${uniq()}` }),
  },
  {
    method: 'POST',
    route: '/api/v1/organisations/:id/members',
    allowed: ['orgAdmin', 'admin'],
    send: (a) => a.api('POST', `/api/v1/organisations/${ids.ngoId}/members`, { email: 'target@matrix.kr', role: 'member' }),
  },
  { method: 'POST', route: '/api/v1/api-keys', allowed: signedIn, send: (a) => a.api('POST', '/api/v1/api-keys', { name: 'app' }) },
  { method: 'DELETE', route: '/api/v1/api-keys/:id', allowed: ['admin'], send: async (a) => a.api('DELETE', `/api/v1/api-keys/${await targetKey()}`) },
  {
    method: 'POST',
    route: '/api/v1/users',
    allowed: ['admin'],
    send: (a) => a.api('POST', '/api/v1/users', { email: `${uniq()}@made.kr`, password: PASSWORD, role: 'reviewer' }),
  },
  { method: 'PATCH', route: '/api/v1/users/:id', allowed: ['admin'], send: (a) => a.api('PATCH', `/api/v1/users/${ids.targetUserId}`, { role: 'citizen' }) },
  {
    method: 'PUT',
    route: '/api/v1/transit/facilities/:id/status',
    allowed: ['admin'],
    send: (a) => a.api('PUT', `/api/v1/transit/facilities/${ids.facilityId}/status`, { status: 'available' }),
  },
  {
    method: 'POST',
    route: '/plan/calls',
    allowed: ['admin'],
    send: (a) => a.post('/plan/calls', { titleKo: `공모 ${uniq()}`, opensOn: '2026-01-01', closesOn: '2026-12-31', organisation: 'smg-gis-division' }),
  },
  {
    method: 'POST',
    route: '/plan/calls/:id/suggestions',
    allowed: signedIn,
    send: (a) => a.post(`/plan/calls/${ids.callId}/suggestions`, { title: `제안 ${uniq()}`, body: '지하철 환승 지도를 더 많은 역으로 넓혀 주세요.' }),
  },
  {
    method: 'POST',
    route: '/plan/suggestions/:id/support',
    allowed: signedIn,
    send: async (a) => a.post(`/plan/suggestions/${(await freshItem()).suggestionId}/support`, {}),
  },
  {
    method: 'POST',
    route: '/plan/suggestions/:id/comments',
    allowed: signedIn,
    send: async (a) => a.post(`/plan/suggestions/${(await freshItem()).suggestionId}/comments`, { body: '좋은 제안입니다' }),
  },
  {
    method: 'POST',
    route: '/plan/suggestions/:id/outcome',
    allowed: ['official', 'admin'],
    send: async (a) => a.post(`/plan/suggestions/${(await freshItem()).suggestionId}/outcome`, { outcome: 'declined', reason: '이미 추진 중' }),
  },
  {
    method: 'POST',
    route: '/plan/commitments/:slug/comments',
    allowed: signedIn,
    send: (a) => a.post('/plan/commitments/subway-transfer-maps/comments', { body: `의견 ${uniq()}` }),
  },
  {
    method: 'POST',
    route: '/plan/commitments/:slug/assessment',
    allowed: ['reviewer', 'admin'],
    send: (a) => a.post('/plan/commitments/subway-transfer-maps/assessment', { verifiable: 'yes' }),
  },
  {
    method: 'POST',
    route: '/plan/milestones/:id/progress',
    allowed: ['official', 'admin'],
    send: (a) => a.post(`/plan/milestones/${ids.milestoneId}/progress`, { text: '진행', completion: '10', status: 'in_progress' }),
  },
  {
    method: 'POST',
    route: '/plan/committee/members',
    allowed: ['admin'],
    send: (a) => a.post('/plan/committee/members', { name: '위원', affiliation: '무의', sector: 'civil_society' }),
  },
  {
    method: 'POST',
    route: '/plan/committee/meetings',
    allowed: ['admin'],
    send: (a) => a.post('/plan/committee/meetings', { heldOn: '2018-07-10', title: '회의', agenda: '안건' }),
  },
  // The plan's content: admins, and officials of the responsible department (the matrix official is in the GIS division, commitment 1).
  {
    method: 'PATCH',
    route: '/api/v1/plan/content/:entity/:id',
    allowed: ['official', 'admin'],
    send: (a) => a.api('PATCH', '/api/v1/plan/content/commitment/subway-transfer-maps', { changes: { titleKo: `환승 지도 ${uniq()}` } }),
  },
  {
    method: 'POST',
    route: '/plan/edit/:entity/:id',
    allowed: ['official', 'admin'],
    send: (a) => a.post(`/plan/edit/milestone/${ids.milestoneId}`, { weight: String(1 + Math.floor(Math.random() * 9)) }),
  },
  {
    method: 'PUT',
    route: '/api/v1/accountability/notice-preferences',
    allowed: signedIn,
    send: (a) => a.api('PUT', '/api/v1/accountability/notice-preferences', { choices: { paused: { byMail: false } } }),
  },
  { method: 'POST', route: '/accountability/notices', allowed: signedIn, send: (a) => a.post('/accountability/notices', { 'answered.inApp': '1' }) },
  {
    method: 'POST',
    route: '/accountability/items/:id/answer',
    allowed: ['official', 'admin'],
    send: async (a) => a.post(`/accountability/items/${(await freshItem()).itemId}/answer`, { decision: '반영', reasons: '이유', nextSteps: '', publish: '1' }),
  },
  {
    method: 'POST',
    route: '/accountability/items/:id/assign',
    allowed: ['official', 'admin'],
    send: async (a) => a.post(`/accountability/items/${(await freshItem()).itemId}/assign`, {}),
  },
  {
    method: 'POST',
    route: '/accountability/items/:id/pause',
    allowed: ['official', 'admin'],
    send: async (a) => a.post(`/accountability/items/${(await freshItem()).itemId}/pause`, { reason: '보완 요청' }),
  },
  {
    method: 'POST',
    route: '/accountability/items/:id/resume',
    allowed: ['official', 'admin'],
    send: async (a) => a.post(`/accountability/items/${(await freshItem('paused')).itemId}/resume`, {}),
  },
  {
    method: 'POST',
    route: '/accountability/items/:id/extend',
    allowed: ['official', 'admin'],
    send: async (a) => a.post(`/accountability/items/${(await freshItem()).itemId}/extend`, { days: '3', reason: '협의' }),
  },
  {
    method: 'POST',
    route: '/accountability/items/:id/confirm',
    label: 'author only',
    allowed: [],
    send: async (a) => a.post(`/accountability/items/${(await freshItem('answered')).itemId}/confirm`, {}),
  },
  {
    method: 'POST',
    route: '/accountability/items/:id/dispute',
    label: 'author only',
    allowed: [],
    send: async (a) => a.post(`/accountability/items/${(await freshItem('answered')).itemId}/dispute`, { reason: '아님' }),
  },
  {
    method: 'POST',
    route: '/accountability/items/:id/escalate',
    allowed: ['admin'],
    send: async (a) => a.post(`/accountability/items/${(await freshItem('disputed')).itemId}/escalate`, {}),
  },
  {
    method: 'POST',
    route: '/accountability/items/:id/follow',
    allowed: ['citizen', 'orgMember', 'orgAdmin', 'official', 'reviewer', 'admin'],
    send: async (a) => a.post(`/accountability/items/${(await freshItem()).itemId}/follow`, {}),
  },
  {
    method: 'POST',
    route: '/accountability/items/:id/unfollow',
    allowed: ['citizen', 'orgMember', 'orgAdmin', 'official', 'reviewer', 'admin'],
    send: async (a) => a.post(`/accountability/items/${(await freshItem()).itemId}/unfollow`, {}),
  },
  {
    method: 'POST',
    route: '/api/v1/accountability/holidays',
    allowed: ['admin'],
    send: (a) => a.api('POST', '/api/v1/accountability/holidays', extraBody(nextExtraDay())),
  },
  {
    method: 'DELETE',
    route: '/api/v1/accountability/holidays/:date',
    allowed: ['admin'],
    send: async (a) => {
      const date = nextExtraDay();
      await addExtraHoliday(t.services, system(), extraBody(date));
      return a.api('DELETE', `/api/v1/accountability/holidays/${date}`, { reason: '취소' });
    },
  },
  {
    method: 'POST',
    route: '/accountability/holidays/manage',
    allowed: ['admin'],
    send: (a) => a.post('/accountability/holidays/manage', extraBody(nextExtraDay())),
  },
  {
    method: 'POST',
    route: '/accountability/holidays/manage/:date/remove',
    allowed: ['admin'],
    send: async (a) => {
      const date = nextExtraDay();
      await addExtraHoliday(t.services, system(), extraBody(date));
      return a.post(`/accountability/holidays/manage/${date}/remove`, { reason: '취소' });
    },
  },
  {
    method: 'PATCH',
    route: '/api/v1/accountability/kinds/:id',
    allowed: ['admin'],
    send: (a) => a.api('PATCH', '/api/v1/accountability/kinds/plan.comment', { days: 14 }),
  },
  // Read-only SQL in the sandbox: POST for the query text, signed-in users only.
  {
    method: 'POST',
    route: '/api/v1/data/sql',
    label: 'sandboxed read-only SQL',
    allowed: signedIn,
    send: (a) => a.api('POST', '/api/v1/data/sql', { sql: 'SELECT 42 AS answer' }),
  },
  // CKAN actions only read; clients call them with POST and a JSON body.
  {
    method: 'POST',
    route: '/api/3/action/:action',
    label: 'read-only CKAN action',
    allowed: everyone,
    send: (a) => a.api('POST', '/api/3/action/package_list', {}),
  },
  {
    method: 'POST',
    route: '/api/action/:action',
    label: "read-only CKAN action, ckanapi's path",
    allowed: everyone,
    send: (a) => a.api('POST', '/api/action/package_list', {}),
  },
  // CKAN writes take an API key only: a cookie session (these agents) cannot write, whatever its role.
  ...['/api/3/action', '/api/action'].flatMap((prefix) => [
    {
      method: 'POST',
      route: `${prefix}/package_create`,
      label: 'API key only',
      allowed: [] as Role[],
      send: (a: Agent) => a.api('POST', `${prefix}/package_create`, { name: `matrix-ckan-${uniq()}`, title: '매트릭스', owner_org: ids.ngoSlug }),
    },
    {
      method: 'POST',
      route: `${prefix}/package_patch`,
      label: 'API key only',
      allowed: [] as Role[],
      send: async (a: Agent) => a.api('POST', `${prefix}/package_patch`, { id: await publishableDataset(), notes: '매트릭스' }),
    },
    {
      method: 'POST',
      route: `${prefix}/package_delete`,
      label: 'API key only',
      allowed: [] as Role[],
      send: async (a: Agent) => a.api('POST', `${prefix}/package_delete`, { id: await publishableDataset(), reason: '매트릭스 확인용 삭제' }),
    },
    {
      method: 'POST',
      route: `${prefix}/resource_create`,
      label: 'API key only',
      allowed: [] as Role[],
      send: async (a: Agent) => a.api('POST', `${prefix}/resource_create`, { package_id: await publishableDataset(), url: 'https://example.org/x.csv' }),
    },
  ]),
  // The Seoul Open API shim: the dataset's publishers name its Plaza service; anyone signed in gets read-only keys and revokes their own.
  {
    method: 'PUT',
    route: '/api/v1/data/datasets/:id/seoul-service',
    allowed: publishers,
    send: async (a) => a.api('PUT', `/api/v1/data/datasets/${await publishableDataset()}/seoul-service`, { service: null }),
  },
  { method: 'POST', route: '/data/openapi-keys', allowed: signedIn, send: (a) => a.post('/data/openapi-keys', {}) },
  {
    method: 'POST',
    route: '/data/openapi-keys/:id/revoke',
    allowed: signedIn,
    send: async (a) => {
      const k = await a.api('POST', '/api/v1/data/openapi-keys');
      return a.post(`/data/openapi-keys/${k.statusCode === 201 ? (k.json() as { id: string }).id : 'none'}/revoke`, {});
    },
  },
  { method: 'POST', route: '/api/v1/data/openapi-keys', allowed: signedIn, send: (a) => a.api('POST', '/api/v1/data/openapi-keys') },
  {
    method: 'DELETE',
    route: '/api/v1/data/openapi-keys/:keyId',
    allowed: signedIn,
    send: async (a) => {
      const k = await a.api('POST', '/api/v1/data/openapi-keys');
      return a.api('DELETE', `/api/v1/data/openapi-keys/${k.statusCode === 201 ? (k.json() as { id: string }).id : 'none'}`);
    },
  },
  // Data publishing (pages): admins and members of the publishing organisation.
  {
    method: 'POST',
    route: '/data/datasets',
    allowed: publishers,
    send: (a) => a.post('/data/datasets', { id: `matrix-${uniq()}`, titleKo: '매트릭스 데이터셋', publisherId: ids.ngoId }),
  },
  {
    method: 'POST',
    route: '/data/datasets/:id/upload',
    allowed: publishers,
    send: async (a) => postFile(a, `/data/datasets/${await publishableDataset()}/upload`, { name: 'matrix.csv', data: MATRIX_CSV }),
  },
  {
    method: 'POST',
    route: '/data/uploads/:versionId/encoding',
    allowed: publishers,
    send: async (a) => a.post(`/data/uploads/${await freshDraft()}/encoding`, { encoding: 'latin1' }),
  },
  {
    method: 'POST',
    route: '/data/uploads/:versionId/check',
    allowed: publishers,
    send: async (a) => a.post(`/data/uploads/${await freshDraft()}/check`, { 'type.1': 'string' }),
  },
  {
    method: 'POST',
    route: '/data/uploads/:versionId/publish',
    allowed: publishers,
    send: async (a) => a.post(`/data/uploads/${await freshDraft()}/publish`, { 'type.1': 'string' }),
  },
  {
    method: 'POST',
    route: '/data/uploads/:versionId/discard',
    allowed: publishers,
    send: async (a) => a.post(`/data/uploads/${await freshDraft()}/discard`, {}),
  },
  // Data publishing (JSON API and multipart upload): the same publishers.
  {
    method: 'POST',
    route: '/api/v1/data/datasets',
    allowed: publishers,
    send: (a) => a.api('POST', '/api/v1/data/datasets', { id: `matrix-api-${uniq()}`, titleKo: '매트릭스 API 데이터셋', publisherId: ids.ngoId }),
  },
  {
    method: 'POST',
    route: '/api/v1/data/datasets/:id/uploads',
    allowed: publishers,
    send: async (a) => postFile(a, `/api/v1/data/datasets/${await publishableDataset()}/uploads`, { name: 'matrix.csv', data: MATRIX_CSV }),
  },
  {
    method: 'POST',
    route: '/api/v1/data/uploads/:versionId/publish',
    allowed: publishers,
    send: async (a) => a.api('POST', `/api/v1/data/uploads/${await freshDraft()}/publish`, {}),
  },
  // Publisher control: the dataset's organisation and admins edit, set access, withdraw a version and delete.
  {
    method: 'PATCH',
    route: '/api/v1/data/datasets/:id',
    allowed: publishers,
    send: async (a) => a.api('PATCH', `/api/v1/data/datasets/${await publishableDataset()}`, { titleEn: 'Matrix data' }),
  },
  {
    method: 'PUT',
    route: '/api/v1/data/datasets/:id/access',
    allowed: publishers,
    send: async (a) => a.api('PUT', `/api/v1/data/datasets/${await publishableDataset()}/access`, { access: 'public' }),
  },
  {
    method: 'POST',
    route: '/api/v1/data/datasets/:id/versions/:version/withdraw',
    allowed: publishers,
    send: async (a) => a.api('POST', `/api/v1/data/datasets/${await freshPublished()}/versions/1/withdraw`, { reason: '매트릭스 회수 시험' }),
  },
  {
    method: 'DELETE',
    route: '/api/v1/data/datasets/:id',
    allowed: publishers,
    send: async (a) => a.api('DELETE', `/api/v1/data/datasets/${await freshPublished()}`, { reason: '매트릭스 삭제 시험' }),
  },
  {
    method: 'POST',
    route: '/data/datasets/:id/edit',
    allowed: publishers,
    send: async (a) => a.post(`/data/datasets/${await publishableDataset()}/edit`, { titleKo: '매트릭스 데이터' }),
  },
  {
    method: 'POST',
    route: '/data/datasets/:id/access',
    allowed: publishers,
    send: async (a) => a.post(`/data/datasets/${await publishableDataset()}/access`, { access: 'public' }),
  },
  {
    method: 'POST',
    route: '/data/datasets/:id/versions/:version/withdraw',
    allowed: publishers,
    send: async (a) => a.post(`/data/datasets/${await freshPublished()}/versions/1/withdraw`, { reason: '매트릭스 회수 시험' }),
  },
  {
    method: 'POST',
    route: '/data/datasets/:id/delete',
    allowed: publishers,
    send: async (a) => a.post(`/data/datasets/${await freshPublished()}/delete`, { reason: '매트릭스 삭제 시험' }),
  },
  {
    method: 'DELETE',
    route: '/api/v1/data/uploads/:versionId',
    allowed: publishers,
    send: async (a) => a.api('DELETE', `/api/v1/data/uploads/${await freshDraft()}`),
  },
  {
    method: 'POST',
    route: '/demand/requests',
    allowed: signedIn,
    send: (a) =>
      a.post('/demand/requests', {
        title: `데이터 요청 ${uniq()}`,
        why: '매트릭스 시험용 데이터 요청입니다.',
        organisation: 'unknown',
        useType: 'app',
        useDescription: '시험',
        confirmed: '1',
      }),
  },
  {
    method: 'POST',
    route: '/demand/requests/:id/support',
    allowed: signedIn,
    send: async (a) => a.post(`/demand/requests/${await freshDataRequest()}/support`, { district: 'mapo', group: 'resident' }),
  },
  {
    method: 'POST',
    route: '/demand/requests/:id/answer',
    allowed: ['official', 'admin'],
    send: async (a) => a.post(`/demand/requests/${await freshDataRequest()}/answer`, demandAnswer),
  },
  {
    method: 'POST',
    route: '/demand/requests/:id/assessment',
    allowed: ['official', 'admin'],
    send: async (a) => a.post(`/demand/requests/${await freshDataRequest()}/assessment`, { feasibility: '2', reuse: '3' }),
  },
  {
    method: 'POST',
    route: '/demand/requests/:id/department',
    allowed: ['official', 'admin'],
    send: async (a) => a.post(`/demand/requests/${await freshDataRequest()}/department`, { organisation: 'smg-data-statistics-division' }),
  },
  {
    method: 'POST',
    route: '/demand/requests/:id/dataset',
    allowed: linkers,
    send: async (a) => a.post(`/demand/requests/${await freshDataRequest()}/dataset`, { datasetId: await ngoDataset(), reason: linkReason }),
  },
  // Only the requester (the target user here, no role of the walk) disputes a link.
  {
    method: 'POST',
    route: '/demand/requests/:id/dispute',
    allowed: [],
    send: async (a) => a.post(`/demand/requests/${await freshDataRequest()}/dispute`, { reason: '요청한 것과 다른 데이터입니다.' }),
  },
  {
    method: 'POST',
    route: '/demand/rubric',
    allowed: ['admin'],
    send: (a) => a.post('/demand/rubric', { support: '3', representativeness: '3', feasibility: '2', reuse: '2' }),
  },
  {
    method: 'POST',
    route: '/api/v1/demand/requests',
    allowed: signedIn,
    send: (a) =>
      a.api('POST', '/api/v1/demand/requests', {
        title: `데이터 요청 ${uniq()}`,
        why: '매트릭스 시험용 데이터 요청입니다.',
        useType: 'app',
        useDescription: '시험',
      }),
  },
  {
    method: 'POST',
    route: '/api/v1/demand/requests/:id/supports',
    allowed: signedIn,
    send: async (a) => a.api('POST', `/api/v1/demand/requests/${await freshDataRequest()}/supports`, { district: 'jongno', group: 'student' }),
  },
  {
    method: 'POST',
    route: '/api/v1/demand/requests/:id/answer',
    allowed: ['official', 'admin'],
    send: async (a) => a.api('POST', `/api/v1/demand/requests/${await freshDataRequest()}/answer`, demandAnswer),
  },
  {
    method: 'POST',
    route: '/api/v1/demand/requests/:id/assessment',
    allowed: ['official', 'admin'],
    send: async (a) => a.api('POST', `/api/v1/demand/requests/${await freshDataRequest()}/assessment`, { feasibility: 1, reuse: 0 }),
  },
  {
    method: 'POST',
    route: '/api/v1/demand/requests/:id/department',
    allowed: ['official', 'admin'],
    send: async (a) => a.api('POST', `/api/v1/demand/requests/${await freshDataRequest()}/department`, { organisation: 'seoul-metro' }),
  },
  {
    method: 'POST',
    route: '/api/v1/demand/requests/:id/dataset',
    allowed: linkers,
    send: async (a) => a.api('POST', `/api/v1/demand/requests/${await freshDataRequest()}/dataset`, { datasetId: await ngoDataset(), reason: linkReason }),
  },
  {
    method: 'POST',
    route: '/api/v1/demand/requests/:id/dispute',
    allowed: [],
    send: async (a) => a.api('POST', `/api/v1/demand/requests/${await freshDataRequest()}/dispute`, { reason: '요청한 것과 다른 데이터입니다.' }),
  },
  {
    method: 'PUT',
    route: '/api/v1/demand/rubric',
    allowed: ['admin'],
    send: (a) => a.api('PUT', '/api/v1/demand/rubric', { support: 3, representativeness: 3, feasibility: 2, reuse: 2 }),
  },
  // Civic projects: anyone signed in proposes and asks to join; the lead (orgMember here) or an admin edits, accepts, changes status; only team members post.
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
  {
    method: 'PUT',
    route: '/api/v1/transit/stations/:id/stewards/:attribute',
    allowed: ['admin'],
    send: async (a) =>
      a.api('PUT', '/api/v1/transit/stations/matrix-station/stewards/media', {
        organisationId: (await t.services.db.selectFrom('accounts_organisation').select('id').where('slug', '=', 'smg-gis-division').executeTakeFirstOrThrow())
          .id,
      }),
  },
  {
    method: 'POST',
    route: '/api/v1/transit/stations/:id/proposals/preview',
    allowed: everyone,
    send: async (a) => {
      await upkeepStation();
      return a.api('POST', '/api/v1/transit/stations/matrix-station/proposals/preview', {
        ops: [{ op: 'update_edge', pathwayId: 'matrix-station:walk', set: { minWidth: 1.2 } }],
      });
    },
  },
  {
    method: 'POST',
    route: '/api/v1/transit/stations/:id/proposals',
    allowed: signedIn,
    send: async (a) => {
      await upkeepStation();
      return a.api('POST', '/api/v1/transit/stations/matrix-station/proposals', {
        title: '폭 수정',
        ops: [{ op: 'update_edge', pathwayId: 'matrix-station:walk', set: { minWidth: 1.3 } }],
      });
    },
  },
  {
    method: 'POST',
    route: '/api/v1/transit/stations/:id/surveys',
    allowed: signedIn,
    send: async (a) => {
      await upkeepStation();
      return a.api('POST', '/api/v1/transit/stations/matrix-station/surveys', {
        startStopId: 'matrix-station:entrance',
        steps: [{ kind: 'walkway', toStopId: 'matrix-station:platform', widthM: 1.4 }],
      });
    },
  },
  {
    method: 'POST',
    route: '/api/v1/transit/proposals/:id/review',
    allowed: stewardsHere,
    send: async (a) => a.api('POST', `/api/v1/transit/proposals/${await freshProposal()}/review`, { decision: 'reject', reason: '매트릭스 반려' }),
  },
  {
    method: 'POST',
    route: '/api/v1/transit/stations/:id/versions/:version/revert',
    allowed: stewardsHere,
    send: async (a) => a.api('POST', `/api/v1/transit/stations/matrix-station/versions/${await freshVersion()}/revert`, { reason: '매트릭스 되돌리기' }),
  },
  {
    method: 'POST',
    route: '/api/v1/transit/stations/:id/versions/:version/restore',
    allowed: stewardsHere,
    send: async (a) => {
      await freshVersion();
      return a.api('POST', '/api/v1/transit/stations/matrix-station/versions/2/restore', { reason: '매트릭스 복원' });
    },
  },
  {
    method: 'POST',
    route: '/api/v1/transit/stations/:id/photos',
    allowed: signedIn,
    send: (a) => postPhoto(a, '/api/v1/transit/stations/matrix-station/photos'),
  },
  {
    method: 'POST',
    route: '/api/v1/transit/stations/:id/reports',
    allowed: everyone,
    send: (a) => a.api('POST', '/api/v1/transit/stations/matrix-station/reports', { problem: 'map_error' }),
  },
  { method: 'POST', route: '/open311/v2/requests.json', allowed: signedIn, send: (_a, role) => open311Request(role, 'json') },
  { method: 'POST', route: '/open311/v2/requests.xml', allowed: signedIn, send: (_a, role) => open311Request(role, 'xml') },
  {
    method: 'POST',
    route: '/api/v1/transit/reports/:id/resolve',
    allowed: stewardsHere,
    send: async (a) => a.api('POST', `/api/v1/transit/reports/${await freshReport()}/resolve`, { confirmed: false, reasons: '확인 결과 이상 없음' }),
  },
  {
    method: 'POST',
    route: '/api/v1/transit/facility-status',
    allowed: ['admin'],
    send: (a) => a.api('POST', '/api/v1/transit/facility-status', { statuses: [{ facilityId: ids.facilityId, status: 'available' }] }),
  },
  {
    method: 'POST',
    route: '/api/v1/transit/webhooks',
    allowed: stewardsHere,
    send: (a) => a.api('POST', '/api/v1/transit/webhooks', { url: 'https://apps.example.kr/hooks' }),
  },
  {
    method: 'DELETE',
    route: '/api/v1/transit/webhooks/:id',
    allowed: ['admin'],
    send: async (a) => a.api('DELETE', `/api/v1/transit/webhooks/${await freshWebhook()}`),
  },
  {
    method: 'POST',
    route: '/api/v1/transit/operators/:slug/status-feed/secret',
    allowed: ['admin'],
    send: (a) => a.api('POST', '/api/v1/transit/operators/seoul-metro/status-feed/secret'),
  },
  // Signed by the operator's system: whoever sends it, the signature is what is checked (and a cookie adds nothing).
  {
    method: 'POST',
    route: '/api/v1/transit/operators/:slug/status-feed',
    allowed: everyone,
    send: async (a) => {
      const p = await signedPush();
      return t.app.inject({
        method: 'POST',
        url: '/api/v1/transit/operators/seoul-metro/status-feed',
        payload: p.body,
        headers: { cookie: a.cookieHeader, 'content-type': 'application/json', 'x-open-seoul-signature': p.signature },
      });
    },
  },
  {
    method: 'POST',
    route: '/transit/stations/:id/survey',
    allowed: signedIn,
    send: async (a) => {
      await upkeepStation();
      return a.post('/transit/stations/matrix-station/survey', surveyForm);
    },
  },
  {
    method: 'POST',
    route: '/transit/proposals/:id/review',
    allowed: stewardsHere,
    send: async (a) => a.post(`/transit/proposals/${await freshProposal()}/review`, { decision: 'reject', reason: '매트릭스 반려' }),
  },
  {
    method: 'POST',
    route: '/transit/stations/:id/versions/:version/revert',
    allowed: stewardsHere,
    send: async (a) => a.post(`/transit/stations/matrix-station/versions/${await freshVersion()}/revert`, { reason: '매트릭스 되돌리기' }),
  },
  {
    method: 'POST',
    route: '/transit/stations/:id/report',
    allowed: everyone,
    send: (a) => a.post('/transit/stations/matrix-station/report', { problem: 'map_error' }),
  },
  {
    method: 'POST',
    route: '/transit/reports/:id/resolve',
    allowed: stewardsHere,
    send: async (a) => a.post(`/transit/reports/${await freshReport()}/resolve`, { confirmed: '0', reasons: '확인 결과 이상 없음' }),
  },
  {
    method: 'POST',
    route: '/api/v1/transit/proposals/:id/revisions',
    label: 'own proposal',
    allowed: signedIn,
    send: async (a, role) => {
      const p = await sentBack(role);
      return a.api('POST', `/api/v1/transit/proposals/${p.id}/revisions`, { ops: JSON.parse(p.ops) as unknown[], note: '고쳤습니다' });
    },
  },
  {
    method: 'POST',
    route: '/transit/proposals/:id/revise',
    label: 'own proposal',
    allowed: signedIn,
    send: async (a, role) => a.post(`/transit/proposals/${(await sentBack(role)).id}/revise`, { title: '층 (고침)' }),
  },
  {
    method: 'DELETE',
    route: '/api/v1/transit/stations/:id/stewards/:attribute',
    allowed: ['admin'],
    send: async (a) => {
      const gis = (await t.services.db.selectFrom('accounts_organisation').select('id').where('slug', '=', 'smg-gis-division').executeTakeFirstOrThrow()).id;
      await t.services.db
        .insertInto('transit_steward')
        .values({ station_key: 'matrix-station', attribute: 'boarding', organisation_id: gis, updated_at: new Date().toISOString() })
        .onConflict((oc) => oc.doNothing())
        .execute();
      return a.api('DELETE', '/api/v1/transit/stations/matrix-station/stewards/boarding');
    },
  },
  {
    method: 'POST',
    route: '/transit/stewards',
    allowed: ['admin'],
    send: async (a) =>
      a.post('/transit/stewards', {
        station: 'matrix-station',
        attribute: 'boarding',
        organisationId: (await t.services.db.selectFrom('accounts_organisation').select('id').where('slug', '=', 'seoul-metro').executeTakeFirstOrThrow()).id,
        action: 'assign',
      }),
  },
  {
    method: 'POST',
    route: '/transit/stations/:id/edit',
    allowed: signedIn,
    send: async (a) => {
      await upkeepStation();
      return a.post('/transit/stations/matrix-station/edit', {
        title: '폭 수정',
        'e-0-id': 'matrix-station:walk',
        'e-0-minWidth': (1 + Math.random()).toFixed(3),
      });
    },
  },
];

describe(`every mutating route with every role (${dialect})`, () => {
  it('covers every mutating route the app registers', () => {
    const mutating = t.app.routeTable.filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method)).map((r) => `${r.method} ${r.url}`);
    const covered = new Set(CASES.map((c) => `${c.method} ${c.route}`));
    expect(mutating.filter((r) => !covered.has(r))).toEqual([]);
  });

  for (const c of CASES) {
    it(`${c.method} ${c.route}${c.label ? ` (${c.label})` : ''}: allowed for ${c.allowed.join(', ') || 'nobody here'}`, async () => {
      const outcome: Record<string, number> = {};
      for (const role of ROLES) outcome[role] = (await c.send(agents[role].clone(), role)).statusCode;
      const expected = Object.fromEntries(ROLES.map((role) => [role, c.allowed.includes(role) ? 'ok' : role === 'anonymous' ? 401 : 403]));
      const actual = Object.fromEntries(ROLES.map((role) => [role, outcome[role]! < 400 ? 'ok' : outcome[role]]));
      expect(actual).toEqual(expected);
    });
  }
});

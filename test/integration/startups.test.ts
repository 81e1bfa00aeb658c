import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { addOrganisationMember } from '../../src/contexts/accounts/use-cases/add-organisation-member.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { addBusinessDays } from '../../src/core/calendar/korean-calendar.js';
import { startupsExamplesSeed } from '../../src/contexts/startups/seeds/examples.seed.js';
import { examplePng } from '../../src/contexts/startups/seeds/example-image.js';
import { sendDeadlineReminders } from '../../src/contexts/startups/use-cases/send-deadline-reminders.js';
import { Agent } from '../support/agent.js';
import { parseAtom } from '../support/atom.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

const PASSWORD = 'startups password 123';
let t: TestContext;
let now = new Date('2026-11-02T01:00:00Z'); // Monday 2 November 2026, 10:00 in Seoul
const agents = {} as Record<'admin' | 'official' | 'dataOfficial' | 'founder' | 'rival' | 'citizen', Agent>;
const anon = () => new Agent(t.app);
const ids = { startup: '', rival: '', feedback: '', item: '', application: '' };

const api = (url: string) => t.app.inject({ method: 'GET', url }).then((r) => r.json());
const count = async (
  table: 'startups_profile' | 'startups_solution' | 'startups_application' | 'startups_feedback' | 'accountability_item' | 'startups_endorsement',
) =>
  Number(
    (
      await t.services.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const notified = async (email: string, like: string) =>
  (
    await t.services.db
      .selectFrom('accounts_notification as n')
      .innerJoin('accounts_user as u', 'u.id', 'n.user_id')
      .select('n.title_en')
      .where('u.email', '=', email)
      .where('n.title_en', 'like', like)
      .execute()
  ).length;

/** A multipart form with an image, like a browser sends it (CSRF field first). */
async function postImage(a: Agent, url: string, fields: Record<string, string>, image: Buffer | null, accept = 'text/html') {
  const csrf = /name="_csrf" value="([^"]+)"/.exec((await a.get('/startups')).body)?.[1] ?? '';
  const boundary = `st${randomUUID().replace(/-/g, '')}`;
  const parts: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`)];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (image)
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="solution.png"\r\nContent-Type: image/png\r\n\r\n`),
      image,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return t.app.inject({
    method: 'POST',
    url,
    payload: Buffer.concat(parts),
    headers: { cookie: a.cookieHeader, accept, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

const profileJson = () => ({ ...profileForm, teamSize: 5 });
const profileForm = {
  nameKo: '서울무빙',
  nameEn: 'Seoul Moving',
  whatKo: '배리어프리 경로 안내 앱을 만듭니다.',
  whatEn: 'A step-free route guide.',
  field: 'mobility',
  stage: 'prototype',
  teamSize: '5',
  foundersAgeBand: '30_34',
  contactEmail: 'hello@seoulmoving.kr',
};
const callBody = (over: Record<string, unknown> = {}) => ({
  titleKo: '청년 스타트업 협의체 모집',
  titleEn: 'Call for the youth startup body',
  summaryKo: '협의체 회원 모집',
  summaryEn: 'Members wanted',
  opensOn: '2026-11-01',
  applyBy: '2026-11-20',
  eligibilityKo: '만 39세 이하',
  eligibilityEn: 'Founders 39 or under',
  maxAgeBand: '35_39',
  seats: 10,
  ...over,
});

beforeAll(async () => {
  t = await createTestContext();
  t.services.now = () => now;
  const s = t.services;
  await createUser(s, system(), { email: 'admin@st.kr', password: PASSWORD, role: 'admin' });
  await createUser(s, system(), { email: 'official@st.kr', password: PASSWORD, role: 'official' });
  await createUser(s, system(), { email: 'dataofficial@st.kr', password: PASSWORD, role: 'official' });
  await addOrganisationMember(s, system(), { organisation: 'smg-information-planning-division', email: 'official@st.kr', role: 'member' });
  await addOrganisationMember(s, system(), { organisation: 'smg-data-statistics-division', email: 'dataofficial@st.kr', role: 'member' });
  for (const name of ['admin', 'official', 'dataOfficial'] as const) {
    agents[name] = new Agent(t.app);
    await agents[name].signIn(`${name.toLowerCase()}@st.kr`, PASSWORD);
  }
  for (const name of ['founder', 'rival', 'citizen'] as const) {
    agents[name] = new Agent(t.app);
    await agents[name].signUp(`${name}@st.kr`, PASSWORD, name);
  }
});
afterAll(() => t.close());

describe(`startup profiles (${dialect})`, () => {
  it('a founder registers a startup from the form; bad input is refused by field and stores nothing', async () => {
    const bad = await agents.founder.post('/startups/register', {
      ...profileForm,
      nameKo: '',
      nameEn: '',
      field: 'space',
      teamSize: '0',
      contactEmail: 'nope',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('id="f-nameKo-error"');
    expect(await count('startups_profile')).toBe(0);
    const res = await agents.founder.post('/startups/register', profileForm);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/startups/seoul-moving');
    const v = await api('/api/v1/startups/seoul-moving');
    expect(v).toMatchObject({ name: { ko: '서울무빙', en: 'Seoul Moving' }, field: 'mobility', foundersAgeBand: '30_34', bodyMember: false, example: false });
    expect(v).not.toHaveProperty('organisationId'); // the use case maps to the public shape (unit test: public-views.test.ts)
    ids.startup = v.id;
    const org = await t.services.db.selectFrom('accounts_organisation').select(['type', 'slug']).where('slug', '=', 'seoul-moving').executeTakeFirstOrThrow();
    expect(org.type).toBe('startup');
    const rival = await agents.rival.api('POST', '/api/v1/startups', {
      ...profileJson(),
      nameKo: '노장팀',
      nameEn: 'Veterans',
      foundersAgeBand: '40_plus',
      contactEmail: 'v@v.kr',
    });
    expect(rival.statusCode).toBe(201);
    ids.rival = rival.json().slug;
    const koOnly = await agents.citizen.post('/startups/register', { ...profileForm, nameEn: '', nameKo: '한글만 팀', contactEmail: 'k@k.kr' });
    expect(koOnly.statusCode).toBe(303);
    expect(koOnly.headers.location).toBe(`/startups/${encodeURIComponent('한글만-팀')}`);
    expect((await anon().get(koOnly.headers.location!)).body).toContain('한글만 팀');
    const edit = await agents.rival.api('PUT', '/api/v1/startups/seoul-moving', profileJson());
    expect(edit.statusCode).toBe(403);
  });

  it('adds a solution with a real PNG; a renamed text file or a huge image gets a clear 400 and changes nothing', async () => {
    const png = examplePng([20, 90, 160], 60, 40);
    const ok = await postImage(
      agents.founder,
      '/startups/seoul-moving/solutions',
      { titleKo: '무장애 길찾기', titleEn: 'Step-free routes', imageAlt: '경로 화면' },
      png,
    );
    expect(ok.statusCode).toBe(303);
    const v = await api('/api/v1/startups/seoul-moving');
    expect(v.solutions).toHaveLength(1);
    const image = await t.app.inject({ method: 'GET', url: v.solutions[0].image });
    expect(image.headers['content-type']).toBe('image/png');
    const kept = await sharp(image.rawPayload).metadata(); // the picture, encoded again without metadata
    const sent = await sharp(png).metadata();
    expect([kept.format, kept.width, kept.height, kept.exif]).toEqual(['png', sent.width, sent.height, undefined]);
    const files = async () => (await fs.readdir(path.join(t.dataDir, 'startups', 'images'))).length;
    expect(await files()).toBe(1);

    const text = await postImage(
      agents.founder,
      '/api/v1/startups/seoul-moving/solutions',
      { titleKo: '가짜 그림', imageAlt: '그림' },
      Buffer.from('this is not an image, only text'),
      'application/json',
    );
    expect(text.statusCode).toBe(400);
    expect(text.json().error).toMatchObject({ code: 'startups.image_type', details: { field: 'image' } });
    const huge = await postImage(
      agents.founder,
      '/api/v1/startups/seoul-moving/solutions',
      { titleKo: '큰 그림', imageAlt: '그림' },
      Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)]),
      'application/json',
    );
    expect(huge.statusCode).toBe(400);
    expect(huge.json().error.code).toBe('startups.image_too_large');
    const page = await postImage(
      agents.founder,
      '/startups/seoul-moving/solutions',
      { titleKo: '큰 그림', imageAlt: '그림' },
      Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)]),
    );
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('id="f-image-error"');
    const over = await postImage(
      agents.founder,
      '/api/v1/startups/seoul-moving/solutions',
      { titleKo: '아주 큰 그림', imageAlt: '그림' },
      Buffer.alloc(6 * 1024 * 1024, 1),
      'application/json',
    );
    expect(over.statusCode).toBe(413);
    const noAlt = await postImage(agents.founder, '/api/v1/startups/seoul-moving/solutions', { titleKo: '대체 텍스트 없음' }, png, 'application/json');
    expect(noAlt.statusCode).toBe(422);
    expect(await count('startups_solution')).toBe(1);
    expect(await files()).toBe(1);
    const stranger = await postImage(agents.rival, '/api/v1/startups/seoul-moving/solutions', { titleKo: '남의 솔루션' }, null, 'application/json');
    expect(stranger.statusCode).toBe(403);
    const extra = await postImage(
      agents.founder,
      '/api/v1/startups/seoul-moving/solutions',
      { titleKo: '지울 솔루션', imageAlt: '지울 그림' },
      png,
      'application/json',
    );
    expect(extra.statusCode).toBe(201);
    const extraId = extra.json().solutions.find((x: { title: { ko: string } }) => x.title.ko === '지울 솔루션').id;
    expect(await files()).toBe(2);
    expect((await agents.rival.api('DELETE', `/api/v1/startups/seoul-moving/solutions/${extraId}`)).statusCode).toBe(403);
    expect((await agents.founder.post(`/startups/seoul-moving/solutions/${extraId}/delete`, {})).statusCode).toBe(303);
    expect(await count('startups_solution')).toBe(1);
    expect(await files()).toBe(1);
  });
});

describe(`the consultative body (${dialect})`, () => {
  let callSlug = '';
  it('officials of the programme open a call; others may not', async () => {
    const denied = await agents.dataOfficial.api('POST', '/api/v1/startups/calls', callBody());
    expect(denied.statusCode, denied.body).toBe(403);
    const res = await agents.official.api('POST', '/api/v1/startups/calls', callBody());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'body', open: true, applyBy: '2026-11-20', seats: 10 });
    callSlug = res.json().slug;
  });

  it('a startup applies once; an over-age startup and a second application are refused by field; nothing is stored', async () => {
    const page = await agents.founder.post(`/startups/calls/${callSlug}/apply`, { startup: 'seoul-moving', motivation: '해외 진출을 준비하고 싶습니다.' });
    expect(page.statusCode).toBe(303);
    const twice = await agents.founder.api('POST', `/api/v1/startups/calls/${callSlug}/applications`, {
      startup: 'seoul-moving',
      motivation: '다시 신청합니다, 한 번 더.',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: 'startups.already_applied', details: { field: 'startup' } });
    const old = await agents.rival.api('POST', `/api/v1/startups/calls/${callSlug}/applications`, {
      startup: ids.rival,
      motivation: '저희도 신청합니다. 잘 부탁합니다.',
    });
    expect(old.statusCode).toBe(409);
    expect(old.json().error.code).toBe('startups.not_eligible_age');
    const forOthers = await agents.rival.api('POST', `/api/v1/startups/calls/${callSlug}/applications`, {
      startup: 'seoul-moving',
      motivation: '남의 스타트업으로 신청합니다.',
    });
    expect(forOthers.statusCode).toBe(403);
    expect(await count('startups_application')).toBe(1);
  });

  it('after the deadline an application is refused with a clear error and nothing changes', async () => {
    const other = await agents.citizen.api('POST', '/api/v1/startups', { ...profileJson(), nameKo: '늦은팀', nameEn: 'Late Team', contactEmail: 'l@l.kr' });
    now = new Date('2026-11-20T15:30:00Z'); // 21 November in Seoul: the day after the deadline
    const late = await agents.citizen.api('POST', `/api/v1/startups/calls/${callSlug}/applications`, {
      startup: other.json().slug,
      motivation: '마감이 지났지만 신청합니다.',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'startups.deadline_passed', details: { field: 'call', applyBy: '2026-11-20' } });
    const page = await agents.citizen.post(`/startups/calls/${callSlug}/apply`, { startup: other.json().slug, motivation: '마감이 지났지만 신청합니다.' });
    expect(page.statusCode).toBe(409);
    expect(await count('startups_application')).toBe(1);
    now = new Date('2026-11-02T01:00:00Z');
  });

  it('an official selects with reasons; the startup is told and becomes a member of the body', async () => {
    const call = await agents.official.api('GET', `/api/v1/startups/calls/${callSlug}`);
    ids.application = call.json().applications[0].id;
    const noReason = await agents.official.api('POST', `/api/v1/startups/applications/${ids.application}/decision`, { decision: 'selected', reason: '' });
    expect(noReason.statusCode).toBe(422);
    expect(
      (await agents.founder.api('POST', `/api/v1/startups/applications/${ids.application}/decision`, { decision: 'selected', reason: '셀프 선정입니다' }))
        .statusCode,
    ).toBe(403);
    const page = await agents.official.post(`/startups/applications/${ids.application}/decision`, {
      decision: 'selected',
      reason: '해외 실증 계획이 구체적입니다.',
    });
    expect(page.statusCode).toBe(303);
    const again = await agents.official.api('POST', `/api/v1/startups/applications/${ids.application}/decision`, {
      decision: 'not_selected',
      reason: '번복합니다.',
    });
    expect(again.statusCode).toBe(409);
    const body = await api('/api/v1/startups/body');
    expect(body.members.map((m: { slug: string }) => m.slug)).toEqual(['seoul-moving']);
    expect((await api('/api/v1/startups/seoul-moving')).bodyMember).toBe(true);
    expect(await notified('founder@st.kr', '%selected%')).toBe(1);
    expect((await anon().get('/startups')).body).toContain(`href="/startups/calls/${callSlug}"`);
    const html = await anon().get('/startups/body');
    expect(html.body).toContain('서울무빙');
    const meeting = await agents.official.api('POST', '/api/v1/startups/body/meetings', {
      heldOn: '2026-11-10',
      titleKo: '1차 회의',
      titleEn: 'First meeting',
      minutesKo: '참석: 회원사 1곳. 논의: 해외 행사.',
    });
    expect(meeting.statusCode).toBe(201);
    expect((await api('/api/v1/startups/body')).meetings[0]).toMatchObject({ heldOn: '2026-11-10', title: { en: 'First meeting' } });
  });
});

describe(`opportunities (${dialect})`, () => {
  const slug = 'mwc-test';
  it('members-only opportunity: the member applies, others are refused; results wait until every application is decided', async () => {
    const res = await agents.official.api(
      'POST',
      '/api/v1/startups/opportunities',
      callBody({
        kind: 'exhibition',
        slug,
        titleKo: 'MWC 서울관',
        titleEn: 'MWC Seoul pavilion',
        startsOn: '2027-03-01',
        endsOn: '2027-03-04',
        location: 'Barcelona',
        membersOnly: true,
        maxAgeBand: null,
        coversKo: '부스 일부',
        coversEn: 'Part of the booth',
        applyBy: '2026-11-09',
      }),
    );
    expect(res.statusCode).toBe(201);
    expect((await agents.official.api('POST', '/api/v1/startups/opportunities', callBody({ kind: 'body' }))).statusCode).toBe(422);
    const apply = await agents.founder.api('POST', `/api/v1/startups/opportunities/${slug}/applications`, {
      startup: 'seoul-moving',
      motivation: '전시 부스에서 시연하겠습니다.',
    });
    expect(apply.statusCode).toBe(201);
    const nonMember = await agents.rival.api('POST', `/api/v1/startups/opportunities/${slug}/applications`, {
      startup: ids.rival,
      motivation: '회원은 아니지만 신청합니다.',
    });
    expect(nonMember.json().error.code).toBe('startups.members_only');
    expect((await api(`/api/v1/startups/opportunities/${slug}`)).applications).toEqual([]);
    const early = await agents.official.api('POST', `/api/v1/startups/opportunities/${slug}/results`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('startups.undecided_applications');
    await agents.official.api('POST', `/api/v1/startups/applications/${apply.json().id}/decision`, {
      decision: 'selected',
      reason: '시연 준비가 되어 있습니다.',
    });
    expect((await api(`/api/v1/startups/opportunities/${slug}`)).applications).toEqual([]);
    const published = await agents.official.post(`/startups/opportunities/${slug}/results`, {});
    expect(published.statusCode).toBe(303);
    const pub = await api(`/api/v1/startups/opportunities/${slug}`);
    expect(pub.resultsPublishedAt).not.toBeNull();
    expect(pub.applications).toMatchObject([{ startup: { slug: 'seoul-moving' }, state: 'selected', motivation: null }]);
    expect(await notified('founder@st.kr', 'Results published%')).toBe(1);
  });

  it('iCalendar feed parses with a real parser and carries the deadline and the event days; Atom is well-formed', async () => {
    const ics = await t.app.inject({ method: 'GET', url: '/startups/opportunities.ics' });
    expect(ics.headers['content-type']).toContain('text/calendar');
    const cal = new ICAL.Component(ICAL.parse(ics.body));
    const events = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const deadline = events.find((e) => e.summary.includes('MWC Seoul pavilion') && e.summary.includes('Deadline'))!;
    expect(deadline.startDate.toString()).toBe('2026-11-09');
    expect(deadline.startDate.isDate).toBe(true);
    const event = events.find((e) => e.summary === 'MWC 서울관 / MWC Seoul pavilion')!;
    expect([event.startDate.toString(), event.endDate.toString(), event.location]).toEqual(['2027-03-01', '2027-03-05', 'Barcelona']);
    // DTSTAMP is when the file was made (not the event), UIDs are stable, nothing is floating time.
    for (const e of events) {
      expect((e.component.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString()).toBe(now.toISOString());
      expect(e.component.getFirstPropertyValue('sequence')).toBe(0);
    }
    expect(ics.body).not.toMatch(/^(DTSTAMP|DTSTART|DTEND):\d{8}T\d{6}\r?$/m);
    const again = new ICAL.Component(ICAL.parse((await t.app.inject({ method: 'GET', url: '/startups/opportunities.ics' })).body))
      .getAllSubcomponents('vevent')
      .map((e) => new ICAL.Event(e).uid);
    expect(again).toEqual(events.map((e) => e.uid));
    // One call's file, linked from its page, carries the same events.
    const page = await anon().get(`/startups/opportunities/${slug}`);
    expect(page.body).toContain(`href="/startups/opportunities/${slug}/calendar.ics"`);
    const one = new ICAL.Component(ICAL.parse((await t.app.inject({ method: 'GET', url: `/startups/opportunities/${slug}/calendar.ics` })).body))
      .getAllSubcomponents('vevent')
      .map((e) => new ICAL.Event(e));
    expect(one.map((e) => [e.uid, e.startDate.toString()]).sort()).toEqual(
      [
        [deadline.uid, '2026-11-09'],
        [event.uid, '2027-03-01'],
      ].sort(),
    );
    const atom = await t.app.inject({ method: 'GET', url: '/startups/opportunities.atom' });
    expect(parseAtom(atom.body).entries.map((e) => e.title)).toContain('MWC 서울관 / MWC Seoul pavilion');
  });

  it('reminds startups that have not applied a week and a day before a deadline, once each per person, and counts mails sent', async () => {
    const mails = async () => (await t.services.mailer.outbox(1000)).length;
    now = new Date('2026-11-12T01:00:00Z'); // the body call closes on the 20th: 8 days, no reminder yet
    let before = await mails();
    expect(await sendDeadlineReminders(t.services)).toEqual({ sent: 0, calls: 0 });
    expect(await mails()).toBe(before);
    now = new Date('2026-11-13T01:00:00Z');
    before = await mails();
    expect((await sendDeadlineReminders(t.services)).sent).toBe(1);
    expect(await mails()).toBe(before + 1); // the count is mails that went out
    expect((await sendDeadlineReminders(t.services)).sent).toBe(0);
    expect(await notified('citizen@st.kr', 'Deadline in a week%')).toBe(1);
    expect(await notified('founder@st.kr', 'Deadline in a week%')).toBe(0); // already applied
    expect(await notified('rival@st.kr', 'Deadline in a week%')).toBe(0); // over the call's age band: may not apply
    // A startup registered after that run still gets its week reminder on the next one; the others are not mailed again.
    const late = new Agent(t.app);
    await late.signUp('late@st.kr', PASSWORD, 'late');
    expect(
      (await late.api('POST', '/api/v1/startups', { ...profileJson(), nameKo: '뒤늦은팀', nameEn: 'Latecomers', contactEmail: 'late@late.kr' })).statusCode,
    ).toBe(201);
    now = new Date('2026-11-14T01:00:00Z');
    expect((await sendDeadlineReminders(t.services)).sent).toBe(1);
    expect(await notified('late@st.kr', 'Deadline in a week%')).toBe(1);
    expect(await notified('citizen@st.kr', 'Deadline in a week%')).toBe(1);
    expect((await sendDeadlineReminders(t.services)).sent).toBe(0);
    const rows = await t.services.db
      .selectFrom('startups_reminder_recipient as r')
      .innerJoin('accounts_user as u', 'u.id', 'r.user_id')
      .select(['u.email', 'r.reminder', 'r.apply_by'])
      .where('r.reminder', '=', 'week')
      .orderBy('u.email')
      .execute();
    expect(rows.filter((r) => r.apply_by === '2026-11-20').map((r) => r.email)).toEqual(['citizen@st.kr', 'late@st.kr']);
    now = new Date('2026-11-19T01:00:00Z');
    expect((await sendDeadlineReminders(t.services)).sent).toBe(2); // the day before: each of them once
    expect((await sendDeadlineReminders(t.services)).sent).toBe(0);
    now = new Date('2026-11-02T01:00:00Z');
  });

  it('`jobs run startup-reminders` on a fresh data dir reports 0 and sends nothing', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'reminders-'));
    try {
      const out = execFileSync('node', ['bin/open-seoul.js', 'jobs', 'run', 'startup-reminders'], {
        encoding: 'utf8',
        env: { ...process.env, OPEN_SEOUL_DATA_DIR: dir, DATABASE_URL: '' },
      });
      expect(out.trim().split('\n').at(-1)).toBe('Reminders sent: 0');
      expect(await fs.readdir(path.join(dir, 'outbox')).catch(() => [])).toEqual([]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe(`rules library (${dialect})`, () => {
  it('is searchable in Korean (two-syllable words) and English, and filterable by field', async () => {
    const ko = await api(`/api/v1/startups/rules?q=${encodeURIComponent('개인정보')}`);
    expect(ko.items.map((r: { slug: string }) => r.slug)).toContain('personal-information-protection-act');
    const drone = await api(`/api/v1/startups/rules?q=${encodeURIComponent('드론')}`);
    expect(drone.items.map((r: { slug: string }) => r.slug)).toEqual(['drone-act']);
    const en = await api('/api/v1/startups/rules?q=autonomous');
    expect(en.items.map((r: { slug: string }) => r.slug)).toEqual(['autonomous-vehicles-act']);
    const tag = await api('/api/v1/startups/rules?tag=drones');
    expect(tag.items.every((r: { tags: string[] }) => r.tags.includes('drones'))).toBe(true);
    const pipa = await api('/api/v1/startups/rules/personal-information-protection-act');
    expect(pipa.versions.map((v: { version: number; effectiveOn: string }) => [v.version, v.effectiveOn])).toEqual([
      [2, '2020-08-05'],
      [1, '2011-09-30'],
    ]);
    expect(pipa.current.textKind).toBe('summary');
    expect(pipa.source.url).toMatch(/^https:\/\/www\.law\.go\.kr\//);
    const page = await anon().get('/startups/rules?q=%EA%B0%9C%EC%9D%B8%EC%A0%95%EB%B3%B4');
    expect(page.body).toContain('요약(원문 아님');
  });

  it('the department keeps versions; a version may not go back in time; others may not add one', async () => {
    const v = { effectiveOn: '2023-09-15', textKind: 'summary', textKo: '개정된 요약입니다.', changeKo: '전면 개정 반영', changeEn: 'Amendment reflected' };
    expect((await agents.rival.api('POST', '/api/v1/startups/rules/personal-information-protection-act/versions', v)).statusCode).toBe(403);
    const back = await agents.dataOfficial.api('POST', '/api/v1/startups/rules/personal-information-protection-act/versions', {
      ...v,
      effectiveOn: '2019-01-01',
    });
    expect(back.statusCode).toBe(422);
    const ok = await agents.dataOfficial.api('POST', '/api/v1/startups/rules/personal-information-protection-act/versions', v);
    expect(ok.statusCode).toBe(201);
    expect(ok.json().current).toMatchObject({ version: 3, effectiveOn: '2023-09-15' });
    expect((await api(`/api/v1/startups/rules?q=${encodeURIComponent('개정된 요약')}`)).items.map((r: { slug: string }) => r.slug)).toEqual([
      'personal-information-protection-act',
    ]);
  });
});

describe(`policy feedback with a duty to answer (${dialect})`, () => {
  const form = {
    startup: 'seoul-moving',
    kind: 'change',
    title: '위치정보 동의 절차 간소화',
    body: '이동 약자 길찾기에 위치정보 동의가 너무 복잡합니다.',
    proposal: '한 번의 동의로 충분하게 해 주세요.',
  };

  it('a startup comments on a rule: an accountability item for the rule department, due in 14 business days', async () => {
    const res = await agents.founder.post('/startups/rules/personal-information-protection-act/feedback', form);
    expect(res.statusCode).toBe(303);
    ids.feedback = res.headers.location!.split('/').pop()!;
    const f = await api(`/api/v1/startups/feedback/${ids.feedback}`);
    expect(f).toMatchObject({
      kind: 'change',
      decision: null,
      rule: { slug: 'personal-information-protection-act', department: { slug: 'smg-data-statistics-division' } },
    });
    expect(f.answer).toMatchObject({ state: 'received', receivedOn: '2026-11-02', dueOn: addBusinessDays('2026-11-02', 14) });
    expect(f).not.toHaveProperty('authorId');
    expect(f).not.toHaveProperty('panel');
    ids.item = f.answer.itemId;
    expect(await api(`/api/v1/accountability/items/${ids.item}`)).toMatchObject({
      kind: 'startups.policy_feedback',
      url: `/startups/feedback/${ids.feedback}`,
    });
  });

  it('the same feedback twice is refused with the field named and nothing changes', async () => {
    const before = [await count('startups_feedback'), await count('accountability_item')];
    const twice = await agents.founder.api('POST', '/api/v1/startups/rules/personal-information-protection-act/feedback', { ...form, title: ` ${form.title}` });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: 'startups.duplicate_feedback', details: { field: 'title' } });
    const page = await agents.founder.post('/startups/rules/personal-information-protection-act/feedback', form);
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain('같은 제목의 의견을 이미');
    const noProposal = await agents.founder.api('POST', '/api/v1/startups/rules/drone-act/feedback', { ...form, proposal: null });
    expect(noProposal.statusCode).toBe(422);
    expect([await count('startups_feedback'), await count('accountability_item')]).toEqual(before);
  });

  it('others endorse once and then follow the answer', async () => {
    expect((await agents.rival.api('POST', `/api/v1/startups/feedback/${ids.feedback}/endorsements`)).json()).toEqual({
      feedbackId: ids.feedback,
      endorsements: 1,
    });
    expect((await agents.rival.api('POST', `/api/v1/startups/feedback/${ids.feedback}/endorsements`)).statusCode).toBe(409);
    expect((await agents.founder.api('POST', `/api/v1/startups/feedback/${ids.feedback}/endorsements`)).statusCode).toBe(409);
    expect(await count('startups_endorsement')).toBe(1);
  });

  it('the department answers with reasons (under review needs a date); the startup and endorsers are told', async () => {
    expect(
      (await agents.official.api('POST', `/api/v1/startups/feedback/${ids.feedback}/answer`, { decision: 'accepted', reasons: '좋은 제안입니다.' })).statusCode,
    ).toBe(403);
    const noDate = await agents.dataOfficial.api('POST', `/api/v1/startups/feedback/${ids.feedback}/answer`, {
      decision: 'under_review',
      reasons: '관계 부처와 협의가 필요합니다.',
    });
    expect(noDate.statusCode).toBe(422);
    expect(noDate.json().error.details.map((d: { field: string }) => d.field)).toEqual(['reviewBy']);
    now = new Date('2026-11-05T01:00:00Z');
    const page = await agents.dataOfficial.post(`/startups/feedback/${ids.feedback}/answer`, {
      decision: 'under_review',
      reviewBy: '2026-12-15',
      reasons: '관계 부처와 협의가 필요합니다.',
      nextSteps: '12월 결정',
    });
    expect(page.statusCode).toBe(303);
    const f = await api(`/api/v1/startups/feedback/${ids.feedback}`);
    expect(f).toMatchObject({
      decision: 'under_review',
      reviewBy: '2026-12-15',
      answer: { state: 'answered', answeredOn: '2026-11-05', answeredOnTime: true },
    });
    expect(f.answer.answers[0].decision).toContain('Under review, decision by 2026-12-15');
    expect(await notified('founder@st.kr', 'Answered:%')).toBe(1);
    expect(await notified('rival@st.kr', 'Answered:%')).toBe(1);
    const own = await agents.founder.get('/startups/seoul-moving');
    expect(own.body).toContain('data-own-applications');
    expect(own.body).toMatch(/data-decision="under_review"/);
    expect((await anon().get('/startups/seoul-moving')).body).not.toContain('data-own-applications');
    const seen = await agents.founder.get(`/startups/feedback/${ids.feedback}`);
    expect(seen.body).toContain('관계 부처와 협의가 필요합니다.');
    expect(seen.body).toContain('data-decision="under_review"');
  });

  it('the startup disputes and escalates through the engine; the department page shows answers and timeliness', async () => {
    expect((await agents.founder.post(`/accountability/items/${ids.item}/dispute`, { reason: '결정이 너무 늦습니다.' })).statusCode).toBe(303);
    expect((await agents.founder.post(`/accountability/items/${ids.item}/escalate`, {})).statusCode).toBe(303);
    expect(await api(`/api/v1/accountability/items/${ids.item}`)).toMatchObject({ state: 'escalated', escalationLevel: 1 });
    const dept = await api('/api/v1/startups/departments/smg-data-statistics-division');
    // The first answer stays on the record after an escalation (it came on time, on 5 November).
    expect(dept.startups).toMatchObject({ received: 1, answered: 1, answeredOnTime: 1 });
    expect(dept.scorecard).toMatchObject({ key: 'smg-data-statistics-division', received: 1, disputes: 1 });
    expect(dept.feedback[0]).toMatchObject({ id: ids.feedback, decision: 'under_review' });
    const page = await anon().get('/startups/departments/smg-data-statistics-division');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`data-feedback="${ids.feedback}"`);
  });
});

describe(`the programme's forms (${dialect})`, () => {
  it('officials open an opportunity, add a rule with field tags and a version, and record a meeting from the pages; problems come back by field', async () => {
    const bad = await agents.official.post('/startups/calls', {
      kind: 'roadshow',
      titleKo: '로드쇼',
      titleEn: 'Roadshow',
      summaryKo: '소개',
      summaryEn: 'About',
      opensOn: '2026-11-10',
      applyBy: '2026-11-01',
      eligibilityKo: '누구나',
      eligibilityEn: 'Anyone',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('id="f-applyBy-error"');
    const call = await agents.official.post('/startups/calls', {
      kind: 'roadshow',
      titleKo: '로드쇼',
      titleEn: 'Paris roadshow',
      summaryKo: '소개',
      summaryEn: 'About',
      opensOn: '2026-11-01',
      applyBy: '2026-11-30',
      eligibilityKo: '누구나',
      eligibilityEn: 'Anyone',
      membersOnly: '1',
    });
    expect(call.statusCode).toBe(303);
    expect(call.headers.location).toBe('/startups/opportunities/paris-roadshow');
    expect(await api('/api/v1/startups/opportunities/paris-roadshow')).toMatchObject({ kind: 'roadshow', membersOnly: true, applyBy: '2026-11-30' });
    const form = new URLSearchParams({
      titleKo: '자율주행 시범운행지구 운영 지침',
      titleEn: 'Autonomous driving pilot zone guideline',
      kind: 'guideline',
      department: 'smg-information-planning-division',
      sourceName: '국토교통부',
      sourceUrl: 'https://www.law.go.kr/',
      effectiveOn: '2024-01-01',
      textKind: 'summary',
      textKo: '시범운행지구 운영 요약',
    });
    form.append('tags', 'mobility');
    form.append('tags', 'safety');
    form.set('_csrf', /name="_csrf" value="([^"]+)"/.exec((await agents.official.get('/startups/rules/new')).body)![1]!);
    const rule = await t.app.inject({
      method: 'POST',
      url: '/startups/rules',
      payload: form.toString(),
      headers: { cookie: agents.official.cookieHeader, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    });
    expect(rule.statusCode).toBe(303);
    const slug = rule.headers.location!.split('/').pop()!;
    expect((await api(`/api/v1/startups/rules/${slug}`)).tags).toEqual(['mobility', 'safety']);
    const page = await agents.official.get(`/startups/rules/${slug}`);
    expect(page.body).toContain(`action="/startups/rules/${slug}/versions"`);
    const version = await agents.official.post(`/startups/rules/${slug}/versions`, {
      effectiveOn: '2025-01-01',
      textKind: 'official',
      textKo: '개정 본문',
      changeKo: '운영 기간 연장',
    });
    expect(version.statusCode).toBe(303);
    expect((await api(`/api/v1/startups/rules/${slug}`)).current).toMatchObject({ version: 2, textKind: 'official' });
    const noChange = await agents.official.post(`/startups/rules/${slug}/versions`, { effectiveOn: '2025-06-01', textKind: 'summary', textKo: '또 개정' });
    expect(noChange.statusCode).toBe(422);
    expect(noChange.body).toContain('id="f-changeKo-error"');
    const meeting = await agents.official.post('/startups/meetings', {
      heldOn: '2026-11-20',
      titleKo: '2차 회의',
      titleEn: 'Second meeting',
      minutesKo: '논의: 로드쇼 준비',
    });
    expect(meeting.statusCode).toBe(303);
    expect((await api('/api/v1/startups/body')).meetings.map((m: { title: { en: string } }) => m.title.en)).toContain('Second meeting');
    expect((await agents.founder.get('/startups/calls/new')).statusCode).toBe(200);
    expect(
      (await agents.founder.post('/startups/meetings', { heldOn: '2026-11-20', titleKo: '가짜', titleEn: 'Fake', minutesKo: '가짜 회의록' })).statusCode,
    ).toBe(403);
  });
});

describe(`the English promotional kit (${dialect})`, () => {
  const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
  let dir = '';
  beforeAll(async () => {
    await startupsExamplesSeed.run(t.services);
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'booklet-'));
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('a booklet for five seeded startups: cover, the city introduction, contents with page numbers, one numbered English page each', async () => {
    const examples = (await api('/api/v1/startups')).items.filter((s: { example: boolean }) => s.example).map((s: { slug: string }) => s.slug);
    expect(examples).toHaveLength(5);
    const started = performance.now();
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/startups/booklet?startups=${examples.join(',')}` });
    const ms = performance.now() - started;
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = path.join(dir, 'booklet.pdf');
    await fs.writeFile(pdf, res.rawPayload);
    const info = run('pdfinfo', [pdf]);
    expect(info).toMatch(/Pages:\s+8/);
    expect(info).toMatch(/Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/);
    // Every page renders, and the fonts are embedded (Pretendard, subset).
    run('pdftoppm', ['-r', '40', '-png', pdf, path.join(dir, 'page')]);
    expect((await fs.readdir(dir)).filter((f) => f.startsWith('page')).length).toBe(8);
    const fonts = run('pdffonts', [pdf]).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/Pretendard.*\byes\s+yes\b/); // embedded, subset
    const text = run('pdftotext', ['-layout', pdf, '-']);
    expect(text).not.toMatch(/\p{Script=Hangul}/u); // English only: never a Korean stand-in
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(8);
    expect(pages[0]).toContain('Seoul Youth');
    expect(pages[1]).toContain('Seoul’s youth startup programme');
    expect(pages[1]).toContain('Youth Startup Consultative Body');
    expect(pages[2]).toContain('Contents');
    const names = ['Example Mobility Lab', 'Example Droneworks', 'Example Data Forest', 'Example GridOn', 'Example SafeStreet'];
    const order = examples.map((slug: string) => names.find((n) => slug === n.toLowerCase().replace(/[^a-z]+/g, '-'))!);
    order.forEach((name: string, i: number) => {
      expect(pages[2]).toMatch(new RegExp(`${name} — .+\\s${i + 4}\\n`)); // the contents give its page
      const page = pages[i + 3]!;
      expect(page).toContain(name);
      expect(page).toContain(`/startups/${examples[i]}`); // one page each, in the order picked
      for (const heading of ['What we do', 'Team', 'Solution', 'Traction', 'What we seek', 'Contact', 'Example Contact']) expect(page).toContain(heading);
      expect(page).toContain(`${i + 4} / 8`); // numbered
    });
    expect(
      run('pdfimages', ['-list', pdf])
        .split('\n')
        .filter((l) => /^\s*\d+\s+\d+\s+image/.test(l)).length,
    ).toBeGreaterThanOrEqual(10); // 5 QR codes + 6 solution images
    console.log(`booklet: 8 pages, ${res.rawPayload.length} bytes, ${ms.toFixed(0)} ms`);
  });

  it('a one-page proposal sheet per startup, in English', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/startups/example-droneworks/proposal.pdf' });
    expect(res.statusCode).toBe(200);
    const pdf = path.join(dir, 'proposal.pdf');
    await fs.writeFile(pdf, res.rawPayload);
    expect(run('pdfinfo', [pdf])).toMatch(/Pages:\s+1\n/);
    const text = run('pdftotext', [pdf, '-']);
    expect(text).toContain('Example Droneworks');
    expect(text).not.toMatch(/\p{Script=Hangul}/u);
  });

  it('missing English is a publishing error shown to the founder and named by the booklet, never a Korean stand-in', async () => {
    const refused = await t.app.inject({ method: 'GET', url: '/api/v1/startups/booklet?startups=example-gridon,seoul-moving' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: 'startups.booklet_english_missing',
      details: {
        field: 'startups',
        startups: [{ slug: 'seoul-moving', fields: ['teamEn', 'tractionEn', 'askEn', 'contactNameEn', 'solutions.0.descriptionEn'] }],
      },
    });
    expect((await t.app.inject({ method: 'GET', url: '/startups/seoul-moving/proposal.pdf' })).statusCode).toBe(422);
    const picker = await anon().get('/startups/booklet.pdf?startups=seoul-moving');
    expect(picker.statusCode).toBe(422);
    expect(picker.body).toContain('href="/startups/seoul-moving#booklet-ready"');
    expect(picker.body).toContain('id="booklet-error"');
    // The founder sees each missing field on the profile; others do not see the founder's checklist.
    const mine = await agents.founder.get('/startups/seoul-moving');
    expect(mine.body).toContain('data-booklet-ready="false"');
    for (const gap of ['teamEn', 'tractionEn', 'askEn', 'contactNameEn', 'solutions.0.descriptionEn']) expect(mine.body).toContain(`data-gap="${gap}"`);
    expect((await anon().get('/startups/seoul-moving')).body).not.toContain('data-booklet-ready');
    // A contact name that is not in roman letters is refused by field.
    const hangul = await agents.founder.post('/startups/seoul-moving/edit', { ...profileForm, contactNameEn: '김민지' });
    expect(hangul.statusCode).toBe(422);
    expect(hangul.body).toContain('로마자');
    expect(
      (
        await agents.founder.post('/startups/seoul-moving/edit', {
          ...profileForm,
          teamEn: 'Five: two wheelchair users, three engineers.',
          tractionEn: 'Pilot at 3 stations.',
          askEn: 'Transit partners.',
          contactNameEn: 'Kim Minji',
        })
      ).statusCode,
    ).toBe(303);
    const after = await agents.founder.get('/startups/seoul-moving');
    expect(after.body).toContain('data-gap="solutions.0.descriptionEn"');
    expect(after.body).not.toContain('data-gap="teamEn"');
    expect((await api('/api/v1/startups/seoul-moving')).booklet).toEqual({
      team: 'Five: two wheelchair users, three engineers.',
      traction: 'Pilot at 3 stations.',
      ask: 'Transit partners.',
      contactName: 'Kim Minji',
    });
  });

  it('a booklet with no startups, or an unknown one, is refused with the field named', async () => {
    const empty = await t.app.inject({ method: 'GET', url: '/api/v1/startups/booklet?startups=' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toMatchObject({ code: 'startups.booklet_empty', details: { field: 'startups' } });
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/startups/booklet?startups=nobody' });
    expect(unknown.json().error.code).toBe('startups.booklet_unknown');
    const page = await anon().get('/startups/booklet.pdf');
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('id="booklet-error"');
  });

  it('every startups page renders in Korean and English', async () => {
    for (const url of [
      '/startups',
      '/startups/body',
      '/startups/opportunities',
      '/startups/opportunities/example-mwc',
      '/startups/calls/youth-startup-body-example',
      '/startups/rules',
      '/startups/rules/drone-act',
      `/startups/feedback/${ids.feedback}`,
      '/startups/departments/smg-data-statistics-division',
      '/startups/booklet',
      '/startups/example-gridon',
    ]) {
      for (const lang of ['ko', 'en']) {
        const res = await t.app.inject({ method: 'GET', url: `${url}${url.includes('?') ? '&' : '?'}lang=${lang}`, headers: { accept: 'text/html' } });
        expect(res.statusCode, `${url} ${lang}`).toBe(200);
        expect(res.body).toContain(`<html lang="${lang}">`);
      }
    }
  });
});

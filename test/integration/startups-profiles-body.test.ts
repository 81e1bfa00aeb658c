import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { examplePng } from '../../src/contexts/startups/seeds/example-image.js';
import { sendDeadlineReminders } from '../../src/contexts/startups/use-cases/send-deadline-reminders.js';
import { Agent } from '../support/agent.js';
import { parseAtom } from '../support/atom.js';
import {
  PASSWORD,
  agents,
  anon,
  api,
  callBody,
  count,
  ids,
  notified,
  postImage,
  profileJson,
  profileForm,
  t,
  useStartupsFixture,
} from '../support/startups-fixture.js';
import { dialect } from '../support/test-app.js';

let now = new Date('2026-11-02T01:00:00Z'); // Monday 2 November 2026, 10:00 in Seoul
useStartupsFixture(() => now);

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

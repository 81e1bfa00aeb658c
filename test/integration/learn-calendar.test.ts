import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { addOrganisationMember } from '../../src/contexts/accounts/use-cases/add-organisation-member.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { planProgrammesSeed } from '../../src/contexts/learn/seeds/plan-programmes.seed.js';
import { Agent } from '../support/agent.js';
import { parseAtom } from '../support/atom.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

const PASSWORD = 'calendar password 123';
const DIVISION = 'smg-data-statistics-division';
let t: TestContext;
let now = new Date('2026-12-06T00:30:00Z');
const agents = {} as Record<'organiser' | 'a' | 'b', Agent>;
let programme = '';
let sessions: string[] = [];

const events = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
/** The hour a calendar app in Seoul shows for an event start (the parser resolves the zone; Intl does Seoul). */
const seoulHour = (e: ICAL.Event) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Seoul', hour: '2-digit', minute: '2-digit', hour12: false }).format(e.startDate.toJSDate());
const prop = (e: ICAL.Event, name: string) => e.component.getFirstPropertyValue(name);
const stampOf = (e: ICAL.Event) => (prop(e, 'dtstamp') as ICAL.Time).toJSDate().toISOString();
const mailsTo = async (email: string) => (await t.services.mailer.outbox(500)).filter((m) => m.to === email).sort((x, y) => x.id.localeCompare(y.id));
const get = (url: string) => t.app.inject({ method: 'GET', url });

beforeAll(async () => {
  t = await createTestContext();
  t.services.now = () => now;
  await createUser(t.services, system(), { email: 'organiser@cal.kr', password: PASSWORD, role: 'official' });
  await addOrganisationMember(t.services, system(), { organisation: DIVISION, email: 'organiser@cal.kr', role: 'member' });
  agents.organiser = new Agent(t.app);
  await agents.organiser.signIn('organiser@cal.kr', PASSWORD);
  for (const name of ['a', 'b'] as const) {
    agents[name] = new Agent(t.app);
    await agents[name].signUp(`${name}@cal.kr`, PASSWORD, `시민${name.toUpperCase()}`);
  }
});
afterAll(() => t.close());

describe(`calendars put sessions at the Seoul hour (${dialect})`, () => {
  it('writes a 14:00 Seoul session as 05:00Z in every learn feed, with DTSTAMP the generation time and stable UIDs', async () => {
    const res = await agents.organiser.api('POST', '/api/v1/learn/programmes', {
      kind: 'course',
      titleKo: '달력 시험 과정',
      titleEn: 'Calendar test course',
      summaryKo: '두 번 모입니다.',
      audience: 'everyone',
      level: 'beginner',
      placeKo: '서울시 빅데이터캠퍼스 교육장',
      placeEn: 'Seoul Big Data Campus',
      capacity: 1,
      organisation: DIVISION,
      sessions: [
        { startsAt: '2026-12-10T14:00', endsAt: '2026-12-10T16:00' },
        { startsAt: '2026-12-17T14:00', endsAt: '2026-12-17T16:30' },
      ],
    });
    expect(res.statusCode).toBe(201);
    programme = res.json().id;
    sessions = res.json().sessions.map((s: { id: string }) => s.id);
    for (const url of ['/learn/calendar.ics', `/learn/programmes/${programme}/calendar.ics`, `/learn/sessions/${sessions[0]}/calendar.ics`]) {
      const feed = await get(url);
      expect(feed.statusCode).toBe(200);
      expect(feed.body).not.toMatch(/DTSTART:\d{8}T\d{6}\r?\n/); // never floating time
      const ev = events(feed.body).find((e) => e.uid === `${sessions[0]}@open-seoul.learn`)!;
      expect(ev.startDate.toJSDate().toISOString()).toBe('2026-12-10T05:00:00.000Z');
      expect(seoulHour(ev)).toBe('14:00');
      expect(ev.endDate.toJSDate().toISOString()).toBe('2026-12-10T07:00:00.000Z');
      expect(stampOf(ev)).toBe(now.toISOString().replace(/\.\d{3}Z$/, '.000Z'));
      expect(prop(ev, 'sequence')).toBe(0);
      expect(prop(ev, 'status')).toBe('CONFIRMED');
    }
    const one = events((await get(`/learn/sessions/${sessions[1]}/calendar.ics`)).body);
    expect(one.map((e) => [e.uid, seoulHour(e)])).toEqual([[`${sessions[1]}@open-seoul.learn`, '14:00']]);
    expect((await get('/learn/sessions/nope/calendar.ics')).statusCode).toBe(404);
    // Generated again later: the same UIDs, a new DTSTAMP.
    now = new Date('2026-12-06T01:00:00Z');
    const again = events((await get(`/learn/programmes/${programme}/calendar.ics`)).body);
    expect(again.map((e) => e.uid)).toEqual(sessions.map((s) => `${s}@open-seoul.learn`));
    expect(again.map(stampOf)).toEqual(['2026-12-06T01:00:00.000Z', '2026-12-06T01:00:00.000Z']);
  });

  it('shows "add to calendar" links for each session, in Seoul time said as such', async () => {
    const page = await agents.a.get(`/learn/programmes/${programme}`);
    expect(page.body).toContain(`href="/learn/sessions/${sessions[0]}/calendar.ics"`);
    expect(page.body).toContain('서울 시간(KST, UTC+9)');
    const google = /href="(https:\/\/calendar\.google\.com[^"]+)"/.exec(page.body)![1]!.replace(/&amp;/g, '&');
    expect(new URL(google).searchParams.get('dates')).toBe('20261210T050000Z/20261210T070000Z');
  });

  it('mails registration and waitlist with date, Seoul time, place and an .ics; tells the waiting person when they move up', async () => {
    expect((await agents.a.api('POST', `/api/v1/learn/programmes/${programme}/registration`)).json()).toMatchObject({ state: 'registered' });
    expect((await agents.b.api('POST', `/api/v1/learn/programmes/${programme}/registration`)).json()).toMatchObject({ state: 'waitlisted', place: 1 });
    const [aMail] = await mailsTo('a@cal.kr');
    expect(aMail!.subject).toContain('신청 완료');
    expect(aMail!.text).toContain('2026년 12월 10일 (목) 14:00–16:00 (서울 시간)');
    expect(aMail!.text).toContain('2026년 12월 17일 (목) 14:00–16:30 (서울 시간)');
    expect(aMail!.text).toContain('장소: 서울시 빅데이터캠퍼스 교육장');
    const aIcs = events(aMail!.attachments![0]!.content);
    expect(aMail!.attachments![0]!.contentType).toContain('text/calendar');
    expect(aIcs.map((e) => [seoulHour(e), prop(e, 'status')])).toEqual([
      ['14:00', 'CONFIRMED'],
      ['14:00', 'CONFIRMED'],
    ]);
    const [bMail] = await mailsTo('b@cal.kr');
    expect(bMail!.subject).toContain('대기 1번');
    expect(bMail!.text).toContain('14:00–16:00 (서울 시간)');
    expect(events(bMail!.attachments![0]!.content).map((e) => prop(e, 'status'))).toEqual(['TENTATIVE', 'TENTATIVE']);
    // A cancels: B moves up, is told, and their calendar event is replaced (SEQUENCE up, CONFIRMED).
    expect((await agents.a.api('DELETE', `/api/v1/learn/programmes/${programme}/registration`)).statusCode).toBe(200);
    const bMails = await mailsTo('b@cal.kr');
    expect(bMails).toHaveLength(2);
    expect(bMails[1]!.subject).toContain('대기에서 등록으로');
    expect(bMails[1]!.text).toContain('대기자 명단에서 등록으로 올라갔습니다');
    expect(bMails[1]!.text).toContain('2026년 12월 17일 (목) 14:00–16:30 (서울 시간)');
    const promoted = events(bMails[1]!.attachments![0]!.content);
    expect(promoted.map((e) => [prop(e, 'status'), prop(e, 'sequence')])).toEqual([
      ['CONFIRMED', 1],
      ['CONFIRMED', 1],
    ]);
    // A's personal feed keeps the sessions, cancelled, with a higher SEQUENCE.
    const me = (await agents.a.api('GET', '/api/v1/learn/me')).json();
    const mine = events((await get(me.calendarUrl)).body);
    expect(mine.map((e) => [prop(e, 'status'), prop(e, 'sequence'), seoulHour(e)])).toEqual([
      ['CANCELLED', 1, '14:00'],
      ['CANCELLED', 1, '14:00'],
    ]);
  });

  it('marks every event of a cancelled programme CANCELLED with SEQUENCE bumped, and mails the cancelled .ics', async () => {
    expect((await agents.organiser.api('PATCH', `/api/v1/learn/programmes/${programme}`, { status: 'cancelled' })).statusCode).toBe(200);
    for (const url of ['/learn/calendar.ics', `/learn/programmes/${programme}/calendar.ics`]) {
      const evs = events((await get(url)).body).filter((e) => sessions.includes(e.uid.split('@')[0]!));
      expect(evs.map((e) => [prop(e, 'status'), prop(e, 'sequence'), seoulHour(e)])).toEqual([
        ['CANCELLED', 1, '14:00'],
        ['CANCELLED', 1, '14:00'],
      ]);
    }
    const bMails = await mailsTo('b@cal.kr');
    const last = bMails.at(-1)!;
    expect(last.subject).toContain('프로그램 취소');
    expect(events(last.attachments![0]!.content).map((e) => [prop(e, 'status'), prop(e, 'sequence')])).toEqual([
      ['CANCELLED', 2],
      ['CANCELLED', 2],
    ]);
    const page = await agents.b.get(`/learn/programmes/${programme}`);
    expect(page.body).toContain('data-cancelled');
  });

  it('marks seeded examples once, never "[예시] [예시]"', async () => {
    await planProgrammesSeed.run(t.services);
    const all = (await get('/learn/calendar.ics')).body;
    const summaries = events(all).map((e) => e.summary);
    expect(summaries.some((s) => s.startsWith('[예시] '))).toBe(true);
    expect(summaries.filter((s) => s.includes('[예시] [예시]'))).toEqual([]);
    const titles = parseAtom((await get('/learn/programmes.atom')).body).entries.map((e) => e.title);
    expect(titles.some((s) => s.startsWith('[예시] '))).toBe(true);
    expect(titles.filter((s) => s.includes('[예시] [예시]'))).toEqual([]);
  });
});

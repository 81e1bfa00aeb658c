import { describe, expect, it } from 'vitest';
import { sendLearnReminders } from '../../src/contexts/learn/use-cases/send-learn-reminders.js';
import { parseAtom } from '../support/atom.js';
import { DIVISION, agents, db, events, ids, notifications, seminarBody, state, t, useLearnFixture } from '../support/learn-fixture.js';
import { dialect } from '../support/test-app.js';

let now = new Date('2026-11-02T01:00:00Z');
let seminar = '';
let session = '';
useLearnFixture(() => now);

describe(`programmes: registration, waitlist, attendance, certificates (${dialect})`, () => {
  it('lets an organiser announce a seminar, refuses others and bad input by field', async () => {
    const bad = await agents.organiser.api(
      'POST',
      '/api/v1/learn/programmes',
      seminarBody({ kind: 'party', titleKo: '', sessions: [{ startsAt: '2026-11-20T21:00', endsAt: '2026-11-20T19:00' }] }),
    );
    expect(bad.statusCode).toBe(422);
    expect(
      bad
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['kind', 'sessions.0.endsAt', 'titleKo']);
    expect((await agents.a.api('POST', '/api/v1/learn/programmes', seminarBody())).statusCode).toBe(403);
    expect((await agents.outsider.api('POST', '/api/v1/learn/programmes', seminarBody())).statusCode).toBe(403);
    const res = await agents.organiser.api('POST', '/api/v1/learn/programmes', seminarBody());
    expect(res.statusCode).toBe(201);
    const v = res.json();
    expect(v).toMatchObject({
      kind: 'seminar',
      capacity: 2,
      seatsLeft: 2,
      registered: 0,
      sessionsRequired: 1,
      organisation: { slug: DIVISION },
      example: false,
    });
    expect(v.sessions[0].startsAt).toBe('2026-11-20T10:00:00.000Z'); // 19:00 in Seoul
    seminar = v.id;
    session = v.sessions[0].id;
    const page = await agents.a.get(`/learn/programmes/${seminar}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('빅데이터캠퍼스 시민 세미나');
  });

  it('fills the seats, then waitlists with a clear message; registering twice changes nothing', async () => {
    expect((await agents.a.api('POST', `/api/v1/learn/programmes/${seminar}/registration`)).json()).toMatchObject({ state: 'registered' });
    expect((await agents.b.post(`/learn/programmes/${seminar}/register`, {})).statusCode).toBe(303);
    const c = await agents.c.api('POST', `/api/v1/learn/programmes/${seminar}/registration`);
    expect(c.statusCode).toBe(201);
    expect(c.json()).toMatchObject({ state: 'waitlisted', place: 1 });
    expect(c.json().message.ko).toContain('대기자 명단 1번째');
    const d = await agents.d.post(`/learn/programmes/${seminar}/register`, {});
    expect(d.statusCode).toBe(303);
    expect((await agents.d.get(`/learn/programmes/${seminar}`)).body).toContain('대기자 명단 2번째');
    const before = await state(seminar);
    const twice = await agents.a.api('POST', `/api/v1/learn/programmes/${seminar}/registration`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('learn.already_registered');
    const twicePage = await agents.c.post(`/learn/programmes/${seminar}/register`, {});
    expect(twicePage.statusCode).toBe(409);
    expect(twicePage.body).toContain('이미 신청했습니다');
    expect(await state(seminar)).toEqual(before);
    expect(before).toMatchObject({
      seats: 2,
      registered: [ids.a, ids.b].sort().length ? expect.arrayContaining([ids.a, ids.b]) : [],
      waitlisted: expect.arrayContaining([ids.c, ids.d]),
    });
    expect((await notifications(ids.c, '대기 1번')).length).toBe(1);
  });

  it('promotes the head of the waitlist when a registrant cancels, and tells them', async () => {
    const res = await agents.a.api('DELETE', `/api/v1/learn/programmes/${seminar}/registration`);
    expect(res.statusCode).toBe(200);
    const s = await state(seminar);
    expect(s.seats).toBe(2);
    expect(s.registered.sort()).toEqual([ids.b, ids.c].sort());
    expect(s.waitlisted).toEqual([ids.d]);
    expect(await notifications(ids.c, '대기에서 등록으로')).toEqual([
      { title_ko: '대기에서 등록으로: 빅데이터캠퍼스 시민 세미나', url: `/learn/programmes/${seminar}` },
    ]);
    expect((await agents.c.api('GET', `/api/v1/learn/programmes/${seminar}/registration`)).json()).toMatchObject({ state: 'registered' });
    expect((await agents.d.api('GET', `/api/v1/learn/programmes/${seminar}/registration`)).json()).toMatchObject({ state: 'waitlisted', place: 1 });
    expect((await agents.a.api('DELETE', `/api/v1/learn/programmes/${seminar}/registration`)).statusCode).toBe(404);
  });

  it('reminds registered people a day before, once', async () => {
    now = new Date('2026-11-19T12:00:00Z');
    expect(await sendLearnReminders(t.services)).toEqual({ sessions: 1, sent: 2 });
    expect(await sendLearnReminders(t.services)).toEqual({ sessions: 0, sent: 0 });
    // 21:00 in Seoul on the 19th: the 19:00 session of the 20th is "tomorrow", by the Seoul calendar.
    expect((await notifications(ids.b, '내일 19:00 일정')).length).toBe(1);
    expect((await notifications(ids.d, '내일')).length).toBe(0);
    const outbox = await t.services.mailer.outbox(500);
    const mail = outbox.find((m) => m.subject.includes('내일 19:00 일정'));
    if (!mail) throw new Error(outbox.map((m) => m.subject).join(' / '));
    expect(mail!.text).toContain('(서울 시간)');
    const ics = events(mail!.attachments![0]!.content);
    expect(ics.length).toBeGreaterThan(0);
    expect(mail!.attachments![0]!.contentType).toContain('text/calendar');
  });

  it('lets the organiser take attendance from the roll call and issues certificates that verify', async () => {
    now = new Date('2026-11-20T12:30:00Z'); // the seminar (19:00–21:00 Seoul) is over
    const roll = await agents.organiser.get(`/learn/programmes/${seminar}/attendance`);
    expect(roll.statusCode).toBe(200);
    expect(roll.body).toContain(`value="${ids.c}"`);
    expect((await agents.outsider.get(`/learn/programmes/${seminar}/attendance`)).statusCode).toBe(403);
    expect((await agents.c.api('PUT', `/api/v1/learn/sessions/${session}/attendance`, { present: [ids.c] })).statusCode).toBe(403);
    expect((await agents.organiser.api('PUT', `/api/v1/learn/sessions/${session}/attendance`, { present: [ids.d] })).statusCode).toBe(422);
    const body = new URLSearchParams();
    const marked = await agents.organiser.post(`/learn/sessions/${session}/attendance`, { present: ids.c });
    void body;
    expect(marked.statusCode).toBe(303);
    const certs = await db().selectFrom('learn_certificate').selectAll().where('programme_id', '=', seminar).execute();
    expect(certs.map((c) => c.user_id)).toEqual([ids.c]);
    const id = certs[0]!.id;
    expect((await notifications(ids.c, '수료증 발급'))[0]!.url).toBe(`/learn/certificates/${id}`);
    const ok = await t.app.inject({ method: 'GET', url: `/api/v1/learn/certificates/${id}` });
    expect(ok.json()).toMatchObject({ valid: true, holder: '시민C', sessionsAttended: 1, programme: { id: seminar } });
    const page = await t.app.inject({ method: 'GET', url: `/learn/certificates/${id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-verified="true"');
    const pdf = await t.app.inject({ method: 'GET', url: `/learn/certificates/${id}/pdf` });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.toString('latin1')).toContain('Pretendard');
    // Marking again does not issue a second certificate.
    await agents.organiser.api('PUT', `/api/v1/learn/sessions/${session}/attendance`, { present: [ids.c, ids.b] });
    expect((await db().selectFrom('learn_certificate').select('user_id').where('programme_id', '=', seminar).execute()).map((c) => c.user_id).sort()).toEqual(
      [ids.b, ids.c].sort(),
    );
  });

  it('refuses a forged certificate number clearly and changes nothing', async () => {
    const real = (await db().selectFrom('learn_certificate').select('id').where('user_id', '=', ids.c).executeTakeFirstOrThrow()).id;
    const flip = (ch: string) => (ch === 'A' ? 'B' : 'A');
    const forged = [`${flip(real[0]!)}${real.slice(1)}`, `${real.split('.')[0]}.AAAAAAAAAAAAAAAA`, 'not-a-certificate', `${real}x`];
    const before = await db()
      .selectFrom('core_audit')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    for (const f of forged) {
      const api = await t.app.inject({ method: 'GET', url: `/api/v1/learn/certificates/${encodeURIComponent(f)}` });
      expect(api.statusCode).toBe(404);
      expect(api.json().error.code).toBe('learn.certificate_unknown');
      const page = await t.app.inject({ method: 'GET', url: `/learn/certificates/${encodeURIComponent(f)}` });
      expect(page.statusCode).toBe(404);
      expect(page.body).toContain('확인할 수 없는 수료증 번호');
      expect((await t.app.inject({ method: 'GET', url: `/learn/certificates/${encodeURIComponent(f)}/pdf` })).statusCode).toBe(404);
    }
    expect(
      await db()
        .selectFrom('core_audit')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ).toEqual(before);
  });

  it('takes the feedback survey from participants and shows it on the dashboard', async () => {
    expect(
      (await agents.c.api('POST', `/api/v1/learn/programmes/${seminar}/feedback`, { rating: 5, useful: 'yes', comment: '실제 데이터라 좋았어요' })).statusCode,
    ).toBe(200);
    expect((await agents.b.post(`/learn/programmes/${seminar}/feedback`, { rating: '3', useful: 'no' })).statusCode).toBe(303);
    expect((await agents.d.api('POST', `/api/v1/learn/programmes/${seminar}/feedback`, { rating: 4, useful: 'yes' })).statusCode).toBe(403);
    expect((await agents.c.api('POST', `/api/v1/learn/programmes/${seminar}/feedback`, { rating: 9, useful: 'maybe' })).statusCode).toBe(400);
    const d = (await agents.organiser.api('GET', `/api/v1/learn/programmes/${seminar}/dashboard`)).json();
    expect(d).toMatchObject({
      capacity: 2,
      registrations: { registered: 2, waitlisted: 1, cancelled: 1, promoted: 1 },
      attendance: { rate: 1 },
      completion: { certificates: 2, rate: 1 },
      feedback: { responses: 2, averageRating: 4, usefulShare: 0.5, ratingCounts: [0, 0, 1, 0, 1] },
    });
    expect((await agents.c.api('GET', `/api/v1/learn/programmes/${seminar}/dashboard`)).statusCode).toBe(403);
    const page = await agents.organiser.get(`/learn/programmes/${seminar}/dashboard`);
    expect(page.body).toContain('data-dashboard="attendance-rate">100%');
  });

  it('publishes iCalendar feeds that a real iCalendar parser reads, and an Atom feed', async () => {
    const all = await t.app.inject({ method: 'GET', url: '/learn/calendar.ics' });
    expect(all.headers['content-type']).toContain('text/calendar');
    const evs = events(all.body);
    expect(evs.map((e) => e.uid)).toContain(`${session}@open-seoul.learn`);
    const ev = evs.find((e) => e.uid === `${session}@open-seoul.learn`)!;
    expect(ev.startDate.toJSDate().toISOString()).toBe('2026-11-20T10:00:00.000Z');
    expect(ev.endDate.toJSDate().toISOString()).toBe('2026-11-20T12:00:00.000Z');
    expect(ev.summary).toContain('빅데이터캠퍼스 시민 세미나');
    expect(ev.location).toContain('빅데이터캠퍼스');
    const one = events((await t.app.inject({ method: 'GET', url: `/learn/programmes/${seminar}/calendar.ics` })).body);
    expect(one).toHaveLength(1);
    const me = (await agents.d.api('GET', '/api/v1/learn/me')).json();
    const personal = await t.app.inject({ method: 'GET', url: me.calendarUrl });
    expect(personal.statusCode).toBe(200);
    const mine = events(personal.body);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.component.getFirstPropertyValue('status')).toBe('TENTATIVE'); // d is still waiting
    const forged = me.calendarUrl.replace(/\.[^.]+\.ics$/, '.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics');
    expect((await t.app.inject({ method: 'GET', url: forged })).statusCode).toBe(404);
    const atom = await t.app.inject({ method: 'GET', url: '/learn/programmes.atom' });
    expect(atom.headers['content-type']).toContain('application/atom+xml');
    expect(parseAtom(atom.body).entries.map((e) => e.id)).toContainEqual(expect.stringMatching(new RegExp(`/learn/programmes/${seminar}$`)));
    const cal = await t.app.inject({ method: 'GET', url: '/learn/calendar?past=1' }); // the seminar is over by now
    expect(cal.body).toContain(`data-session="${session}"`);
  });

  it('runs the fellowship: application, selection with a mentor and a project', async () => {
    const f = (
      await agents.organiser.api(
        'POST',
        '/api/v1/learn/programmes',
        seminarBody({
          kind: 'fellowship',
          titleKo: '오픈데이터 펠로우십',
          capacity: 1,
          sessions: [{ startsAt: '2026-12-05T14:00', endsAt: '2026-12-05T17:00' }],
        }),
      )
    ).json();
    expect((await agents.a.api('POST', `/api/v1/learn/programmes/${f.id}/registration`)).json().error.code).toBe('learn.apply_instead');
    const app = await agents.a.api('POST', `/api/v1/learn/programmes/${f.id}/applications`, {
      motivation: '동네 문제를 데이터로 풀고 싶습니다.',
      projectIdea: '자치구별 대기질과 자전거 대여소 지도',
    });
    expect(app.statusCode).toBe(201);
    expect(
      (
        await agents.a.api('POST', `/api/v1/learn/programmes/${f.id}/applications`, {
          motivation: '다시 한 번 지원합니다.',
          projectIdea: '같은 프로젝트를 또 냅니다.',
        })
      ).statusCode,
    ).toBe(409);
    expect((await agents.b.post(`/learn/programmes/${f.id}/apply`, { motivation: '짧음', projectIdea: '' })).statusCode).toBe(422);
    const appId = app.json().id;
    expect(
      (await agents.a.api('POST', `/api/v1/learn/applications/${appId}/decision`, { decision: 'selected', mentor: '나', projectTitle: '셀프 선정' }))
        .statusCode,
    ).toBe(403);
    expect((await agents.organiser.api('POST', `/api/v1/learn/applications/${appId}/decision`, { decision: 'selected' })).statusCode).toBe(422);
    const ok = await agents.organiser.api('POST', `/api/v1/learn/applications/${appId}/decision`, {
      decision: 'selected',
      mentor: '빅데이터캠퍼스 멘토',
      projectTitle: '우리 동네 공기 지도',
    });
    expect(ok.json()).toMatchObject({ state: 'selected', mentor: '빅데이터캠퍼스 멘토' });
    expect((await state(f.id)).registered).toEqual([ids.a]);
    expect((await notifications(ids.a, '펠로우 선정')).length).toBe(1);
    expect((await agents.a.get(`/learn/programmes/${f.id}`)).body).toContain('우리 동네 공기 지도');
    expect((await agents.organiser.api('POST', `/api/v1/learn/applications/${appId}/decision`, { decision: 'declined' })).statusCode).toBe(409);
    // Once its last session is over, a programme takes no more registrations or applications.
    const past = (
      await agents.organiser.api(
        'POST',
        '/api/v1/learn/programmes',
        seminarBody({ titleKo: '지난 세미나', sessions: [{ startsAt: '2026-11-01T10:00', endsAt: '2026-11-01T12:00' }] }),
      )
    ).json();
    const refused = await agents.b.api('POST', `/api/v1/learn/programmes/${past.id}/registration`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('This programme is over');
    expect((await agents.b.get(`/learn/programmes/${past.id}`)).body).toContain('이미 끝난 프로그램입니다');
    expect((await state(past.id)).registered).toEqual([]);
  });
});

describe(`organisers change capacity and status (${dialect})`, () => {
  it('promotes from the waitlist when seats are added, refuses going below the seats taken, and tells everyone of a cancellation', async () => {
    expect((await agents.c.api('PATCH', `/api/v1/learn/programmes/${seminar}`, { capacity: 5 })).statusCode).toBe(403);
    const low = await agents.organiser.api('PATCH', `/api/v1/learn/programmes/${seminar}`, { capacity: 1 });
    expect(low.statusCode).toBe(422);
    expect((await state(seminar)).capacity).toBe(2);
    const more = await agents.organiser.post(`/learn/programmes/${seminar}/settings`, { status: 'open', capacity: '3' });
    expect(more.statusCode).toBe(303);
    expect(await state(seminar)).toMatchObject({ seats: 3, capacity: 3, waitlisted: [] });
    expect((await notifications(ids.d, '대기에서 등록으로')).length).toBe(1);
    await agents.organiser.api('PATCH', `/api/v1/learn/programmes/${seminar}`, {
      materials: '- [발표 자료](https://example.org/slides.pdf)\n- [수업 5](/learn/lessons/spot-a-misleading-chart)',
    });
    const withMaterials = await agents.d.get(`/learn/programmes/${seminar}`);
    expect(withMaterials.body).toContain('<a href="https://example.org/slides.pdf" rel="nofollow ugc noopener">발표 자료</a>');
    expect((await agents.organiser.api('PATCH', `/api/v1/learn/programmes/${seminar}`, { materials: '<script>alert(1)</script>' })).statusCode).toBe(422);
    const filtered = await agents.d.get('/learn?kind=fellowship');
    expect(filtered.body).not.toContain(`data-programme="${seminar}"`);
    expect((await agents.d.get('/learn?kind=seminar&audience=everyone')).body).toContain(`data-programme="${seminar}"`);
    const closed = await agents.organiser.api('PATCH', `/api/v1/learn/programmes/${seminar}`, { status: 'closed' });
    expect(closed.json()).toMatchObject({ status: 'closed', capacity: 3, promoted: 0 });
    expect((await agents.a.api('POST', `/api/v1/learn/programmes/${seminar}/registration`)).json().error.code).toBe('learn.registration_closed');
    await agents.organiser.api('PATCH', `/api/v1/learn/programmes/${seminar}`, { status: 'cancelled' });
    for (const who of [ids.b, ids.c, ids.d]) expect((await notifications(who, '프로그램 취소')).length).toBe(1);
    expect((await notifications(ids.a, '프로그램 취소')).length).toBe(0);
    const gone = events((await t.app.inject({ method: 'GET', url: '/learn/calendar.ics' })).body).find((e) => e.uid === `${session}@open-seoul.learn`)!;
    expect([gone.component.getFirstPropertyValue('status'), gone.component.getFirstPropertyValue('sequence')]).toEqual(['CANCELLED', 1]);
  });
});

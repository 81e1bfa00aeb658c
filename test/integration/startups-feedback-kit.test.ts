import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addBusinessDays } from '../../src/core/calendar/korean-calendar.js';
import { startupsExamplesSeed } from '../../src/contexts/startups/seeds/examples.seed.js';
import { agents, anon, api, count, ids, notified, profileForm, t, useStartupsFixture } from '../support/startups-fixture.js';
import { dialect } from '../support/test-app.js';

let now = new Date('2026-11-02T01:00:00Z'); // Monday 2 November 2026, 10:00 in Seoul
useStartupsFixture(() => now, { seedSeoulMoving: true });

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

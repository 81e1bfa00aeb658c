import { describe, expect, it } from 'vitest';
import { agents, anon, api, t, useStartupsFixture } from '../support/startups-fixture.js';
import { dialect } from '../support/test-app.js';

useStartupsFixture();

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

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexDocument, removeDocument, searchDocuments } from '../../src/core/search/search-index.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  const docs = [
    {
      id: 'park',
      title: { ko: '서울시 공원 현황', en: 'Parks of Seoul' },
      summary: { ko: '공원녹지과가 관리하는 도시공원 목록', en: 'Urban parks run by the Parks division' },
    },
    {
      id: 'youth',
      title: { ko: '청년 창업 지원 정책', en: 'Youth startup support' },
      summary: { ko: '청년을 위한 스마트시티 창업 지원', en: 'Smart-city startup support for young people' },
    },
    { id: 'parking', title: { ko: '공영 주차장 정보', en: 'Public parking lots' }, summary: { ko: '주차 요금과 위치', en: 'Parking fees and locations' } },
    { id: 'won', title: { ko: '원공 테스트', en: 'Decoy' }, summary: { ko: '글자 순서가 다른 문서', en: 'Same bigram letters in another order' } },
  ];
  for (const d of docs) await indexDocument(t.services.db, { type: 'test', url: `/t/${d.id}`, ...d });
});
afterAll(() => t.close());

const ids = async (q: string) => (await searchDocuments(t.services.db, q, { types: ['test'] })).hits.map((h) => h.id).sort();

describe(`one analyzer for Korean and English on ${dialect}`, () => {
  it('finds two-syllable Korean words (which trigram indexes miss)', async () => {
    expect(await ids('공원')).toEqual(['park']);
    expect(await ids('청년')).toEqual(['youth']);
  });
  it('finds Korean words inside compounds and with particles', async () => {
    expect(await ids('녹지')).toEqual(['park']);
    expect(await ids('청년을')).toEqual(['youth']);
  });
  it('finds partial English words, case-insensitively', async () => {
    expect(await ids('park')).toEqual(['park', 'parking']);
    expect(await ids('PARKING')).toEqual(['parking']);
    expect(await ids('start')).toEqual(['youth']);
  });
  it('requires every word, in either language', async () => {
    expect(await ids('청년 smart')).toEqual(['youth']);
    expect(await ids('공원 parking')).toEqual([]);
  });
  it('does not match the same bigrams in another order', async () => {
    expect(await ids('공원')).not.toContain('won');
  });
  it('matches one-character queries by substring', async () => {
    expect(await ids('요')).toEqual(['parking']);
  });
  it('ranks title matches first and forgets removed documents', async () => {
    const hits = (await searchDocuments(t.services.db, '공원', { types: ['test'] })).hits;
    expect(hits[0]?.id).toBe('park');
    await removeDocument(t.services.db, 'test', 'park');
    expect(await ids('공원')).toEqual([]);
  });
  it('treats LIKE wildcards in queries as text', async () => {
    expect(await ids('%')).toEqual([]);
    expect(await ids('_')).toEqual([]);
  });
  it('is exposed through the API and finds seeded organisations by a two-syllable name', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent('무의')}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((h: { url: string }) => h.url)).toContain('/organisations/muui');
  });
});

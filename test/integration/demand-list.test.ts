import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { submitDataRequest } from '../../src/contexts/demand/use-cases/submit-data-request.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

/**
 * The demand window's list of requests past one page: 25 requests, 20 a page, with the shared pager
 * (web/pager.ts, as the data catalogue): its landmark, the current page marked and not a link, previous/next
 * with the filters and sort kept, a page past the last sent to the last; and the JSON list's Pagination fields.
 */
let t: TestContext;
const N = 25;
const title = (i: number) => `시험 요청 ${String(i).padStart(2, '0')}번 자치구별 통계`;

const page = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url });
  const body = res.body;
  const list = /<ol class="cards demand-list"[^>]*>([\s\S]*?)<\/ol>/.exec(body)?.[1] ?? '';
  return {
    status: res.statusCode,
    location: res.headers.location,
    body,
    titles: [...list.matchAll(/시험 요청 (\d\d)번/g)].map((m) => Number(m[1])),
    pager: /<nav aria-label="쪽 이동" class="pager">([\s\S]*?)<\/nav>/.exec(body)?.[1] ?? null,
  };
};
const newestFirst = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, k) => from - k);

beforeAll(async () => {
  t = await createTestContext();
  const user = await createUser(t.services, system(), { email: 'many@demand.kr', password: 'many requests 123', role: 'citizen' });
  const actor = { kind: 'user' as const, user: { id: user.id, email: 'many@demand.kr', displayName: 'many', role: 'citizen' as const, memberships: [] } };
  const start = Date.parse('2026-11-02T01:00:00Z');
  for (let i = 1; i <= N; i++) {
    t.services.now = () => new Date(start + i * 60_000); // one a minute: the newest first is 25, 24 … 1
    await submitDataRequest(t.services, actor, {
      title: title(i),
      why: '자치구별로 비교해 보고 싶어 요청합니다.',
      useType: i % 2 ? 'research' : 'advocacy',
      useDescription: '구별 비교 지도를 만듭니다.',
    });
  }
}, 120_000);
afterAll(() => t.close());

describe(`the list of data requests, page by page (${dialect})`, () => {
  it('shows 20 a page, newest first, and says how many there are in all', async () => {
    const first = await page('/demand/requests');
    expect(first.status).toBe(200);
    expect(first.body).toContain(`요청 ${N}건`);
    expect(first.titles).toEqual(newestFirst(25, 6));
    const second = await page('/demand/requests?page=2');
    expect(second.titles).toEqual(newestFirst(5, 1));
    expect(second.body).toContain('<ol class="cards demand-list" aria-labelledby="results-title" start="21">');
  });

  it('links the pages in a named landmark: the current one marked and not a link, previous and next', async () => {
    const first = await page('/demand/requests');
    expect(first.pager).toContain('<span aria-current="page">1쪽</span>');
    expect(first.pager).toContain('<a href="/demand/requests?page=2">2쪽</a>');
    expect(first.pager).toContain('<a href="/demand/requests?page=2" rel="next">다음</a>');
    expect(first.pager).not.toContain('rel="prev"');
    const second = await page('/demand/requests?page=2');
    expect(second.pager).toContain('<span aria-current="page">2쪽</span>');
    expect(second.pager).toContain('<a href="/demand/requests" rel="prev">이전</a>');
    expect(second.pager).not.toContain('rel="next"');
  });

  it('keeps the filters and sort in the links, and shows no pager when one page holds the list', async () => {
    const sorted = await page('/demand/requests?sort=supported&q=');
    expect(sorted.pager).toContain('<a href="/demand/requests?sort=supported&amp;page=2" rel="next">');
    const research = await page('/demand/requests?useType=research');
    expect(research.body).toContain('요청 13건');
    expect(research.titles).toEqual(newestFirst(25, 1).filter((i) => i % 2));
    expect(research.pager).toBeNull();
  });

  it('sends a page past the last to the last page, and reads a page that is not a number as the first', async () => {
    const past = await page('/demand/requests?useType=advocacy&page=9');
    expect([past.status, past.location]).toEqual([302, '/demand/requests?useType=advocacy']);
    const far = await page('/demand/requests?page=99');
    expect([far.status, far.location]).toEqual([302, '/demand/requests?page=2']);
    for (const bad of ['abc', '0', '-1', '1e3', '2.5']) {
      const p = await page(`/demand/requests?page=${bad}`);
      expect([bad, p.status, p.titles[0]]).toEqual([bad, 200, 25]);
    }
  });

  it('answers the JSON list with the shared Pagination fields', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/demand/requests?limit=20&offset=20&sort=newest' });
    const body = res.json();
    expect([res.statusCode, body.total, body.limit, body.offset, body.sort]).toEqual([200, N, 20, 20, 'newest']);
    expect(body.items.map((r: { title: string }) => r.title)).toEqual(newestFirst(5, 1).map(title));
  });
});

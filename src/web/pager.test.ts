import { describe, expect, it } from 'vitest';
import { pageCount, pager, readPage } from './pager.js';

const render = (total: number, page: number, locale: 'ko' | 'en' = 'ko') =>
  pager({ total, pageSize: 20, page, href: (p) => `/list?sort=new&page=${p}`, locale })?.toString() ?? null;
const labels = (markup: string) => [...markup.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));

describe('the pager of a list', () => {
  it('is not there when one page holds the list', () => {
    expect([render(0, 1), render(20, 1)]).toEqual([null, null]);
    expect([pageCount(0, 20), pageCount(20, 20), pageCount(21, 20)]).toEqual([1, 1, 2]);
  });

  it('links the first and last pages and two around the current one, which is marked and not a link', () => {
    const markup = render(200, 5)!;
    expect(markup).toMatch(/^<nav aria-label="쪽 이동" class="pager"><ul>/);
    expect(labels(markup)).toEqual(['이전', '1쪽', '3쪽', '4쪽', '5쪽', '6쪽', '7쪽', '10쪽', '다음']);
    expect(markup).toContain('<li><span aria-current="page">5쪽</span></li>');
    expect(markup).toContain('<a href="/list?sort=new&amp;page=4" rel="prev">');
    expect(markup).toContain('<a href="/list?sort=new&amp;page=6" rel="next">');
  });

  it('has no previous link on the first page, no next on the last, and speaks English', () => {
    expect(labels(render(41, 1)!)).toEqual(['1쪽', '2쪽', '3쪽', '다음']);
    expect(labels(render(41, 3, 'en')!)).toEqual(['Previous', 'Page 1', 'Page 2', 'Page 3']);
    expect(render(41, 3, 'en')).toContain('<nav aria-label="Pages" class="pager">');
  });

  it('reads the page parameter: a positive integer up to 9,999, anything else page 1', () => {
    expect(['3', '9999', '10000', '0', '-2', '1e3', '2.5', ' 4', '', undefined, ['2']].map(readPage)).toEqual([3, 9999, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  });
});

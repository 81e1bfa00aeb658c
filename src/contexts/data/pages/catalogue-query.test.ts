import { describe, expect, it } from 'vitest';
import { parseCatalogueQuery } from './catalogue.page.js';
import { xPosition } from '../../../web/charts/chart-scale.js';

describe('the catalogue form', () => {
  it('reads words, repeated facet values, sort and page, refusing what it does not know', () => {
    const q = parseCatalogueQuery({ q: '  대기질 ', topic: ['environment', 'transport'], licence: 'KOGL-1', sort: 'title', page: '3' });
    expect(q).toEqual({
      q: '대기질',
      filters: { topic: ['environment', 'transport'], publisher: [], licence: ['KOGL-1'], format: [] },
      sort: 'title',
      page: 3,
      pageSize: 20,
    });
    expect(parseCatalogueQuery({ sort: 'random', page: '-1' })).toMatchObject({ sort: 'relevance', page: 1 });
    expect(parseCatalogueQuery({ page: '1e9' }).page).toBe(1);
  });
});

describe('line chart positions', () => {
  it('places numbers, dates and date-times on one axis, and nothing else', () => {
    expect(xPosition(2020)).toBe(2020);
    expect(xPosition('2020-01-02')! - xPosition('2020-01-01')!).toBe(86_400_000);
    expect(xPosition('2020-01-01 12:00:00')! - xPosition('2020-01-01')!).toBe(43_200_000);
    expect(xPosition('강남구')).toBeNull();
    expect(xPosition(null)).toBeNull();
  });
});

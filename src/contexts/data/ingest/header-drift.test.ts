import { describe, expect, it } from 'vitest';
import { compareHeaders, normaliseColumn } from './header-drift.js';

const slots = (hours: string[], f: (h: string, m: string) => string) => hours.flatMap((h) => [f(h, '00'), f(h, '30')]);

describe('header drift between Seoul Metro congestion editions', () => {
  it('reads time slots the same in every edition', () => {
    expect(normaliseColumn('5:30~ (%)')).toBe('05:30');
    expect(normaliseColumn('5시30분')).toBe('05:30');
    expect(normaliseColumn('05:30')).toBe('05:30');
    expect(normaliseColumn('24시30분')).toBe('00:30');
    expect(normaliseColumn('00시30분')).toBe('00:30');
    expect(normaliseColumn('역  명')).toBe('역명');
  });

  it('maps the 2017 edition onto 2019: slots renamed, 요일 → 조사일자, 방향 → 구분', () => {
    const hours = ['5', '6', '23', '24'];
    const y2017 = ['요일', '호선', '역번호', '역명', '방향', ...slots(hours, (h, m) => `${h}:${m}~ (%)`)];
    const y2019 = ['조사일자', '호선', '역번호', '역명', '구분', ...slots(hours, (h, m) => `${h}시${m}분`)];
    const drift = compareHeaders(y2017, y2019, 2)!;
    expect(drift.added).toEqual([]);
    expect(drift.removed).toEqual([]);
    expect(drift.unchanged).toBe(3);
    expect(drift.suggestedColumnMap).toMatchObject({ 조사일자: '요일', 구분: '방향', '5시30분': '5:30~ (%)', '24시00분': '24:00~ (%)' });
  });

  it('maps 2021 onto 2023: 역명 → 출발역, 구분 → 상하구분, 조사일자 → 요일구분, 24시 → 00시; reports what is new', () => {
    const y2021 = ['연번', '조사일자', '호선', '역번호', '역명', '구분', '5시30분', '23시30분'];
    const y2023 = ['연번', '요일구분', '호선', '역번호', '출발역', '상하구분', '5시30분', '23시30분', '00시00분', '00시30분'];
    const drift = compareHeaders(y2021, y2023, 4)!;
    expect(drift.renamed).toEqual(
      expect.arrayContaining([
        { previous: '조사일자', current: '요일구분', reason: 'synonym' },
        { previous: '역명', current: '출발역', reason: 'synonym' },
        { previous: '구분', current: '상하구분', reason: 'synonym' },
      ]),
    );
    expect(drift.added).toEqual(['00시00분', '00시30분']);
    expect(drift.removed).toEqual([]);
  });

  it('is null when nothing changed, and suggests similar spellings', () => {
    expect(compareHeaders(['a', 'b'], ['a', 'b'], 1)).toBeNull();
    expect(compareHeaders(['평일(일평균)'], ['평일 (일평균)'], 1)!.renamed[0]).toMatchObject({ reason: 'normalised' });
    expect(compareHeaders(['승차총승객수'], ['승차승객수'], 1)!.renamed[0]).toMatchObject({ previous: '승차총승객수', reason: 'similar' });
  });
});

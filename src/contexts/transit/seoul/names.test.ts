import { describe, expect, it } from 'vitest';
import { displayName, lineKey, minutesSeconds, stationKey } from './names.js';

describe('Seoul station names', () => {
  it('gives one key to the spellings the files use', () => {
    for (const n of ['서울역', '서울', '서울역(1)', '서울역 (1)']) expect(stationKey(n)).toBe('서울');
    expect(stationKey('교대(법원.검찰청)')).toBe('교대');
    expect(stationKey('종로3가역(1호선)')).toBe('종로3가');
    expect(stationKey('천호(풍납토성)')).toBe('천호');
    expect(stationKey('4·19민주묘지')).toBe(stationKey('4.19민주묘지'));
  });
  it('keeps names that are only a station word', () => {
    expect(stationKey('역삼')).toBe('역삼');
  });
  it('drops only line suffixes for display', () => {
    expect(displayName('서울역(1)')).toBe('서울역');
    expect(displayName('교대(법원.검찰청)')).toBe('교대(법원.검찰청)');
  });
  it('normalises line names', () => {
    expect([lineKey('01호선'), lineKey('1호선'), lineKey('1'), lineKey('경의중앙선')]).toEqual(['1', '1', '1', '경의중앙선']);
  });
  it('reads mm:ss and keeps unknown as null', () => {
    expect(minutesSeconds('02:13')).toBe(133);
    expect(minutesSeconds('')).toBeNull();
  });
});

describe('renamed stations', () => {
  it('joins the new name to the one the station master still uses', () => {
    expect(stationKey('불암산')).toBe(stationKey('당고개'));
    expect(stationKey('자양(뚝섬한강공원)')).toBe(stationKey('뚝섬유원지'));
  });
});

import { describe, expect, it } from 'vitest';
import { describeStatusBasis, fileDate, seoulTime } from './status-basis.js';

describe('status basis', () => {
  it('reads a file date from its name, or says it has none', () => {
    expect(fileDate('facilities/서울교통공사_에스컬레이터 설치 정보_20250310.csv')).toBe('2025-03-10');
    expect(fileDate('network/서울교통공사 역간거리 및 소요시간_240810.csv')).toBe('2024-08-10');
    expect(fileDate('facilities/서울교통공사_교통약자_이용시설_승강기_가동현황.json')).toBeNull();
    expect(seoulTime('2026-11-23T15:30:00Z')).toBe('2026-11-24 00:30');
  });

  it('never presents a snapshot as now, and says "unknown since" for a live status gone stale', () => {
    const snap = describeStatusBasis(
      { status: 'available', details: '{}', source: 'facilities/서울교통공사_교통약자_이용시설_승강기_가동현황.json' },
      new Date(),
      30,
    );
    expect(snap).toMatchObject({ kind: 'snapshot', observedAt: null, snapshot: { date: null } });
    expect(snap.said.ko).toContain('기준일을 알 수 없는');
    const live = JSON.stringify({ statusSource: 'operator_feed', statusSetAt: '2026-11-23T01:00:00.000Z', statusSince: '2026-11-23T00:00:00.000Z' });
    const stale = describeStatusBasis({ status: 'not_available', details: live, source: 'x.json' }, new Date('2026-11-23T01:30:00Z'), 30);
    expect(stale).toMatchObject({
      status: 'unknown',
      reportedStatus: 'not_available',
      stale: true,
      unknownSince: '2026-11-23T01:30:00.000Z',
      since: '2026-11-23T00:00:00.000Z',
    });
    expect(stale.said.en).toBe(
      'Unknown since 2026-11-23 10:30 KST: the operator said "out of service" at 2026-11-23 10:00 KST and has not confirmed it for over 30 minutes',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { gyodaeBlockedInput, gyodaeInput } from './fixtures.js';
import { formatGeneratedAt, transferMapText } from './transfer-map-text.js';

describe('transferMapText', () => {
  const ko = transferMapText(gyodaeInput(), 'ko');
  const en = transferMapText(gyodaeInput(), 'en');

  it('starts with the title, then the boarding advice, then the summary with the total time', () => {
    expect(ko[0]).toBe('교대 환승 지도 · 휠체어');
    expect(ko[1]).toBe('타는 곳: 8-4 (강남 방면). 이유: 2호선 엘리베이터 내부#1에서 가장 가까운 문.');
    expect(ko[2]).toBe('3호선 승강장에서 강남 방면 8-4까지 4단계, 약 9분 (느리면 약 13분).');
    expect(en[1]).toBe('Board at: car 8, door 4 (toward Gangnam). Why: The door nearest line 2 elevator 내부#1.');
    expect(en[2]).toBe('From 3호선 승강장 to 강남 방면 8-4: 4 steps, about 9 min (about 13 min if slow).');
  });

  it('lists the numbered steps in order, with mode, time, assistance and missing data', () => {
    const steps = ko.filter((l) => /^\d+\. /.test(l));
    expect(steps.map((l) => Number(l.split('.')[0]))).toEqual([1, 2, 3, 4]);
    expect(steps[0]).toBe('1. 3호선 엘리베이터 내부#1을 타고 B1 3호선 대합실로 올라갑니다. (엘리베이터, 약 2분)');
    expect(steps[1]).toContain('(휠체어리프트, 약 5분, 12m) 지도에서 왼쪽 방향으로. 역무원 도움이 필요합니다. 자료에 없는 정보: 폭.');
    expect(en.filter((l) => /^\d+\. /.test(l))[3]).toBe(
      '4. Walk 30 m along the platform to boarding point 8-4 (toward Gangnam). (Walkway, about 40 s, 30 m) on the map, head right · Look for: car 8, door 4. Not in the data: width.',
    );
    // Left and right are the map's: said once, after the steps.
    expect(ko).toContain('방향(왼쪽·오른쪽)은 이 지도 그림 기준입니다. 지도는 층과 연결을 보여 주는 도식이라 실제 역 안의 방향과 다를 수 있습니다.');
  });

  it('keeps the order even when the router hands the steps over unsorted', () => {
    const input = gyodaeInput();
    input.route.steps.reverse();
    expect(
      transferMapText(input, 'ko')
        .filter((l) => /^\d+\. /.test(l))
        .map((l) => l[0]),
    ).toEqual(['1', '2', '3', '4']);
  });

  it('gives the counts, what the route depends on, the uncertain steps and the provenance', () => {
    expect(ko).toContain('엘리베이터 2번, 층 이동 2번, 개찰구 0번, 계단 0번, 에스컬레이터 0번.');
    expect(ko.find((l) => l.startsWith('이 경로는'))).toBe(
      '이 경로는 다음 시설이 작동해야 갈 수 있습니다: 3호선 엘리베이터 내부#1 (사용가능), 휠체어리프트 내부1 (사용가능), 2호선 엘리베이터 내부#1 (사용가능).',
    );
    expect(ko).toContain('2개 단계는 이 조건에 필요한 정보(폭, 경사 등)가 자료에 없어 실제로는 더 어려울 수 있습니다.');
    expect(ko).toContain('2호선 엘리베이터 내부#1: 운행 중');
    expect(ko.slice(-3)).toEqual(['2025-08-14 09:30 기준', '자료: 서울교통공사 승강기 가동현황', '공개 자료로 만든 지도입니다. 현장에서 확인하지 않았습니다.']);
    expect(en.at(-1)).toBe('Derived from open data; not field-verified.');
  });

  it('says nothing about verification when the data is field-verified or its origin is not given', () => {
    const verified = gyodaeInput();
    verified.provenance = { source: { ko: '현장 조사', en: 'Site survey' }, fieldVerified: true };
    expect(transferMapText(verified, 'en').join('\n')).not.toContain('not field-verified');
    const unknown = gyodaeInput();
    delete unknown.provenance;
    expect(transferMapText(unknown, 'en').at(-1)).toBe('As of 2025-08-14 09:30');
  });

  it('explains an infeasible route and lists what blocks it', () => {
    const lines = transferMapText(gyodaeBlockedInput(), 'ko');
    expect(lines).toContain('3호선 승강장에서 강남 방면 8-4까지 이 조건으로 갈 수 있는 경로가 없습니다.');
    expect(lines).toContain('경로 없음: 2호선 엘리베이터 내부#1이 보수 중이고, 다른 길은 계단입니다.');
    expect(lines).toContain('- 엘리베이터 (운행 중지): B1 2호선 대합실 – 2호선 승강장');
    expect(lines).toContain('- 계단: B1 2호선 대합실 – 2호선 승강장');
    expect(lines.some((l) => /^\d+\. /.test(l))).toBe(false);
    expect(transferMapText(gyodaeBlockedInput(), 'en')).toContain('- Elevator (out of service): B1 2호선 대합실 – 2호선 승강장');
  });
});

describe('formatGeneratedAt', () => {
  it('shows a zoned time in Seoul time, and an unzoned one as written', () => {
    expect(formatGeneratedAt('2025-08-14T09:30:00+09:00')).toBe('2025-08-14 09:30');
    expect(formatGeneratedAt('2025-08-14T00:30:00.000Z')).toBe('2025-08-14 09:30');
    expect(formatGeneratedAt('2025-08-14T23:30:00-05:00')).toBe('2025-08-15 13:30');
    expect(formatGeneratedAt('2025-08-14T09:30')).toBe('2025-08-14 09:30');
    expect(formatGeneratedAt('2025-08-14')).toBe('2025-08-14');
    expect(formatGeneratedAt('yesterday')).toBe('yesterday');
  });
});

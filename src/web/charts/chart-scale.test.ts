import { describe, expect, it } from 'vitest';
import { findCoordinateColumns, fitProjection, linearScale, niceTicks } from './chart-scale.js';
import { barChart, lineChart, pointsMap } from './chart-svg.js';

describe('chart scales', () => {
  it('ticks fall on 1, 2 or 5 × 10ⁿ and cover the data', () => {
    expect(niceTicks(0, 97)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0.013, 0.041)).toEqual([0.01, 0.02, 0.03, 0.04, 0.05]);
    expect(niceTicks(0.013, 0.041, 10)).toEqual([0.01, 0.015, 0.02, 0.025, 0.03, 0.035, 0.04, 0.045]);
    expect(niceTicks(-3, 12, 3)).toEqual([-5, 0, 5, 10, 15]);
    expect(niceTicks(5, 5).length).toBeGreaterThan(1);
  });

  it('maps the nice domain (with zero for bars) onto the range', () => {
    const x = linearScale([12, 87], [100, 600], { zero: true });
    expect(x.domain).toEqual([0, 100]);
    expect(x(0)).toBe(100);
    expect(x(50)).toBe(350);
    expect(x(100)).toBe(600);
    const y = linearScale([], [300, 0]);
    expect(y.domain).toEqual([0, 1]);
  });

  it('fits points into the frame with longitudes shrunk by the cosine of the latitude', () => {
    const p = fitProjection(
      [
        { lon: 126.9, lat: 37.5 },
        { lon: 127.1, lat: 37.7 },
      ],
      720,
      560,
      20,
    );
    const [x0, y0] = p({ lon: 126.9, lat: 37.7 });
    const [x1, y1] = p({ lon: 127.1, lat: 37.5 });
    expect(y0).toBeCloseTo(20);
    expect(y1).toBeCloseTo(540);
    // 0.2° of longitude at 37.6°N is about 0.79 × 0.2° of latitude.
    expect((x1 - x0) / (y1 - y0)).toBeCloseTo(Math.cos((37.6 * Math.PI) / 180), 3);
    expect(x0 + x1).toBeCloseTo(720); // centred
    expect(p.height).toBe(560);
  });

  it('finds latitude and longitude columns in Korean and English', () => {
    expect(
      findCoordinateColumns([
        { name: '위도', family: 'number' },
        { name: '경도', family: 'number' },
      ]),
    ).toEqual({ lat: '위도', lon: '경도' });
    expect(
      findCoordinateColumns([
        { name: 'Latitude', family: 'number' },
        { name: 'lng', family: 'number' },
      ]),
    ).toEqual({ lat: 'Latitude', lon: 'lng' });
    expect(
      findCoordinateColumns([
        { name: '위도', family: 'string' },
        { name: '경도', family: 'number' },
      ]),
    ).toBeNull();
  });
});

describe('chart drawings', () => {
  const text = { id: 'c', title: '측정소별 평균', desc: '막대 2개', locale: 'ko', xTitle: '평균', yTitle: '측정소명' };

  it('are images named by their title and described, with every label escaped', () => {
    const svg = barChart(text, [
      { label: '<강남구>', value: 30 },
      { label: '종로구', value: 12.5 },
    ]).value;
    expect(svg).toContain('role="img" aria-labelledby="c-title c-desc"');
    expect(svg).toContain('<title id="c-title">측정소별 평균</title>');
    expect(svg).toContain('&lt;강남구&gt;');
    expect(svg.match(/<rect /g)).toHaveLength(2);
  });

  it('draw lines and maps without failing on one point', () => {
    expect(lineChart(text, [{ label: '2020', position: 2020, value: 3 }]).value).toContain('<path d="M');
    expect(pointsMap(text, [{ lon: 127, lat: 37.5 }]).value).toContain('<circle');
  });
});

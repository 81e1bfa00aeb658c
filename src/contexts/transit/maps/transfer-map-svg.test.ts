import { describe, expect, it } from 'vitest';
import { gyodaeBlockedInput, gyodaeInput } from './fixtures.js';
import { PALETTE } from './map-palette.js';
import { renderTransferMapSvg } from './transfer-map-svg.js';
import { xmlProblems } from './well-formed-xml.js';

const between = (svg: string, open: RegExp, close: string) => {
  const m = open.exec(svg);
  if (!m) return null;
  const start = m.index + m[0].length;
  return svg.slice(start, svg.indexOf(close, start));
};

describe('xmlProblems (the tests’ well-formedness check)', () => {
  it('accepts well-formed XML and rejects the usual breakages', () => {
    expect(xmlProblems('<svg a="1"><g><text>x &amp; y</text></g><rect/></svg>')).toEqual([]);
    expect(xmlProblems('<svg><g></svg>')).not.toEqual([]);
    expect(xmlProblems('<svg><text>a & b</text></svg>')).not.toEqual([]);
    expect(xmlProblems('<svg><text>a <script> b</text></svg>')).not.toEqual([]);
    expect(xmlProblems('<svg a="1" a="2"/>')).not.toEqual([]);
    expect(xmlProblems('<svg a=1/>')).not.toEqual([]);
    expect(xmlProblems('<svg/><svg/>')).not.toEqual([]);
  });
});

describe('renderTransferMapSvg', () => {
  const input = gyodaeInput();
  const ko = renderTransferMapSvg(input, 'ko');
  const en = renderTransferMapSvg(input, 'en');

  it('is one well-formed, self-contained SVG that scales to the container', () => {
    for (const svg of [ko, en, renderTransferMapSvg(gyodaeBlockedInput(), 'ko')]) {
      expect(xmlProblems(svg)).toEqual([]);
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ [\d.]+" width="100%"/);
      // Nothing fetched: no external href, image, font or script.
      expect(svg).not.toMatch(/href="(?!#)|<image|@font-face|<script|url\(/);
    }
  });

  it('is accessible: role img, labelled by a title and a description in the locale', () => {
    expect(ko).toMatch(/role="img" aria-labelledby="(tm\w+)-title \1-desc" lang="ko"/);
    expect(between(ko, /<title id="[^"]+">/, '</title>')).toBe('교대 환승 지도 · 휠체어');
    expect(between(en, /<title id="[^"]+">/, '</title>')).toBe('Gyodae transfer map · Wheelchair');
    const descKo = between(ko, /<desc id="[^"]+">/, '</desc>')!;
    expect(descKo).toContain('4단계');
    expect(descKo).toContain('타는 곳: 8-4 (강남 방면)');
    expect(descKo).toContain('1. 3호선 엘리베이터');
    const descEn = between(en, /<desc id="[^"]+">/, '</desc>')!;
    expect(descEn).toContain('4 steps');
    expect(descEn).toContain('Board at: car 8, door 4');
  });

  it('numbers the steps 1..n as the text directions do', () => {
    const numbers = [...ko.matchAll(/<g class="step" data-step="(\d+)">.*?>(\d+)<\/text><\/g>/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(numbers).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
    ]);
  });

  it('highlights exactly the route’s pathways, thick and in the route colour', () => {
    const route = [...ko.matchAll(/<path class="route"[^>]*data-pathway="([^"]+)" data-step="(\d+)"/g)].map((m) => [m[1], Number(m[2])]);
    expect(route).toEqual(input.route.steps.map((s) => [s.pathwayId, s.n]));
    expect(ko).toContain(`class="route" d="`);
    expect(ko).toMatch(new RegExp(`class="route"[^>]*stroke="${PALETTE.route}" stroke-width="7"`));
    // Every other pathway of the station is drawn too, faintly.
    const faint = [...ko.matchAll(new RegExp(`stroke="${PALETTE.edge}" stroke-width="2" data-pathway="([^"]+)"`, 'g'))].map((m) => m[1]);
    expect(faint.length + route.length).toBe(input.edges.length);
  });

  it('shows the car and door to board, and defines each pictogram once', () => {
    expect(ko).toMatch(/<g class="boarding"><g class="car">.*>8-4<\/text><\/g>/);
    for (const mode of ['elevator', 'escalator', 'stairs', 'stair_lift', 'fare_gate', 'walkway', 'exit']) {
      expect(ko.match(new RegExp(`<symbol id="tm\\w+-ico-${mode}"`, 'g')), mode).toHaveLength(1);
    }
  });

  it('has a legend in the locale', () => {
    expect(ko).toContain('>범례<');
    expect(ko).toContain('>안내 경로<');
    expect(en).toContain('>Legend<');
    expect(en).toContain('>Your route<');
    expect(en).toContain('>Car-door to board (8-4)<');
  });

  it('escapes names that come from the data', () => {
    const evil = gyodaeInput();
    evil.station.nameKo = '교대<script>alert(1)</script>';
    evil.nodes[0]!.name = '"><script>x</script>&';
    evil.status = ['<b>보수 중</b>'];
    const svg = renderTransferMapSvg(evil, 'ko');
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('교대&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(xmlProblems(svg)).toEqual([]);
  });

  it('is deterministic, and matches the committed golden file', async () => {
    expect(renderTransferMapSvg(gyodaeInput(), 'ko')).toBe(ko);
    await expect(ko).toMatchFileSnapshot('__snapshots__/gyodae-wheelchair.ko.svg');
  });

  it('gives two maps on one page different ids', () => {
    const other = gyodaeInput();
    other.profile = { id: 'elderly', label: { ko: '고령자', en: 'Elderly' } };
    const id = (svg: string) => /aria-labelledby="(\w+)-title/.exec(svg)![1];
    expect(id(renderTransferMapSvg(other, 'ko'))).not.toBe(id(ko));
    expect(id(en)).not.toBe(id(ko));
  });
});

describe('renderTransferMapSvg for an infeasible route', () => {
  const input = gyodaeBlockedInput();
  const svg = renderTransferMapSvg(input, 'ko');

  it('draws the station with a cross on each blocked pathway and a caption', () => {
    expect(svg.match(/<g class="blocked">/g)).toHaveLength(input.route.reason!.blockedBy.length);
    expect(svg).toContain('<g class="infeasible">');
    expect(svg).toContain('경로 없음: 2호선 엘리베이터 내부#1이 보수 중이고');
    expect(svg).not.toContain('class="route"');
    expect(svg).not.toContain('class="step"');
    const desc = between(svg, /<desc id="[^"]+">/, '</desc>')!;
    expect(desc).toContain('막힌 곳: 엘리베이터 (운행 중지): B1 2호선 대합실 – 2호선 승강장.');
  });

  it('says so in English too', () => {
    const en = renderTransferMapSvg(input, 'en');
    expect(en).toContain('No route: Line 2 elevator');
    expect(between(en, /<desc id="[^"]+">/, '</desc>')).toContain('Blocked: Elevator (out of service)');
  });
});

import { describe, expect, it } from 'vitest';
import { html } from '../../../web/html.js';
import { fillHtml, lineLabel, placeName, stationText } from './transit-labels.js';

describe('transit page labels', () => {
  it('fills placeholders with markup and escapes the message text around them', () => {
    const out = fillHtml('{station}에서 <갈아타기>: {from} → {to}', { station: html`<span lang="ko">교대</span>`, from: html`2호선` });
    expect(out.value).toBe('<span lang="ko">교대</span>에서 &lt;갈아타기&gt;: 2호선 → {to}');
  });

  it('names lines, stations and derived places in the reader\'s language', () => {
    expect(lineLabel('2', 'ko')).toBe('2호선');
    expect(lineLabel('2', 'en')).toBe('Line 2');
    expect(lineLabel('신분당선', 'en')).toBe('신분당선');
    expect(stationText({ ko: '고속터미널', en: 'Express Bus Terminal' }, 'x', 'en')).toBe('Express Bus Terminal');
    expect(stationText({ ko: '고속터미널', en: null }, 'x', 'en')).toBe('고속터미널');
    expect(placeName('2호선 승강장 (서초 방면)', 'id', 'en')).toBe('Line 2 platform (towards 서초)');
    expect(placeName(null, 'seoul-330:platform:3', 'ko')).toBe('seoul-330:platform:3');
  });
});

import { describe, expect, it } from 'vitest';
import { html } from '../../../web/html.js';
import { fillHtml, lineLabel, lineName, placeName, stationText } from './transit-labels.js';

describe('transit page labels', () => {
  it('fills placeholders with markup and escapes the message text around them', () => {
    const out = fillHtml('{station}에서 <갈아타기>: {from} → {to}', { station: html`<span lang="ko">교대</span>`, from: html`2호선` });
    expect(out.value).toBe('<span lang="ko">교대</span>에서 &lt;갈아타기&gt;: 2호선 → {to}');
  });

  it("names lines, stations and derived places in the reader's language", () => {
    expect(lineLabel('2', 'ko')).toBe('2호선');
    expect(lineLabel('2', 'en')).toBe('Line 2');
    expect(lineLabel('신분당선', 'en')).toBe('Shinbundang Line');
    // Legal section names under the names riders use; a section with two rider lines keeps its own name.
    expect([lineLabel('경부선', 'ko'), lineLabel('일산선', 'ko'), lineLabel('과천선', 'en'), lineLabel('공항철도1호선', 'ko')]).toEqual([
      '1호선',
      '3호선',
      'Line 4',
      '공항철도',
    ]);
    expect(lineLabel('경원선', 'en')).toBe('경원선');
    expect(lineName('경원선', 'en').value).toBe('<span lang="ko">경원선</span>');
    expect(stationText({ ko: '고속터미널', en: 'Express Bus Terminal' }, 'x', 'en')).toBe('Express Bus Terminal');
    expect(stationText({ ko: '고속터미널', en: null }, 'x', 'en')).toBe('고속터미널');
    expect(placeName('2호선 승강장 (서초 방면)', 'id', 'en')).toBe('Line 2 platform (towards 서초)');
    expect(placeName(null, 'seoul-330:platform:3', 'ko')).toBe('seoul-330:platform:3');
  });
});

import { describe, expect, it } from 'vitest';
import { ALERT_KINDS, alertText } from './alert-templates.js';
import { OpenApiError, pageUrl, parsePage } from './seoul-open-api.js';

const HANGUL = /[\uac00-\ud7a3]/;

describe('alert templates', () => {
  it('say every kind of alert in English without Korean, and never a report id', () => {
    for (const kind of ALERT_KINDS) {
      for (const source of ['operator_api', 'citizen_report', 'staff']) {
        const t = alertText({
          kind,
          type: 'elevator',
          station: { ko: '교대역', en: 'Gyodae Station' },
          line: { ko: '3호선', en: 'Line 3' },
          name: '엘리베이터 내부#1',
          location: '고속터미널 방면4-2',
          since: '2026-11-23T01:00:00Z',
          expectedReturn: kind === 'unknown' ? null : '2026-11-23T09:00:00Z',
          lastStatus: kind === 'unknown' ? 'available' : null,
          reason: 'citizen report 0b7f6c1e-3f0a-4a57-9d5e-1f2a3b4c5d6e',
          source,
          staleMinutes: 30,
        });
        expect(`${t.headerEn} ${t.descriptionEn}`).not.toMatch(HANGUL);
        expect(`${t.headerKo} ${t.descriptionKo}`).toMatch(HANGUL);
        if (source === 'citizen_report') expect(`${t.descriptionKo} ${t.descriptionEn}`).not.toContain('0b7f6c1e');
        expect(t.descriptionEn).toContain('inside lift 1 (Line 3)');
        expect(t.descriptionEn).toContain('2026-11-23 10:00 KST');
      }
    }
  });
});

describe('Seoul Open API answers', () => {
  it('builds the URL form and reads the envelope, the empty answer and errors sent with HTTP 200', () => {
    expect(pageUrl('http://openapi.seoul.go.kr:8088', 'KEY', 'SeoulMetroFaciInfo', 1, 1000)).toBe(
      'http://openapi.seoul.go.kr:8088/KEY/json/SeoulMetroFaciInfo/1/1000/',
    );
    const ok = parsePage(
      'SeoulMetroFaciInfo',
      {
        SeoulMetroFaciInfo: {
          list_total_count: 2,
          RESULT: { CODE: 'INFO-000', MESSAGE: '정상 처리되었습니다' },
          row: [{ STN_CD: '0330' }, { STN_CD: '0223' }],
        },
      },
      'Mon, 23 Nov 2026 01:00:00 GMT',
    );
    expect(ok).toEqual({ total: 2, rows: [{ STN_CD: '0330' }, { STN_CD: '0223' }], sourceTime: '2026-11-23T01:00:00.000Z' });
    expect(parsePage('SeoulMetroFaciInfo', { RESULT: { CODE: 'INFO-200', MESSAGE: '해당하는 데이터가 없습니다.' } }, null)).toEqual({
      total: 0,
      rows: [],
      sourceTime: null,
    });
    expect(() => parsePage('SeoulMetroFaciInfo', { RESULT: { CODE: 'INFO-100', MESSAGE: '인증키가 유효하지 않습니다.' } }, null)).toThrow(OpenApiError);
    expect(() => parsePage('SeoulMetroFaciInfo', { other: 1 }, null)).toThrow('none');
  });
});

import { describe, expect, it } from 'vitest';
import { open311Body, open311Errors, open311Object } from './open311-format.js';
import { checkReportText } from './report-guard.js';

describe('Open311 documents', () => {
  it('writes a list as the spec’s XML, escaping text and naming nested items in the singular', () => {
    const doc = open311Body('xml', 'service_requests', 'request', [{ service_request_id: 'a', description: '<b>문 & 벽</b>', media_url: null }]);
    expect(doc.type).toBe('text/xml; charset=utf-8');
    expect(doc.body).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<service_requests><request><service_request_id>a</service_request_id><description>&lt;b&gt;문 &amp; 벽&lt;/b&gt;</description><media_url/></request></service_requests>',
    );
    expect(open311Object('xml', 'discovery', { endpoints: [{ formats: ['text/xml'] }] }).body).toContain(
      '<endpoints><endpoint><formats><format>text/xml</format></formats></endpoint></endpoints>',
    );
  });

  it('writes errors as [{code, description}] in JSON and <errors><error> in XML', () => {
    expect(JSON.parse(open311Errors('json', [{ code: 400, description: 'service_code: required' }]).body)).toEqual([
      { code: 400, description: 'service_code: required' },
    ]);
    expect(open311Errors('xml', [{ code: 403, description: 'Invalid api_key' }]).body).toMatch(
      /<errors><error><code>403<\/code><description>Invalid api_key<\/description><\/error><\/errors>$/,
    );
  });
});

describe('report spam checks', () => {
  it('refuses a filled honeypot, and links without an API key', () => {
    expect(() => checkReportText({ note: null, honeypot: 'x', allowLinks: true })).toThrow(/hidden field/);
    for (const note of ['http://a.example', '싸게 팝니다 www.shop.kr', 'cheap-pills.xyz 방문'])
      expect(() => checkReportText({ note, allowLinks: false }), note).toThrow(/links/);
    expect(() => checkReportText({ note: 'url: https://www.fixmystreet.com/report/1', allowLinks: true })).not.toThrow();
    expect(() => checkReportText({ note: '3번 출구 쪽 엘리베이터, 2.5 m 앞 계단', honeypot: '', allowLinks: false })).not.toThrow();
  });
});

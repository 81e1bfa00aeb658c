import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { seoulJson, seoulXml, seoulXmlError, xmlName } from './seoul/render.js';
import { parseSeoulPath } from './seoul/seoul-request.js';

const code = (path: string) => parseSeoulPath(path.split('/')).error?.code ?? 'OK';

describe('Seoul Open API URL form', () => {
  it('reads KEY/TYPE/SERVICE/START/END and positional filters', () => {
    expect(parseSeoulPath('k/json/bike-list/1/1000/ /종로구/'.split('/'))).toEqual({
      type: 'json',
      request: { key: 'k', type: 'json', service: 'bike-list', start: 1, end: 1000, filters: [' ', '종로구'] },
    });
    expect(parseSeoulPath('k/XML/svc/3/4'.split('/')).request).toMatchObject({ type: 'xml', start: 3, end: 4 });
  });

  it('gives the Plaza’s codes in the Plaza’s order of checks', () => {
    expect(code('k/json/svc/1')).toBe('ERROR-300');
    expect(code('k/json//1/5')).toBe('ERROR-300');
    expect(code(' /json/svc/1/5')).toBe('INFO-100');
    expect(code('k/csv/svc/1/5')).toBe('ERROR-301');
    expect(code('k/xls/svc/1/5')).toBe('ERROR-301');
    expect(code('k/json/svc/1.5/5')).toBe('ERROR-333');
    expect(code('k/json/svc/0/5')).toBe('ERROR-331');
    expect(code('k/json/svc/1/-1')).toBe('ERROR-332');
    expect(code('k/json/svc/9/5')).toBe('ERROR-334');
    expect(code('sample/json/svc/1/6')).toBe('ERROR-335');
    expect(code('sample/json/svc/1/5')).toBe('OK');
    expect(code('k/json/svc/1/1001')).toBe('ERROR-336');
    expect(code('k/json/svc/1001/2000')).toBe('OK');
    expect(parseSeoulPath('k/xml/svc/x/5'.split('/')).type).toBe('xml');
  });
});

describe('Seoul envelopes', () => {
  const answer = {
    service: 'bikeList',
    total: 2,
    rows: [
      { 대여소: '종로 <1>', 'rack count': 3, '1st': null },
      { 대여소: 'A&B', 'rack count': 0, '1st': true },
    ],
  };

  it('JSON: {SERVICE: {list_total_count, RESULT, row}}', () => {
    expect(seoulJson(answer)).toEqual({ bikeList: { list_total_count: 2, RESULT: { CODE: 'INFO-000', MESSAGE: '정상 처리되었습니다' }, row: answer.rows } });
  });

  it('XML: well-formed, with valid element names and escaped text', () => {
    const xml = seoulXml(answer);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ parseTagValue: false }).parse(xml);
    expect(doc.bikeList.list_total_count).toBe('2');
    expect(doc.bikeList.row[0]).toEqual({ 대여소: '종로 <1>', rack_count: '3', _1st: '' });
    expect(doc.bikeList.row[1].대여소).toBe('A&B');
    expect(XMLValidator.validate(seoulXmlError('INFO-200', '없음 <&>'))).toBe(true);
    expect(xmlName('-x')).toBe('_-x');
    expect(xmlName('역명')).toBe('역명');
  });
});

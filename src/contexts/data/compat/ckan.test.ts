import { describe, expect, it } from 'vitest';
import { ckanLicence, ckanPackage } from './ckan/package.js';
import { bool, CkanError, integer, list, object } from './ckan/params.js';
import { matchesAll, parseFilterQuery, parseSort, type Facts } from './ckan/search-query.js';
import { sampleEntry } from './fixtures.js';
import { compatUrls } from './urls.js';

const urls = compatUrls('https://open.seoul.example/');

describe('CKAN package mapping', () => {
  it('maps a dataset to a CKAN 2.10 package', () => {
    const pkg = ckanPackage(sampleEntry(), urls);
    expect(pkg).toMatchObject({
      id: 'subway-ridership',
      name: 'subway-ridership',
      title: '지하철 승하차 인원',
      notes: '역별 승하차',
      license_id: 'KOGL-1',
      isopen: true,
      owner_org: 'org-1',
      metadata_modified: '2026-02-01T00:00:00.000Z',
      organization: { name: 'seoul-metro', title: '서울교통공사' },
      num_tags: 2,
      num_resources: 2,
      groups: [{ name: 'transport', title_translated: { ko: '교통', en: 'Transport' } }],
    });
    expect(pkg.resources[0]).toMatchObject({
      format: 'CSV',
      source_format: 'CSV',
      datastore_active: true,
      last_modified: '2026-02-01T00:00:00.000Z',
      url: 'https://open.seoul.example/api/v1/data/datasets/subway-ridership/download.csv?resource=subway-ridership--table',
    });
    expect(pkg.resources[1]).toMatchObject({ format: 'JSON', url: 'http://openapi.seoul.go.kr:8088/', datastore_active: false, resource_type: 'api' });
    const keys = pkg.extras.map((e) => e.key);
    expect(keys).toContain('spatial_text');
    expect(keys).not.toContain('spatial');
  });

  it('falls back to English and leaves the organization out when there is no publisher', () => {
    const entry = { ...sampleEntry({ title_ko: null, description_ko: null, description_en: 'Boardings' }), publisher: null };
    expect(ckanPackage(entry, urls)).toMatchObject({ title: 'Subway ridership', notes: 'Boardings', organization: null, owner_org: null });
  });

  it('describes licences in CKAN’s register shape', () => {
    expect(ckanLicence('KOGL-2')).toMatchObject({ id: 'KOGL-2', family: 'KOGL', od_conformance: 'not reviewed', is_okd_compliant: false });
    expect(ckanLicence('PD').url).toBe('https://creativecommons.org/publicdomain/mark/1.0/');
  });
});

describe('package_search fq and sort', () => {
  const facts: Facts = {
    organization: ['seoul-metro'],
    tags: ['지하철', 'ridership'],
    groups: ['transport'],
    res_format: ['CSV'],
    license_id: ['KOGL-1'],
    name: ['a'],
    id: ['a'],
    metadata_modified: ['2026-02-01T00:00:00.000Z'],
    metadata_created: ['2026-01-01T00:00:00.000Z'],
    dataset_type: ['dataset'],
  };
  const m = (fq: string) => matchesAll(parseFilterQuery(fq), facts);

  it('ANDs terms, ORs clauses, negates, quotes and ranges', () => {
    expect(m('organization:seoul-metro tags:지하철')).toBe(true);
    expect(m('organization:seoul-metro tags:버스')).toBe(false);
    expect(m('tags:버스 OR tags:지하철')).toBe(true);
    expect(m('tags:(버스 OR "지하철")')).toBe(true);
    expect(m('(organization:x OR organization:seoul-metro) -tags:버스')).toBe(true);
    expect(m('-organization:seoul-metro')).toBe(false);
    expect(m('+dataset_type:dataset res_format:csv')).toBe(true);
    expect(m('metadata_modified:[2026-01-15T00:00:00Z TO *]')).toBe(true);
    expect(m('metadata_modified:[* TO 2026-01-15T00:00:00Z]')).toBe(false);
    expect(m('groups:*')).toBe(true);
    expect(parseFilterQuery('')).toEqual([]);
  });

  it('refuses what it does not understand with a Search Query Error', () => {
    for (const fq of ['author:x', 'tags:"open', 'justtext', 'tags:[a TO b]', 'OR tags:x', 'metadata_modified:[x TO *]']) {
      expect(() => parseFilterQuery(fq), fq).toThrow(CkanError);
    }
  });

  it('parses sort with CKAN’s default', () => {
    expect(parseSort(undefined)).toEqual([
      { field: 'score', desc: true },
      { field: 'metadata_modified', desc: true },
    ]);
    expect(parseSort('title_string asc, name desc')).toEqual([
      { field: 'title_string', desc: false },
      { field: 'name', desc: true },
    ]);
    expect(() => parseSort('views_recent desc')).toThrow(CkanError);
  });
});

describe('CKAN parameter readers', () => {
  it('accept query-string text and JSON-body values alike', () => {
    expect(integer({ rows: '20' }, 'rows', { default: 10, min: 0 })).toBe(20);
    expect(integer({ rows: 20 }, 'rows', { default: 10, min: 0 })).toBe(20);
    expect(integer({}, 'rows', { default: 10, min: 0 })).toBe(10);
    expect(bool({ all_fields: 'True' }, 'all_fields', false)).toBe(true);
    expect(list({ f: '["a","b"]' }, 'f')).toEqual(['a', 'b']);
    expect(list({ f: 'a, b' }, 'f')).toEqual(['a', 'b']);
    expect(object({ filters: '{"구":"종로구"}' }, 'filters')).toEqual({ 구: '종로구' });
    expect(object({ filters: { 구: ['종로구'] } }, 'filters')).toEqual({ 구: ['종로구'] });
  });

  it('fail as CKAN Validation Errors (409) naming the field', () => {
    const failure = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e instanceof CkanError ? { type: e.type, status: e.status, fields: Object.keys(e.fields) } : e;
      }
      return null;
    };
    expect(failure(() => integer({ rows: 'ten' }, 'rows', { default: 10, min: 0 }))).toEqual({ type: 'Validation Error', status: 409, fields: ['rows'] });
    expect(failure(() => integer({ rows: '5000' }, 'rows', { default: 10, min: 0, max: 1000 }))).toMatchObject({ fields: ['rows'] });
    expect(failure(() => object({ filters: '[1]' }, 'filters'))).toMatchObject({ fields: ['filters'] });
    expect(failure(() => bool({ x: 'maybe' }, 'x', false))).toMatchObject({ fields: ['x'] });
  });
});

import fs from 'node:fs/promises';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { addOrganisationMember } from '../../src/contexts/accounts/use-cases/add-organisation-member.js';
import { createApiKey } from '../../src/contexts/accounts/use-cases/create-api-key.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

/**
 * An app written for data.seoul.go.kr, changed only in its host: the Plaza's documented request shape for
 * 서울시 지하철호선별 역별 승하차 인원 정보 (OA-12914, service CardSubwayStatsNew; sample request
 * `http://openapi.seoul.go.kr:8088/(인증키)/xml/CardSubwayStatsNew/1/5/20220301`, request parameters USE_DT,
 * LINE_NUM, SUB_STA_NM; output USE_DT, LINE_NUM, SUB_STA_NM, RIDE_PASGR_NUM, ALIGHT_PASGR_NUM, WORK_DT), run
 * against the real January 2023 file the seed ingests, with a key the platform issued.
 */
let t: TestContext;
let base = '';
let key = '';
const FILE = path.resolve('seed/data/seoul-open-data/subway-ridership/CARD_SUBWAY_MONTH_202301.csv');
const CODES = ['USE_DT', 'LINE_NUM', 'SUB_STA_NM', 'RIDE_PASGR_NUM', 'ALIGHT_PASGR_NUM', 'WORK_DT'];

beforeAll(async () => {
  t = await createTestContext({}, { withOpenData: true });
  base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  const user = await createUser(t.services, system(), { email: 'subway-app@example.kr', password: 'subway app password 1', role: 'citizen' });
  const apiKey = (
    await createApiKey(
      t.services,
      { kind: 'user', user: { id: user.id, email: user.email, displayName: 'app', role: 'citizen', memberships: [] } },
      { name: 'issue' },
    )
  ).secret;
  const res = await fetch(`${base}/api/v1/data/openapi-keys`, { method: 'POST', headers: { authorization: `Bearer ${apiKey}` } });
  expect(res.status).toBe(201);
  key = ((await res.json()) as { key: string }).key;
}, 300_000);
afterAll(() => t?.close());

/** The app's own code: only HOST changed (was http://openapi.seoul.go.kr:8088). */
const plaza = (host: string, ...segments: Array<string | number>) => fetch(`${host}/${segments.map((s) => encodeURIComponent(String(s))).join('/')}`);

describe(`Seoul Open Data Plaza apps, host changed only (${dialect})`, () => {
  it('CardSubwayStatsNew by date: the Plaza envelope, field codes and YYYYMMDD dates, counted from the real file', async () => {
    const HOST = `${base}/seoul-openapi`;
    const lines = (await fs.readFile(FILE, 'utf8')).split('\n').filter((l) => l.startsWith('"20230101"'));
    const body = (await (await plaza(HOST, key, 'json', 'CardSubwayStatsNew', 1, 5, '20230101')).json()) as Record<string, any>;
    const out = body.CardSubwayStatsNew;
    expect(out.RESULT).toEqual({ CODE: 'INFO-000', MESSAGE: '정상 처리되었습니다' });
    expect(out.list_total_count).toBe(lines.length);
    expect(out.row).toHaveLength(5);
    for (const row of out.row) {
      expect(Object.keys(row)).toEqual(CODES);
      expect(row.USE_DT).toBe('20230101');
      expect(String(row.WORK_DT)).toMatch(/^\d{8}$/);
    }
  });

  it('all three positional parameters (USE_DT, LINE_NUM, SUB_STA_NM) in XML, as the Plaza sample', async () => {
    const res = await plaza(`${base}/seoul-openapi`, key, 'xml', 'CardSubwayStatsNew', 1, 5, '20230101', '2호선', '신도림');
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
    const doc = new XMLParser({ parseTagValue: false }).parse(await res.text());
    expect(doc.CardSubwayStatsNew.list_total_count).toBe('1');
    // "20230101","2호선","신도림","20210","21037","20230104" in CARD_SUBWAY_MONTH_202301.csv
    expect(doc.CardSubwayStatsNew.row).toEqual({
      USE_DT: '20230101',
      LINE_NUM: '2호선',
      SUB_STA_NM: '신도림',
      RIDE_PASGR_NUM: '20210',
      ALIGHT_PASGR_NUM: '21037',
      WORK_DT: '20230104',
    });
  });

  it('the Plaza’s result codes: no data, bad key, sample key limits, unknown service', async () => {
    const code = async (...segments: Array<string | number>) =>
      ((await (await plaza(`${base}/seoul-openapi`, ...segments)).json()) as { RESULT: { CODE: string } }).RESULT.CODE;
    expect(await code(key, 'json', 'CardSubwayStatsNew', 1, 5, '20220301')).toBe('INFO-200');
    expect(await code('4d46796d7366726f3833774a774955', 'json', 'CardSubwayStatsNew', 1, 5, '20230101')).toBe('INFO-100');
    expect(await code('sample', 'json', 'CardSubwayStatsNew', 1, 6)).toBe('ERROR-335');
    expect(await code(key, 'json', 'CardSubwayStatsNEW', 1, 5)).toBe('ERROR-310');
    expect(await code(key, 'json', 'CardSubwayStatsNew', 1)).toBe('ERROR-300');
    const sample = (await (await plaza(`${base}/seoul-openapi`, 'sample', 'json', 'CardSubwayStatsNew', 1, 5)).json()) as Record<string, any>;
    expect(sample.CardSubwayStatsNew.row).toHaveLength(5);
  });

  it('a publisher names a dataset’s service and codes; others may not', async () => {
    const s = t.services;
    const publisher = await createUser(s, system(), { email: 'aliases@seoul.go.kr', password: 'publisher password 1', role: 'citizen' });
    const dataset = await s.db.selectFrom('data_dataset').select(['id', 'publisher_id']).where('id', '=', 'seoul-air-quality-daily').executeTakeFirstOrThrow();
    const org = await s.db.selectFrom('accounts_organisation').select('slug').where('id', '=', dataset.publisher_id!).executeTakeFirstOrThrow();
    await addOrganisationMember(s, system(), { organisation: org.slug, email: 'aliases@seoul.go.kr', role: 'member' });
    const bearer = (
      await createApiKey(
        s,
        { kind: 'user', user: { id: publisher.id, email: publisher.email, displayName: 'p', role: 'citizen', memberships: [] } },
        { name: 'p' },
      )
    ).secret;
    const columns = (
      (await (await fetch(`${base}/api/v1/data/datasets/seoul-air-quality-daily`)).json()) as {
        version: { schema: { fields: Array<{ name: string; type: string }> } };
      }
    ).version.schema.fields;
    const date = columns.find((c) => c.type === 'date')!.name;
    const put = (body: object, token = bearer) =>
      fetch(`${base}/api/v1/data/datasets/seoul-air-quality-daily/seoul-service`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await put({ service: 'CardSubwayStatsNew', fields: { MSRDT_DE: date } })).status).toBe(409);
    expect((await put({ service: 'DailyAverageAirQuality', fields: { MSRDT_DE: '없는 열' } })).status).toBe(422);
    const ok = await put({ service: 'DailyAverageAirQuality', fields: { MSRDT_DE: date }, params: ['MSRDT_DE'] });
    expect(ok.status).toBe(200);
    const body = (await (await plaza(`${base}/seoul-openapi`, key, 'json', 'DailyAverageAirQuality', 1, 1, '20220101')).json()) as Record<string, any>;
    expect(body.DailyAverageAirQuality.row).toEqual([{ MSRDT_DE: '20220101' }]);
    expect((await put({ service: null }, key)).status).toBe(401); // a Plaza key is no account key
  });
});

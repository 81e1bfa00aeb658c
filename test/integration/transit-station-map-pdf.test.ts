import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flatten, pdfStructure } from '../../src/contexts/transit/maps/pdf-structure.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

let t: TestContext;
let dir: string;
beforeAll(async () => {
  t = await createTestContext({}, { withSeoulNetwork: true });
  dir = mkdtempSync(join(tmpdir(), 'station-map-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t.close();
});

const get = async (url: string) => t.app.inject({ method: 'GET', url });
/** What a reader gets from the PDF (poppler's pdftotext, which CI installs). */
const text = (pdf: Buffer, name: string) => {
  const file = join(dir, name);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
};

describe(`the station map as a tagged PDF (${dialect})`, () => {
  it('for a station without an interior (고속터미널): what is known and, in words, what is not; tagged in reading order', async () => {
    t.services.now = () => new Date('2026-11-23T01:00:00Z'); // one minute of the status version: one render
    const res = await get('/api/v1/transit/stations/seoul-4123/map.pdf?lang=ko');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const flat = text(res.rawPayload, 'ko.pdf');
    expect(flat).toContain('고속터미널 역 지도');
    expect(flat).toContain('역 내부(층, 통로, 승강장과 출구의 연결)는 자료가 없습니다');
    expect(flat).toMatch(/E1: .*E2: /);

    const tree = pdfStructure(res.rawPayload);
    expect(tree.marked).toBe(true);
    expect(tree.lang).toBe('ko-KR');
    const all = flatten(tree.root).slice(1);
    expect(all[0]!.type).toBe('H1');
    const figure = all.find((n) => n.type === 'Figure')!;
    expect(figure.alt).toMatch(/^위치가 알려진 시설.*E\d+: .*역 좌표에서/);
    // Headings after the figure, in the order the page reads: elevators … not known … sources.
    expect(all.indexOf(figure)).toBeLessThan(all.findIndex((n) => n.type === 'H2'));
    expect(all.filter((n) => n.type === 'H2')).toHaveLength(6);
    for (const n of all) expect(n.content || n.children.length > 0, n.type).toBe(true);

    // From the cache: the same bytes again (a second render would carry the same date, but the key is checked too).
    expect((await get('/api/v1/transit/stations/seoul-4123/map.pdf?lang=ko')).rawPayload.equals(res.rawPayload)).toBe(true);
  });

  it('in English, with English as its language', async () => {
    const res = await get('/api/v1/transit/stations/seoul-4123/map.pdf?lang=en');
    expect(pdfStructure(res.rawPayload).lang).toBe('en-US');
    expect(text(res.rawPayload, 'en.pdf')).toContain('There is no data on the interior');
  });

  it('for a station with an interior too; a clear error for a bad language or an unknown station', async () => {
    const res = await get('/api/v1/transit/stations/seoul-330/map.pdf');
    expect(res.statusCode).toBe(200);
    expect(pdfStructure(res.rawPayload).root).toHaveLength(1);
    expect((await get('/api/v1/transit/stations/no-such-station/map.pdf')).statusCode).toBe(404);
    expect((await get('/api/v1/transit/stations/seoul-4123/map.pdf?lang=xx')).statusCode).toBe(400);
  });

  it('is linked from the station page', async () => {
    expect((await get('/transit/stations/seoul-4123')).body).toContain('href="/api/v1/transit/stations/seoul-4123/map.pdf?lang=ko"');
  });

  it('says how a lift’s position is known: the city’s coordinates as derived; a route’s lift with none, beside its step', async () => {
    // The lists are wrapped onto several <text> lines: read as words.
    const svg = (await get('/api/v1/transit/stations/seoul-4123/map.svg?lang=ko')).body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(svg).toMatch(/E\d+: .*?역 좌표에서 \S+ \d+ m \(위치: 공개 자료로 만든 것 \(현장 미확인\)\)/);
    expect(svg).not.toContain('surveyed');
    const transfers = (await get('/api/v1/transit/stations/seoul-330/transfers?profile=wheelchair')).json() as Array<{
      from: { stopId: string };
      to: { stopId: string };
      feasible: boolean;
    }>;
    const x = transfers.find((r) => r.feasible)!;
    const q = `from=${encodeURIComponent(x.from.stopId)}&to=${encodeURIComponent(x.to.stopId)}&profile=wheelchair`;
    const text = (await get(`/api/v1/transit/stations/seoul-330/transfer-map.txt?${q}&lang=ko`)).body;
    const liftSteps = text.split('\n').filter((l) => /^\d+\. .*\(엘리베이터,/.test(l));
    expect(liftSteps.length).toBeGreaterThan(0);
    // 교대's route lifts come from Seoul Metro's list, which gives no coordinates; the city's points are not linked to them.
    for (const l of liftSteps)
      expect(l).toMatch(/이 승강기의 위치는 자료에 없습니다 \(서울시 위치 자료의 이 역 승강기 점 \d+개는 어느 승강기인지 연결되어 있지 않아/);
    const en = (await get(`/api/v1/transit/stations/seoul-330/transfer-map.txt?${q}&lang=en`)).body;
    expect(en).toContain("This lift's position is not in the data");
  });
});

import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRecord, DEFAULT_RECORD_FILE, recordLine } from '../../bench/record.js';
import { loadBenchRecord } from '../../src/contexts/home/store/bench-record.file.js';
import { englishWithoutLang } from '../support/lang-crawl.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

let t: TestContext;
let file: string;
const realNow = () => new Date();

type Figures = {
  record: string;
  notice: { ko: string; en: string } | null;
  stale: boolean | null;
  ageDays: number | null;
  staleAfterDays: number;
  age: { ko: string; en: string } | null;
  machine: { cores: number; node: string } | null;
  commit: { sha: string | null; dirty: boolean | null } | null;
  conditions: { machine: string; note: string | null; words: { ko: string; en: string } } | null;
  settings: { groups: string[] | null } | null;
  measures: Array<{
    name: string;
    status: string;
    measured: { ratio: number; value: number } | null;
    goal: { target: number } | null;
    unknownBecause: { ko: string; en: string } | null;
  }>;
  others: Array<{ name: string }>;
};

const api = async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/about/performance' });
  expect(res.statusCode).toBe(200);
  return res.json() as Figures;
};
const page = async (lang: 'ko' | 'en') => {
  const res = await t.app.inject({ method: 'GET', url: `/about/performance?lang=${lang}`, headers: { accept: 'text/html' } });
  expect(res.statusCode).toBe(200);
  return res.body;
};
const measure = (f: Figures, name: string) => f.measures.find((m) => m.name === name)!;

/** A record as the bench writes it (bench/record.ts, this machine and checkout), with the lines given. */
function benchRecord() {
  process.env.BENCH_ONLY = 'api';
  process.env.BENCH_CONDITIONS = 'shared';
  process.env.BENCH_CONDITIONS_NOTE = 'Integration test record';
  try {
    recordLine('api.health.vsHello', 3400, 'req/s', 10000); // ratio 0.34: goal ≥ 0.5 not met
    recordLine('api.routes.vsHello', 4500, 'req/s', 10000); // ratio 0.45: goal ≥ 0.4 met
    recordLine('api.ready.vsHello', 2000, 'req/s', 10000); // no goal
    recordLine('maps.extra.p50ms', 12, 'ms', 24); // a line this page has no words for
    return buildRecord();
  } finally {
    delete process.env.BENCH_ONLY;
    delete process.env.BENCH_CONDITIONS;
    delete process.env.BENCH_CONDITIONS_NOTE;
  }
}

beforeAll(async () => {
  t = await createTestContext();
  file = path.join(t.dataDir, 'bench-latest.json');
  t.services.config.benchRecordFile = file;
});
afterAll(() => t.close());

describe(`/about/performance (${dialect})`, () => {
  it('with no record, says so in words, and every measure is unknown with its reason', async () => {
    const f = await api();
    expect(f.record).toBe('missing');
    expect(f.notice?.ko).toContain('기록이 없습니다');
    expect(f.notice?.en).toContain('No performance record');
    expect([f.machine, f.commit, f.conditions, f.ageDays, f.stale]).toEqual([null, null, null, null, null]);
    expect(f.measures.length).toBeGreaterThanOrEqual(5);
    for (const m of f.measures) {
      expect(m.status, m.name).toBe('not_measured');
      expect(m.unknownBecause?.en, m.name).toBe('Unknown: there is no record.');
    }
    expect(measure(f, 'api.health.vsHello').goal?.target).toBe(0.5);
    expect(measure(f, 'query.rows.p50ms').goal?.target).toBe(50);
    const ko = await page('ko');
    expect(ko).toContain('아직 성능 측정 기록이 없습니다');
    expect(ko).toContain('측정 기록이 없어 알 수 없습니다.');
    expect(englishWithoutLang(ko)).toEqual([]);
    expect(await page('en')).toContain('No performance record exists yet');
  });

  it('with a record from the bench writer: goals met and not met, a group not run, a line missing, an extra line', async () => {
    const written = benchRecord();
    await fs.writeFile(file, JSON.stringify(written));
    t.services.now = () => new Date(Date.parse(written.finishedAt) + 2 * 86_400_000);
    const f = await api();
    expect(f.record).toBe('present');
    expect(f.notice).toBeNull();
    expect(f.ageDays).toBe(2);
    expect(f.stale).toBe(false);
    expect(f.machine?.node).toBe(process.version);
    expect(f.conditions?.machine).toBe('shared');
    expect(f.conditions?.note).toBe('Integration test record');
    expect(f.conditions?.words.en).toContain('shared, loaded machine');
    expect((f as unknown as { provisional: { en: string } }).provisional.en).toContain('provisional until a run on a quiet machine');
    expect(f.settings?.groups).toEqual(['api']);
    expect(measure(f, 'api.health.vsHello')).toMatchObject({ status: 'not_met', measured: { ratio: 0.34, value: 3400 }, unknownBecause: null });
    expect(measure(f, 'api.routes.vsHello')).toMatchObject({ status: 'met', measured: { ratio: 0.45 } });
    expect(measure(f, 'api.ready.vsHello')).toMatchObject({ status: 'no_goal', goal: null });
    // The api group ran, but journeys.vsHello is not in the record; the query group did not run.
    expect(measure(f, 'journeys.vsHello').unknownBecause?.en).toBe('Unknown: the record has no line for it.');
    expect(measure(f, 'query.rows.p50ms')).toMatchObject({ status: 'not_measured', measured: null });
    expect(measure(f, 'query.rows.p50ms').unknownBecause?.en).toBe('Unknown: this run did not include its group (query).');
    expect(f.others.map((o) => o.name)).toEqual(['maps.extra.p50ms']);

    const ko = await page('ko');
    expect(ko).toContain('달성');
    expect(ko).toContain('미달');
    expect(ko).toContain('2일 전에 잰 기록입니다.');
    expect(ko).toContain('아래의 달성 여부는 잠정적입니다');
    expect(ko).toContain('다른 작업과 함께 쓰는(부하가 있는) 기계에서 쟀습니다.');
    expect(ko).toContain('이번 측정에서 이 묶음(<span lang="en">query</span>)을 실행하지 않아 알 수 없습니다.');
    expect(ko).toContain('maps.extra.p50ms');
    expect(englishWithoutLang(ko)).toEqual([]);
    const en = await page('en');
    expect(en).toContain('<html lang="en"');
    expect(en).toContain('Not met');
    expect(en).toContain('Measured 2 days ago.');
  });

  it('labels a record older than the limit as old, on the page and in the API', async () => {
    const written = JSON.parse(await fs.readFile(file, 'utf8')) as { finishedAt: string };
    t.services.now = () => new Date(Date.parse(written.finishedAt) + 45 * 86_400_000);
    const f = await api();
    expect(f).toMatchObject({ record: 'present', stale: true, ageDays: 45, staleAfterDays: 30 });
    expect(f.age?.en).toContain('45 days ago, older than the 30-day limit');
    expect(await page('ko')).toContain('이 기록은 45일 전에 잰 것으로, 기준(30일)보다 오래되었습니다.');
    t.services.now = realNow;
  });

  it('a file that is not JSON, or not a record, is said to be unreadable (never a 500)', async () => {
    await fs.writeFile(file, '{"format": "open-seoul.bench-record/1", ');
    let f = await api();
    expect(f.record).toBe('unreadable');
    expect(f.notice?.en).toBe('The performance record cannot be read (not JSON): every figure below is unknown.');
    expect(f.measures.every((m) => m.status === 'not_measured')).toBe(true);
    await fs.writeFile(file, JSON.stringify({ ...benchRecord(), measures: [{ name: 'api.health.vsHello', value: 'fast' }] }));
    f = await api();
    expect(f.record).toBe('unreadable');
    expect(f.notice?.ko).toContain('기록 형식과 맞지 않음');
    expect(await page('ko')).toContain('성능 측정 기록 파일을 읽을 수 없습니다');
    await fs.rm(file);
    await fs.mkdir(file); // a folder where the file should be
    f = await api();
    expect(f.notice?.en).toBe('The performance record cannot be read (the file cannot be opened): every figure below is unknown.');
    await fs.rmdir(file);
  });

  it('the committed record is a valid record, and the footer links the page', async () => {
    const committed = await loadBenchRecord(DEFAULT_RECORD_FILE);
    expect(committed.status).toBe('present');
    const home = await t.app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(home.body).toContain('<a href="/about/performance">성능 측정 결과</a>');
  });
});

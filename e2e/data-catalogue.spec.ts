import fs from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { checkPages } from './axe-support.js';
import { expect, setLanguage, signInAsAdmin, test as base, unique } from './support.js';

/**
 * A citizen finds data in the catalogue (Korean and English), opens it, reads the preview and the column
 * profile, asks a question with the query builder (and sees the same question as an API address and SQL),
 * follows the API address, draws a bar chart and a map, and downloads the CSV. The datasets are published
 * through the API by the admin once per worker: real CP949 ridership rows (e2e/fixtures) and five stations
 * with coordinates.
 */
interface Published {
  id: string;
  titleKo: string;
  titleEn: string;
  tag: string;
}
const RIDERSHIP = fs.readFileSync('e2e/fixtures/subway-ridership-202301-cp949.csv');
const STATIONS = Buffer.from(
  '역명,호선,위도,경도\n서울역,1호선,37.5547,126.9707\n시청,1호선,37.5657,126.9770\n종각,1호선,37.5702,126.9831\n강남,2호선,37.4979,127.0276\n잠실,2호선,37.5133,127.1001\n',
  'utf8',
);

async function publish(page: Page, csrf: string, file: { name: string; buffer: Buffer }, meta: { id: string; titleKo: string; titleEn: string }) {
  const headers = { 'x-csrf-token': csrf };
  const created = await page.request.post('/api/v1/data/datasets', {
    headers,
    data: {
      id: meta.id,
      titleKo: meta.titleKo,
      titleEn: meta.titleEn,
      topics: ['transport'],
      keywords: ['지하철', 'subway'],
      attribution: '서울특별시',
      descriptionKo: '시험용 데이터',
      descriptionEn: 'Test data',
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const upload = await page.request.post(`/api/v1/data/datasets/${meta.id}/uploads`, {
    headers,
    multipart: { file: { name: file.name, mimeType: 'text/csv', buffer: file.buffer } },
  });
  expect(upload.status(), await upload.text()).toBe(201);
  const { versionId } = (await upload.json()) as { versionId: string };
  const published = await page.request.post(`/api/v1/data/uploads/${versionId}/publish`, { headers, data: {} });
  expect(published.status(), await published.text()).toBe(200);
}

async function publishFixtures(browser: Browser): Promise<{ ridership: Published; stations: Published }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAsAdmin(page);
  const csrf = await page.locator('input[name=_csrf]').first().inputValue();
  const tag = unique();
  const ridership = { id: `e2e-ridership-${tag}`, titleKo: `지하철 승하차 인원 ${tag}`, titleEn: `Subway ridership ${tag}`, tag };
  const stations = { id: `e2e-stations-${tag}`, titleKo: `지하철역 위치 ${tag}`, titleEn: `Station locations ${tag}`, tag };
  await publish(page, csrf, { name: 'subway-ridership-202301-cp949.csv', buffer: RIDERSHIP }, ridership);
  await publish(page, csrf, { name: 'stations.csv', buffer: STATIONS }, stations);
  await context.close();
  return { ridership, stations };
}

const test = base.extend<object, { data: { ridership: Published; stations: Published } }>({
  data: [async ({ browser }, use) => use(await publishFixtures(browser)), { scope: 'worker' }],
});

test('a citizen searches in Korean, reads the preview and profile, queries, follows the API and downloads the CSV', async ({ page, data }) => {
  const { ridership: d } = data;
  await page.goto('/data');
  await expect(page.getByRole('link', { name: '데이터 올리기' })).toHaveCount(0);
  await page.getByLabel('검색어').fill(`승하차 ${d.tag}`);
  await page.getByRole('button', { name: '찾기' }).click();
  await expect(page.getByRole('heading', { level: 2, name: `"승하차 ${d.tag}" 검색 결과 1건` })).toBeVisible();
  const result = page.locator('.result').first();
  await expect(result).toContainText('공공누리 제1유형');
  await expect(result).toContainText('CSV');
  await expect(result).toContainText('30');
  await result.getByRole('link', { name: d.titleKo }).click();

  await expect(page).toHaveURL(`/data/datasets/${d.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(d.titleKo);
  await expect(page.locator('#attribution')).toContainText(`출처: 서울특별시, 「${d.titleKo}」`);
  await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(1);
  await expect(page.locator('#preview-table caption')).toHaveText('버전 1의 처음 20행 (전체 30행)');
  await expect(page.locator('#preview-table')).toContainText('신도림');
  await expect(page.locator('table.versions')).toContainText('cp949');
  const line = page.locator('#profile tbody tr', { has: page.getByRole('rowheader', { name: '노선명' }) });
  await expect(line).toContainText('2호선 (13행)');
  await expect(page.locator('#profile svg[role="img"]').first().locator('title')).toContainText('분포');

  // Download: UTF-8 with a BOM for Excel, the Korean decoded from CP949 intact.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '버전 1 CSV 내려받기' }).click()]);
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = bytes.toString('utf8');
  expect(csv).toContain('사용일자,노선명,역명,승차총승객수,하차총승객수,등록일자');
  expect(csv).toContain('2호선,신도림,20210,21037');

  // The query builder: a filter, the answer, and the same question as an API address and as SQL.
  await page.getByRole('link', { name: '질의 만들기' }).click();
  await page.locator('#q-col1').selectOption('노선명');
  await page.locator('#q-val1').fill('2호선');
  await page.getByRole('button', { name: '질의 실행' }).click();
  await expect(page.getByRole('status').filter({ hasText: '13행 중 1–13행' })).toBeVisible();
  await expect(page.locator('#result-table tbody tr')).toHaveCount(13);
  await expect(page.locator('#api-url')).toHaveText(`/api/v1/data/datasets/${d.id}/rows?노선명=2호선&limit=20`);
  await expect(page.locator('#sql')).toContainText(`FROM "${d.id.replace(/-/g, '_')}"`);
  await expect(page.locator('#sql')).toContainText(`WHERE "노선명" = '2호선'`);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/rows?')),
    page.getByRole('link', { name: 'API 주소 열기 (JSON)' }).click(),
  ]);
  const body = (await response.json()) as { total: number; rows: Array<Record<string, unknown>> };
  expect(body.total).toBe(13);
  expect(new Set(body.rows.map((r) => r.노선명))).toEqual(new Set(['2호선']));

  // A value that does not fit its column is shown next to the field.
  await page.goBack();
  await page.locator('#q-col2').selectOption('승차총승객수');
  await page.locator('#q-op2').selectOption('gte');
  await page.locator('#q-val2').fill('많이');
  await page.getByRole('button', { name: '질의 실행' }).click();
  await expect(page.locator('#q-val2-error')).toHaveText('"승차총승객수" 열에는 정수 값을 넣어 주세요.');
  await expect(page.locator('#q-val2')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#error-summary')).toBeVisible();
});

test('a bar chart and a map of points, drawn on the server with their values as a table', async ({ page, data }) => {
  const { ridership, stations } = data;
  await page.goto(`/data/datasets/${ridership.id}/chart`);
  await page.getByLabel('막대', { exact: true }).check();
  await page.getByLabel('가로축 (묶을 열)').selectOption('노선명');
  await page.getByLabel('세로축 값').selectOption('sum');
  await page.getByLabel('합계·평균을 낼 숫자 열').selectOption('승차총승객수');
  await page.getByRole('button', { name: '차트 그리기' }).click();
  const chart = page.locator('svg.data-chart[role="img"]');
  await expect(page.locator('#chart-title')).toHaveText('노선명별 합계: 승차총승객수');
  await expect(page.locator('#chart-desc')).toContainText('막대 5개');
  await expect(chart.locator('rect')).toHaveCount(5);
  await expect(page.locator('#chart-table tbody tr').first()).toContainText('2호선');
  await expect(page.locator('#api-url')).toContainText('group_by=노선명&agg=sum:승차총승객수');

  await page.goto(`/data/datasets/${stations.id}/chart`);
  await page.getByLabel('지점 지도', { exact: true }).check();
  await expect(page.getByLabel('위도 열')).toHaveValue('위도');
  await page.getByLabel('이름 열 (선택)').selectOption('역명');
  await page.getByRole('button', { name: '차트 그리기' }).click();
  await expect(page.locator('svg.data-chart circle')).toHaveCount(5);
  await expect(page.locator('svg.data-chart desc')).toHaveText('지점 5개. 위도 37.4979–37.5702, 경도 126.9707–127.1001.');
  await expect(page.locator('#chart-table')).toContainText('잠실');
});

test('in English: search, the dataset in English, a line chart', async ({ page, context, data }) => {
  const { ridership: d } = data;
  await setLanguage(context, 'en');
  await page.goto('/data');
  await page.getByLabel('Search words').fill(`ridership ${d.tag}`);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Results for "ridership ${d.tag}": 1` })).toBeVisible();
  // Facets work without scripts: the topic checkbox narrows and keeps the words.
  await page.getByRole('checkbox', { name: /Transport/ }).check();
  await page.getByRole('button', { name: 'Apply' }).first().click();
  await expect(page).toHaveURL(/topic=transport/);
  await page.getByRole('link', { name: d.titleEn }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(d.titleEn);
  await expect(page.locator('#preview-table caption')).toHaveText('The first 20 rows of version 1 (of 30)');
  await page.getByRole('link', { name: 'Chart builder' }).click();
  await page.getByLabel('Line', { exact: true }).check();
  await page.getByLabel('X axis (group by)').selectOption('역명');
  await page.getByRole('button', { name: 'Draw the chart' }).click();
  await expect(page.locator('svg.data-chart path')).toHaveCount(1);
  await expect(page.locator('svg.data-chart desc')).toContainText('30 points');
});

test('seeded Seoul data: found in both languages, with its versions, and the bike stations on a map', async ({ page, context }) => {
  await page.goto(`/data?q=${encodeURIComponent('대기오염')}`);
  await page.locator('.result').getByRole('link', { name: '서울시 일별 평균 대기오염도 정보' }).click();
  await expect(page).toHaveURL('/data/datasets/seoul-air-quality-daily');
  await expect(page.locator('table.versions tbody tr')).toHaveCount(5);
  await expect(page.locator('#preview-table tbody tr')).toHaveCount(20);
  await page.locator('table.versions').getByRole('link', { name: '버전 1', exact: true }).click();
  await expect(page.locator('.alert-info')).toContainText('지난 버전 1');
  await expect(page.locator('#preview-table caption')).toContainText('버전 1의 처음 20행');

  await page.goto('/data/datasets/seoul-public-bike-stations/chart?type=points');
  expect(await page.locator('svg.data-chart circle').count()).toBeGreaterThan(1000);
  await expect(page.locator('#chart-desc')).toContainText('위도 37.');

  await setLanguage(context, 'en');
  await page.goto('/data?q=air+pollution');
  await expect(page.locator('.result').getByRole('link', { name: 'Seoul daily average air pollution' })).toBeVisible();
});

test("the home page and the plan's commitment ② lead to the catalogue", async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: '시민 데이터' })).toHaveAttribute('href', '/data');
  await page.goto('/plan/commitments/digital-literacy-civic-hacking');
  await page.getByRole('link', { name: /이 공약으로 만든 열린 데이터/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('열린 데이터');
});

test('signed in, the catalogue links to the publisher pages', async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto('/data');
  await expect(page.getByRole('link', { name: '데이터 올리기' })).toHaveAttribute('href', '/data/new');
});

for (const lang of ['ko', 'en'] as const) {
  test(`axe on the data pages (${lang})`, async ({ page, context, data }) => {
    const { ridership: d, stations: s } = data;
    test.setTimeout(90_000); // eleven pages, each checked by axe
    const q = (pairs: Record<string, string>) => `?${new URLSearchParams(pairs).toString()}`;
    await setLanguage(context, lang);
    await checkPages(page, lang, [
      { path: '/data' },
      { path: `/data${q({ q: `승하차 ${d.tag}`, topic: 'transport' })}` },
      { path: `/data${q({ q: 'zzqqxxnothing' })}` },
      { path: `/data/datasets/${d.id}` },
      { path: `/data/datasets/${d.id}?version=1` },
      { path: `/data/datasets/${d.id}/query${q({ col1: '노선명', op1: 'eq', val1: '2호선', group: '역명', fn1: 'sum', of1: '승차총승객수', limit: '5' })}` },
      { path: `/data/datasets/${d.id}/query${q({ col1: '승차총승객수', op1: 'gte', val1: 'x' })}`, status: 422 },
      { path: `/data/datasets/${d.id}/chart${q({ type: 'bar', x: '노선명', y: 'avg', of: '하차총승객수' })}` },
      { path: `/data/datasets/${d.id}/chart${q({ type: 'line', x: '역명' })}` },
      { path: `/data/datasets/${s.id}/chart${q({ type: 'points', label: '역명' })}` },
      { path: '/data/datasets/no-such-dataset', status: 404 },
    ]);
  });
}

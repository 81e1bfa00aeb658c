import type { Page } from '@playwright/test';
import { apiClient } from './api-client.js';
import { checkCurrent, checkPages } from './axe-support.js';
import { test } from './plan-support.js';
import { expect, setLanguage, signUp, unique } from './support.js';

/**
 * Analyses: a citizen saves an analysis pinned to version 1 of a small air-quality dataset; the publisher uploads
 * version 2; the analysis says it is behind, re-runs on the latest version showing what changed, and is re-pinned
 * to the new figures. Another reader forks and comments. Axe checks the list, the form (with errors) and the
 * analysis page in Korean and English.
 */
const DEPARTMENT = 'smg-health-environment-institute';
const V1 = Buffer.from('district,pm10\n종로구,40\n마포구,30\n', 'utf8');
const V2 = Buffer.from('district,pm10\n종로구,42.5\n마포구,30\n강남구,5\n', 'utf8');

async function csrfHeaders(page: Page) {
  await page.goto('/account');
  return { 'x-csrf-token': await page.locator('input[name=_csrf]').first().inputValue() };
}

/** The admin publishes a version of the dataset through the data API (creating it first when asked). */
async function publishVersion(admin: Page, id: string, csv: Buffer, create = false) {
  const headers = await csrfHeaders(admin);
  if (create) {
    const api = apiClient(admin.request, headers);
    const { data: org } = await api.GET('/api/v1/organisations/{id}', { params: { path: { id: DEPARTMENT } } });
    const created = await api.POST('/api/v1/data/datasets', {
      body: {
        id,
        titleKo: `분석 시험용 대기질 ${id.slice(-6)}`,
        titleEn: `Air quality for analyses ${id.slice(-6)}`,
        publisherId: org!.id,
        descriptionKo: '분석 시험용 데이터',
        descriptionEn: 'Test data for analyses',
      },
    });
    expect(created.response.status, JSON.stringify(created.error)).toBe(201);
  }
  const upload = await admin.request.post(`/api/v1/data/datasets/${id}/uploads`, {
    headers,
    multipart: { file: { name: 'air.csv', mimeType: 'text/csv', buffer: csv } },
  });
  expect(upload.status(), await upload.text()).toBe(201);
  const { versionId } = (await upload.json()) as { versionId: string };
  const published = await admin.request.post(`/api/v1/data/uploads/${versionId}/publish`, { headers, data: {} });
  expect(published.status(), await published.text()).toBe(200);
}

test('an analysis pinned to version 1 is behind after version 2, re-runs to the new figures and is re-pinned; others fork and comment', async ({
  newParty,
  admin,
}) => {
  test.setTimeout(150_000);
  const dataset = `e2e-analysis-air-${unique()}`;
  const view = dataset.replace(/-/g, '_');
  await publishVersion(admin, dataset, V1, true);

  const author = await newParty();
  const reader = await newParty();
  await signUp(author, { name: `분석가 ${unique().slice(-4)}` });
  await signUp(reader, { name: `독자 ${unique().slice(-4)}` });

  // The seeded example (pinned to 2018) is listed, marked as behind.
  await author.goto('/analyses');
  await expect(author.locator('[data-analysis]').filter({ hasText: '2018년' }).locator('[data-behind]')).toBeVisible();
  await author.getByRole('link', { name: '새 분석 만들기' }).click();
  await expect(author).toHaveURL(/\/analyses\/new$/);
  await expect(author.locator(`[data-table="${view}"]`)).toBeVisible();

  // Errors next to the fields: nothing filled, then SQL that writes.
  await author.locator('form[action="/analyses"] button[type=submit]').click();
  await expect(author.locator('#f-title-error')).toBeVisible();
  await expect(author.locator('#f-sql-error')).toBeVisible();
  const title = `자치구별 미세먼지 ${unique()}`;
  await author.locator('#f-title').fill(title);
  await author.locator('#f-sql').fill(`DELETE FROM ${view}`);
  await author.locator('form[action="/analyses"] button[type=submit]').click();
  await expect(author.locator('#f-sql-error')).toBeVisible();
  await expect(author.locator('#f-title')).toHaveValue(title);

  await author.locator('#f-sql').fill(`SELECT district, pm10 FROM ${view} ORDER BY district`);
  await author.locator('#f-chartType').selectOption('bar');
  await author.locator('#f-chartX').fill('district');
  await author.locator('#f-chartY').fill('pm10');
  // HTML in the narrative is refused next to the field; Markdown is rendered.
  await author.locator('#f-narrative').fill('<script>alert(1)</script>');
  await author.locator('form[action="/analyses"] button[type=submit]').click();
  await expect(author.locator('#f-narrative-error')).toBeVisible();
  await author.locator('#f-narrative').fill('## 무엇을 보았나\n\n**종로구**가 가장 높았습니다. [자료](https://data.seoul.go.kr/)');
  await author.locator('form[action="/analyses"] button[type=submit]').click();
  await expect(author).toHaveURL(/\/analyses\/[0-9a-f-]{36}$/);
  const analysisPath = new URL(author.url()).pathname;
  await expect(author.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(author.locator('.narrative strong')).toHaveText('종로구');
  await expect(author.locator('.narrative a')).toHaveAttribute('href', 'https://data.seoul.go.kr/');
  await expect(author.locator(`[data-pin="${dataset}"]`)).toContainText('버전 1');
  await expect(author.locator('#result-chart-title')).toBeAttached();
  await expect(author.locator('#result-table')).toContainText('40');
  await expect(author.locator('[data-behind]')).toHaveCount(0);

  await author.getByRole('button', { name: '공개하기' }).click();
  await expect(author.locator('[data-notice=published]')).toBeVisible();
  await expect(author.locator('[data-status=published]')).toBeVisible();

  // Version 2 is published: the analysis is behind, and re-runs on it.
  await publishVersion(admin, dataset, V2);
  await author.goto(analysisPath);
  await expect(author.locator(`[data-behind-dataset="${dataset}"]`)).toContainText('버전 1에 고정');
  await expect(author.locator(`[data-behind-dataset="${dataset}"]`)).toContainText('버전 2');
  await author.getByRole('button', { name: '최신 버전으로 다시 실행' }).click();
  const rerun = author.locator('#rerun');
  await expect(rerun.locator(`[data-version="${dataset}"]`)).toHaveText(`${dataset}: 버전 1 → 2`);
  await expect(rerun.locator('[data-diff-summary]')).toHaveText('바뀐 값 1개, 새 행 1개, 사라진 행 0개');
  await expect(rerun.locator('#latest-table')).toContainText('42.5');
  await expect(author.locator('#result-table')).not.toContainText('42.5');
  await checkCurrent(author, 'ko', 'analysis after re-run');

  await rerun.getByRole('button', { name: '최신 버전으로 다시 고정' }).click();
  await expect(author.locator('[data-notice=repinned]')).toBeVisible();
  await expect(author.locator('[data-behind]')).toHaveCount(0);
  await expect(author.locator(`[data-pin="${dataset}"]`)).toContainText('버전 2');
  await expect(author.locator('#result-table')).toContainText('42.5');
  await expect(author.locator('#result-table')).toContainText('강남구');

  // A reader comments (empty first: the error is shown next to the field) and forks it.
  await reader.goto(analysisPath);
  await expect(reader.getByRole('button', { name: '최신 버전으로 다시 고정' })).toHaveCount(0);
  await reader.locator('form[action$="/comments"] button[type=submit]').click();
  await expect(reader.locator('#f-body-error')).toBeVisible();
  await reader.locator('#f-body').fill('강남구가 새로 들어왔네요.');
  await reader.locator('form[action$="/comments"] button[type=submit]').click();
  await expect(reader.locator('[data-comment]')).toContainText('강남구가 새로 들어왔네요.');
  await reader.getByRole('button', { name: '내 분석으로 복사(포크)' }).click();
  await expect(reader).toHaveURL(/\/analyses\/[0-9a-f-]{36}$/);
  expect(new URL(reader.url()).pathname).not.toBe(analysisPath);
  await expect(reader.locator('[data-status=draft]')).toBeVisible();
  await expect(reader.locator(`a[href="${analysisPath}"]`)).toBeVisible();

  // Axe in Korean and English: the list, the form (and with errors), the analysis page and the seeded example.
  await author.goto('/analyses');
  const example = await author.locator('[data-analysis]').filter({ hasText: '2018년' }).first().locator('h3 a').getAttribute('href');
  for (const lang of ['ko', 'en'] as const) {
    await setLanguage(author.context(), lang);
    await checkPages(author, lang, [{ path: '/analyses' }, { path: '/analyses/new' }, { path: analysisPath }, { path: example! }]);
    await author.goto('/analyses/new');
    await author.locator('form[action="/analyses"] button[type=submit]').click();
    await checkCurrent(author, lang, '/analyses/new with errors');
  }
});

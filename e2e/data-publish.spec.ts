import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { checkCurrent, checkPages } from './axe-support.js';
import { test } from './plan-support.js';
import { expect, setLanguage, signUp, unique } from './support.js';

/**
 * The header and first 30 rows of Seoul's January 2023 subway ridership file (Seoul Open Data Plaza OA-12914,
 * 서울특별시, KOGL Type 1; 출처: 서울특별시 열린데이터광장), re-encoded from UTF-8 to CP949 with iconv-lite, as many
 * Korean offices still publish: see e2e/fixtures/README.md.
 */
const CP949_CSV = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'subway-ridership-202301-cp949.csv');
/** Line 2's stations in the fixture, in file order (rows 2–14). */
const LINE_2 = ['신도림', '문래', '영등포구청', '당산', '합정', '홍대입구', '신촌', '이대', '아현', '충정로(경기대입구)', '용답', '신답', '신설동'];
/** The publishers of these specs are members of an NGO of commitment 2 (in the seed). */
const ORG = { slug: 'open-net', ko: '오픈넷', en: 'Open Net' };
const datasetId = () => `subway-ridership-${unique()}`;

/** The admin (signed in on `admin`) adds someone to an organisation as a plain member. */
async function addMember(admin: Page, email: string) {
  await admin.goto(`/organisations/${ORG.slug}`);
  await admin.locator('#f-email').fill(email);
  await admin.locator('input[name=role][value=member]').check();
  await admin.locator('form[action$="/members"] button[type=submit]').click();
  await expect(admin).toHaveURL(new RegExp(`/organisations/${ORG.slug}\\?added=1$`));
}

/** Fills and sends /data/new; lands on the new dataset's upload page. */
async function createDataset(page: Page, id: string, publisher?: string) {
  await page.goto('/data/new');
  await page.locator('#f-id').fill(id);
  await page.locator('#f-titleKo').fill('서울시 지하철 호선별 역별 승하차 인원');
  await page.locator('#f-titleEn').fill('Subway boardings and alightings by line and station');
  if (publisher) await page.locator('#f-publisherId').selectOption({ label: publisher });
  await page.locator('main form[action="/data/datasets"] button[type=submit]').click();
  await expect(page).toHaveURL(new RegExp(`/data/datasets/${id}/upload\\?created=1$`));
}

/** Sends a file from the upload page the browser is on, with the automatic options. */
async function uploadFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await page.locator('#f-file').setInputFiles(file);
  await page.locator('main form[enctype="multipart/form-data"] button[type=submit]').click();
}

/** The id of the upload whose preview the browser shows. */
async function previewId(page: Page) {
  await expect(page).toHaveURL(/\/data\/uploads\/[0-9a-f-]{36}(#[\w-]+)?$/);
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** Chooses an encoding among the preview's candidates and reads the file again with it. */
async function readAs(page: Page, label: RegExp) {
  await page.getByRole('radio', { name: label }).check();
  await page.getByRole('button', { name: /^(이 인코딩으로 다시 읽기|Read again with this encoding)$/ }).click();
  return previewId(page);
}

test('main path: a publisher uploads a CP949 CSV, checks the encoding and the schema, publishes; the data is filtered, charted and downloaded', async ({
  page,
  admin,
}) => {
  test.setTimeout(120_000);
  const publisher = await signUp(page);
  await addMember(admin, publisher.email);
  const id = datasetId();

  // The catalogue entry: problems are shown next to the fields first.
  await page.goto('/data/new');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('데이터셋 만들기');
  await expect(page.locator('#f-publisherId option')).toHaveText([ORG.ko]); // only the organisations one belongs to
  await page.locator('#f-id').fill('Subway Ridership!');
  await page.getByRole('button', { name: '만들고 파일 올리기' }).click();
  const summary = page.locator('#error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: /^영문 소문자, 숫자, 하이픈/ })).toHaveAttribute('href', '#f-id');
  await expect(summary.getByRole('link', { name: '한국어나 영어 중 하나 이상으로 제목을 입력해 주세요.' })).toHaveAttribute('href', '#f-titleKo');
  await expect(page.locator('#f-id')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#f-id')).toHaveValue('Subway Ridership!'); // what was typed is kept
  await page.locator('#f-id').fill(id);
  await page.getByLabel('제목(한국어)').fill('서울시 지하철 호선별 역별 승하차 인원 (2023년 1월)');
  await page.getByLabel('제목(영어)').fill('Subway boardings and alightings by line and station (January 2023)');
  await page.getByLabel('설명(한국어)').fill('교통카드 기준 일별 지하철 역별 승하차 인원입니다.');
  await page.getByRole('checkbox', { name: '교통' }).check();
  await page.getByLabel('키워드').fill('지하철, 승하차, 교통카드');
  await page.getByLabel('이용허락').selectOption('KOGL-1');
  await page.getByLabel('갱신 주기').selectOption('monthly');
  await page.getByLabel('기간 시작').fill('2023-01-01');
  await page.getByLabel('기간 끝').fill('2023-01-31');
  await page.getByLabel('공간 범위').fill('서울특별시');
  await page.getByLabel('원본 주소').fill('https://data.seoul.go.kr/dataList/OA-12914/S/1/datasetView.do');
  await page.getByLabel('출처 표시').fill('출처: 서울특별시 열린데이터광장');
  await page.getByRole('button', { name: '만들고 파일 올리기' }).click();
  await expect(page).toHaveURL(new RegExp(`/data/datasets/${id}/upload\\?created=1$`));
  await expect(page.getByRole('status')).toHaveText('데이터셋을 만들었습니다. 이제 파일을 올리세요.');
  await expect(page.locator('main')).toContainText('아직 공개된 버전이 없습니다.');

  // Upload: the encoding is detected, and each candidate shows its reading of the first line.
  await uploadFile(page, CP949_CSV);
  const first = await previewId(page);
  await expect(page.locator('#encoding-result')).toHaveText(/^판별한 인코딩: CP949 \(EUC-KR\) \(확신도 \d+%\)$/);
  await expect(page.locator('[data-encoding=cp949] pre')).toContainText('"사용일자","노선명","역명","승차총승객수","하차총승객수","등록일자"');
  await expect(page.locator('[data-encoding=latin1] pre')).not.toContainText('사용일자'); // decodes "without error", but wrong
  const sample = page.locator('#sample-rows');
  await expect(sample.locator('thead th')).toHaveText(['행', '사용일자', '노선명', '역명', '승차총승객수', '하차총승객수', '등록일자']);
  await expect(sample.locator('tbody tr').nth(1)).toContainText('신도림');
  await expect(page.getByText('모든 값이 열 형식에 맞습니다.')).toBeVisible();
  await checkCurrent(page, 'ko', '/data/uploads/:id (draft)');

  // The publisher tries Latin-1: the Korean text breaks, so they go back to CP949.
  const latin = await readAs(page, /^Latin-1/);
  expect(latin).not.toBe(first);
  await expect(page.locator('#encoding-result')).toHaveText('게시자가 고른 인코딩: Latin-1 (ISO-8859-1)');
  await expect(sample).not.toContainText('신도림');
  await readAs(page, /^CP949/);
  await expect(page.locator('#encoding-result')).toHaveText('게시자가 고른 인코딩: CP949 (EUC-KR)');
  await expect(sample.locator('tbody tr').nth(1)).toContainText('신도림');

  // The schema, checked again before publishing: 노선명 (line) as an integer fails on every row, shown by row and column …
  const checkAgain = page.getByRole('button', { name: '이 형식으로 다시 검사' });
  const line = page.getByRole('combobox', { name: '노선명 형식' });
  await expect(line).toHaveValue('string');
  await expect(page.getByRole('combobox', { name: '승차총승객수 형식' })).toHaveValue('integer');
  await line.selectOption('integer');
  await checkAgain.click();
  await previewId(page);
  await expect(page.getByText('열 형식에 맞지 않는 값이 30개 있습니다.', { exact: false })).toBeVisible();
  await expect(page.locator('#problems-by-column tbody tr')).toHaveText([/^노선명\s*30$/]);
  await expect(page.locator('#problems tbody tr').first().locator('td')).toHaveText(['1', '노선명', '경강선', '정수 형식이 아닙니다.']);
  await checkCurrent(page, 'ko', '/data/uploads/:id (with problems)');
  // … so it goes back to text; 등록일자 (registration date, 20230104) is kept as text too, and 역명 gets a title.
  await page.getByRole('combobox', { name: '노선명 형식' }).selectOption('string');
  const registered = page.getByRole('combobox', { name: '등록일자 형식' });
  await expect(registered).toHaveValue('date');
  await registered.selectOption('string');
  await page.getByRole('textbox', { name: '역명 제목' }).fill('역 이름');
  await checkAgain.click();
  const checked = await previewId(page);
  await expect(page.getByText('모든 값이 열 형식에 맞습니다.')).toBeVisible();
  await expect(page.getByRole('combobox', { name: '등록일자 형식' })).toHaveValue('string');
  await expect(page.getByRole('textbox', { name: '역명 제목' })).toHaveValue('역 이름');
  await expect(sample.locator('tbody tr').nth(1)).toContainText('20230104');
  await expect(page.locator('#encoding-result')).toHaveText('게시자가 고른 인코딩: CP949 (EUC-KR)'); // the choice is kept
  await page.getByRole('button', { name: '공개', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/data/datasets/${id}(\\?published=\\d+)?$|/data/uploads/${checked}$`));

  // Filtered through the rows API: Korean values in and out, the changed type applied.
  const api = await page.request.get(`/api/v1/data/datasets/${id}/rows?${encodeURIComponent('노선명')}=${encodeURIComponent('2호선')}`);
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { total: number; rows: Array<Record<string, unknown>>; fields: Array<{ name: string; type: string }> };
  expect(body.total).toBe(LINE_2.length);
  expect(body.rows.map((r) => r.역명)).toEqual(LINE_2);
  expect(body.rows[0]).toMatchObject({ 사용일자: '2023-01-01', 승차총승객수: 20210, 등록일자: '20230104' });
  expect(body.fields.find((f) => f.name === '등록일자')?.type).toBe('string');

  // … and through the query builder.
  await page.goto(`/data/datasets/${id}/query`);
  await page.locator('#q-col1').selectOption('노선명');
  await page.locator('#q-op1').selectOption('eq');
  await page.locator('#q-val1').fill('2호선');
  await page.getByRole('button', { name: '질의 실행' }).click();
  await expect(page.locator('main table').filter({ hasText: '홍대입구' })).toBeVisible();
  await expect(page.locator('main table').filter({ hasText: '곤지암' })).toHaveCount(0);

  // Charted: boardings by station on line 2, largest first.
  await page.goto(`/data/datasets/${id}/chart`);
  await page.locator('#c-type-bar').check();
  await page.locator('#c-x').selectOption('역명');
  await page.locator('#c-y').selectOption('sum');
  await page.locator('#c-of').selectOption('승차총승객수');
  await page.locator('#c-col1').selectOption('노선명');
  await page.locator('#c-val1').fill('2호선');
  await page.getByRole('button', { name: '차트 그리기' }).click();
  const figure = page.locator('figure.chart-figure');
  await expect(figure.locator('svg')).toBeVisible();
  await expect(figure.locator('figcaption')).toContainText('홍대입구');

  // Downloaded as CSV: UTF-8 with a BOM (Excel opens it right), Korean intact.
  const csv = await page.request.get(`/api/v1/data/datasets/${id}/download.csv`);
  expect(csv.status()).toBe(200);
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  expect(text.split(/\r?\n/)[0]).toBe('사용일자,노선명,역명,승차총승객수,하차총승객수,등록일자');
  expect(text).toContain('2023-01-01,2호선,충정로(경기대입구),2957,3245,20230104');

  // The upload page lists the published version; the confirmation page links to everything.
  await page.goto(`/data/datasets/${id}/upload`);
  await expect(page.locator('main')).toContainText('30행 · subway-ridership-202301-cp949.csv');
  await page.goto(`/data/uploads/${checked}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('공개했습니다');
  await expect(page.getByRole('link', { name: 'CSV 내려받기' })).toHaveAttribute(
    'href',
    new RegExp(`/api/v1/data/datasets/${id}/download.csv\\?version=\\d+$`),
  );
});

test('someone who is not a member of the publishing organisation is refused the publisher pages', async ({ page, admin }) => {
  const id = datasetId();
  await createDataset(admin, id, ORG.ko);
  await uploadFile(admin, CP949_CSV);
  const draft = await previewId(admin);

  await signUp(page);
  for (const url of [`/data/datasets/${id}/upload`, `/data/uploads/${draft}`, '/data/new']) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(403);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('이 데이터를 올릴 권한이 없습니다');
  }
  // Signed out: sign in first.
  await page.context().clearCookies();
  await page.goto(`/data/datasets/${id}/upload`);
  await expect(page).toHaveURL(new RegExp(`/sign-in\\?next=${encodeURIComponent(`/data/datasets/${id}/upload`)}$`));
});

test('an empty or binary file is refused with a clear message and leaves no version', async ({ page, admin }) => {
  const publisher = await signUp(page);
  await addMember(admin, publisher.email);
  const id = datasetId();
  await createDataset(page, id);

  await uploadFile(page, { name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
  await expect(page.locator('#error-summary')).toBeFocused();
  await expect(page.locator('#f-file-error')).toHaveText('빈 파일입니다. 데이터가 든 파일을 골라 주세요.');
  await expect(page.locator('#f-file')).toHaveAttribute('aria-invalid', 'true');

  const png = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4e10000000049454e44ae426082',
    'hex',
  );
  await uploadFile(page, { name: 'ridership.png', mimeType: 'image/png', buffer: png });
  await expect(page.locator('#f-file-error')).toHaveText('이 파일은 읽을 수 없습니다. CSV, TSV, JSON, NDJSON, XLSX, Parquet 파일인지 확인해 주세요.');
  await checkCurrent(page, 'ko', '/data/datasets/:id/upload with an error');

  await page.goto(`/data/datasets/${id}/upload`);
  await expect(page.locator('main')).toContainText('아직 공개된 버전이 없습니다.');
  await expect(page.locator('main a[href^="/data/uploads/"]')).toHaveCount(0); // no draft either
  const rows = await page.request.get(`/api/v1/data/datasets/${id}/rows`);
  expect(rows.status()).toBe(404);
});

for (const lang of ['ko', 'en'] as const) {
  test(`publisher pages pass axe (WCAG 2.2 AA) in ${lang}`, async ({ page, context, admin }) => {
    test.setTimeout(90_000);
    await setLanguage(context, lang);
    const publisher = await signUp(page);
    await addMember(admin, publisher.email);
    const id = datasetId();
    await checkPages(page, lang, [{ path: '/data/new' }]);
    await page.locator('main form[action="/data/datasets"] button[type=submit]').click();
    await expect(page.locator('#error-summary')).toBeFocused();
    await checkCurrent(page, lang, '/data/new with errors');
    await createDataset(page, id);
    await checkCurrent(page, lang, '/data/datasets/:id/upload');
    await uploadFile(page, CP949_CSV);
    const draft = await previewId(page);
    await page.getByRole('button', { name: lang === 'ko' ? '공개' : 'Publish', exact: true }).click();
    await checkPages(page, lang, [{ path: `/data/uploads/${draft}` }, { path: `/data/datasets/${id}/upload` }]);
    await uploadFile(page, CP949_CSV);
    const second = await previewId(page);
    await checkCurrent(page, lang, '/data/uploads/:id (second draft)');
    await page.getByRole('button', { name: lang === 'ko' ? '초안 버리기' : 'Discard the draft' }).click();
    await expect(page).toHaveURL(new RegExp(`/data/datasets/${id}/upload\\?discarded=1$`));
    await checkCurrent(page, lang, '/data/datasets/:id/upload?discarded=1');
    await checkPages(page, lang, [{ path: `/data/uploads/${second}` }]);

    await context.clearCookies();
    await setLanguage(context, lang);
    await signUp(page); // a citizen of no organisation
    await checkPages(page, lang, [{ path: `/data/datasets/${id}/upload`, status: 403 }]);
  });
}

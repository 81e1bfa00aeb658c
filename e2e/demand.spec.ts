import type { Page } from '@playwright/test';
import { apiClient } from './api-client.js';
import { checkCurrent, checkPages } from './axe-support.js';
import { makeOfficial, seoulDate, test } from './plan-support.js';
import { ORIGIN, expect, setLanguage, signUp, unique } from './support.js';

/**
 * The data demand window: a citizen requests data (similar datasets suggested while typing), two others support
 * it from different districts, an official of the department answers "will publish by <date>", a publisher of
 * the department publishes the dataset and links it, and the supporters see it (notification and page).
 * The department is the air-quality institute the open-data seed registers, so no other spec's scorecard moves.
 */
const DEPARTMENT = 'smg-health-environment-institute';
const CSV = Buffer.from('측정일,측정소,미세먼지\n2026-11-01,종로구,31\n2026-11-01,마포구,28\n', 'utf8');

/** The admin adds a signed-up person to the department as a plain member (a publisher, not an official). */
async function makeMember(page: Page, admin: Page, department: string) {
  const user = await signUp(page, { name: `발행 담당 ${unique().slice(-4)}` });
  await admin.goto(`/organisations/${department}`);
  await admin.locator('#f-email').fill(user.email);
  await admin.locator('input[name=role][value=member]').check();
  await admin.locator('form[action$="/members"] button[type=submit]').click();
  await expect(admin).toHaveURL(new RegExp(`/organisations/${department}\\?added=1$`));
  return user;
}

/** The publisher publishes a small dataset of the department through the data API (catalogue entry, upload, publish). */
async function publishDataset(page: Page, id: string) {
  await page.goto('/account');
  const headers = { 'x-csrf-token': await page.locator('input[name=_csrf]').first().inputValue() };
  const api = apiClient(page.request, headers);
  const { data: org } = await api.GET('/api/v1/organisations/{id}', { params: { path: { id: DEPARTMENT } } });
  const created = await api.POST('/api/v1/data/datasets', {
    body: {
      id,
      titleKo: `측정소별 시간별 대기오염 농도 ${id.slice(-6)}`,
      titleEn: `Hourly air pollution per station ${id.slice(-6)}`,
      publisherId: org!.id,
      descriptionKo: '요청에 따라 공개한 시험용 데이터',
      descriptionEn: 'Published on request (test data)',
    },
  });
  expect(created.response.status, JSON.stringify(created.error)).toBe(201);
  const upload = await page.request.post(`/api/v1/data/datasets/${id}/uploads`, {
    headers,
    multipart: { file: { name: 'air.csv', mimeType: 'text/csv', buffer: CSV } },
  });
  expect(upload.status(), await upload.text()).toBe(201);
  const { versionId } = (await upload.json()) as { versionId: string };
  expect((await api.POST('/api/v1/data/uploads/{versionId}/publish', { params: { path: { versionId } }, body: {} })).response.status).toBe(200);
}

/** A citizen requests data through the form; the JavaScript island shows similar datasets while the title is typed. */
async function requestData(page: Page, title: string) {
  await page.goto('/demand/requests');
  await page
    .getByRole('link', { name: /^(데이터 요청하기|Request data)$/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/demand\/requests\/new$/);
  await page.locator('#f-title').pressSequentially(title, { delay: 5 });
  await page.locator('#f-why').fill('동네별 대기질을 시간대별로 비교해 아이들 등하교 시간을 정하고 싶습니다.');
  await page.locator('#f-organisation').selectOption({
    value: (await page.locator(`#f-organisation option`, { hasText: /보건환경연구원|Public Health and Environment/ }).getAttribute('value')) ?? '',
  });
  await page.locator('#f-useType').selectOption('advocacy');
  await page.locator('#f-useDescription').fill('학부모 모임에서 자치구별 비교 지도를 만들어 공유합니다.');
}

test('main path: request → two supporters from different districts → "will publish by" → publisher links the dataset → supporters see it', async ({
  page,
  admin,
  newParty,
}) => {
  test.setTimeout(120_000);
  const requester = await signUp(page);
  const title = '대기오염 측정소별 시간별 농도';
  await requestData(page, title);
  // Similar datasets appear while typing (the seeded daily air-quality dataset), announced politely.
  const live = page.locator('#similar-live');
  await expect(live).toHaveAttribute('aria-live', 'polite');
  await expect(live.getByRole('link', { name: '서울시 일별 평균 대기오염도 정보' })).toHaveAttribute('href', '/data/datasets/seoul-air-quality-daily');
  await page.getByRole('button', { name: '요청 보내기' }).click();
  await expect(page).toHaveURL(/\/demand\/requests\/[0-9a-f-]{36}$/);
  const url = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.locator('main [data-state]').first()).toHaveAttribute('data-state', 'open');
  await expect(page.locator(`[data-department="${DEPARTMENT}"]`)).toBeVisible();
  const panel = page.getByRole('region', { name: '서울시의 답변' });
  await expect(panel.locator('[data-state]')).toHaveAttribute('data-state', 'received');
  await expect(page.locator(`form[action="${url}/support"]`)).toHaveCount(0); // not one's own

  // Two others support it, from Mapo and Gangnam, as a student and a researcher.
  const supporters: Array<{ page: Page; name: string }> = [];
  for (const [district, group] of [
    ['mapo', 'student'],
    ['gangnam', 'researcher'],
  ] as const) {
    const p = await newParty();
    const who = await signUp(p);
    await p.goto(url);
    await p.locator('#f-district').selectOption(district);
    await p.locator('#f-group').selectOption(group);
    await p.getByRole('button', { name: '지지하기' }).click();
    await expect(p).toHaveURL(`${ORIGIN}${url}#support-title`);
    await expect(p.getByRole('status')).toContainText('이 요청을 지지했습니다');
    await expect(p.getByRole('button', { name: '지지하기' })).toHaveCount(0);
    supporters.push({ page: p, name: who.name });
  }
  await page.goto(url);
  await expect(page.locator('[data-support]')).toHaveText('지지 2명 · 자치구 2곳(25곳 중) · 소속 2가지(6가지 중)');
  await expect(page.locator('.demand-tallies')).toContainText('마포구');
  await expect(page.locator('.demand-tallies')).toContainText('강남구');

  // An official of the department answers: will publish by a date a month away.
  const officialPage = await newParty();
  await makeOfficial(officialPage, admin, DEPARTMENT, { name: `대기질 담당 ${unique().slice(-4)}` });
  await officialPage.goto(url);
  const publishBy = seoulDate(30);
  const form = officialPage.locator(`form[action="${url}/answer"]`);
  await form.locator('input[name=decision][value=will_publish]').check();
  await form.locator('#f-publishBy').fill(publishBy);
  await form.locator('#f-reasons').fill('측정소 자료를 시간 단위로 모아 공개할 수 있습니다.');
  await form.locator('#f-nextSteps').fill('데이터 목록에 올리고 이 요청에 연결합니다.');
  await form.getByRole('button', { name: '결정 공개' }).click();
  await expect(officialPage).toHaveURL(`${ORIGIN}${url}#decision-title`);
  await expect(officialPage.locator('[data-decision]')).toHaveText('공개 예정');
  await expect(officialPage.locator('main')).toContainText(`${publishBy}까지 공개`);
  await expect(officialPage.getByRole('region', { name: '서울시의 답변' }).locator('[data-state]')).toHaveAttribute('data-state', 'answered');

  // A publisher of the department publishes the dataset and links it to the request.
  const publisherPage = await newParty();
  await makeMember(publisherPage, admin, DEPARTMENT);
  const datasetId = `e2e-air-hourly-${unique()}`;
  await publishDataset(publisherPage, datasetId);
  await publisherPage.goto(url);
  await publisherPage.locator('#f-datasetId').fill('no-such-dataset');
  await publisherPage.getByLabel('이 데이터셋이 요청에 답하는 이유').fill('측정소별 시간별 농도를 담고 있어 요청한 자료 그대로입니다.');
  await publisherPage.getByRole('button', { name: '데이터셋 연결' }).click();
  await expect(publisherPage.locator('#error-summary')).toBeFocused();
  await expect(publisherPage.locator('#f-datasetId-error')).toHaveText('데이터 목록에 이 ID의 데이터셋이 없습니다.');
  await publisherPage.locator('#f-datasetId').fill(datasetId);
  await publisherPage.getByRole('button', { name: '데이터셋 연결' }).click();
  await expect(publisherPage).toHaveURL(`${ORIGIN}${url}#decision-title`);
  await expect(publisherPage.locator(`a[data-dataset="${datasetId}"]`)).toHaveAttribute('href', `/data/datasets/${datasetId}`);

  // The supporters see it: a notification on their account page, and the request page says published.
  for (const s of supporters) {
    await s.page.goto('/account');
    const note = s.page.getByRole('link', { name: `요청한 데이터가 공개되었습니다: ${title}` });
    await expect(note).toHaveAttribute('href', url);
    await note.click();
    await expect(s.page.locator('main [data-state]').first()).toHaveAttribute('data-state', 'published');
    await expect(s.page.locator(`a[data-dataset="${datasetId}"]`)).toHaveAttribute('href', `/data/datasets/${datasetId}`);
  }
  // The requester was told of the answer too, and confirms it through the engine's panel.
  await page.goto('/account');
  await expect(page.getByRole('link', { name: `답변이 등록되었습니다: ${title}` })).toBeVisible();
  await page.goto(url);
  await panel.getByRole('button', { name: '답변을 확인했습니다' }).click();
  await expect(panel.locator('[data-state]')).toHaveAttribute('data-state', 'confirmed');
  // The requester finds the dataset does not answer the request after all, and disputes the link: not "published" any more.
  await page.goto(url);
  await page.getByLabel('이 데이터셋이 요청에 답하지 않는 이유').fill('측정소별이 아니라 자치구 합계만 있습니다.');
  await page.getByRole('button', { name: '이의 제기' }).click();
  await expect(page.locator('main [data-state]').first()).toHaveAttribute('data-state', 'disputed');
  await expect(page.locator('[data-dispute]')).toContainText('자치구 합계만 있습니다');
  await checkCurrent(page, 'ko', `${url} disputed`);
  expect(requester.email).toContain('@');
});

/** A department no other spec asks: the list filtered by it holds only this test's requests, whatever runs beside it. */
const PAGED_DEPARTMENT = 'smg-gis-division';

test('the list of requests pages past 20 with the shared pager: a named landmark, the current page marked, filters kept', async ({ page }) => {
  test.setTimeout(90_000);
  await signUp(page);
  await page.goto('/account');
  const api = apiClient(page.request, { 'x-csrf-token': await page.locator('input[name=_csrf]').first().inputValue() });
  const tag = unique().slice(-6);
  for (let i = 1; i <= 21; i++) {
    const { response } = await api.POST('/api/v1/demand/requests', {
      body: {
        title: `지도 자료 요청 ${tag} ${String(i).padStart(2, '0')}`,
        why: '자치구별 지도 자료를 비교해 보고 싶습니다.',
        organisation: PAGED_DEPARTMENT,
        useType: 'research',
        useDescription: '동네 지도를 만듭니다.',
      },
    });
    expect(response.status).toBe(201);
  }
  await page.goto(`/demand/requests?organisation=${PAGED_DEPARTMENT}`);
  await expect(page.locator('#results-title')).toHaveText('요청 21건');
  await expect(page.locator('ol.demand-list > li')).toHaveCount(20);
  const titles = await page.locator('ol.demand-list > li h3 a').allTextContents();
  const pager = page.getByRole('navigation', { name: '쪽 이동' });
  await expect(pager.locator('[aria-current="page"]')).toHaveText('1쪽');
  await expect(pager.getByRole('link', { name: '이전' })).toHaveCount(0);
  await pager.getByRole('link', { name: '다음' }).click();
  await expect(page).toHaveURL(new RegExp(`/demand/requests\\?organisation=${PAGED_DEPARTMENT}&page=2$`));
  await expect(page.locator('ol.demand-list > li')).toHaveCount(1);
  // Every request once over the two pages.
  titles.push(...(await page.locator('ol.demand-list > li h3 a').allTextContents()));
  expect(titles.sort()).toEqual(Array.from({ length: 21 }, (_, i) => `지도 자료 요청 ${tag} ${String(i + 1).padStart(2, '0')}`));
  await expect(pager.locator('[aria-current="page"]')).toHaveText('2쪽');
  await expect(pager.getByRole('link', { name: '다음' })).toHaveCount(0);
  await checkCurrent(page, 'ko', '/demand/requests page 2');
  await pager.getByRole('link', { name: '1쪽' }).click();
  await expect(page).toHaveURL(new RegExp(`/demand/requests\\?organisation=${PAGED_DEPARTMENT}$`));
});

for (const lang of ['ko', 'en'] as const) {
  test(`the demand pages pass axe, with their forms and errors (${lang})`, async ({ page, admin, newParty }) => {
    test.setTimeout(120_000);
    await setLanguage(page.context(), lang);
    await setLanguage(admin.context(), lang);
    await signUp(page);
    await requestData(page, `자치구별 미세먼지 경보 발령 기록 ${lang}`);
    await page.locator('form[data-similar-form] button[type=submit]').click();
    // Sent before the island's look-up finished: the server's check step asks once more.
    await expect(page.locator('#similar-check').or(page.locator('[data-support]'))).toBeVisible();
    if (await page.locator('#similar-check').isVisible()) await page.locator('form[data-similar-form] button[type=submit]').click();
    await expect(page).toHaveURL(/\/demand\/requests\/[0-9a-f-]{36}$/);
    const url = new URL(page.url()).pathname;
    await checkPages(admin, lang, [
      { path: '/demand/requests' },
      { path: '/demand/requests?sort=priority&state=open' },
      { path: '/demand/requests/new' },
      { path: url },
      { path: '/demand/queue' },
      { path: '/demand/dashboard' },
      { path: '/demand/rubric' },
    ]);
    // As a citizen who may support: the support form, then its errors.
    const citizen = await newParty();
    await setLanguage(citizen.context(), lang);
    await signUp(citizen);
    await checkPages(citizen, lang, [{ path: '/demand/requests' }, { path: url }]);
    await citizen.locator(`form[action="${url}/support"] button[type=submit]`).click();
    await expect(citizen.locator('#error-summary')).toBeFocused();
    await checkCurrent(citizen, lang, `${url} with support errors`);
    // The answer form with errors (the admin may answer any request).
    await admin.goto(url);
    await admin.locator(`form[action="${url}/answer"] button[type=submit]`).click();
    await expect(admin.locator('#error-summary')).toBeFocused();
    await checkCurrent(admin, lang, `${url} with answer errors`);
    // Without the island (as without JavaScript): the create form's check step lists the similar requests and datasets.
    await citizen.route('**/assets/demand-similar.js', (route) => route.abort());
    await requestData(citizen, `자치구별 미세먼지 경보 발령 기록 ${lang}`);
    await citizen.locator('form[data-similar-form] button[type=submit]').click();
    await expect(citizen.locator('#similar-check')).toContainText(`자치구별 미세먼지 경보 발령 기록 ${lang}`);
    await checkCurrent(citizen, lang, '/demand/requests (similar check)');
    await citizen.locator('#f-title').fill('');
    await citizen.locator('form[data-similar-form] button[type=submit]').click();
    await expect(citizen.locator('#error-summary')).toBeFocused();
    await checkCurrent(citizen, lang, '/demand/requests (errors)');
  });
}

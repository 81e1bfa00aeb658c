import type { Page } from '@playwright/test';
import { checkCurrent } from './axe-support.js';
import { expect, setLanguage, signInAsAdmin, signUp, test, unique } from './support.js';

/**
 * Volunteers protected (issue 19): the survey opens with no signal after a first visit and its outbox sends a
 * draft once and never again; a proposal sent back with changes requested is revised and resubmitted beside the
 * reviewer's comments; the survey, proposal, revise and stewards pages pass axe in Korean and English at 320 and
 * 390 px wide and never scroll sideways. Proposals here stay pending: no interior changes.
 */
const STATION = 'seoul-234'; // 신도림 (a pilot interior)
const SURVEY = `/transit/stations/${STATION}/survey`;

const outbox = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('open-seoul:survey-outbox') || '[]') as Array<{ id: string }>);
/**
 * How many proposals at the station this test's volunteer (by their unique name) has sent. Other tests add
 * proposals at the same station at the same time, so counting every proposal there would race with them.
 */
async function proposalsBy(page: Page, author: string) {
  const here = (await (await page.request.get(`/api/v1/transit/proposals?station=${STATION}`)).json()) as Array<{ id: string }>;
  let mine = 0;
  for (const { id } of here) {
    const proposal = (await (await page.request.get(`/api/v1/transit/proposals/${id}`)).json()) as { author: { name: string | null } };
    if (proposal.author.name === author) mine += 1;
  }
  return mine;
}
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function fillSurvey(page: Page, width: string) {
  await page.locator('#f-start').selectOption(`${STATION}:concourse`);
  await page.locator('#s1-kind').selectOption('walkway');
  await page.locator('#s1-to').selectOption(`${STATION}:platform:2:node`);
  await page.locator('#s1-width').fill(width);
}

test('the survey opens offline after a first visit, and its outbox sends the draft once and never again', async ({ page, context }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const { name: volunteer } = await signUp(page, { name: `조사 봉사자 ${unique()}` });
  await page.goto(SURVEY); // the first visit, with signal: the service worker keeps the form and the station's data
  await expect(page.locator('html')).toHaveAttribute('data-survey-offline', 'ready', { timeout: 20_000 });
  await expect(page.locator('#survey-status')).toContainText('신호가 없어도 열 수 있습니다');

  await context.setOffline(true); // underground: no signal before the page is even opened
  const offline = await page.goto(SURVEY);
  expect(offline?.fromServiceWorker(), 'the form came from the copy on the device').toBe(true);
  expect(
    await page.evaluate(() =>
      fetch('/health').then(
        () => 'reached',
        () => 'no network',
      ),
    ),
  ).toBe('no network');
  await expect(page.locator('h1')).toContainText('현장 조사');
  await expect(page.locator(`#s1-to option[value="${STATION}:platform:2:node"]`)).toHaveCount(1); // the station's places are there
  await fillSurvey(page, '1.35');
  await page.getByRole('button', { name: '조사 결과 보내기' }).click();
  await expect(page.locator('#survey-status')).toContainText('이 기기에 저장했습니다');
  const kept = await outbox(page);
  expect(kept).toHaveLength(1);

  await context.setOffline(false); // back above ground: the outbox sends itself, once
  await expect(page).toHaveURL(/\/transit\/proposals\/[0-9a-f-]{36}\?notice=submitted$/, { timeout: 15_000 });
  const proposal = new URL(page.url()).pathname;
  await expect(page.locator('.diff-table')).toContainText('1.35');
  expect(await proposalsBy(page, volunteer)).toBe(1);

  // A leftover copy of the sent draft (a second tab, a crash between send and clean-up) is dropped unsent:
  // the volunteer stays on the form, and no second proposal and no old one are opened.
  await page.goto(SURVEY);
  await page.evaluate((item) => localStorage.setItem('open-seoul:survey-outbox', JSON.stringify([item])), kept[0]);
  await page.reload();
  await expect.poll(async () => (await outbox(page)).length).toBe(0);
  await expect(page).toHaveURL(new RegExp(`${SURVEY}$`));
  expect(await proposalsBy(page, volunteer)).toBe(1);
  expect(new URL(page.url()).pathname).not.toBe(proposal);
});

test("changes requested: the author revises and resubmits the same proposal beside the reviewer's comments", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await signUp(page);
  await page.goto(SURVEY);
  await fillSurvey(page, '0.6');
  await page.getByRole('button', { name: '조사 결과 보내기' }).click();
  await expect(page).toHaveURL(/\/transit\/proposals\/[0-9a-f-]{36}\?notice=submitted$/);
  const proposal = new URL(page.url()).pathname;

  const reviewer = await browser.newContext();
  const steward = await reviewer.newPage();
  await signInAsAdmin(steward); // admins review what has no steward, and anything
  await steward.goto(proposal);
  await steward.getByRole('radio', { name: '수정 요청' }).check();
  await steward.getByLabel(/사유/).fill('폭 0.6m는 의심스럽습니다. 가장 좁은 곳을 다시 재 주세요.');
  await steward.getByRole('button', { name: '검토 보내기' }).click();
  await expect(steward.locator('[role=status]')).toContainText('검토를 기록했습니다');
  await reviewer.close();

  await page.goto(proposal);
  await expect(page.locator('.badge').first()).toHaveText('수정 요청됨');
  await page.getByRole('link', { name: '고쳐서 다시 보내기' }).click();
  await expect(page.locator('.diff-review-comments')).toContainText('가장 좁은 곳을 다시 재 주세요');
  await expect(page.locator('.diff-review-diff .diff-table')).toContainText('0.6');
  await checkCurrent(page, 'ko', 'revise');
  await page.getByLabel(/폭\(m\)/).fill('0.95');
  await page.getByLabel('설명 (무엇을 고쳤는지)').fill('가장 좁은 곳(기둥 옆)을 다시 쟀습니다.');
  await page.getByRole('button', { name: '다시 보내기' }).click();
  await expect(page).toHaveURL(new RegExp(`${proposal}\\?notice=revised$`));
  await expect(page.locator('[role=status]')).toContainText('다시 검토합니다');
  await expect(page.locator('main')).toContainText('2번째 판');
  await expect(page.locator('.diff-table')).toContainText('0.95');
  await expect(page.locator('.diff-review-comments')).toContainText('가장 좁은 곳을 다시 재 주세요'); // the comment stays beside the new diff
  await expect(page.locator('.badge').first()).toHaveText('검토 중');
});

for (const lang of ['ko', 'en'] as const) {
  test(`survey, proposal, revise and stewards pages: axe clean and no sideways scroll at 320 and 390 px (${lang})`, async ({ page, context }) => {
    test.setTimeout(150_000);
    await signInAsAdmin(page);
    await setLanguage(context, lang);
    // The admin proposes (as anyone may) and asks for changes to it, so the revise page exists for them.
    const csrf = async () => page.locator('input[name=_csrf]').first().inputValue();
    await page.goto('/transit/stewards');
    const made = await page.request.post(`/api/v1/transit/stations/${STATION}/proposals`, {
      headers: { 'x-csrf-token': await csrf() },
      data: { title: `통로 폭 ${lang}`, ops: [{ op: 'update_node', stopId: `${STATION}:concourse`, set: { name: 'B1 대합실 (개찰구 안)' } }] },
    });
    expect(made.status(), await made.text()).toBe(201);
    const id = ((await made.json()) as { id: string }).id;
    const review = await page.request.post(`/api/v1/transit/proposals/${id}/review`, {
      headers: { 'x-csrf-token': await csrf() },
      data: { decision: 'request_changes', reason: '이름은 역의 안내판과 같게 적어 주세요.' },
    });
    expect(review.status(), await review.text()).toBe(200);
    for (const width of [320, 390]) {
      await page.setViewportSize({ width, height: 800 });
      for (const path of [SURVEY, `/transit/proposals/${id}`, `/transit/proposals/${id}/revise`, `/transit/stewards?station=${STATION}`, '/transit/stewards']) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        await checkCurrent(page, lang, `${path} at ${width}px`);
        expect.soft(await sideways(page), `${path} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
      }
    }
  });
}

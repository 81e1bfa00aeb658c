import { checkCurrent } from './axe-support.js';
import { expect, setLanguage, signUp, test } from './support.js';

/**
 * The upkeep pages that change nothing travellers see: a citizen reports a problem in a few taps and gets an
 * answerable item with a due date; the coverage dashboard counts it; every upkeep page passes axe in both
 * languages. (The survey → review → revert path changes an interior and runs last: transit-upkeep.last.spec.ts.)
 */
const STATION = 'seoul-2541'; // 왕십리

test('a citizen reports a wrong map in a few taps; the report is an answerable item with a due date, counted on the dashboard', async ({ page }) => {
  await page.goto(`/transit/stations/${STATION}`);
  await page.getByRole('link', { name: '문제 신고하기' }).click();
  await expect(page.locator('h1')).toContainText('문제 신고');
  await page.getByLabel('지도가 틀림').check();
  await page.getByLabel('더 알려 줄 내용 (선택)').fill('5호선 환승 통로 위치가 지도와 다릅니다.');
  await page.getByRole('button', { name: '신고하기' }).click();
  await expect(page).toHaveURL(/\/transit\/reports\/[0-9a-f-]{36}\?notice=reported$/);
  await expect(page.locator('[role=status]')).toContainText('신고가 접수되었습니다');
  await expect(page.locator('main')).toContainText('답변 기다림');
  await expect(page.locator('main')).toContainText(/서울특별시 GIS과|GIS Division/); // the geometry steward answers map errors (its Korean name is our translation)
  await expect(page.locator('main')).toContainText('답변 기한'); // the due date, in business days
  await page.goto('/transit/upkeep');
  const row = page.locator('tr', { has: page.locator(`a[href="/transit/stations/${STATION}"]`) });
  await expect(row.locator('td').nth(3)).not.toHaveText('0');
});

test('a report without a problem chosen comes back with the form and a clear message, and nothing is recorded', async ({ page }) => {
  await page.goto(`/transit/stations/${STATION}/report`);
  // Skip the browser's own check to send the form as a script or an old browser would.
  await page.locator('form[action$="/report"]').evaluate((f) => f.setAttribute('novalidate', ''));
  await page.getByRole('button', { name: '신고하기' }).click();
  await expect(page.locator('#problems')).toContainText('problem');
  await expect(page).toHaveURL(new RegExp(`/transit/stations/${STATION}/report$`));
});

for (const lang of ['ko', 'en'] as const) {
  test(`upkeep pages pass axe (${lang})`, async ({ page, context }) => {
    test.setTimeout(120_000);
    await setLanguage(context, lang);
    await signUp(page);
    await setLanguage(context, lang);
    for (const path of [
      '/transit/upkeep',
      `/transit/stations/${STATION}/survey`,
      `/transit/stations/${STATION}/report`,
      `/transit/stations/${STATION}/versions`,
      '/transit/proposals',
      `/transit/stations/${STATION}`,
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await checkCurrent(page, lang, path);
    }
    // A proposal page, with a diff (proposed through the API as the signed-in user; nothing changes until a steward approves).
    const res = await page.request.post(`/api/v1/transit/stations/${STATION}/proposals`, {
      headers: { 'x-csrf-token': await page.locator('input[name=_csrf]').first().inputValue() },
      data: { title: `폭 측정 ${lang}`, ops: [{ op: 'update_edge', pathwayId: 'seoul-2541:transfer:2-5:seoul-207:seoul-2540', set: { minWidth: 1.6 } }] },
    });
    expect(res.status(), await res.text()).toBe(201);
    await page.goto(`/transit/proposals/${((await res.json()) as { id: string }).id}`);
    await expect(page.locator('.diff-table')).toContainText('1.6');
    await checkCurrent(page, lang, 'proposal');
    await page.goto(`/transit/stations/${STATION}/report`);
    await page.locator('input[name=problem]').first().check();
    await page.locator('form[action$="/report"] button[type=submit]').click();
    await expect(page).toHaveURL(/\/transit\/reports\//);
    await checkCurrent(page, lang, 'report');
  });
}

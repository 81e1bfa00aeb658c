import { checkPages } from './axe-support.js';
import { expect, setLanguage, test } from './support.js';

/**
 * The rules library and the catalogue of opportunities, as a founder reads them signed out: find the Seoul
 * ordinances, see what changed between two versions word by word, and filter support schemes by field and
 * founders' age band with the form (no script needed).
 */
const ORDINANCE = '/startups/rules/seoul-smart-city-informatization-ordinance';

test('main path: rules filtered to Seoul ordinances → an ordinance → what changed between versions', async ({ page }) => {
  await page.goto('/startups/rules');
  await page.locator('#f-kind').selectOption('ordinance');
  await page.getByRole('button', { name: /^(찾기|Search)$/ }).click();
  await expect(page).toHaveURL(/kind=ordinance/);
  await expect(page.locator('[data-rule-kind="act"]')).toHaveCount(0);
  await page.locator(`a[href="${ORDINANCE}"]`).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('스마트도시 및 정보화 기본조례');
  // The newest version's comparison is open; the older one opens on request.
  const v3 = page.locator('[data-version="3"]');
  await expect(v3.locator('details')).toHaveAttribute('open', '');
  await expect(v3.locator('ins').first()).toBeVisible();
  await expect(v3.locator('[data-date-kind="promulgated"]')).toContainText('2021-05-20');
  const v2 = page.locator('[data-version="2"]');
  await v2.locator('summary').click();
  await expect(v2.locator('del').first()).toBeVisible();
  await expect(v2.locator('[data-diff-count="ko"]')).toContainText('단어 추가');
  await expect(page.locator('[data-version="1"] details')).toContainText('처음 등록된 판입니다');
});

test('main path: opportunities filtered by field and age band with the form', async ({ page }) => {
  await page.goto('/startups/opportunities');
  const all = await page.locator('[data-call]').count();
  expect(all).toBeGreaterThan(0);
  await page.locator('#f-field').selectOption('mobility');
  await page.locator('#f-ageBand').selectOption('40_plus');
  await page.getByRole('button', { name: /^(찾기|Search)$/ }).click();
  await expect(page).toHaveURL(/field=mobility/);
  await expect(page.locator('#f-field')).toHaveValue('mobility');
  const filtered = await page.locator('[data-call]').count();
  await expect(page.locator('#opps-count')).toContainText(String(filtered));
  expect(filtered).toBeLessThanOrEqual(all);
  for (const text of await page.locator('[data-call] [data-fields]').allTextContents()) expect(text).not.toMatch(/연령 기준/);
});

for (const lang of ['ko', 'en'] as const) {
  test(`rules library and opportunities filters: axe clean (${lang})`, async ({ page, context }) => {
    await setLanguage(context, lang);
    await checkPages(page, lang, [
      { path: ORDINANCE },
      { path: '/startups/rules/seoul-strategic-industries-ordinance' },
      { path: '/startups/rules?kind=ordinance' },
      { path: '/startups/opportunities?field=mobility&ageBand=30_34&open=1' },
      // The personal information act's page is checked signed out in both languages by startups.spec.ts.
    ]);
  });
}

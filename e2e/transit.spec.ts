import { checkPages } from './axe-support.js';
import { expect, setLanguage, test } from './support.js';

test.describe('transit: stations and their facilities', () => {
  test('search 교대 in Korean, open it, see its elevators with their status', async ({ page }) => {
    await page.goto('/transit');
    await page.getByLabel('역 이름').fill('교대');
    await page.getByRole('button', { name: '찾기' }).click();
    await expect(page).toHaveURL(/\/transit\?q=/);
    const link = page.locator('.station-list a', { hasText: '교대(법원.검찰청)' });
    await expect(link).toBeVisible();
    await link.click();
    await expect(page.locator('h1')).toContainText('교대');
    await expect(page.locator('.line-list')).toContainText('2호선');
    await expect(page.locator('.line-list')).toContainText('3호선');
    const elevators = page.locator('table[data-type="elevator"] tbody tr');
    expect(await elevators.count()).toBeGreaterThan(0);
    await expect(page.locator('table[data-type="elevator"]')).toContainText('사용 가능');
    // A pilot interior (derived from open data): one labelled drawing per level and a text version.
    const drawings = page.locator('svg[role="img"]');
    expect(await drawings.count()).toBeGreaterThan(1);
    await expect(drawings.first().locator('title')).not.toBeEmpty();
  });

  test('search Gyodae in English: the station itself comes first', async ({ page, context }) => {
    await setLanguage(context, 'en');
    await page.goto('/transit');
    await page.getByLabel('Station name').fill('Gyodae');
    await page.getByRole('button', { name: 'Search' }).click();
    const first = page.locator('.station-list li').first();
    await expect(first).toContainText('교대(법원.검찰청)');
    await first.locator('a').click();
    await expect(page.getByRole('heading', { name: /Elevators \(\d+\)/ })).toBeVisible();
    await expect(page.locator('table[data-type="elevator"]')).toContainText('In service');
  });

  for (const lang of ['ko', 'en'] as const) {
    test(`axe on the transit pages (${lang})`, async ({ page, context }) => {
      await setLanguage(context, lang);
      await checkPages(page, lang, [
        { path: '/transit' },
        { path: `/transit?q=${encodeURIComponent('교대')}` },
        { path: '/transit?line=2' },
        { path: '/transit/stations/seoul-330' },
        { path: '/transit/imports' },
        { path: '/transit/stations/no-such-station', status: 404 },
      ]);
    });
  }
});

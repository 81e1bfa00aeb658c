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

  test('a station no source lists a lift for says so, with the station phone to call', async ({ page }) => {
    await page.goto('/transit');
    await page.getByLabel('역 이름').fill('삼전');
    await page.getByRole('button', { name: '찾기' }).click();
    await page.locator('.station-list a', { hasText: '삼전' }).first().click();
    await expect(page.locator('h1')).toContainText('삼전');
    await expect(page.locator('.line-list')).toContainText('9호선');
    const info = page.getByRole('region', { name: '엘리베이터 정보' });
    await expect(info).toHaveAttribute('data-elevators', 'none');
    await expect(info).toContainText('엘리베이터는 찾아본 자료 어디에도 나와 있지 않습니다');
    await expect(info).toContainText('서울교통공사 교통약자 이용시설 승강기 가동현황');
    await expect(info).toContainText('서울시 지하철역 엘리베이터 위치정보');
    await expect(info.locator('a[href^="tel:02"]')).toBeVisible();
    await expect(page.locator('table[data-type="elevator"]')).toHaveCount(0);
  });

  test('in English, a station with neither lift data nor a phone says both', async ({ page, context }) => {
    await setLanguage(context, 'en');
    await page.goto('/transit/stations/seoul-4410'); // 서울대벤처타운, 신림선
    const info = page.getByRole('region', { name: 'Elevator information' });
    await expect(info).toContainText('No source we searched lists an elevator');
    await expect(info).toContainText('We have no phone number for this station either');
    await expect(page.locator('.line-list')).toContainText('Sillim Line');
  });

  test('a Korail station lists its lifts with positions, and its line under the name riders use', async ({ page }) => {
    await page.goto('/transit/stations/seoul-1701'); // 구로: 경부선 in the station master, 1호선 to riders
    await expect(page.locator('.line-list')).toContainText('1호선');
    await expect(page.locator('.line-list')).toContainText('다른 이름: 경부선');
    const rows = page.locator('table[data-type="elevator"] tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    await expect(rows.first().locator('[data-position]')).toHaveText(/^37\.\d{6}, 126\.\d{6}$/);
    await expect(page.getByRole('region', { name: '엘리베이터 정보' })).toContainText('1호선: 이 노선으로 가는 엘리베이터는 자료에 나와 있지 않습니다');
  });

  for (const lang of ['ko', 'en'] as const) {
    test(`axe on the transit pages (${lang})`, async ({ page, context }) => {
      test.setTimeout(90_000); // six pages, each checked by axe (the station page with its interior drawings is large)
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

    test(`axe on station pages with and without lift data (${lang})`, async ({ page, context }) => {
      test.setTimeout(90_000); // four station pages, each checked by axe
      await setLanguage(context, lang);
      await checkPages(page, lang, [
        { path: '/transit/stations/seoul-4131' }, // 삼전: no lift data, a phone
        { path: '/transit/stations/seoul-4410' }, // 서울대벤처타운: no lift data, no phone
        { path: '/transit/stations/seoul-319' }, // 종로3가: city positions that may be Seoul Metro units, shown apart
        { path: '/transit/stations/seoul-1701' }, // 구로: Korail, lifts with positions
      ]);
    });
  }
});

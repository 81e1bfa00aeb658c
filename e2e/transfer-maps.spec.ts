import { checkPages } from './axe-support.js';
import { expect, setLanguage, test } from './support.js';
import { STATION } from './transit-support.js';

const GYODAE_TRANSFERS = `/transit/stations/${STATION.gyodae}/transfers`;

test.describe('transit: station transfer maps', () => {
  test('교대: every transfer per profile, the selected one as a map with steps, and its PDF', async ({ page }) => {
    await page.goto(`/transit/stations/${STATION.gyodae}`);
    await page.getByRole('link', { name: '이 역의 환승 지도 보기' }).click();
    await expect(page).toHaveURL(new RegExp(`${GYODAE_TRANSFERS}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('교대(법원.검찰청) 환승 지도');

    // Walking by default: line 2 ↔ line 3, both ways, each with its time.
    await expect(page.getByRole('radio', { name: '일반 보행' })).toBeChecked();
    const table = page.locator('table.transfer-table');
    await expect(table.locator('caption')).toContainText('일반 보행');
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    await expect(rows.first().locator('th')).toContainText('호선');
    await expect(table).toContainText('3호선 승강장');

    // The first transfer is shown: a map (accessible SVG) and numbered steps.
    const selected = page.locator('section.selected-transfer');
    await expect(selected.locator('svg[role="img"] title')).toContainText('일반 보행');
    expect(await selected.locator('ol.map-steps > li').count()).toBeGreaterThan(0);

    // Another profile: the list is computed for it, with the car and door to board.
    await page.getByRole('radio', { name: '수동 휠체어' }).check();
    await page.getByRole('button', { name: '보기' }).click();
    await expect(page).toHaveURL(/profile=wheelchair/);
    await expect(table.locator('caption')).toContainText('수동 휠체어');
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    await expect(selected.locator('svg[role="img"] title')).toContainText('수동 휠체어');

    // Choose the second transfer from the list: its map is shown and marked as current.
    await rows.nth(1).getByRole('link').click();
    await expect(rows.nth(1).getByRole('link')).toHaveAttribute('aria-current', 'true');
    await expect(selected.locator('svg[role="img"]')).toBeVisible();

    // The printable map is a PDF.
    const pdfHref = await selected.getByRole('link', { name: '인쇄용 PDF (A4)' }).getAttribute('href');
    const pdf = await page.request.get(pdfHref!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The code for partners' pages names this transfer.
    await expect(selected.locator('pre code')).toContainText('<open-seoul-transfer station="seoul-330"');
  });

  test('a station without a surveyed interior says so', async ({ page }) => {
    await page.goto(`/transit/stations/${STATION.gangnam}/transfers`);
    await expect(page.locator('main')).toContainText('내부 자료가 없어');
    expect((await page.goto('/transit/stations/no-such-station/transfers'))?.status()).toBe(404);
  });

  for (const lang of ['ko', 'en'] as const) {
    test(`axe on the transfer map pages (${lang})`, async ({ page, context }) => {
      await setLanguage(context, lang);
      await checkPages(page, lang, [
        { path: GYODAE_TRANSFERS },
        { path: `${GYODAE_TRANSFERS}?profile=wheelchair` },
        { path: `/transit/stations/${STATION.gangnam}/transfers` },
        { path: `/transit/embed/transfer?station=${STATION.gyodae}&profile=wheelchair` },
      ]);
    });
  }
});

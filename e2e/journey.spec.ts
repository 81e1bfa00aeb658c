import { checkPages } from './axe-support.js';
import { expect, setLanguage, test } from './support.js';
import { chooseIfAsked } from './transit-support.js';

const ROUTE = `/transit/journey?from=${encodeURIComponent('강남')}&to=${encodeURIComponent('고속터미널')}&profile=wheelchair`;

test.describe('transit: journey planner', () => {
  test('a wheelchair user plans 강남 → 고속터미널, sees where to board, the transfer map and the live status of what it depends on', async ({ page }) => {
    await page.goto('/transit');
    await page.getByRole('link', { name: /두 역 사이 길 찾기/ }).click();
    await expect(page).toHaveURL(/\/transit\/journey$/);
    await expect(page.getByRole('radio', { name: '일반 보행' })).toBeChecked();
    await page.getByLabel('출발역').fill('강남');
    await page.getByLabel('도착역').fill('고속터미널');
    await page.getByRole('radio', { name: '수동 휠체어' }).check();
    await page.getByRole('button', { name: '경로 찾기' }).click();
    if (await page.locator('.station-choices').count()) {
      await chooseIfAsked(page, 'from', '강남');
      await chooseIfAsked(page, 'to', '고속터미널');
      await page.getByRole('button', { name: '경로 찾기' }).click();
    }
    const result = page.locator('.journey-result');
    await expect(result.getByRole('heading', { level: 2 }).first()).toHaveText('강남 → 고속터미널');
    await expect(result.locator('.journey-summary')).toContainText('수동 휠체어');

    // Line 2 to 교대: board car 3, door 1 (the 서초-bound platform's elevator), shown before anything else.
    const ride = result.locator('.leg-ride').first();
    await expect(ride.getByRole('heading', { level: 3 })).toContainText('2호선');
    await expect(ride.locator('.board-at')).toContainText('서초 방면 3번째 칸 1번 문');

    // The transfer at 교대: derived from open data (never shown as surveyed), its map (accessible SVG) and the numbered steps with the map's numbers.
    const transfer = result.locator('.leg-transfer');
    await expect(transfer.getByRole('heading', { level: 3 })).toContainText('교대');
    await expect(transfer.locator('.provenance')).toHaveAttribute('data-source', 'derived');
    await expect(transfer.locator('.provenance')).toContainText('공개 자료로 만든 것 (현장 미확인)');
    await expect(result).not.toContainText('조사 자료로 안내합니다');
    const map = transfer.locator('svg[role="img"]');
    await expect(map).toBeVisible();
    await expect(map.locator('title')).toContainText('교대');
    const steps = transfer.locator('ol.map-steps > li');
    expect(await steps.count()).toBeGreaterThanOrEqual(2);
    await expect(steps.first()).toHaveAttribute('value', '1');
    await expect(steps.first()).toContainText('엘리베이터');
    await expect(transfer.getByRole('link', { name: '인쇄용 PDF (A4)' })).toHaveAttribute('href', /transfer-map\.pdf\?/);

    // What the journey depends on, live (the outage itself is e2e/journey-outage.after.spec.ts).
    await expect(result.locator('.journey-depends-on > li').first()).toContainText('운행 중');
  });

  test('a name matching several stations asks which one; an unknown name is an error next to its field', async ({ page }) => {
    await page.goto('/transit/journey');
    await page.getByLabel('출발역').fill('교');
    await page.getByLabel('도착역').fill('없는역이름');
    await page.getByRole('button', { name: '경로 찾기' }).click();
    await expect(page.locator('#error-summary')).toBeFocused();
    await expect(page.locator('#f-to-error')).toContainText('"없는역이름"(이)라는 역을 찾지 못했습니다');
    await expect(page.locator('#f-to')).toHaveAttribute('aria-invalid', 'true');
    const choices = page.getByRole('group', { name: /출발역: "교"\(으\)로 찾은 역이 여러 곳입니다/ });
    await expect(choices).toBeVisible();
    await choices.getByRole('radio', { name: /^교대\(법원\.검찰청\)/ }).check();
    await page.getByLabel('도착역').fill('Express Bus Terminal');
    await page.getByRole('button', { name: '경로 찾기' }).click();
    await expect(page.locator('.journey-result h2').first()).toHaveText('교대(법원.검찰청) → 고속터미널');
    await expect(page.getByLabel('출발역')).toHaveValue('교대(법원.검찰청)');
  });

  test('in English: station names, profiles and where to board', async ({ page, context }) => {
    await setLanguage(context, 'en');
    await page.goto('/transit/journey');
    await page.getByLabel('From').fill('Gangnam');
    await page.getByLabel('To').fill('Express Bus Terminal');
    await page.getByRole('radio', { name: 'Manual wheelchair' }).check();
    await page.getByRole('button', { name: 'Find a route' }).click();
    await expect(page.locator('.journey-result h2').first()).toHaveText('Gangnam → Express Bus Terminal');
    await expect(page.locator('.leg-ride .board-at').first()).toContainText('Car 3, door 1');
    await expect(page.locator('.leg-transfer ol.map-steps > li').first()).toContainText('Take the elevator');
  });

  for (const lang of ['ko', 'en'] as const) {
    test(`axe on the journey page (${lang})`, async ({ page, context }) => {
      await setLanguage(context, lang);
      await checkPages(page, lang, [
        { path: '/transit/journey' },
        { path: ROUTE },
        { path: `/transit/journey?from=${encodeURIComponent('교')}&to=nowhere-e2e`, status: 422 },
      ]);
    });
  }
});

import { checkCurrent, checkPages } from './axe-support.js';
import { expect, setLanguage, test } from './support.js';
import { chooseIfAsked, seoulMetroOperatorKey, setFacilityStatus } from './transit-support.js';

const ROUTE = `/transit/journey?from=${encodeURIComponent('강남')}&to=${encodeURIComponent('고속터미널')}&profile=wheelchair`;

test.describe('transit: journey planner', () => {
  test('a wheelchair user plans 강남 → 고속터미널, sees where to board and the transfer map; an elevator outage changes the route', async ({ page, browser, request }) => {
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

    // The transfer at 교대: surveyed, its map (accessible SVG) and the numbered steps with the map's numbers.
    const transfer = result.locator('.leg-transfer');
    await expect(transfer.getByRole('heading', { level: 3 })).toContainText('교대');
    await expect(transfer.locator('.survey-flag')).toHaveText('역 내부 조사 자료로 안내합니다');
    const map = transfer.locator('svg[role="img"]');
    await expect(map).toBeVisible();
    await expect(map.locator('title')).toContainText('교대');
    const steps = transfer.locator('ol.map-steps > li');
    expect(await steps.count()).toBeGreaterThanOrEqual(2);
    await expect(steps.first()).toHaveAttribute('value', '1');
    await expect(steps.first()).toContainText('엘리베이터');
    await expect(transfer.getByRole('link', { name: '인쇄용 PDF (A4)' })).toHaveAttribute('href', /transfer-map\.pdf\?/);

    // What the journey depends on, live: the elevator of the first step.
    const dependsOn = result.locator('.journey-depends-on > li');
    await expect(dependsOn.first()).toContainText('운행 중');
    const elevator = (await dependsOn.first().getAttribute('data-facility'))!;
    const elevatorName = (await dependsOn.first().locator('span[lang="ko"]').textContent())!;
    expect(elevator).toBeTruthy();
    const url = page.url();

    // Seoul Metro's status feed marks that elevator out of service.
    const key = await seoulMetroOperatorKey(browser);
    try {
      expect(await setFacilityStatus(request, key, elevator, 'not_available')).toMatchObject({ status: 'not_available', previous: 'available' });
      await page.reload();
      const disruption = result.locator('.disruption');
      await expect(disruption).toHaveAttribute('role', 'status');
      await expect(disruption).toContainText('운행 중단으로 경로가 바뀌었습니다');
      await expect(disruption).toContainText(elevatorName);
      await expect(disruption.locator(`li[data-facility="${elevator}"]`)).toContainText('운행 중단');
      // The alternative no longer needs that elevator, and still says where to board.
      await expect(result.locator(`.journey-depends-on li[data-facility="${elevator}"]`)).toHaveCount(0);
      await expect(result.locator(`.leg-transfer .depends-on li[data-facility="${elevator}"]`)).toHaveCount(0);
      // Here the alternative is the transfer passage, whose width and slope the open data does not give: it says so.
      await expect(result.locator('.leg-transfer svg[role="img"]')).toBeVisible();
      await expect(result.locator('.leg-transfer')).toContainText('확인되지 않은');
      await checkCurrent(page, 'ko', 'journey with a disruption');
    } finally {
      await setFacilityStatus(request, key, elevator, 'available');
    }
    await page.goto(url);
    await expect(result.locator('.disruption')).toHaveCount(0);
    await expect(result.locator('.leg-ride .board-at').first()).toContainText('서초 방면 3번째 칸 1번 문');
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

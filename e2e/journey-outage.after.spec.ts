import { checkCurrent } from './axe-support.js';
import { expect, test } from './support.js';
import { seoulMetroOperatorKey, setFacilityStatus } from './transit-support.js';

/**
 * Runs after every other browser test (project "after-shared-state" in playwright.config.ts): it takes an
 * elevator of 교대 out of service, which the other transit tests route through.
 */
const ROUTE = `/transit/journey?from=${encodeURIComponent('강남')}&to=${encodeURIComponent('고속터미널')}&profile=wheelchair`;

test('an elevator outage set through the operator API changes the wheelchair journey at once, and the page shows the alternative', async ({
  page,
  browser,
  request,
}) => {
  await page.goto(ROUTE);
  const result = page.locator('.journey-result');
  await expect(result.locator('.leg-ride .board-at').first()).toContainText('서초 방면 3번째 칸 1번 문');
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
    // The alternative no longer needs that elevator.
    await expect(result.locator(`.journey-depends-on li[data-facility="${elevator}"]`)).toHaveCount(0);
    await expect(result.locator(`.leg-transfer .depends-on li[data-facility="${elevator}"]`)).toHaveCount(0);
    // 교대's other way between the lines is a passage between levels not known to be step-free, so the
    // alternative changes elsewhere, at a station whose interior is not surveyed: the page says so.
    await expect(result.locator('.leg-transfer').first()).not.toContainText('교대');
    await expect(result.locator('.leg-transfer .provenance').first()).toHaveAttribute('data-source', /estimated|unknown/);
    await checkCurrent(page, 'ko', 'journey with a disruption');
  } finally {
    await setFacilityStatus(request, key, elevator, 'available');
  }
  await page.goto(url);
  await expect(result.locator('.disruption')).toHaveCount(0);
  await expect(result.locator('.leg-ride .board-at').first()).toContainText('서초 방면 3번째 칸 1번 문');
});

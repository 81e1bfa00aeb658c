import { checkCurrent } from './axe-support.js';
import { expect, setLanguage, test, unique } from './support.js';
import { seoulMetroOperatorKey } from './transit-support.js';

/**
 * Reports as FixMyStreet does them: a citizen reports a broken elevator at 시청 without signing in; the station
 * page says at once that it was reported not working and awaits the operator, with the due date; the public list
 * shows it; a Seoul Metro member (no platform role) answers, and the list shows the answer. Axe in ko and en.
 */
test('a reported lift shows on the station page and in the public list, then with the operator’s answer (axe ko/en)', async ({ page, context, browser }) => {
  test.setTimeout(120_000);
  const station = 'seoul-201'; // 시청 (City Hall), lines 1 and 2: no other spec touches it
  const note = `e2e ${unique()}: 버튼을 눌러도 오지 않음`;

  await page.goto(`/transit/stations/${station}/report`);
  await page.getByLabel('엘리베이터 고장').check();
  const lift = await page.locator('#f-facility option').nth(1).getAttribute('value');
  expect(lift).toBeTruthy();
  await page.locator('#f-facility').selectOption(lift!);
  await page.getByLabel('더 알려 줄 내용 (선택)').fill(note);
  await page.getByRole('button', { name: '신고하기' }).click();
  await expect(page).toHaveURL(/\/transit\/reports\/[0-9a-f-]{36}\?notice=reported$/);
  const reportUrl = new URL(page.url()).pathname;
  const reportId = reportUrl.split('/').pop()!;

  await page.goto(`/transit/stations/${station}`);
  await expect(page.locator(`[data-reported="${lift}"]`)).toContainText('작동하지 않는다는 신고가 있음, 운영기관 확인 기다림');
  await expect(page.locator(`[data-reported="${lift}"]`)).toContainText('답변 기한');
  await expect(page.locator(`[data-open-reports] [data-report="${reportId}"]`)).toContainText('엘리베이터 고장');
  await checkCurrent(page, 'ko', 'station page with an open report');

  await page.getByRole('link', { name: '이 역의 신고 목록' }).click();
  const row = page.locator(`tr[data-report="${reportId}"]`);
  await expect(row).toContainText('신고됨, 운영기관 확인 기다림');
  await expect(row).toContainText('아직 답변 없음');
  await checkCurrent(page, 'ko', 'station reports');

  const key = await seoulMetroOperatorKey(browser); // a person added to Seoul Metro, a citizen on the platform
  const answer = await page.request.post(`/api/v1/transit/reports/${reportId}/resolve`, {
    headers: { authorization: `Bearer ${key}` },
    data: { confirmed: true, reasons: '현장 확인, 부품 교체 중' },
  });
  expect(answer.status(), await answer.text()).toBe(200);

  await page.reload();
  await expect(row).toContainText('운영기관이 확인함');
  await expect(row).toContainText('현장 확인, 부품 교체 중');
  await page.goto('/transit/operators/seoul-metro/reports');
  await expect(page.locator(`tr[data-report="${reportId}"]`)).toContainText('현장 확인, 부품 교체 중');
  await checkCurrent(page, 'ko', 'operator reports');

  await setLanguage(context, 'en');
  await page.goto(`/transit/stations/${station}/reports`);
  await expect(page.locator(`tr[data-report="${reportId}"]`)).toContainText('Confirmed by the operator');
  await expect(page.locator(`tr[data-report="${reportId}"]`)).toContainText('Elevator out of service');
  await checkCurrent(page, 'en', 'station reports');
  await page.setViewportSize({ width: 320, height: 800 });
  await checkCurrent(page, 'en', 'station reports at 320 px');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/transit/operators/seoul-metro/reports');
  await checkCurrent(page, 'en', 'operator reports');
  await page.goto(`/transit/stations/${station}`);
  await expect(page.locator(`[data-reported="${lift}"]`)).toHaveCount(0); // answered: no longer awaiting the operator
  await checkCurrent(page, 'en', 'station page');
});

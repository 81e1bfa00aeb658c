import { checkCurrent, checkPages } from './axe-support.js';
import { createRunningSeminar, createSeminar, csrfOf } from './learn-support.js';
import { test } from './plan-support.js';
import { ORIGIN, expect, setLanguage, signUp } from './support.js';

/**
 * Data literacy. A citizen registers for a full seminar and is waitlisted; a registrant cancels; the citizen is
 * promoted and notified, attends (the organiser ticks them on a phone), and gets a certificate whose link verifies.
 * A learner works through a lesson on the real bike-station data: a wrong answer gets a hint, progress is saved.
 */
test('a full seminar: waitlisted → promoted and notified → attends → certificate that verifies', async ({ page, admin, newParty }) => {
  test.setTimeout(120_000);
  // Both people sign up first: the seminar below runs on the real clock, and only the steps up to the first roll
  // call need to happen while it is under way (30 s is several times what they take on a loaded CI machine).
  const first = await newParty();
  await signUp(first);
  const citizen = await signUp(page);
  const seminar = await createRunningSeminar(admin, { capacity: 1, endsInMs: 30_000 });
  // Someone takes the only seat.
  await first.goto(seminar.path);
  await first.getByRole('button', { name: '신청하기' }).click();
  await expect(first.locator('[data-registration="registered"]')).toContainText('자리가 확정되었습니다');
  // The citizen finds it full and joins the waitlist.
  await page.goto(seminar.path);
  await expect(page.locator('main')).toContainText('정원이 찼습니다');
  await page.getByRole('button', { name: '대기자로 신청하기' }).click();
  await expect(page.locator('[data-registration="waitlisted"]')).toContainText('대기자 명단 1번째');
  // Registering again is refused clearly (through the API), and changes nothing.
  const again = await page.request.post(`/api/v1/learn/programmes/${seminar.path.split('/').pop()}/registration`, {
    headers: { 'x-csrf-token': await csrfOf(page) },
  });
  expect(again.status()).toBe(409);
  expect((await again.json()).error.code).toBe('learn.already_registered');
  // The registrant cancels; the citizen is promoted and told.
  await first.getByRole('button', { name: '신청 취소' }).click();
  await expect(first.locator('[data-registration="cancelled"]')).toBeVisible();
  await page.goto('/account');
  const note = page.getByRole('link', { name: `대기에서 등록으로: ${seminar.title}` });
  await expect(note).toBeVisible();
  await note.click();
  await expect(page.locator('[data-registration="registered"]')).toContainText('자동으로 등록되었습니다');
  // Each session can be added to a calendar, at the Seoul hour.
  await expect(page.locator('[data-add-ics]').first()).toHaveAttribute('href', /^\/learn\/sessions\/[0-9a-f-]{36}\/calendar\.ics$/);
  await expect(page.locator('main')).toContainText('서울 시간(KST, UTC+9)');
  // The organiser takes attendance at the door, on a phone.
  await admin.setViewportSize({ width: 390, height: 844 });
  await admin.goto(`${seminar.path}/attendance`);
  // The session is under way: attendance is taken, but no certificate comes before the course is over.
  await expect(admin.locator('[data-certificates-later]')).toBeVisible();
  await admin.getByRole('checkbox', { name: citizen.name }).check();
  await admin.getByRole('button', { name: '출석 저장' }).click();
  await expect(admin.getByRole('status')).toContainText('수료증 0장');
  // Once the session has ended, saving the roll call again issues the certificate.
  await admin.waitForTimeout(Math.max(0, Date.parse(seminar.endsAt) - Date.now()) + 1_000);
  await admin.reload();
  await expect(admin.locator('[data-certificates-later]')).toHaveCount(0);
  await expect(admin.getByRole('checkbox', { name: citizen.name })).toBeChecked();
  await admin.getByRole('button', { name: '출석 저장' }).click();
  await expect(admin.getByRole('status')).toContainText('수료증 1장');
  // The citizen's certificate: from the notification, a page that verifies, and the PDF.
  await page.goto('/account');
  await page.getByRole('link', { name: `수료증 발급: ${seminar.title}` }).click();
  await expect(page).toHaveURL(/\/learn\/certificates\/[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{16}$/);
  await expect(page.locator('[data-verified="true"]')).toBeVisible();
  await expect(page.locator('[data-holder]')).toHaveText(citizen.name);
  await expect(page.locator('[data-course-dates]')).toHaveText(/^\d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}$/);
  await expect(page.locator('[data-issuer]')).toContainText('열린 서울');
  await expect(page.locator('[data-qr] svg')).toBeVisible();
  await checkCurrent(page, 'ko', 'certificate (valid)');
  await setLanguage(page.context(), 'en');
  await page.reload();
  await expect(page.locator('[data-issuer]')).toContainText('Open Seoul');
  await checkCurrent(page, 'en', 'certificate (valid)');
  await setLanguage(page.context(), 'ko');
  const verifyUrl = page.url();
  const pdf = await page.request.get(`${new URL(verifyUrl).pathname}/pdf`);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  // Anyone can verify it from the link; a forged number is refused plainly.
  const stranger = await newParty();
  await stranger.goto(verifyUrl);
  await expect(stranger.locator('[data-holder]')).toHaveText(citizen.name);
  const forged = verifyUrl.replace(/\.[A-Za-z0-9_-]{16}$/, '.AAAAAAAAAAAAAAAA');
  const refused = await stranger.goto(forged);
  expect(refused?.status()).toBe(404);
  await expect(stranger.locator('[data-verified="false"]')).toContainText('확인할 수 없는 수료증 번호');
  // The dashboard counts it.
  await admin.goto(`${seminar.path}/dashboard`);
  await expect(admin.locator('[data-dashboard="attendance-rate"]')).toHaveText('100%');
});

test('a lesson on real data: a wrong answer gets a hint, the right ones complete it, progress is kept', async ({ page }) => {
  test.setTimeout(90_000);
  await signUp(page);
  // The expected count comes from the data itself, through the same SQL sandbox the lesson uses.
  const csrf = await csrfOf(page);
  const res = await page.request.post('/api/v1/data/sql', {
    headers: { 'x-csrf-token': csrf },
    data: { sql: 'SELECT count(*) FROM seoul_public_bike_stations' },
  });
  expect(res.status()).toBe(200);
  const stations = String((await res.json()).rows[0][0]);
  await page.goto('/learn');
  await page.getByRole('link', { name: '표 읽기: 따릉이 대여소 목록' }).click();
  await expect(page).toHaveURL(`${ORIGIN}/learn/lessons/read-a-table`);
  const one = page.locator('[data-exercise="row-means"]');
  await one.getByLabel('자치구 하나').check();
  await one.getByRole('button', { name: '확인' }).click();
  await expect(one.locator('[data-result="wrong"]')).toContainText('아직 아닙니다');
  await expect(one.locator('[data-hint]')).toContainText('대여소 번호');
  await one.getByLabel('대여소 한 곳').check();
  await one.getByRole('button', { name: '확인' }).click();
  await expect(one.locator('[data-result="correct"]')).toBeVisible();
  const two = page.locator('[data-exercise="row-count"]');
  await two.getByRole('textbox').fill(String(Number(stations) + 10));
  await two.getByRole('button', { name: '확인' }).click();
  await expect(two.locator('[data-hint]')).toBeVisible();
  await two.getByRole('textbox').fill(Number(stations).toLocaleString('en-US'));
  await two.getByRole('button', { name: '확인' }).click();
  await expect(two.locator('[data-result="correct"]')).toBeVisible();
  await expect(page.locator('[data-progress]')).toHaveText('2/3 문제를 풀었습니다.');
  const three = page.locator('[data-exercise="district-column"]');
  await three.getByRole('textbox').fill('자치구');
  await three.getByRole('button', { name: '확인' }).click();
  await expect(page.locator('[data-progress]')).toContainText('이 수업을 모두 마쳤습니다');
  // Saved: a new visit shows every exercise solved, and the learner's page lists the lesson.
  await page.reload();
  await expect(page.locator('[data-exercise][data-solved="true"]')).toHaveCount(3);
  await page.goto('/learn/me');
  await expect(page.locator('[data-completed] [data-lesson="read-a-table"]')).toBeVisible();
});

for (const lang of ['ko', 'en'] as const) {
  test(`the lesson run box: run a query in place, see a table and a chart readable on a phone; a wrong answer compared by shape; axe (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await setLanguage(page.context(), lang);
    await page.setViewportSize({ width: 390, height: 844 });
    await signUp(page);
    await page.goto('/learn/lessons/group-and-count');
    const ex = page.locator('[data-exercise="stations-per-line"]');
    await ex.locator('[data-run-button]').click();
    await expect(page).toHaveURL(/\/learn\/lessons\/group-and-count\/run$/);
    const run = page.locator('[data-exercise="stations-per-line"] [data-run="ok"]');
    await expect(run.locator('table tbody tr').first()).toBeVisible();
    await expect(run.locator('[data-chart="run-stations-per-line"] svg')).toBeVisible();
    // Chart labels are readable at 390 px: each label at least 10 CSS px tall.
    const heights = await run.locator('[data-chart] svg text').evaluateAll((all) => all.map((el) => el.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(0);
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(10);
    await checkCurrent(page, lang, 'lesson with the run box result');
    // The starter query is not the answer: checking it shows the comparison with the expected shape.
    await page.goto('/learn/lessons/group-and-count');
    await ex.locator('button[type=submit]:not([data-run-button])').click();
    await expect(ex.locator('[data-result="wrong"] [data-compare]')).toBeVisible();
    await expect(ex.locator('[data-compare-rows]')).toBeVisible();
    await checkCurrent(page, lang, 'lesson with the comparison');
    const size = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    expect(size.scrollWidth).toBeLessThanOrEqual(size.clientWidth);
  });

  test(`the learn pages pass axe (${lang})`, async ({ page, admin }) => {
    test.setTimeout(120_000);
    await setLanguage(page.context(), lang);
    await setLanguage(admin.context(), lang);
    const seminar = await createSeminar(admin, { capacity: 1, title: `접근성 세미나 ${lang}` });
    await signUp(page);
    await page.goto(seminar.path);
    await page.locator(`form[action="${seminar.path}/register"] button`).click();
    const example = (await (await page.request.get('/api/v1/learn/programmes?kind=fellowship')).json()).items[0];
    await checkPages(page, lang, [
      { path: '/learn' },
      { path: '/learn/calendar' },
      { path: '/learn/calendar?past=1' },
      { path: seminar.path },
      { path: example.url },
      { path: '/learn/lessons/read-a-table' },
      { path: '/learn/lessons/read-a-chart' },
      { path: '/learn/lessons/spot-a-misleading-chart' },
      { path: '/learn/lessons/join-two-datasets' },
      { path: '/learn/me' },
      { path: '/learn/certificates/AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAA', status: 404 },
    ]);
    // A wrong answer with its hint.
    await page.goto('/learn/lessons/read-a-table');
    await page.locator('[data-exercise="row-means"] button').click();
    await expect(page.locator('[data-exercise="row-means"] [data-hint]')).toBeVisible();
    await checkCurrent(page, lang, '/learn/lessons/read-a-table (hint)');
    await checkPages(admin, lang, [
      { path: '/learn/programmes/new' },
      { path: '/learn/organise' },
      { path: seminar.path },
      { path: `${seminar.path}/attendance` },
      { path: `${seminar.path}/dashboard` },
      { path: `${example.url}/dashboard` },
    ]);
    // The create form with its errors.
    await admin.goto('/learn/programmes/new');
    await admin.getByRole('button', { name: /^(만들기|Create)$/ }).click();
    await expect(admin.locator('#error-summary')).toBeFocused();
    await checkCurrent(admin, lang, '/learn/programmes/new (errors)');
  });
}

test.describe('learn pages reflow at 320 CSS px (WCAG 1.4.10)', () => {
  test.use({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
  test('lessons with charts, tables and SQL boxes, programmes and the calendar fit without sideways scrolling', async ({ page }) => {
    await signUp(page);
    const example = (await (await page.request.get('/api/v1/learn/programmes?kind=seminar')).json()).items[0];
    for (const path of [
      '/learn',
      '/learn/calendar',
      '/learn/lessons/read-a-chart',
      '/learn/lessons/spot-a-misleading-chart',
      '/learn/lessons/join-two-datasets',
      example.url,
      '/learn/me',
    ]) {
      await page.goto(path);
      await page.evaluate(() => document.fonts.ready);
      const size = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
      expect(size.scrollWidth, `${path} scrolls sideways at ${size.clientWidth}px`).toBeLessThanOrEqual(size.clientWidth);
    }
  });
});

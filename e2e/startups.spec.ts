import type { Page } from '@playwright/test';
import { checkCurrent, checkPages, type Check } from './axe-support.js';
import { makeOfficial, test } from './plan-support.js';
import { expect, setLanguage, signUp, unique } from './support.js';

/**
 * Youth smart-city startups: a startup registers → applies to the consultative body → an official of the
 * programme selects it → it applies to an opportunity (members only) → it comments on a regulation → the
 * department answers → the startup sees the answer. The rule is one of the programme department's own
 * (the Information Planning Division), so the plan specs' data-division scorecard is not touched.
 */
const PROGRAMME = 'smg-information-planning-division';
/** A real 1×1 PNG (the upload is checked by its bytes). */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d494844520000000200000002080600000072b60d2400000011494441547801633c01040c40c0c400050030a60324e93ef6660000000049454e44ae426082',
  'hex',
);
const BODY_CALL = '/startups/calls/youth-startup-body-example';

async function registerStartup(page: Page, name: string) {
  await page.goto('/startups');
  await page
    .getByRole('navigation', { name: /스타트업 메뉴|Startups pages/ })
    .getByRole('link', { name: /^(스타트업 등록|Register a startup)$/ })
    .click();
  await expect(page).toHaveURL(/\/startups\/register$/);
  await page.locator('#f-nameKo').fill(`${name} 랩`);
  await page.locator('#f-nameEn').fill(`${name} Lab`);
  await page.locator('#f-whatKo').fill('버스 정류장 혼잡도를 알려 주는 센서와 앱을 만듭니다.');
  await page.locator('#f-whatEn').fill('Sensors and an app that tell how crowded bus stops are.');
  await page.locator('#f-field').selectOption('mobility');
  await page.locator('#f-stage').selectOption('prototype');
  await page.locator('#f-teamSize').fill('4');
  await page.locator('#f-foundersAgeBand').selectOption('under_30');
  await page.locator('#f-contactEmail').fill(`hello-${unique()}@startup.kr`);
  await page.getByRole('button', { name: /^(등록|Register)$/ }).click();
  await expect(page).toHaveURL(/\/startups\/[a-z0-9-]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  return new URL(page.url()).pathname;
}

test('main path: register → apply to the body → selected → apply to an opportunity → comment on a rule → the department answers → the startup sees it', async ({
  page,
  admin,
  newParty,
}) => {
  test.setTimeout(120_000);
  await signUp(page);
  const name = `E2E${unique().slice(-5)}`;
  const profile = await registerStartup(page, name);
  const slug = profile.split('/').pop()!;

  // Apply to the consultative body's open call.
  await page.goto('/startups/body');
  await page.locator(`a[href="${BODY_CALL}"]`).click();
  await expect(page).toHaveURL(new RegExp(`${BODY_CALL}$`));
  await page.locator('#f-startup').selectOption(slug);
  await page.locator('#f-motivation').fill('해외 도시에 정류장 센서를 실증하고 싶습니다.');
  await page.getByRole('button', { name: /^(신청하기|Apply)$/ }).click();
  await expect(page).toHaveURL(new RegExp(`${BODY_CALL}$`));
  const mine = page.locator('[data-application]').filter({ hasText: `${name} 랩` });
  await expect(mine).toHaveAttribute('data-state', 'submitted');

  // An official of the programme selects it, with reasons.
  const officialPage = await newParty();
  await makeOfficial(officialPage, admin, PROGRAMME);
  await officialPage.goto(BODY_CALL);
  await checkCurrent(officialPage, 'ko', 'body call with the decision forms');
  const application = officialPage.locator('[data-application]').filter({ hasText: `${name} 랩` });
  await application.getByLabel(/^(선정|Selected)$/).check();
  await application.getByLabel(/^(사유|Reasons)/).fill('실증 계획이 구체적이고 해외 진출 의지가 분명합니다.');
  await application.getByRole('button', { name: /^(선정 결정|Decide)$/ }).click();
  await expect(officialPage.locator('[data-application]').filter({ hasText: `${name} 랩` })).toHaveAttribute('data-state', 'selected');

  // The startup sees it and is now listed as a member of the body.
  await page.reload();
  await expect(page.locator('[data-application]').filter({ hasText: `${name} 랩` })).toHaveAttribute('data-state', 'selected');
  await expect(page.locator('[data-application]').filter({ hasText: `${name} 랩` })).toContainText('실증 계획이 구체적');
  await page.goto('/startups/body');
  await expect(page.locator('[data-members]')).toContainText(`${name} 랩`);

  // It applies to an opportunity open to members only (MWC, example data).
  await page.goto('/startups/opportunities');
  await page.locator('a[href="/startups/opportunities/example-mwc"]').click();
  await expect(page.getByText(/협의체 회원만 신청할 수 있습니다|Only members/)).toBeVisible();
  await page.locator('#f-startup').selectOption(slug);
  await page.locator('#f-motivation').fill('MWC 서울관에서 정류장 센서를 시연하겠습니다.');
  await page.getByRole('button', { name: /^(신청하기|Apply)$/ }).click();
  await expect(page.locator('[data-application]').filter({ hasText: `${name} 랩` })).toHaveAttribute('data-state', 'submitted');

  // It comments on a regulation found by a Korean search.
  await page.goto('/startups/rules');
  await page.locator('#f-q').fill('스마트도시');
  await page.getByRole('button', { name: /^(찾기|Search)$/ }).click();
  await page.locator('a[href="/startups/rules/smart-city-act"]').click();
  await page.locator('#f-startup').selectOption(slug);
  await page.locator('#f-kind').selectOption('change');
  const title = `정류장 센서 실증 특례 ${unique().slice(-4)}`;
  await page.locator('#f-title').fill(title);
  await page.locator('#f-body').fill('정류장 센서 실증에 필요한 규제 특례 절차가 너무 깁니다.');
  await page.locator('#f-proposal').fill('소규모 실증은 신고만으로 시작할 수 있게 해 주세요.');
  await page.getByRole('button', { name: /^(보내기|Send)$/ }).click();
  await expect(page).toHaveURL(/\/startups\/feedback\/[0-9a-f-]{36}$/);
  const feedback = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.locator('[data-state]').first()).toHaveAttribute('data-state', 'received');

  // The department answers with reasons.
  await officialPage.goto(feedback);
  await checkCurrent(officialPage, 'ko', 'feedback with the answer form');
  await officialPage.locator('#f-decision').selectOption('under_review');
  await officialPage.locator('#f-reasons').fill('국토교통부와 협의해 실증 절차 간소화를 검토하겠습니다.');
  await officialPage.getByRole('button', { name: /^(결정 공개|Publish the decision)$/ }).click();
  await expect(officialPage.locator('#f-reviewBy-error')).toBeVisible(); // under review needs the date of the decision
  await checkCurrent(officialPage, 'ko', 'feedback answer with errors');
  await officialPage.locator('#f-reviewBy').fill('2099-12-31');
  await officialPage.getByRole('button', { name: /^(결정 공개|Publish the decision)$/ }).click();
  await expect(officialPage.locator('[data-decision]').first()).toHaveAttribute('data-decision', 'under_review');

  // The startup sees the answer on the page and in its notifications.
  await page.reload();
  await expect(page.locator('[data-decision]').first()).toHaveAttribute('data-decision', 'under_review');
  await expect(page.getByText('국토교통부와 협의해 실증 절차 간소화를 검토하겠습니다.')).toBeVisible();
  await page.goto('/account');
  await expect(page.locator('main')).toContainText(title);
  await page.goto(`/startups/departments/${PROGRAMME}`);
  await expect(page.locator(`[data-feedback="${feedback.split('/').pop()}"]`)).toBeVisible();
});

test('a booklet with no startups picked shows the problem by the field; a picked booklet is a PDF', async ({ page }) => {
  await page.goto('/startups/booklet');
  await page.getByRole('button', { name: /^(PDF 만들기|Make the PDF)$/ }).click();
  await expect(page.locator('#booklet-error')).toBeVisible();
  const pdf = await page.request.get('/startups/booklet.pdf?startups=example-droneworks,example-gridon');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
});

test('the booklet flow: missing English is shown to the founder, who fills it in; then the startup goes into the booklet', async ({ page }) => {
  test.setTimeout(90_000);
  await signUp(page);
  const profile = await registerStartup(page, `Bk${unique().slice(-5)}`);
  const slug = profile.split('/').pop()!;
  // Picked without its English, the booklet is refused, naming the startup; the founder's profile lists what is missing.
  await page.goto('/startups/booklet');
  await page.locator(`#b-${slug}`).check();
  await page.getByRole('button', { name: /^(PDF 만들기|Make the PDF)$/ }).click();
  await expect(page.locator('#booklet-error')).toContainText('영어 항목이 빠진 곳');
  await page.locator(`#booklet-error a[href="/startups/${slug}#booklet-ready"]`).click();
  await expect(page.locator('[data-booklet-ready="false"]')).toBeVisible();
  for (const gap of ['teamEn', 'tractionEn', 'askEn', 'contactNameEn', 'solutions']) await expect(page.locator(`[data-gap="${gap}"]`)).toBeVisible();
  await checkCurrent(page, 'ko', 'own profile with the booklet checklist');
  await page.reload(); // checkCurrent opened every <details>
  // The founder writes the English on the profile and adds a solution in English.
  await page.locator('main details summary', { hasText: /프로필 수정|Edit the profile/ }).click();
  await page.locator('#f-teamEn').fill('Four: two hardware engineers, a designer and a data scientist.');
  await page.locator('#f-tractionEn').fill('Sensors on 12 bus stops in a three-month trial.');
  await page.locator('#f-askEn').fill('Transit agencies abroad for pilots.');
  await page.locator('#f-contactNameEn').fill('Park Jiwoo');
  await page.locator('form[action$="/edit"] button[type=submit]').click();
  await page.locator('main details summary', { hasText: /솔루션 추가|Add a solution/ }).click();
  await page.locator('#f-titleEn').fill('Bus-stop crowding sensor');
  await page.locator('#f-descriptionEn').fill('A small sensor that counts people waiting.');
  await page.locator('#f-image').setInputFiles({ name: 'sensor.png', mimeType: 'image/png', buffer: PNG });
  await page.locator('#f-imageAlt').fill('정류장에 붙인 센서 그림');
  await page.locator('form[action$="/solutions"] button[type=submit]').click();
  await expect(page.locator('[data-booklet-ready="true"]')).toBeVisible();
  // Now it goes into the booklet, on its own numbered page.
  const pdf = await page.request.get(`/startups/booklet.pdf?startups=${slug},example-gridon`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const body = (await pdf.body()).toString('latin1');
  expect(body.match(/\/Type \/Page\b/g)?.length).toBe(5); // cover, introduction, contents, two startups
});

const PUBLIC: Check[] = [
  { path: '/startups' },
  { path: '/startups/example-mobility-lab' },
  { path: '/startups/body' },
  { path: BODY_CALL },
  { path: '/startups/opportunities' },
  { path: '/startups/opportunities/example-mwc' },
  { path: '/startups/rules' },
  { path: `/startups/rules?q=${encodeURIComponent('개인정보')}&tag=data` },
  { path: '/startups/rules/personal-information-protection-act' },
  { path: `/startups/departments/${PROGRAMME}` },
  { path: '/startups/booklet' },
  { path: '/startups/booklet.pdf', status: 400 },
];

for (const lang of ['ko', 'en'] as const) {
  test.describe(`startups accessibility (axe, WCAG 2.2 AA) in ${lang}`, () => {
    test.beforeEach(async ({ context }) => setLanguage(context, lang));

    test(`the programme's pages and forms, as an admin (${lang})`, async ({ admin }) => {
      test.setTimeout(90_000);
      await setLanguage(admin.context(), lang);
      await checkPages(admin, lang, [
        { path: '/startups' },
        { path: '/startups/calls/new' },
        { path: '/startups/rules/new' },
        { path: '/startups/meetings/new' },
        { path: '/startups/rules/drone-act' },
        { path: BODY_CALL },
        { path: '/startups/opportunities/example-slush' },
      ]);
      await admin.goto('/startups/rules/drone-act');
      await admin.locator('main details summary', { hasText: /새 판 추가|Add a version/ }).click();
      await admin.locator('#f-effectiveOn').fill('2030-01-01');
      await admin.locator('#f-textKo').fill('시험 본문');
      await admin.locator('form[action$="/versions"] button[type=submit]').click();
      await expect(admin.locator('#f-changeKo-error')).toBeVisible();
      await checkCurrent(admin, lang, 'rule version with errors');
    });

    test(`startups pages, signed out and signed in with forms (${lang})`, async ({ page }) => {
      test.setTimeout(90_000);
      await checkPages(page, lang, PUBLIC);
      await signUp(page);
      await page.goto('/startups/register');
      await checkCurrent(page, lang, '/startups/register');
      await page.getByRole('button', { name: /^(등록|Register)$/ }).click();
      await checkCurrent(page, lang, '/startups/register with errors');
      const profile = await registerStartup(page, `Axe${unique().slice(-4)}`);
      await page.locator('main details summary', { hasText: /솔루션 추가|Add a solution/ }).click();
      await page.locator('#f-titleKo').fill('정류장 혼잡도 센서');
      await page.locator('#f-image').setInputFiles({ name: 'sensor.png', mimeType: 'image/png', buffer: PNG });
      await page.locator('#f-imageAlt').fill('정류장에 붙인 센서 그림');
      await page.locator('form[action$="/solutions"] button[type=submit]').click();
      await expect(page.locator('main img[alt="정류장에 붙인 센서 그림"]')).toBeVisible();
      await checkCurrent(page, lang, 'own profile with a solution and forms');
      await page.goto(BODY_CALL);
      await checkCurrent(page, lang, 'body call with the apply form');
      await page.getByRole('button', { name: /^(신청하기|Apply)$/ }).click();
      await checkCurrent(page, lang, 'body call with apply errors');
      await page.goto('/startups/rules/drone-act');
      await page.locator('#f-startup').selectOption(profile.split('/').pop()!);
      await page.locator('#f-title').fill(`드론 의견 ${unique()}`);
      await page.locator('#f-body').fill('드론 실증 구역 신청 절차가 복잡합니다.');
      await page.getByRole('button', { name: /^(보내기|Send)$/ }).click();
      await expect(page).toHaveURL(/\/startups\/feedback\//);
      await checkCurrent(page, lang, 'feedback with the answer panel');
    });
  });
}

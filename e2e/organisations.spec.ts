import { expect, setLanguage, signUp, test, unique } from './support.js';

test('the organisations page lists the organisations of the action plan, in both languages', async ({ page, context }) => {
  await page.goto('/organisations');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('참여 기관');
  const muui = page.getByRole('link', { name: '무의', exact: true });
  await expect(muui).toHaveAttribute('href', '/organisations/muui');
  await expect(page.getByRole('link', { name: '서울교통공사', exact: true })).toHaveAttribute('href', '/organisations/seoul-metro');
  // Organisations without a Korean name show the English one, marked as English.
  await expect(page.getByRole('link', { name: 'Airblack', exact: true })).toHaveAttribute('lang', 'en');
  expect(await page.locator('main .cards > li').count()).toBeGreaterThanOrEqual(12);
  // Not signed in: no registration button.
  await expect(page.getByRole('link', { name: '기관 등록' })).toHaveCount(0);

  // The type filter.
  await page.getByLabel('유형으로 거르기').selectOption('transit_operator');
  await page.getByRole('button', { name: '적용' }).click();
  await expect(page).toHaveURL(/\/organisations\?type=transit_operator$/);
  await expect(page.getByRole('link', { name: '서울교통공사', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: '무의', exact: true })).toHaveCount(0);
  await expect(page.getByText('1개 기관')).toBeVisible();

  await page.goto('/organisations/muui');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('무의');
  await expect(page.locator('main')).toContainText('시민사회단체');

  await setLanguage(context, 'en');
  await page.goto('/organisations');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Organisations');
  await expect(page.getByRole('link', { name: 'Muui', exact: true })).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('link', { name: 'Seoul Metro', exact: true })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(/^Organisations listed: \d+$/);
});

test('a signed-in citizen registers an NGO and lands on its page as its admin', async ({ page }) => {
  const user = await signUp(page);
  const suffix = unique();
  const nameEn = `Seoul Forest Park Keepers ${suffix}`;
  await page.goto('/organisations');
  await page.getByRole('link', { name: '기관 등록' }).click();
  await expect(page).toHaveURL(/\/organisations\/new$/);
  await expect(page.getByLabel('기관 유형')).toHaveValue('ngo');

  // Nothing filled in: the form says what is missing.
  await page.getByRole('button', { name: '기관 등록' }).click();
  await expect(page.locator('#error-summary')).toBeFocused();
  await expect(page.locator('#error-summary').getByRole('link', { name: '한국어나 영어 중 하나 이상으로 이름을 입력해 주세요.' })).toHaveAttribute(
    'href',
    '#f-nameKo',
  );

  await page.getByLabel('이름(한국어)').fill(`서울숲공원 지킴이 ${suffix}`);
  await page.getByLabel('이름(영어)').fill(nameEn);
  await page.getByLabel('소개(한국어)').fill('서울숲 공원을 함께 가꾸는 시민 모임입니다.');
  await page.getByLabel('소개(영어)').fill('Citizens who look after Seoul Forest park.');
  await page.getByLabel('웹사이트').fill('https://example.kr/forest');
  await page.getByRole('button', { name: '기관 등록' }).click();

  await expect(page).toHaveURL(new RegExp(`/organisations/seoul-forest-park-keepers-${suffix}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`서울숲공원 지킴이 ${suffix}`);
  await expect(page.locator('main')).toContainText('서울숲 공원을 함께 가꾸는 시민 모임입니다.');
  await expect(page.getByRole('link', { name: 'https://example.kr/forest' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '구성원', exact: true })).toBeVisible();
  await expect(page.locator('main')).toContainText(`${user.name} (기관 관리자)`);
  await expect(page.getByRole('heading', { level: 2, name: '구성원 추가' })).toBeVisible();

  // It is listed, and it is on the creator's account page.
  await page.goto('/organisations?type=ngo');
  await expect(page.getByRole('link', { name: `서울숲공원 지킴이 ${suffix}` })).toBeVisible();
  await page.goto('/account');
  await expect(page.getByRole('link', { name: `서울숲공원 지킴이 ${suffix}` })).toBeVisible();
});

test('registering an organisation needs an account', async ({ page }) => {
  await page.goto('/organisations/new');
  await expect(page).toHaveURL(/\/sign-in\?next=\/organisations\/new$/);
});

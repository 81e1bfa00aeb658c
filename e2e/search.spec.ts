import { expect, setLanguage, signUp, test, unique } from './support.js';

const results = (page: import('@playwright/test').Page) => page.locator('main ol');

test('searching 무의 from the home page finds Muui, in both languages', async ({ page, context }) => {
  await page.goto('/');
  const box = page.getByRole('search').getByLabel('검색어');
  await box.fill('무의');
  await page.getByRole('search').getByRole('button', { name: '검색' }).click();
  await expect(page).toHaveURL(/\/search\?q=%EB%AC%B4%EC%9D%98$/);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('"무의" 검색 결과 1건');
  await expect(results(page).getByRole('link', { name: '무의' })).toHaveAttribute('href', '/organisations/muui');
  await expect(page.getByRole('search').getByLabel('검색어')).toHaveValue('무의');

  await setLanguage(context, 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Results for "무의": 1');
  await expect(results(page).getByRole('link', { name: 'Muui' })).toHaveAttribute('href', '/organisations/muui');
});

test('two-syllable Korean words match inside longer words (교통 → 서울교통공사)', async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent('교통')}`);
  await expect(page.getByRole('heading', { level: 2 })).toContainText('"교통" 검색 결과');
  await expect(results(page).getByRole('link', { name: '서울교통공사', exact: true })).toHaveAttribute('href', '/organisations/seoul-metro');
  // English words and parts of them work too.
  await page.goto('/search?q=metr');
  await expect(results(page).getByRole('link', { name: '서울교통공사', exact: true })).toBeVisible();
  // Bigrams present in the wrong order do not match.
  await page.goto(`/search?q=${encodeURIComponent('통교')}`);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('"통교" 검색 결과 0건');
  await expect(page.getByText('결과가 없습니다. 다른 낱말로 찾아보세요.')).toBeVisible();
});

test('/search?q=공원 finds a newly registered organisation by a two-syllable word', async ({ page }) => {
  await signUp(page);
  const suffix = unique();
  await page.goto('/organisations/new');
  await page.getByLabel('이름(한국어)').fill(`푸른공원연구소 ${suffix}`);
  await page.getByLabel('이름(영어)').fill(`Green Parks Lab ${suffix}`);
  await page.getByRole('button', { name: '기관 등록' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`푸른공원연구소 ${suffix}`);

  await page.goto(`/search?q=${encodeURIComponent('공원')}`);
  await expect(page.getByRole('heading', { level: 2 })).toContainText('"공원" 검색 결과');
  await expect(results(page).getByRole('link', { name: `푸른공원연구소 ${suffix}` })).toBeVisible();
  // Two words: both must match.
  await page.goto(`/search?q=${encodeURIComponent(`공원 ${suffix}`)}`);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(`"공원 ${suffix}" 검색 결과 1건`);
  await page.goto(`/search?q=${encodeURIComponent(`공원 무의`)}`);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('"공원 무의" 검색 결과 0건');
});

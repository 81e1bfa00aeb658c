import { checkCurrent, checkPages, type Check } from './axe-support.js';
import { ADMIN as ADMIN_USER, expect, setLanguage, signInAsAdmin, signUp, test, unique } from './support.js';

const PUBLIC: Check[] = [
  { path: '/' },
  { path: '/sign-in' },
  { path: '/sign-up' },
  { path: '/password-reset' },
  { path: '/password-reset/not-a-real-token-0000', status: 400 },
  { path: '/search' },
  { path: `/search?q=${encodeURIComponent('무의')}` },
  { path: '/organisations' },
  { path: '/organisations/muui' },
  { path: '/no-such-page-e2e', status: 404 },
];
const SIGNED_IN: Check[] = [{ path: '/account' }, { path: '/organisations/new' }];
const ADMIN: Check[] = [{ path: '/admin' }, { path: '/admin/audit' }, { path: '/admin/users' }, { path: '/admin/outbox' }];

for (const lang of ['ko', 'en'] as const) {
  test.describe(`accessibility (axe, WCAG 2.2 AA) in ${lang}`, () => {
    test.beforeEach(async ({ context }) => setLanguage(context, lang));

    test(`public pages, signed out (${lang})`, async ({ page }) => {
      await checkPages(page, lang, PUBLIC);
    });

    test(`citizen pages, also public ones signed in (${lang})`, async ({ page }) => {
      await signUp(page);
      // The API key table and its revoke form only show once a key exists.
      await page.locator('#f-name').fill('axe key');
      await page.locator('#f-name').press('Enter');
      await expect(page.locator('#new-key')).toBeVisible();
      await checkCurrent(page, lang, '/account with a new key');
      // An organisation of one's own shows its members and the add-member form.
      await page.goto('/organisations/new');
      await page.locator('#f-nameKo').fill(`접근성 점검 모임 ${unique()}`);
      await page.locator('main form button[type=submit]').click();
      await expect(page).toHaveURL(/\/organisations\/[^/]+$/);
      const own = new URL(page.url()).pathname;
      await checkPages(page, lang, [...SIGNED_IN, { path: own }, { path: '/' }, { path: '/organisations' }]);
    });

    test(`admin pages (${lang})`, async ({ page }) => {
      // Put a mail in the outbox first, so the page is checked with content.
      await page.goto('/password-reset');
      await page.locator('#f-email').fill(ADMIN_USER.email);
      await page.locator('main form button[type=submit]').click();
      await expect(page.getByRole('status')).toBeVisible();
      await signInAsAdmin(page);
      await checkPages(page, lang, ADMIN);
    });

    test(`forms showing errors (${lang})`, async ({ page }) => {
      await page.goto('/sign-up');
      await page.locator('#f-email').fill('not-an-email');
      await page.locator('#f-password').fill('short');
      await page.locator('main form button[type=submit]').click();
      await expect(page.locator('#error-summary')).toBeFocused();
      await checkCurrent(page, lang, '/sign-up with errors');

      await page.goto('/sign-in');
      await page.locator('#f-email').fill('nobody@example.kr');
      await page.locator('#f-password').fill('wrong password 123');
      await page.locator('main form button[type=submit]').click();
      await expect(page.locator('#error-summary')).toBeVisible();
      await checkCurrent(page, lang, '/sign-in after a failure');

      await page.goto('/password-reset');
      await page.locator('main form button[type=submit]').click();
      await expect(page.locator('#error-summary')).toBeFocused();
      await checkCurrent(page, lang, '/password-reset with errors');

      await signUp(page);
      await page.locator('main form button[type=submit]').click(); // a key without a name
      await expect(page.locator('#error-summary')).toBeFocused();
      await checkCurrent(page, lang, '/account with errors');
      await page.goto('/organisations/new');
      await page.locator('#f-website').fill('not a url');
      await page.locator('main form button[type=submit]').click();
      await expect(page.locator('#error-summary')).toBeFocused();
      await checkCurrent(page, lang, '/organisations/new with errors');
    });
  });
}

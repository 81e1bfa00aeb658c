import { randomBytes } from 'node:crypto';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

export const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT || 4180}`;
export const ADMIN = { email: 'admin@open-seoul.local', password: 'e2e-admin-password-123' };
export const PASSWORD = 'correct horse battery staple';

export const unique = () => `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
export const uniqueEmail = (tag = 'citizen') => `e2e-${tag}-${unique()}@example.kr`;

/** A request the page made that did not go to the app itself (or a data: URL). */
export const isForeign = (url: string) => !(url.startsWith(`${ORIGIN}/`) || url === ORIGIN || url.startsWith('data:'));

/**
 * Every test gets this `test`: it records every request of its browser context and fails the test if any
 * of them leaves the app (fonts, styles, analytics, CDNs: the site must work offline and leak nothing), and
 * fails it if any page or frame reports a Content-Security-Policy violation (an inline script, a foreign
 * source: the pages must pass the site's strict CSP with their islands).
 */
export const test = base.extend<{ requests: string[]; cspViolations: string[] }>({
  requests: [
    async ({ context }, use) => {
      const urls: string[] = [];
      context.on('request', (r) => urls.push(r.url()));
      await use(urls);
      expect(urls.filter(isForeign), 'requests that left 127.0.0.1:4180').toEqual([]);
    },
    { auto: true },
  ],
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} on ${location.pathname}`);
        });
      });
      const watch = (page: Page) =>
        page.on('console', (m) => {
          const text = m.text();
          if (/CSP violation|Content Security Policy/i.test(text)) violations.push(`${page.url()}: ${text}`);
        });
      context.pages().forEach(watch);
      context.on('page', watch);
      await use(violations);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

export async function setLanguage(context: BrowserContext, lang: 'ko' | 'en') {
  await context.addCookies([{ name: 'os_lang', value: lang, url: ORIGIN }]);
}

/** Signs up through the form and checks the welcome on /account. */
export async function signUp(page: Page, opts: { email?: string; name?: string; password?: string } = {}) {
  const email = opts.email ?? uniqueEmail();
  const name = opts.name ?? `시민 ${unique().slice(-4)}`;
  const password = opts.password ?? PASSWORD;
  await page.goto('/sign-up');
  await page.locator('#f-email').fill(email);
  await page.locator('#f-displayName').fill(name);
  await page.locator('#f-password').fill(password);
  await page.locator('main form button[type=submit]').click();
  await expect(page).toHaveURL(/\/account\?welcome=1$/);
  return { email, name, password };
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.locator('#f-email').fill(email);
  await page.locator('#f-password').fill(password);
  await page.locator('main form button[type=submit]').click();
  await expect(page).toHaveURL(/\/account$/);
}

export const signInAsAdmin = (page: Page) => signIn(page, ADMIN.email, ADMIN.password);

/** Signs out with the header button (either language) and checks the header offers sign-in again. */
export async function signOut(page: Page) {
  await page
    .locator('header')
    .getByRole('button', { name: /^(로그아웃|Sign out)$/ })
    .click();
  await expect(page).toHaveURL(`${ORIGIN}/`);
  await expect(page.locator('header').getByRole('link', { name: /^(로그인|Sign in)$/ })).toBeVisible();
}

import { expect, signInAsAdmin, signUp, test } from './support.js';
import { STATION } from './transit-support.js';

/**
 * The security headers in a real browser: every page below (each island among them) loads under the strict CSP
 * with no violation (the `cspViolations` fixture of every test fails on one), and an inline script is refused.
 */
const PAGES = [
  '/',
  '/sign-in',
  '/search?q=%EA%B5%90%ED%86%B5',
  '/organisations',
  '/plan',
  '/plan/commitments/digital-literacy-civic-hacking',
  '/accountability',
  '/transit',
  `/transit/stations/${STATION.gyodae}`,
  `/transit/stations/${STATION.gyodae}/transfers`,
  `/transit/journey?from=${encodeURIComponent('교대')}&to=${encodeURIComponent('여의도')}&profile=wheelchair`,
  `/transit/embed/transfer?station=${STATION.gyodae}&profile=wheelchair`,
  '/transit/upkeep',
  `/transit/stations/${STATION.gyodae}/report`,
  '/data',
  '/data/datasets/seoul-public-bike-stations',
  '/data/datasets/seoul-public-bike-stations/chart?type=points',
  '/data/datasets/seoul-public-bike-stations/query',
  '/demand/requests',
  '/learn',
  '/learn/lessons/read-a-table',
  '/startups',
  '/startups/rules',
  '/api/docs',
  '/no-such-page-csp',
];

test('public pages and their islands load under the CSP without a violation; the headers are set', async ({ page }) => {
  for (const path of PAGES) {
    const response = await page.goto(path);
    expect(response, path).not.toBeNull();
    const headers = response!.headers();
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    if (!path.startsWith('/api/docs')) expect(headers['content-security-policy'], path).toContain("script-src 'self'");
    await page.waitForLoadState('load');
  }
});

test('signed-in pages with islands (the interior editor, the field survey, a new data request) load without a violation', async ({ page }) => {
  await signUp(page);
  for (const path of [`/transit/stations/${STATION.gyodae}/survey`, '/demand/requests/new', '/account', '/learn/me']) {
    await page.goto(path);
    await page.waitForLoadState('load');
  }
  await signInAsAdmin(page);
  for (const path of [`/transit/stations/${STATION.gyodae}/edit`, '/admin', '/admin/audit', '/data/new']) {
    await page.goto(path);
    await page.waitForLoadState('load');
  }
});

test('an inline script injected into a page is refused by the browser, and the fixture sees the violation', async ({ page, cspViolations }) => {
  await page.goto('/');
  const ran = await page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        (window as unknown as { injected?: boolean }).injected = false;
        document.addEventListener('securitypolicyviolation', () => resolve(false), { once: true });
        const s = document.createElement('script');
        s.textContent = 'window.injected = true';
        document.body.append(s);
        setTimeout(() => resolve((window as unknown as { injected?: boolean }).injected === true), 500);
      }),
  );
  expect(ran).toBe(false);
  await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
  cspViolations.length = 0; // this one was on purpose
});

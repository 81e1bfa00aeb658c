import type { Page } from '@playwright/test';
import { ADMIN, ORIGIN, expect, isForeign, signInAsAdmin, signUp, test } from './support.js';

/** The fonts Chromium really used to paint the text of one element (DevTools protocol). */
async function platformFonts(page: Page, selector: string) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  expect(nodeId, `element ${selector}`).toBeGreaterThan(0);
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts;
}

test('Hangul is painted with the self-hosted Pretendard, not boxes or a system font', async ({ page, requests }) => {
  const fontResponses: Array<{ url: string; status: number; type: string }> = [];
  page.on('response', (r) => {
    if (r.url().includes('/assets/fonts/')) fontResponses.push({ url: r.url(), status: r.status(), type: r.headers()['content-type'] ?? '' });
  });
  await page.goto('/');
  await page.evaluate(() => {
    // Rare syllables that subset fonts (KS X 1001, KRDS' PretendardGOV subset) lack.
    const p = document.createElement('p');
    p.id = 'rare-hangul';
    p.textContent = '똠방각하 쀍 뷁 햏';
    document.querySelector('main')!.append(p);
  });
  await page.evaluate(() => document.fonts.ready);

  const state = await page.evaluate(async () => {
    await document.fonts.load('16px Pretendard', '열린 서울 똠');
    return {
      check: document.fonts.check('16px Pretendard', '열린 서울 똠'),
      faces: [...document.fonts].map((f) => ({ family: f.family.replace(/["']/g, ''), weight: f.weight, status: f.status })),
      bodyFont: getComputedStyle(document.body).fontFamily,
    };
  });
  expect(state.check).toBe(true);
  expect(state.faces).toContainEqual({ family: 'Pretendard', weight: '400', status: 'loaded' });
  expect(state.faces).toContainEqual({ family: 'Pretendard', weight: '700', status: 'loaded' });
  expect(state.bodyFont.split(',')[0]!.trim().replace(/["']/g, '')).toBe('Pretendard');

  // The woff2 files came from the app itself.
  expect(fontResponses).toContainEqual({ url: `${ORIGIN}/assets/fonts/Pretendard-Regular.woff2`, status: 200, type: 'font/woff2' });
  expect(requests.filter((u) => u.includes('/assets/fonts/')).every((u) => u.startsWith(`${ORIGIN}/`))).toBe(true);

  // What Chromium actually painted: only Pretendard (a web font), for headings, body text and rare syllables.
  for (const selector of ['main h1', 'main .lead', '#rare-hangul', 'header .brand']) {
    const fonts = await platformFonts(page, selector);
    expect(
      fonts.map((f) => f.familyName),
      `fonts used for ${selector}`,
    ).toEqual(['Pretendard']);
    expect(fonts[0]!.isCustomFont, `${selector} uses the web font`).toBe(true);
    expect(fonts[0]!.glyphCount).toBeGreaterThan(0);
  }

  // And the glyphs are glyphs: distinct syllables draw distinct shapes, unlike a missing glyph (tofu).
  const pixels = await page.evaluate(() => {
    const draw = (text: string) => {
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 64;
      const ctx = canvas.getContext('2d')!;
      ctx.font = '48px Pretendard';
      ctx.fillStyle = '#000';
      ctx.textBaseline = 'top';
      ctx.fillText(text, 4, 4);
      const data = ctx.getImageData(0, 0, 64, 64).data;
      let ink = 0;
      let hash = 0;
      for (let i = 3; i < data.length; i += 4) {
        ink += data[i]! > 0 ? 1 : 0;
        hash = (hash * 31 + data[i]!) >>> 0;
      }
      return { ink, hash, width: ctx.measureText(text).width };
    };
    return { ttom: draw('똠'), bwelk: draw('뷁'), yeol: draw('열'), missing: draw('\u0378'), missing2: draw('\u0379') };
  });
  expect(pixels.ttom.ink).toBeGreaterThan(50);
  expect(pixels.bwelk.ink).toBeGreaterThan(50);
  expect(new Set([pixels.ttom.hash, pixels.bwelk.hash, pixels.yeol.hash]).size).toBe(3);
  expect(pixels.ttom.hash).not.toBe(pixels.missing.hash);
  // Sanity of the method: two unassigned code points draw the same box.
  expect(pixels.missing.hash).toBe(pixels.missing2.hash);

  // Nothing was fetched from anywhere but the app (also checked after every test by the fixture).
  expect(requests.length).toBeGreaterThan(3);
  expect(requests.filter(isForeign)).toEqual([]);
});

/**
 * Every piece of text on the page, checked with the fonts Chromium painted it with: Pretendard (the web font)
 * everywhere; inside code/pre also the generic monospace font, but only the one plain ASCII code gets.
 * So no text, Hangul above all, depends on a font the machine happens to have.
 */
async function assertOnlyOwnFonts(page: Page, path: string) {
  await page.goto(path);
  const count = await page.evaluate(async () => {
    const probe = document.createElement('code');
    probe.id = 'font-probe-ascii';
    probe.textContent = 'abc123';
    document.body.append(probe);
    let i = 0;
    for (const el of document.querySelectorAll('body *')) {
      if (![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())) continue;
      el.setAttribute('data-font-check', String(i++));
      // (Chromium reports the fonts of descendants' text too.)
      if (el.closest('code, pre, .secret') || el.querySelector('code, pre, .secret')) el.setAttribute('data-font-code', '');
    }
    await document.fonts.ready;
    return i;
  });
  expect(count).toBeGreaterThan(10);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const fontsOf = async (nodeId: number) => (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })).fonts;
  const probe = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#font-probe-ascii' });
  const monospace = (await fontsOf(probe.nodeId)).map((f) => f.familyName);
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-font-check]' });
  const problems: string[] = [];
  let hangulChecked = 0;
  for (const nodeId of nodeIds) {
    const fonts = await fontsOf(nodeId);
    if (!fonts.length) continue; // not rendered (e.g. <option> of a closed select)
    const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
    const code = /^<[^>]*data-font-code/.test(outerHTML);
    if (/[\uAC00-\uD7A3]/.test(outerHTML)) hangulChecked++;
    for (const f of fonts) {
      const ok = (f.familyName === 'Pretendard' && f.isCustomFont) || (code && monospace.includes(f.familyName) && f.familyName !== 'Pretendard');
      if (!ok) problems.push(`${f.familyName} (${f.glyphCount} glyphs) in ${outerHTML.slice(0, 120)}`);
    }
  }
  await cdp.detach();
  expect(problems, `text on ${path} painted with fonts the site does not ship`).toEqual([]);
  return hangulChecked;
}

test('no text on any kind of page needs a system font (Korean pages, admin pages with JSON and mail)', async ({ page }) => {
  let hangul = 0;
  for (const path of ['/', '/organisations', '/organisations/muui', '/sign-up', '/no-such-page']) hangul += await assertOnlyOwnFonts(page, path);
  // Signed in with an API key (its prefix is in <code>), then admin pages with Korean inside <pre>.
  await signUp(page, { name: '김똠방' });
  await page.locator('#f-name').fill('뷁 키');
  await page.locator('#f-name').press('Enter');
  await expect(page.locator('#new-key')).toBeVisible();
  hangul += await assertOnlyOwnFonts(page, '/account');
  // Signed out, ask for a reset mail to the admin (Korean text in <pre> on the outbox page), then sign in as admin.
  await page.context().clearCookies();
  await page.goto('/password-reset');
  await page.locator('#f-email').fill(ADMIN.email);
  await page.locator('main form button[type=submit]').click();
  await expect(page.getByRole('status')).toContainText('재설정 링크를 보냈습니다');
  await signInAsAdmin(page);
  hangul += await assertOnlyOwnFonts(page, '/admin/audit');
  hangul += await assertOnlyOwnFonts(page, '/admin/outbox');
  await expect(page.locator('main pre').filter({ hasText: '아래 링크에서 새 비밀번호를' }).first()).toBeVisible();
  expect(hangul).toBeGreaterThan(50);
});

async function noHorizontalScroll(page: Page, path: string) {
  await page.goto(path);
  await page.evaluate(() => document.fonts.ready);
  const size = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    bodyScrollWidth: document.body.scrollWidth,
  }));
  expect(size.scrollWidth, `${path} scrolls sideways at ${size.clientWidth}px`).toBeLessThanOrEqual(size.clientWidth);
  expect(size.bodyScrollWidth, `${path} body is wider than the viewport`).toBeLessThanOrEqual(size.clientWidth);
  // Everything in the header stays on screen (it wraps instead).
  for (const box of await page.locator('header a, header button').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right))) {
    expect(box, `${path}: a header control is cut off`).toBeLessThanOrEqual(size.clientWidth);
  }
}

const REFLOW_PAGES = [
  '/',
  '/sign-up',
  '/sign-in',
  '/organisations',
  '/organisations/muui',
  `/search?q=${encodeURIComponent('교통')}`,
  '/no-such-page',
  '/plan',
  '/plan/commitments/digital-literacy-civic-hacking',
  '/plan/calls',
  '/accountability',
];

test.describe('reflow at 320 CSS px (WCAG 1.4.10)', () => {
  test.use({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
  test('public pages and a signed-in account page fit without sideways scrolling', async ({ page }) => {
    for (const path of REFLOW_PAGES) await noHorizontalScroll(page, path);
    await signUp(page, { email: `e2e-a-rather-long-address-${Date.now()}@subdomain.example.kr` });
    await page.locator('#f-name').fill('휴대폰에서 만든 아주 긴 이름의 오픈 API 키');
    await page.locator('#f-name').press('Enter');
    await expect(page.locator('#new-key')).toBeVisible();
    await noHorizontalScroll(page, '/account');
  });
});

test.describe('1280px desktop at 200% zoom (640 CSS px, 2x pixels)', () => {
  test.use({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  test('the home page and forms fit without sideways scrolling', async ({ page }) => {
    for (const path of REFLOW_PAGES) await noHorizontalScroll(page, path);
  });
});

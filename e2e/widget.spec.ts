import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test as base } from '@playwright/test';
import { ORIGIN, expect } from './support.js';
import { STATION } from './transit-support.js';

/**
 * A partner's website on another origin embeds the transfer widget: the script from the app's origin, the
 * element in the partner's page, an iframe of the embed page inside it. Requests may go to the partner and
 * to the app, nowhere else.
 */
const partnerPage = (lang: 'ko' | 'en') => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>Partner</title>
<script src="${ORIGIN}/assets/transfer-widget.js" defer></script></head>
<body><h1>교대역 안내 (partner site)</h1>
<open-seoul-transfer station="${STATION.gyodae}" profile="wheelchair" lang="${lang}"><a href="${ORIGIN}/transit/stations/${STATION.gyodae}/transfers">교대역 환승 지도</a></open-seoul-transfer>
</body></html>`;

const test = base.extend<{ partner: string }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this destructuring
  partner: async ({}, use) => {
    const server: Server = createServer((request, response) => {
      const lang = request.url?.includes('lang=en') ? 'en' : 'ko';
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(partnerPage(lang));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    await new Promise((resolve) => server.close(resolve));
  },
});

for (const lang of ['ko', 'en'] as const) {
  test(`a partner page on another origin shows the transfer widget: map and steps in a titled frame (${lang})`, async ({ page, context, partner }) => {
    expect(partner).not.toBe(ORIGIN);
    const elsewhere: string[] = [];
    context.on('request', (r) => {
      if (!r.url().startsWith(`${partner}/`) && !r.url().startsWith(`${ORIGIN}/`) && !r.url().startsWith('data:')) elsewhere.push(r.url());
    });
    const embed = page.waitForResponse((r) => r.url().startsWith(`${ORIGIN}/transit/embed/transfer?`));
    await page.goto(`${partner}/?lang=${lang}`);

    // The embed page says it may be framed from anywhere.
    const response = await embed;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-security-policy']).toContain('frame-ancestors *');
    expect(response.headers()['x-frame-options']).toBeUndefined();

    const iframe = page.locator('open-seoul-transfer iframe');
    await expect(iframe).toHaveAttribute('title', lang === 'ko' ? '환승 지도와 단계별 안내 (열린 서울)' : 'Transfer map and steps (Open Seoul)');
    await expect(iframe).toHaveAttribute('src', new RegExp(`^${ORIGIN}/transit/embed/transfer\\?station=${STATION.gyodae}&lang=${lang}&profile=wheelchair`));
    const frame = page.frameLocator('open-seoul-transfer iframe');
    await expect(frame.locator('html')).toHaveAttribute('lang', lang);
    await expect(frame.getByRole('heading', { level: 1 })).toContainText(lang === 'ko' ? '환승 안내' : 'transfer guide');
    await expect(frame.locator('svg[role="img"]')).toBeVisible();
    await expect(frame.locator('svg[role="img"] title')).toContainText(lang === 'ko' ? '수동 휠체어' : 'Manual wheelchair');
    const steps = frame.locator('ol.map-steps > li');
    await expect(steps.first()).toBeVisible();
    await expect(steps.first()).toHaveAttribute('value', '1');
    await expect(frame.getByRole('link', { name: lang === 'ko' ? /전체 화면으로 보기/ : /Open the full page/ })).toHaveAttribute(
      'href',
      /\/transit\/stations\/seoul-330\/transfers\?/,
    );
    // The frame grows to its content (the embed page reports its height), so there is no inner scrollbar.
    await expect.poll(async () => iframe.evaluate((el) => (el as HTMLIFrameElement).style.height)).not.toBe('640px');
    // No site header in the frame: only the transfer.
    await expect(frame.locator('header.site-header')).toHaveCount(0);
    expect(elsewhere).toEqual([]);
  });
}

import type { Page } from '@playwright/test';
import { checkCurrent } from './axe-support.js';
import { expect, isForeign, setLanguage, test } from './support.js';
import { STATION } from './transit-support.js';

/** The network map (/transit/map) on a 390 px phone: by keyboard, by pointer, the list, and axe in both languages. */
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

const KINDS = ['working', 'out', 'listed', 'none'] as const;

/** Station ids by kind, in the picture and in the list (each station once per kind). */
async function kinds(page: Page) {
  return page.evaluate(
    (all) => {
      const drawn: Record<string, string[]> = {};
      const listed: Record<string, string[]> = {};
      for (const k of all) {
        drawn[k] = [...document.querySelectorAll(`#nm-svg use[href="#nm-${k}"][data-s]`)].map((u) => (u as SVGElement).dataset.s!).sort();
        listed[k] = [
          ...new Set([...document.querySelectorAll(`#nm-list ul[data-k="${k}"] a`)].map((a) => a.getAttribute('href')!.replace('/transit/stations/', ''))),
        ].sort();
      }
      const legend = Object.fromEntries(all.map((k) => [k, Number(document.querySelector(`.nm-legend li[data-k="${k}"] [data-count]`)?.textContent)]));
      return { drawn, listed, legend };
    },
    [...KINDS],
  );
}

const viewBox = (page: Page) => page.locator('#nm-svg').getAttribute('viewBox');

test('from /transit to the map and back; the list has the same stations and counts as the map', async ({ page, context }) => {
  const foreign: string[] = [];
  context.on('request', (r) => {
    if (isForeign(r.url())) foreign.push(r.url());
  });
  await page.goto('/transit');
  await page.getByRole('link', { name: /노선도로 보기/ }).click();
  await expect(page).toHaveURL(/\/transit\/map$/);
  await expect(page.locator('h1')).toHaveText('교통약자 노선도');
  const { drawn, listed, legend } = await kinds(page);
  let total = 0;
  for (const k of KINDS) {
    expect(listed[k], k).toEqual(drawn[k]);
    expect(legend[k], k).toBe(drawn[k]!.length);
    total += drawn[k]!.length;
  }
  expect(total).toBeGreaterThan(600);
  // Words, not colour alone: every legend row says what it means.
  await expect(page.locator('.nm-legend')).toContainText('승강기 운행 중단 있음');
  await expect(page.locator('.nm-legend')).toContainText('승강기 자료 없음');
  // The page's own size (the document as served), within 150 KB.
  const size = await page.evaluate(async () => (await (await fetch(location.href)).text()).length);
  expect(size).toBeLessThan(150 * 1024);
  await page.getByRole('link', { name: '교통약자 환승 지도로 돌아가기' }).click();
  await expect(page).toHaveURL(/\/transit$/);
  // A station page links to the map.
  await page.goto(`/transit/stations/${STATION.expressBusTerminal}`);
  await expect(page.locator('img[data-station-map]')).toHaveAttribute('alt', /고속터미널/);
  expect(await page.locator('img[data-station-map]').evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBeGreaterThan(0);
  await page.getByRole('link', { name: '노선도에서 이 역 보기' }).click();
  await expect(page).toHaveURL(/\/transit\/map#nm-svg$/);
  expect(foreign).toEqual([]);
});

test('by keyboard: focus the map, zoom, move, select the station in the centre; filter the list with the form', async ({ page }) => {
  await page.goto('/transit/map');
  const frame = page.getByRole('region', { name: /노선도/ });
  await frame.focus();
  await expect(frame).toBeFocused();
  const before = await viewBox(page);
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  expect(await viewBox(page)).not.toBe(before);
  const zoomed = await viewBox(page);
  await page.keyboard.press('ArrowRight');
  expect(await viewBox(page)).not.toBe(zoomed);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  const card = page.locator('#nm-card');
  await expect(card).toBeVisible();
  const selected = (await card.getAttribute('data-selected'))!;
  expect(selected).toMatch(/^seoul-/);
  // The card carries the list's facts and links to the station page and the journey planner.
  await expect(card.locator('[data-facts]')).not.toBeEmpty();
  await expect(card.getByRole('link', { name: '이 역에서 출발하는 경로' })).toHaveAttribute('href', `/transit/journey?from=${selected}`);
  await card.getByRole('link', { name: '역 정보와 시설' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/transit/stations/${selected}$`));

  // The list, filtered without script: only stations with a lift out now.
  await page.goto('/transit/map');
  await page.locator('#nm-state').focus();
  await page.locator('#nm-state').selectOption('out');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/state=out/);
  const groups = page.locator('#nm-list ul[data-k]');
  const kindsShown = new Set(await groups.evaluateAll((all) => all.map((u) => (u as HTMLElement).dataset.k)));
  expect([...kindsShown].every((k) => k === 'out')).toBe(true);
  await expect(page.locator('#nm-shown')).toContainText('목록:');
});

test('by pointer on a phone: the + button zooms, a drag pans, a tap on a station opens its card', async ({ page }) => {
  await page.goto('/transit/map');
  const svg = page.locator('#nm-svg');
  const before = await viewBox(page);
  const frame = page.locator('.nm-frame');
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: '확대' }).click();
  const zoomed = await viewBox(page);
  expect(zoomed).not.toBe(before);
  // Drag: the view moves with the finger (mouse events stand for it; pointer events are the same code).
  await frame.scrollIntoViewIfNeeded();
  await page.evaluate(() => document.querySelector('.nm-frame')!.scrollIntoView({ block: 'center' }));
  const box = (await svg.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 60, box.y + box.height / 2 - 40, { steps: 5 });
  await page.mouse.up();
  expect(await viewBox(page)).not.toBe(zoomed);
  // Tap the station of 강남 (2호선) where it is drawn now.
  await page.getByRole('button', { name: '전체 보기' }).click();
  const id = await page.evaluate(() => {
    const list = [...document.querySelectorAll('#nm-list a')].find((a) => a.textContent === '강남');
    return list!.getAttribute('href')!.replace('/transit/stations/', '');
  });
  for (let i = 0; i < 4; i++) {
    const target = (await page.locator(`#nm-svg use[data-s="${id}"]`).boundingBox())!;
    // Zoom in around the station with the wheel (a pinch does the same on a phone).
    await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2);
    await page.mouse.wheel(0, -200);
  }
  const target = (await page.locator(`#nm-svg use[data-s="${id}"]`).boundingBox())!;
  await page.touchscreen.tap(target.x + target.width / 2, target.y + target.height / 2);
  const card = page.locator('#nm-card');
  await expect(card).toBeVisible();
  await expect(card).toHaveAttribute('data-selected', id);
  await expect(card).toContainText('강남');
  await expect(card).toContainText('2호선');
});

for (const lang of ['ko', 'en'] as const) {
  test(`axe: the network map, a filtered list and a station map page (${lang})`, async ({ page, context }) => {
    test.setTimeout(120_000); // axe over the whole network (650 stations, 800 list entries) takes a while
    await setLanguage(context, lang);
    await page.goto('/transit/map');
    await page.locator('.nm-frame').focus();
    await page.keyboard.press('+');
    await page.keyboard.press('Enter');
    await expect(page.locator('#nm-card')).toBeVisible();
    await checkCurrent(page, lang, '/transit/map with a selected station');
    await page.goto('/transit/map?line=2&state=working');
    await checkCurrent(page, lang, '/transit/map filtered');
    await page.goto(`/transit/stations/${STATION.expressBusTerminal}`);
    await checkCurrent(page, lang, 'station page with its map');
    // The station map's tagged PDF, linked beside it in the page's language.
    const pdf = page.locator('a[data-station-map-pdf]');
    await expect(pdf).toHaveAttribute('href', `/api/v1/transit/stations/${STATION.expressBusTerminal}/map.pdf?lang=${lang}`);
    const res = await page.request.get((await pdf.getAttribute('href'))!);
    expect(res.headers()['content-type']).toBe('application/pdf');
  });
}

import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIRequestContext, Browser } from '@playwright/test';
import { checkCurrent } from './axe-support.js';
import { expect, isForeign, signInAsAdmin, signUp, test, unique } from './support.js';
import { seoulMetroOperatorKey } from './transit-support.js';

/**
 * Issue 8's path, end to end (runs last: it changes and reverts 충무로's interior). A volunteer surveys the 3→4
 * transfer passage on a phone, with the signal dropping on the way; Muui (the accessibility steward) reviews the
 * diff and approves; the wheelchair route, impossible before, exists at once; Seoul Metro's app receives a
 * signed webhook; the steward reverts; the route is impossible again, and the app hears of that too.
 */
const STATION = 'seoul-423'; // 충무로
const FROM = 'seoul-423:platform:3';
const TO = 'seoul-423:platform:4:seoul-422';

interface Delivery {
  body: string;
  signature: string;
}
const verify = (secret: string, d: Delivery) => {
  const parts = Object.fromEntries(d.signature.split(',').map((p) => p.split('=') as [string, string]));
  const expected = createHmac('sha256', secret).update(`${parts.t}.${d.body}`).digest();
  return !!parts.v1 && timingSafeEqual(expected, Buffer.from(parts.v1, 'hex'));
};

async function wheelchairFeasible(request: APIRequestContext) {
  const res = await request.get(`/api/v1/transit/stations/${STATION}/routes?from=${encodeURIComponent(FROM)}&to=${encodeURIComponent(TO)}&profile=wheelchair`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { feasible: boolean }).feasible;
}

/** A person the admin adds to an organisation (as in real life: they sign up, the admin adds them). */
async function member(browser: Browser, org: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const foreign: string[] = [];
  context.on('request', (r) => {
    if (isForeign(r.url())) foreign.push(r.url());
  });
  const { email } = await signUp(page, { name: `무의 검증 ${unique().slice(-4)}` });
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signInAsAdmin(adminPage);
  await adminPage.goto(`/organisations/${org}`);
  await adminPage.locator('#f-email').fill(email);
  await adminPage.getByRole('button', { name: '구성원 추가' }).click();
  await expect(adminPage).toHaveURL(new RegExp(`/organisations/${org}\\?added=1$`));
  await admin.close();
  return { context, page, foreign };
}

test.describe.configure({ mode: 'serial' });

test('survey on a phone (offline then online) → steward approves the diff → route changes → signed webhook → revert → route changes back', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const deliveries: Delivery[] = [];
  const receiver: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      deliveries.push({ body, signature: String(req.headers['x-open-seoul-signature'] ?? '') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  try {
    // Seoul Metro's app subscribes to the change feed.
    const key = await seoulMetroOperatorKey(browser);
    const hook = await request.post('/api/v1/transit/webhooks', {
      headers: { authorization: `Bearer ${key}` },
      data: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/open-seoul` },
    });
    expect(hook.status(), await hook.text()).toBe(201);
    const { secret } = (await hook.json()) as { secret: string };
    expect(await wheelchairFeasible(request)).toBe(false);

    // A volunteer on a phone, in a station with no signal.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const volunteer = await phone.newPage();
    await signUp(volunteer, { name: `자원활동가 ${unique().slice(-4)}` });
    await volunteer.goto(`/transit/stations/${STATION}/survey`);
    await expect(volunteer.locator('h1')).toContainText('현장 조사');
    await volunteer.locator('#f-start').selectOption(`${FROM}:node`);
    await volunteer.locator('#s1-kind').selectOption('ramp');
    await volunteer.locator('#s1-to').selectOption(`${TO}:node`);
    await volunteer.locator('#s1-length').fill('17');
    await volunteer.locator('#s1-width').fill('1.5');
    await volunteer.locator('#s1-slope').fill('5');
    await volunteer.locator('#f-note').fill('3호선→4호선 환승 통로는 경사로입니다. 줄자와 경사계로 쟀습니다.');
    await phone.setOffline(true);
    await volunteer.getByRole('button', { name: '조사 결과 보내기' }).click();
    await expect(volunteer.locator('#survey-status')).toContainText('이 기기에 저장했습니다');
    await phone.setOffline(false); // back above ground: the outbox sends itself
    await expect(volunteer).toHaveURL(/\/transit\/proposals\/[0-9a-f-]{36}\?notice=submitted$/, { timeout: 15_000 });
    await expect(volunteer.locator('.diff-table')).toContainText('5.0%');
    const proposalUrl = new URL(volunteer.url()).pathname;
    const scroll = await volunteer.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(scroll, 'the proposal page fits a phone').toBeLessThanOrEqual(0);
    await phone.close();

    // Muui's verifier reviews the diff and approves it.
    const steward = await member(browser, 'muui');
    await steward.page.goto(proposalUrl);
    const diff = steward.page.locator('.diff-table');
    await expect(diff).toContainText('경사');
    await expect(diff).toContainText('1.5');
    await expect(steward.page.getByText('접근성(폭, 경사, 턱, 계단): 무의')).toBeVisible();
    await checkCurrent(steward.page, 'ko', 'proposal under review');
    await steward.page.getByLabel('승인').check();
    await steward.page.getByRole('button', { name: '검토 보내기' }).click();
    await expect(steward.page.locator('[role=status]')).toContainText('검토를 기록했습니다');
    await expect(steward.page.locator('main')).toContainText('판으로 반영되었습니다');

    // The wheelchair route exists at once, and the transfers page says so.
    expect(await wheelchairFeasible(request)).toBe(true);
    // Seoul Metro's app receives the new version, signed.
    await expect.poll(() => deliveries.filter((d) => d.body.includes('"station_version"')).length, { timeout: 15_000 }).toBe(1);
    const first = deliveries.find((d) => d.body.includes('"station_version"'))!;
    expect(verify(secret, first)).toBe(true);
    expect(verify('f'.repeat(64), first)).toBe(false);
    expect(JSON.parse(first.body)).toMatchObject({ kind: 'station_version', stationId: STATION });

    // The steward reverts it (say the measurement was wrong): the route is impossible again.
    await steward.page.goto(`/transit/stations/${STATION}/versions`);
    await checkCurrent(steward.page, 'ko', 'station history');
    await steward.page.getByLabel('되돌리는 사유').fill('경사 측정값 재확인 필요');
    await steward.page.getByRole('button', { name: '이 판 되돌리기' }).click();
    await expect(steward.page.locator('[role=status]')).toContainText('되돌렸습니다');
    expect(await wheelchairFeasible(request)).toBe(false);
    await expect.poll(() => deliveries.filter((d) => d.body.includes('"station_version"')).length, { timeout: 15_000 }).toBe(2);
    const second = deliveries.filter((d) => d.body.includes('"station_version"'))[1]!;
    expect(verify(secret, second)).toBe(true);
    expect(JSON.parse(second.body)).toMatchObject({ data: { kind: 'revert' } });
    expect(steward.foreign).toEqual([]);
    await steward.context.close();
  } finally {
    await new Promise((r) => receiver.close(r));
  }
});

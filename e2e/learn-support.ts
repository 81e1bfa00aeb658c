import type { Page } from '@playwright/test';
import { expect, unique } from './support.js';

/** The division of commitment ②, which the accounts seed registers: the admin organises on its behalf. */
export const DIVISION = 'smg-data-statistics-division';

/** Seoul wall-clock "YYYY-MM-DDTHH:mm" some days from now, as a datetime-local field takes it. */
export function seoulLocal(days: number, hour: number) {
  const d = new Date(Date.now() + 9 * 3600_000 + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
}

/** The admin announces a one-session seminar at the Big Data Campus through the form; returns its path. */
export async function createSeminar(admin: Page, opts: { capacity: number; title?: string }) {
  const title = opts.title ?? `빅데이터캠퍼스 시민 세미나 ${unique().slice(-5)}`;
  await admin.goto('/learn/programmes/new');
  await admin.locator('#f-organisation').selectOption(DIVISION);
  await admin.locator('#f-kind').selectOption('seminar');
  await admin.locator('#f-titleKo').fill(title);
  await admin.locator('#f-titleEn').fill(`${title} (en)`);
  await admin.locator('#f-summaryKo').fill('서울 대기질 데이터를 함께 읽는 공개 세미나입니다.');
  await admin.locator('#f-audience').selectOption('everyone');
  await admin.locator('#f-placeKo').fill('서울시 빅데이터캠퍼스 교육장');
  await admin.locator('#f-capacity').fill(String(opts.capacity));
  await admin.locator('#f-sessions-0-startsAt').fill(seoulLocal(7, 19));
  await admin.locator('#f-sessions-0-endsAt').fill(seoulLocal(7, 21));
  await admin.getByRole('button', { name: /^(만들기|Create)$/ }).click();
  await expect(admin).toHaveURL(/\/learn\/programmes\/[0-9a-f-]{36}$/);
  await expect(admin.getByRole('heading', { level: 1 })).toContainText(title);
  return { path: new URL(admin.url()).pathname, title };
}

/** The CSRF token of the signed-in page, for calls to the JSON API from the browser's session. */
export async function csrfOf(page: Page) {
  await page.goto('/account');
  return page.locator('input[name=_csrf]').first().inputValue();
}

/**
 * The admin announces, through the API, a one-session seminar that is under way now and ends `endsInMs` from
 * now (the browser tier runs on the real clock: attendance needs a started session, a certificate an ended one).
 */
export async function createRunningSeminar(admin: Page, opts: { capacity: number; endsInMs: number }) {
  const title = `진행 중 세미나 ${unique().slice(-5)}`;
  const res = await admin.request.post('/api/v1/learn/programmes', {
    headers: { 'x-csrf-token': await csrfOf(admin) },
    data: {
      kind: 'seminar',
      titleKo: title,
      titleEn: `${title} (en)`,
      summaryKo: '서울 대기질 데이터를 함께 읽는 공개 세미나입니다.',
      audience: 'everyone',
      level: 'beginner',
      placeKo: '서울시 빅데이터캠퍼스 교육장',
      capacity: opts.capacity,
      organisation: DIVISION,
      sessions: [{ startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: new Date(Date.now() + opts.endsInMs).toISOString() }],
    },
  });
  expect(res.status()).toBe(201);
  const body = await res.json();
  return { path: new URL(body.url, 'http://x').pathname, title, endsAt: body.sessions[0].endsAt as string };
}

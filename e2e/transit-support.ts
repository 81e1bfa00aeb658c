import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { expect, isForeign, signInAsAdmin, signUp, unique } from './support.js';

/** Station ids of the Seoul import (stable: the station code of the source files). */
export const STATION = { gangnam: 'seoul-4307', gyodae: 'seoul-330', expressBusTerminal: 'seoul-4123' };

/**
 * An operator as in real life: a person signs up, the platform admin adds them to Seoul Metro (a transit
 * operator), and they create an API key on their account page. Returns the key; every browser used is
 * checked for requests leaving the app.
 */
export async function seoulMetroOperatorKey(browser: Browser): Promise<string> {
  const foreign: string[] = [];
  const open = async () => {
    const context = await browser.newContext();
    context.on('request', (r) => {
      if (isForeign(r.url())) foreign.push(r.url());
    });
    return { context, page: await context.newPage() };
  };
  const operator = await open();
  const admin = await open();
  try {
    const { email } = await signUp(operator.page, { name: `엘리베이터 담당 ${unique().slice(-4)}` });
    await signInAsAdmin(admin.page);
    await admin.page.goto('/organisations/seoul-metro');
    await admin.page.locator('#f-email').fill(email);
    await admin.page.getByRole('button', { name: '구성원 추가' }).click();
    await expect(admin.page).toHaveURL(/\/organisations\/seoul-metro\?added=1$/);

    await operator.page.goto('/account');
    await operator.page.locator('#f-name').fill('elevator status feed');
    await operator.page.locator('#f-name').press('Enter');
    const key = (await operator.page.locator('#new-key').textContent())?.trim() ?? '';
    expect(key).toMatch(/^os_/);
    expect(foreign).toEqual([]);
    return key;
  } finally {
    await operator.context.close();
    await admin.context.close();
  }
}

/** The operator API: PUT /api/v1/transit/facilities/:id/status with the key as a Bearer token. */
export async function setFacilityStatus(request: APIRequestContext, key: string, facilityId: string, status: 'available' | 'not_available') {
  const response = await request.put(`/api/v1/transit/facilities/${encodeURIComponent(facilityId)}/status`, {
    headers: { authorization: `Bearer ${key}` },
    data: status === 'available' ? { status } : { status, reason: '정기 점검 (e2e)' },
  });
  expect(response.status(), await response.text()).toBe(200);
  return response.json() as Promise<{ status: string; previous: string }>;
}

/** Answers a "which station?" question on the journey form, if it was asked, by the choice whose name starts with `name`. */
export async function chooseIfAsked(page: Page, field: 'from' | 'to', name: string) {
  const choices = page.locator(`#f-${field}-choices`);
  if (await choices.count())
    await choices
      .getByRole('radio', { name: new RegExp(`^${name}`) })
      .first()
      .check();
}

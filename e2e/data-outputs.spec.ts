import type { Page } from '@playwright/test';
import { checkCurrent } from './axe-support.js';
import { test } from './plan-support.js';
import { expect, setLanguage, signUp, unique } from './support.js';

/**
 * The output check (Big Data Campus model): an approved analyst of the seeded synthetic restricted dataset asks
 * for a result to leave; a refused query is explained by rule, in words; the admin (the dataset has no
 * publisher, so admins review it) sees the result beside the rules' results, must give a reason, approves; the
 * analyst sees the state and the reason. Axe checks both pages, with and without errors, in Korean and English.
 */
const DATASET = 'synthetic-telecom-population';
const VIEW = DATASET.replace(/-/g, '_');

async function csrfHeaders(page: Page) {
  await page.goto('/account');
  return { 'x-csrf-token': await page.locator('input[name=_csrf]').first().inputValue() };
}

test('an analyst asks for a result to leave, a refusal is explained by rule, the reviewer approves with a reason', async ({ newParty, admin }) => {
  test.setTimeout(120_000);
  const analyst = await newParty();
  const { email } = await signUp(analyst, { name: `분석가 ${unique().slice(-4)}` });
  const approved = await admin.request.post(`/api/v1/data/datasets/${DATASET}/analysts`, {
    headers: await csrfHeaders(admin),
    data: { email, projectNote: '출력 검사 브라우저 시험' },
  });
  expect(approved.status(), await approved.text()).toBe(201);

  // The form with errors: nothing filled, then a row-level query (refused by rule, in words).
  await analyst.goto('/data/outputs');
  await expect(analyst.getByRole('heading', { level: 1 })).toHaveText('내 반출 신청');
  await analyst.locator('form[action="/data/outputs"] button[type=submit]').click();
  await expect(analyst.locator('#f-title-error')).toBeVisible();
  await checkCurrent(analyst, 'ko', '/data/outputs (errors)');
  const title = `자치구별 생활인구 ${unique()}`;
  await analyst.locator('#f-title').fill(title);
  await analyst.locator('#f-purpose').fill('자치구 비교 보고서에 싣기 위해');
  await analyst.locator('#f-sql').fill(`SELECT district, hour FROM ${VIEW}`);
  await analyst.locator('form[action="/data/outputs"] button[type=submit]').click();
  await expect(analyst.locator('#f-sql-error')).toContainText('행 단위 출력');
  await analyst.locator('#f-sql').fill(`SELECT district, count(*) AS people FROM ${VIEW} GROUP BY district ORDER BY district`);
  await analyst.locator('form[action="/data/outputs"] button[type=submit]').click();
  await expect(analyst).toHaveURL(/\/data\/outputs\?requested=1$/);
  const mine = analyst.locator('[data-output]').filter({ hasText: title });
  await expect(mine.locator('[data-state="pending"]')).toHaveText('검토 대기');
  await expect(mine.locator('[data-rule="differencing"]')).toContainText('통과');
  await expect(mine.locator('tbody tr')).toHaveCount(25);
  await checkCurrent(analyst, 'ko', '/data/outputs');

  // The reviewer: the result beside the rules, a reason required, then approval.
  await admin.goto('/data/outputs/review');
  const item = admin.locator('[data-output]').filter({ hasText: title });
  await expect(item.locator('[data-rule="threshold"]')).toContainText('통과');
  await expect(item.locator('table caption')).toContainText('25행');
  await checkCurrent(admin, 'ko', '/data/outputs/review');
  await item.getByLabel('승인: 반출 가능').check();
  await item.getByRole('button', { name: '결정 기록' }).click();
  const failed = admin.locator('[data-output]').filter({ hasText: title });
  await expect(failed.locator('.field-error')).toBeVisible();
  await checkCurrent(admin, 'ko', '/data/outputs/review (errors)');
  await failed.getByLabel('승인: 반출 가능').check();
  await failed.getByLabel('사유 (신청자에게 보입니다)').fill('자치구 합계만, 가장 작은 셀도 충분히 큼: 반출 승인');
  await failed.getByRole('button', { name: '결정 기록' }).click();
  await expect(admin).toHaveURL(/\/data\/outputs\/review\?decided=1$/);
  await expect(admin.locator('[data-output]').filter({ hasText: title })).toHaveCount(0);

  // English, both pages; the analyst sees the decision and its reason.
  await setLanguage(admin.context(), 'en');
  await admin.goto('/data/outputs/review');
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Output review');
  await checkCurrent(admin, 'en', '/data/outputs/review');
  await setLanguage(analyst.context(), 'en');
  await analyst.goto('/data/outputs');
  const decided = analyst.locator('[data-output]').filter({ hasText: title });
  await expect(decided.locator('[data-state="approved"]')).toHaveText('Approved to leave');
  await expect(decided.locator('[data-reason]')).toContainText('반출 승인');
  await checkCurrent(analyst, 'en', '/data/outputs');
});

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { checkCurrent } from './axe-support.js';
import { test } from './plan-support.js';
import { expect, setLanguage, signUp, unique } from './support.js';

/**
 * Publisher control in the browser: the validation choice for a ragged file (hand-made, e2e/fixtures/README.md),
 * then edit, private, withdraw and delete from the manage page; axe in Korean and English.
 */
const RAGGED = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'hand-made-ragged.csv');
const ORG = { slug: 'open-net', ko: '오픈넷' };

async function addMember(admin: Page, email: string) {
  await admin.goto(`/organisations/${ORG.slug}`);
  await admin.locator('#f-email').fill(email);
  await admin.locator('input[name=role][value=member]').check();
  await admin.locator('form[action$="/members"] button[type=submit]').click();
  await expect(admin).toHaveURL(new RegExp(`/organisations/${ORG.slug}\\?added=1$`));
}

async function createAndUpload(page: Page, id: string) {
  await page.goto('/data/new');
  await page.locator('#f-id').fill(id);
  await page.locator('#f-titleKo').fill('정류소 시험 목록');
  await page.locator('#f-publisherId').selectOption({ label: ORG.ko });
  await page.locator('main form[action="/data/datasets"] button[type=submit]').click();
  await expect(page).toHaveURL(new RegExp(`/data/datasets/${id}/upload\\?created=1$`));
  await page.locator('#f-file').setInputFiles(RAGGED);
  await page.locator('main form[enctype="multipart/form-data"] button[type=submit]').click();
  await expect(page).toHaveURL(/\/data\/uploads\/[0-9a-f-]{36}$/);
}

test('a ragged file: problems by row, a choice before publishing; then edit, private, withdraw and delete from the manage page', async ({
  page,
  admin,
  browser,
}) => {
  test.setTimeout(120_000);
  const publisher = await signUp(page);
  await addMember(admin, publisher.email);
  const id = `stops-${unique()}`;
  await createAndUpload(page, id);

  // The preview tells the truth: no invented column, ragged rows listed by row and column.
  await expect(page.locator('[data-file-problems]')).toContainText('필드가 모자란 행 1개, 마지막 열 뒤에 값이 더 있는 행 1개');
  await expect(page.locator('#sample-rows thead th')).toHaveText(['행', 'name', 'district', 'count']);
  await expect(page.locator('#problems tbody tr').first().locator('td')).toHaveText([
    '2',
    'count',
    'extra',
    '필드가 많습니다: 이 열 뒤의 값은 어느 열에도 속하지 않습니다.',
  ]);
  await expect(page.getByText('모든 값이 열 형식에 맞습니다.')).toHaveCount(0);
  // Publishing without a choice is refused, with the problem next to the choice.
  await page.getByRole('button', { name: '공개', exact: true }).click();
  await expect(page.locator('#error-summary')).toBeFocused();
  await expect(page.locator('#badRows-error')).toHaveText('문제가 있는 행을 빼거나 그대로 둘지 고르세요. 또는 파일을 고쳐 다시 올리세요.');
  await checkCurrent(page, 'ko', '/data/uploads/:id (bad rows undecided)');
  await page.getByRole('radio', { name: /^빼기/ }).check();
  await page.getByRole('button', { name: '공개', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/data/datasets/${id}\\?published=1$`));
  await expect(page.locator('#preview-table tbody tr')).toHaveCount(3);

  // Manage: edit the English title.
  await page.getByRole('link', { name: '이 데이터셋 관리' }).click();
  await expect(page).toHaveURL(new RegExp(`/data/datasets/${id}/manage$`));
  await expect(page.locator('[data-state=listed]')).toBeVisible();
  await checkCurrent(page, 'ko', '/data/datasets/:id/manage');
  await page.getByRole('link', { name: '설명 고치기' }).click();
  await checkCurrent(page, 'ko', '/data/datasets/:id/edit');
  await page.getByLabel('제목(영어)').fill('Test list of stops');
  await page.getByRole('button', { name: '저장' }).click();
  await expect(page).toHaveURL(new RegExp(`/data/datasets/${id}/manage\\?done=saved$`));
  await expect(page.getByRole('status')).toHaveText('저장했습니다.');

  // Private: a stranger gets "not found"; the publisher sees it, marked.
  await page.getByRole('radio', { name: '비공개(기관 구성원만)' }).check();
  await page.getByRole('button', { name: '공개 범위 저장' }).click();
  await expect(page.locator('[data-state=private]')).toBeVisible();
  const stranger = await (await browser.newContext()).newPage();
  expect((await stranger.goto(`/data/datasets/${id}`))?.status()).toBe(404);
  // Restricted without a policy: refused by field.
  await page.getByRole('radio', { name: /^제한/ }).check();
  await page.getByRole('button', { name: '공개 범위 저장' }).click();
  await expect(page.locator('#error-summary')).toBeFocused();
  await expect(page.locator('#f-conditionsKo')).toHaveAttribute('aria-invalid', 'true');
  await checkCurrent(page, 'ko', '/data/datasets/:id/access (refused)');
  await page.getByRole('radio', { name: '공개', exact: true }).check();
  await page.getByRole('button', { name: '공개 범위 저장' }).click();
  expect((await stranger.goto(`/data/datasets/${id}`))?.status()).toBe(200);

  // Withdraw version 1 with a public reason: the fact and the reason stay on the dataset page.
  const reason = '개인정보가 포함되어 회수합니다';
  await page.getByLabel('버전 1 회수 이유(공개됨)').fill(reason);
  await page.getByRole('button', { name: '버전 1 회수' }).click();
  await expect(page).toHaveURL(new RegExp(`/data/datasets/${id}/manage\\?done=withdrawn&v=1$`));
  await stranger.goto(`/data/datasets/${id}`);
  await expect(stranger.locator('[data-withdrawn="1"]')).toContainText(reason);
  expect((await stranger.goto(`/api/v1/data/datasets/${id}/rows?version=1`))?.status()).toBe(410);

  // English: the manage page and the edit form.
  await setLanguage(page.context(), 'en');
  await page.goto(`/data/datasets/${id}/manage`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Manage dataset');
  await checkCurrent(page, 'en', '/data/datasets/:id/manage');
  await page.goto(`/data/datasets/${id}/edit`);
  await checkCurrent(page, 'en', '/data/datasets/:id/edit');

  // Delete: a reason is required; then the address says it is gone (410) with the reason.
  await page.goto(`/data/datasets/${id}/manage`);
  await page.getByRole('button', { name: 'Delete the dataset' }).click();
  await expect(page.locator('#error-summary')).toBeFocused();
  await checkCurrent(page, 'en', '/data/datasets/:id/delete (refused)');
  await page.getByLabel('Why it is deleted (public)').fill('A duplicate of the official dataset');
  await page.getByRole('button', { name: 'Delete the dataset' }).click();
  const gone = await stranger.goto(`/data/datasets/${id}`);
  expect(gone?.status()).toBe(410);
  await expect(stranger.locator('main')).toContainText('A duplicate of the official dataset');
  await checkCurrent(stranger, 'ko', '/data/datasets/:id (deleted)');
});

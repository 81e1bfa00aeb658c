import { ADMIN, ORIGIN, expect, signIn, signInAsAdmin, signOut, signUp, test, unique } from './support.js';

test('a citizen cannot open the admin pages', async ({ page }) => {
  await signUp(page);
  await expect(page.locator('header').getByRole('link', { name: '관리' })).toHaveCount(0);
  const response = await page.goto('/admin/users');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('alert')).toContainText('이 작업을 할 권한이 없습니다.');
});

test('admin: audit log, users, outbox, and a password reset through the outbox link', async ({ page, browser }) => {
  // A citizen signs up in their own browser.
  const citizenContext = await browser.newContext();
  const citizen = await citizenContext.newPage();
  const foreign: string[] = [];
  citizenContext.on('request', (r) => {
    if (!r.url().startsWith(`${ORIGIN}/`)) foreign.push(r.url());
  });
  const user = await signUp(citizen, { name: `감사 대상 ${unique().slice(-4)}` });

  // The admin signs in with the seeded account.
  await signInAsAdmin(page);
  await expect(page.locator('main')).toContainText(`${ADMIN.email}(으)로 로그인했습니다. 역할: 플랫폼 관리자`);
  await page.locator('header').getByRole('link', { name: '관리' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('플랫폼 관리');

  await page.getByRole('link', { name: '감사 기록' }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  const signUpRow = page.getByRole('row').filter({ hasText: 'user.sign_up' }).filter({ hasText: user.email });
  await expect(signUpRow).toHaveCount(1);
  await expect(signUpRow).toContainText(user.name);

  await page.goto('/admin');
  await page.getByRole('link', { name: '사용자와 역할' }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  const userRow = page.getByRole('row').filter({ hasText: user.email });
  await expect(userRow).toContainText(user.name);
  await expect(userRow.getByLabel(`${user.name}의 역할`, { exact: true })).toHaveValue('citizen');

  // The citizen forgot their password and asks for a link (signed out).
  await citizen.goto('/account');
  await signOut(citizen);
  await citizen.goto('/sign-in');
  await citizen.getByRole('link', { name: '비밀번호를 잊으셨나요?' }).click();
  await expect(citizen).toHaveURL(/\/password-reset$/);
  await citizen.getByLabel('이메일').fill(user.email);
  await citizen.getByRole('button', { name: '재설정 링크 받기' }).click();
  await expect(citizen.getByRole('status')).toContainText('재설정 링크를 보냈습니다');

  // Without SMTP, the mail lands in the outbox the admin can read.
  await page.goto('/admin');
  await page.getByRole('link', { name: '보낸 메일함(개발용)' }).click();
  await expect(page).toHaveURL(/\/admin\/outbox$/);
  const mail = page.locator('article').filter({ hasText: `받는 사람: ${user.email}` });
  await expect(mail).toHaveCount(1);
  await expect(mail.getByRole('heading', { level: 2 })).toHaveText('[열린 서울] 비밀번호 재설정 링크 / Password reset link');
  const text = (await mail.locator('pre').textContent()) ?? '';
  expect(text).toContain(`${user.name}님,`);
  const link = new RegExp(`${ORIGIN.replace(/[.:/]/g, (c) => `\\${c}`)}/password-reset/[A-Za-z0-9_-]{20,}`).exec(text)?.[0];
  expect(link, `a reset link in: ${text}`).toBeTruthy();

  // The citizen follows the link and chooses a new password.
  await citizen.goto(link!);
  await expect(citizen.getByRole('heading', { level: 1 })).toHaveText('새 비밀번호 정하기');
  await citizen.getByLabel('새 비밀번호').fill('short');
  await citizen.getByRole('button', { name: '비밀번호 바꾸기' }).click();
  await expect(citizen.locator('#error-summary')).toContainText('비밀번호는 10자 이상이어야 합니다.');
  const newPassword = `새 비밀번호 ${unique()}`;
  await citizen.getByLabel('새 비밀번호').fill(newPassword);
  await citizen.getByRole('button', { name: '비밀번호 바꾸기' }).click();
  await expect(citizen).toHaveURL(/\/sign-in\?reset=1$/);

  // The link works once; the old password no longer does; the new one does.
  const reused = await citizen.goto(link!);
  expect(reused?.status()).toBe(400);
  await expect(citizen.getByRole('alert')).toContainText('재설정 링크가 만료되었거나 이미 사용되었습니다.');
  await citizen.goto('/sign-in');
  await citizen.locator('#f-email').fill(user.email);
  await citizen.locator('#f-password').fill(user.password);
  await citizen.getByRole('button', { name: '로그인' }).click();
  await expect(citizen.getByRole('alert')).toHaveText('이메일 또는 비밀번호가 맞지 않습니다.');
  await signIn(citizen, user.email, newPassword);
  await expect(citizen.locator('main')).toContainText(user.email);

  // Both steps are in the audit log.
  await page.goto('/admin/audit');
  await expect(page.getByRole('row').filter({ hasText: 'user.request_password_reset' }).first()).toBeVisible();

  await citizenContext.close();
  expect(foreign).toEqual([]);
});

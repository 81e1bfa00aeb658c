import { ORIGIN, PASSWORD, expect, signIn, signOut, signUp, test, unique, uniqueEmail } from './support.js';

test('sign up, sign out, sign in, switch to English and keep it, sign out', async ({ page }) => {
  // Korean first: a visitor without a choice gets Korean.
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await page.locator('header').getByRole('link', { name: '회원가입' }).click();
  await expect(page).toHaveURL(/\/sign-up$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('회원가입');

  const email = uniqueEmail('main');
  const name = `김서울 ${unique().slice(-4)}`;
  await page.getByLabel('이메일').fill(email);
  await page.getByLabel('이름(표시 이름)').fill(name);
  await page.getByLabel('비밀번호').fill(PASSWORD);
  await page.getByRole('button', { name: '가입하기' }).click();

  await expect(page).toHaveURL(/\/account\?welcome=1$/);
  await expect(page.getByRole('status')).toContainText('가입을 환영합니다!');
  await expect(page.locator('main')).toContainText(`${email}(으)로 로그인했습니다. 역할: 시민`);

  await signOut(page);
  await expect(page.locator('header')).not.toContainText('내 계정');
  // Signed out for real: the account page sends us to sign in.
  await page.goto('/account');
  await expect(page).toHaveURL(/\/sign-in\?next=\/account$/);

  await signIn(page, email, PASSWORD);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('내 계정');
  await expect(page.locator('main')).toContainText(email);

  // The header's language switch: a plain link to /lang/en?next=<this page>.
  const english = page.getByRole('navigation', { name: '언어 선택' }).getByRole('link', { name: 'English' });
  await expect(english).toHaveAttribute('href', '/lang/en?next=%2Faccount');
  await expect(english).toHaveAttribute('lang', 'en');
  await english.click();
  await expect(page).toHaveURL(`${ORIGIN}/account`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My account');
  await expect(page.locator('main')).toContainText(`Signed in as ${email}. Role: Citizen`);
  await expect(page).toHaveTitle('My account | Open Seoul');
  const switchEn = page.getByRole('navigation', { name: 'Language' });
  await expect(switchEn.locator('[aria-current="true"]')).toHaveText('English');
  await expect(switchEn.getByRole('link', { name: '한국어' })).toHaveAttribute('href', '/lang/ko?next=%2Faccount');

  // Remembered on the next page (a cookie, not the URL).
  await page.locator('header').getByRole('link', { name: 'Open Seoul' }).click();
  await expect(page).toHaveURL(`${ORIGIN}/`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 2, name: 'What you can do here' })).toBeVisible();
  await page.goto('/organisations');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Organisations');
  await expect(page.locator('main')).not.toContainText('참여 기관');

  await signOut(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('header').getByRole('link', { name: 'Sign up' })).toBeVisible();
});

test('an invalid sign-up shows an error summary whose links take the keyboard to the fields', async ({ page }) => {
  await page.goto('/sign-up');
  await page.locator('#f-email').fill('not-an-email');
  await page.locator('#f-displayName').fill('시민');
  await page.locator('#f-password').fill('short');
  const response = page.waitForResponse((r) => r.url().endsWith('/sign-up') && r.request().method() === 'POST');
  await page.getByRole('button', { name: '가입하기' }).click();
  expect((await response).status()).toBe(422);

  const summary = page.locator('#error-summary');
  await expect(summary).toHaveAttribute('role', 'alert');
  await expect(summary.getByRole('heading', { level: 2 })).toHaveText('입력 내용을 확인해 주세요');
  const emailLink = summary.getByRole('link', { name: '이메일 주소 형식(name@example.kr)으로 입력해 주세요.' });
  const passwordLink = summary.getByRole('link', { name: '비밀번호는 10자 이상이어야 합니다.' });
  await expect(emailLink).toHaveAttribute('href', '#f-email');
  await expect(passwordLink).toHaveAttribute('href', '#f-password');
  await expect(summary.getByRole('link')).toHaveCount(2);

  // The fields say what is wrong too, tied to the input for screen readers, and keep what was typed.
  await expect(page.locator('#f-email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#f-email')).toHaveAccessibleDescription('이메일 주소 형식(name@example.kr)으로 입력해 주세요.');
  await expect(page.locator('#f-email')).toHaveValue('not-an-email');
  await expect(page.locator('#f-password')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#f-displayName')).not.toHaveAttribute('aria-invalid', 'true');

  // Keyboard only: the summary has the focus when the page loads; Tab goes to its first link.
  await expect(summary).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(emailLink).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#f-email')).toBeFocused();
  // Back to the summary (its last link comes right before the first field), then on to the password.
  await page.keyboard.press('Shift+Tab');
  await expect(passwordLink).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#f-password')).toBeFocused();

  // Correcting the fields signs up.
  await page.locator('#f-email').fill(uniqueEmail('fixed'));
  await page.locator('#f-password').fill(PASSWORD);
  await page.locator('#f-password').press('Enter');
  await expect(page).toHaveURL(/\/account\?welcome=1$/);
});

test('signing in with a wrong password says so and signs nobody in', async ({ page }) => {
  const user = await signUp(page);
  await signOut(page);
  await page.goto('/sign-in');
  await page.locator('#f-email').fill(user.email);
  await page.locator('#f-password').fill('wrong password 123');
  await page.getByRole('button', { name: '로그인' }).click();
  await expect(page.getByRole('alert')).toHaveText('이메일 또는 비밀번호가 맞지 않습니다.');
  await expect(page.locator('#f-email')).toHaveValue(user.email);
  await expect(page.locator('header').getByRole('link', { name: '로그인' })).toBeVisible();
});

test('API keys: a signed-in user creates a key, sees the secret once, uses it, revokes it', async ({ page, playwright }) => {
  const user = await signUp(page);
  await expect(page.getByText('만든 키가 없습니다.')).toBeVisible();

  await page.getByLabel('키 이름(어디에 쓰는지)').fill('지도 앱');
  await page.getByRole('button', { name: '키 만들기' }).click();
  const secretBox = page.locator('#new-key');
  await expect(secretBox).toBeVisible();
  await expect(page.getByRole('status')).toContainText('새 키입니다. 지금 복사해 두세요.');
  const secret = (await secretBox.textContent())!.trim();
  expect(secret.length).toBeGreaterThanOrEqual(24);

  const row = page.getByRole('row', { name: /지도 앱/ });
  await expect(row).toContainText('사용 중');
  const prefix = (await row.locator('code').textContent())!.replace('…', '');
  expect(prefix.length).toBeGreaterThan(0);
  expect(secret.startsWith(prefix)).toBe(true);

  // The key works as a bearer token for the Open API, from a client without the browser's cookies.
  const api = await playwright.request.newContext({ baseURL: ORIGIN });
  expect((await api.get('/api/v1/me')).status()).toBe(401);
  const me = await api.get('/api/v1/me', { headers: { authorization: `Bearer ${secret}` } });
  expect(me.status()).toBe(200);
  expect((await me.json()).email).toBe(user.email);

  // Shown once: a reload of the page no longer contains it.
  await page.goto('/account');
  await expect(page.locator('#new-key')).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);

  await page.getByRole('button', { name: '지도 앱 키 폐기' }).click();
  await expect(page).toHaveURL(/\/account#api-keys$/);
  await expect(page.getByRole('row', { name: /지도 앱/ })).toContainText('폐기됨');
  await expect(page.getByRole('button', { name: '지도 앱 키 폐기' })).toHaveCount(0);

  const after = await api.get('/api/v1/me', { headers: { authorization: `Bearer ${secret}` } });
  expect(after.status()).toBe(401);
  await api.dispose();
});

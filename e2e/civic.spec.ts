import { checkCurrent, checkPages } from './axe-support.js';
import { test } from './plan-support.js';
import { expect, setLanguage, signUp, unique } from './support.js';

/**
 * Everyday civic hacking: a citizen proposes a project on the seeded air-quality dataset, another asks to join
 * and is accepted, and posts progress; a reuse of the dataset is submitted, an admin publishes it, and it shows
 * on the dataset page. Axe checks every new page in Korean and English.
 */
const DATASET = 'seoul-air-quality-daily';

test('a project is proposed, joined, accepted and posted on; a reuse is published and shows on the dataset page', async ({ newParty, admin }) => {
  test.setTimeout(120_000);
  const lead = await newParty();
  const joiner = await newParty();
  const reader = await newParty();
  await signUp(lead, { name: `리더 ${unique().slice(-4)}` });
  const joinerUser = await signUp(joiner, { name: `참여자 ${unique().slice(-4)}` });

  // The seeded examples are there, marked as examples.
  await lead.goto('/projects');
  await expect(lead.locator('[data-example]').first()).toBeVisible();

  const title = `대기질 프로젝트 ${unique()}`;
  await lead.getByRole('link', { name: '프로젝트 제안하기' }).first().click();
  await expect(lead).toHaveURL(/\/projects\/new$/);
  await lead.locator('#f-title').fill(title);
  await lead.locator('#f-question').fill('우리 동네 초미세먼지 나쁨 일수는 다른 자치구와 얼마나 다를까?');
  await lead.locator('#f-description').fill('서울시 일별 대기질 자료로 자치구를 비교합니다. R과 지도 도구를 쓸 분을 찾습니다.');
  await lead.locator(`input[name=datasets][value=${DATASET}]`).check();
  await lead.getByRole('button', { name: '제안하기' }).click();
  await expect(lead).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  await expect(lead.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(lead.locator(`a[href="/data/datasets/${DATASET}"]`)).toBeVisible();
  const projectPath = new URL(lead.url()).pathname;

  await joiner.goto(projectPath);
  await joiner.locator('#f-role').selectOption('analyst');
  await joiner.locator('#f-message').fill('통계 분석을 맡을 수 있습니다.');
  await joiner.getByRole('button', { name: '참여 요청' }).click();
  await expect(joiner.getByText('참여 요청을 보냈습니다')).toBeVisible();

  await lead.reload();
  await lead.getByRole('button', { name: `${joinerUser.name} 님 받아들이기` }).click();
  await expect(lead.locator('#team-title + ul')).toContainText(joinerUser.name);

  await joiner.reload();
  await joiner.locator('#f-body').fill('## 자료 정리\n\n**2024년** 일별 자료를 자치구별로 나눴습니다. <script>alert(1)</script>');
  await joiner.getByRole('button', { name: '올리기', exact: true }).click();
  const post = joiner.locator('li[id^=post-]').first();
  await expect(post.getByRole('heading', { name: '자료 정리' })).toBeVisible();
  await expect(post.locator('strong')).toHaveText('2024년');
  await expect(post.locator('script')).toHaveCount(0);

  // A reuse of the dataset: submitted, moderated, shown on the dataset page.
  const reuse = `동네 공기 지도 ${unique()}`;
  await joiner.goto(`/data/datasets/${DATASET}`);
  await joiner.locator('#reuses').getByRole('link', { name: '활용 사례 알리기' }).click();
  await joiner.locator('#f-title').fill(reuse);
  await joiner.locator('#f-type').selectOption('visualisation');
  await joiner.locator('#f-url').fill('https://example.org/air-map');
  await joiner.locator('#f-description').fill('자치구별 초미세먼지를 지도로 보여 줍니다.');
  await expect(joiner.locator(`input[name=datasets][value=${DATASET}]`)).toBeChecked();
  await joiner.getByRole('button', { name: '등록', exact: true }).click();
  await expect(joiner).toHaveURL(/\/showcase\?sent=1$/);
  await reader.goto(`/data/datasets/${DATASET}`);
  await expect(reader.locator('#reuses')).not.toContainText(reuse);

  await admin.goto('/showcase/moderation');
  await admin
    .locator('li', { has: admin.getByRole('heading', { name: reuse }) })
    .getByRole('button', { name: '게시' })
    .click();
  await expect(admin).toHaveURL(/\/showcase\/moderation$/);
  await reader.goto(`/data/datasets/${DATASET}`);
  await expect(reader.locator('#reuses').getByRole('link', { name: reuse })).toHaveAttribute('href', 'https://example.org/air-map');
  await reader.goto('/showcase');
  await expect(reader.getByRole('link', { name: reuse })).toBeVisible();

  // Axe, in Korean and English, on every new page (the lead sees the team forms, the admin the moderation queue).
  for (const lang of ['ko', 'en'] as const) {
    await setLanguage(lead.context(), lang);
    await setLanguage(admin.context(), lang);
    await checkPages(lead, lang, [
      { path: '/projects' },
      { path: `/projects?status=proposed&dataset=${DATASET}` },
      { path: '/projects/new' },
      { path: projectPath },
      { path: `${projectPath}/edit` },
      { path: '/showcase' },
      { path: '/showcase/new' },
    ]);
    await checkPages(admin, lang, [{ path: '/showcase/moderation' }]);
    await lead.goto('/projects/new');
    await lead.locator('form[action="/projects"] button[type=submit]').click();
    await checkCurrent(lead, lang, '/projects/new with errors');
  }
});

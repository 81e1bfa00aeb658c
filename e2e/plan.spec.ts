import { DATA_DIVISION, answer, answerPanel, fillSuggestion, makeOfficial, openCall, scoreRow, seoulDate, test } from './plan-support.js';
import { ORIGIN, expect, signUp, unique } from './support.js';

/**
 * The action plan's main journey: the plan and its commitments; an admin opens a call, a citizen suggests, an
 * official answers, the citizen confirms and the scorecard counts it; an official reports progress on a milestone.
 * Disputes and bad input: plan-dispute.spec.ts; accessibility: plan-axe.spec.ts.
 */
const COMMITMENTS = ['subway-transfer-maps', 'digital-literacy-civic-hacking', 'youth-smart-city-startups'];

test('the plan lists the three commitments with their progress, milestones and timeline', async ({ page }) => {
  await page.goto('/plan');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('서울시 열린정부 실행계획 2018–2020');
  const cards = page.locator('main ol.cards > li');
  await expect(cards).toHaveCount(3);
  for (const [i, slug] of COMMITMENTS.entries()) {
    await expect(cards.nth(i)).toContainText(`공약 ${i + 1}`);
    await expect(cards.nth(i).getByRole('link')).toHaveAttribute('href', `/plan/commitments/${slug}`);
    await expect(cards.nth(i).getByRole('progressbar', { name: '진행률' })).toBeVisible();
  }
  await cards.nth(1).getByRole('link').click();
  await expect(page).toHaveURL(/\/plan\/commitments\/digital-literacy-civic-hacking$/);
  // The plan was submitted in English; the Korean shown is our translation, and says so.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('시민의 디지털 리터러시를 높이고 시빅 해킹을 일상으로 만드는 환경 조성');
  await expect(page.locator('main h1 span')).toHaveAttribute('lang', 'ko');
  await expect(page.locator('main h1 + p [data-translation="open-seoul"]')).toHaveText('열린 서울 번역 · 서울시 원문 아님');
  await expect(page.locator('#milestone-1, #milestone-2, #milestone-3')).toHaveCount(3);
  await expect(page.getByRole('heading', { level: 2, name: '진행 기록' })).toBeVisible();
  // Signed out: no forms, an invitation to sign in to comment.
  await expect(page.locator('main form')).toHaveCount(0);
  await expect(page.getByRole('link', { name: '의견을 남기려면 로그인하세요.' })).toHaveAttribute(
    'href',
    '/sign-in?next=/plan/commitments/digital-literacy-civic-hacking',
  );
});

test('main path: an admin opens a call, a citizen suggests, an official answers with reasons, the citizen confirms, the scorecard counts it', async ({
  page,
  newParty,
  admin,
}) => {
  const before = await scoreRow(page, DATA_DIVISION);
  const kindBefore = await scoreRow(page, 'plan.suggestion');

  // The admin opens a call, answered by the Data & Statistics Division, open today in Korea.
  const callTitle = `2025 열린정부 공약 제안 ${unique()}`;
  const callId = await openCall(admin, { title: callTitle, department: DATA_DIVISION, opensOn: seoulDate(-1), closesOn: seoulDate(14) });
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText(callTitle);
  await expect(admin.locator('main .badge').first()).toHaveText('접수 중');

  // A citizen signs up, finds the call and suggests a commitment.
  const citizen = await signUp(page);
  await page.goto('/plan');
  await page.getByRole('link', { name: '공약 제안 공모' }).click();
  await expect(page).toHaveURL(/\/plan\/calls$/);
  await page.getByRole('link', { name: callTitle }).click();
  await expect(page).toHaveURL(`${ORIGIN}/plan/calls/${callId}`);
  const title = `버스 정류장 실시간 혼잡도 공개 ${unique().slice(-5)}`;
  await fillSuggestion(page, title, '정류장별 혼잡도 데이터를 공공데이터로 공개해 주세요.\n출퇴근 시간 계획에 도움이 됩니다.');
  await expect(page).toHaveURL(/\/plan\/suggestions\/[0-9a-f-]{36}$/);
  const suggestionUrl = page.url();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.locator('main')).toContainText(`${citizen.name} 제안`);
  const panel = answerPanel(page);
  await expect(panel.locator('[data-state]')).toHaveAttribute('data-state', 'received');
  await expect(panel).toContainText('아직 답변이 없습니다.');
  await expect(panel).toContainText(/답변 기한: \d{4}-\d{2}-\d{2}\(근무일 \d+일 남음\)/);
  // The author cannot answer, confirm (nothing to confirm yet) or support their own suggestion.
  await expect(panel.locator('form')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '이 제안 지지하기' })).toHaveCount(0);

  // An official of the department finds it in their queue and answers with a reasoned response.
  const officialPage = await newParty();
  const official = await makeOfficial(officialPage, admin, DATA_DIVISION, { name: `데이터 담당 ${unique().slice(-4)}` });
  await officialPage.goto('/accountability/queue');
  await expect(officialPage.getByRole('heading', { level: 1 })).toHaveText('답변할 요청');
  await officialPage.getByRole('link', { name: title }).click();
  await expect(officialPage).toHaveURL(suggestionUrl);
  const reply = {
    decision: '2025년 하반기 실행계획 공약으로 검토합니다',
    reasons: '혼잡도 데이터는 이미 수집하고 있어 공개 비용이 적고, 시민 수요가 큽니다.',
    nextSteps: '3월 위원회 소모임에서 공약안으로 다루고, 결과를 이 페이지에 알립니다.',
  };
  await answer(officialPage, reply);
  await expect(officialPage).toHaveURL(suggestionUrl);
  await expect(answerPanel(officialPage).locator('[data-state]')).toHaveAttribute('data-state', 'answered');
  // Answered: it leaves the queue.
  await officialPage.goto('/accountability/queue');
  await expect(officialPage.getByRole('link', { name: title })).toHaveCount(0);

  // The citizen sees the answer on the suggestion page and confirms it.
  await page.goto(suggestionUrl);
  await expect(panel.locator('[data-state]')).toHaveText('답변됨');
  const published = panel.locator('article.answer');
  await expect(published.getByRole('heading', { level: 3 })).toHaveText(`결정: ${reply.decision}`);
  await expect(published).toContainText(reply.reasons);
  await expect(published).toContainText(reply.nextSteps);
  await expect(published).toContainText(official.name);
  await expect(panel).toContainText('기한 안에 답변');
  await panel.getByRole('button', { name: '답변을 확인했습니다' }).click();
  await expect(page).toHaveURL(suggestionUrl);
  await expect(panel.locator('[data-state]')).toHaveAttribute('data-state', 'confirmed');
  await expect(panel.locator('[data-state]')).toHaveText('제안자 확인');
  await expect(panel.getByRole('button', { name: '답변을 확인했습니다' })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: '이의 제기' })).toHaveCount(0);

  // The public scorecard: one more received, answered, and answered on time for the department.
  const after = await scoreRow(page, DATA_DIVISION);
  expect(after).toEqual({ ...before, received: before.received + 1, answered: before.answered + 1, onTime: before.onTime + 1 });
  const kindAfter = await scoreRow(page, 'plan.suggestion');
  expect(kindAfter.received).toBeGreaterThanOrEqual(kindBefore.received + 1);
  expect(kindAfter.answered).toBeGreaterThanOrEqual(kindBefore.answered + 1);
  const row = page.locator(`tr[data-key="${DATA_DIVISION}"]`);
  // The department's Korean name is our translation of its English one, and says so.
  await expect(row.getByRole('rowheader').getByRole('link')).toHaveText('서울특별시 데이터·통계과');
  await expect(row.getByRole('rowheader')).toHaveAttribute('lang', 'ko');
  await expect(row.locator('[data-translation="open-seoul"]')).toHaveText('열린 서울 번역 · 서울시 원문 아님');
});
test('progress: an official of the responsible department reports on a milestone; the timeline and the Atom feed show it', async ({ page, admin }) => {
  await makeOfficial(page, admin, DATA_DIVISION);
  await page.goto('/plan/commitments/digital-literacy-civic-hacking');
  await page.locator('main p.muted').filter({ hasText: '진행 보고하기' }).getByRole('link', { name: '과제 2' }).click();
  await expect(page).toHaveURL(/\/plan\/milestones\/[0-9a-f-]{36}$/);
  const milestoneUrl = page.url();
  await expect(page.getByRole('heading', { level: 2, name: '진행 보고하기' })).toBeVisible();

  const text = `데이터 리터러시 교육 1기 수료 ${unique()}: 시민 48명이 공공데이터 활용 과정을 마쳤습니다.`;
  const evidence = `https://data.seoul.go.kr/e2e/${unique()}`;
  await page.getByLabel('진행 내용').fill(text);
  await page.getByLabel('완료율(0–100)').fill('40');
  await page.getByLabel('상태').selectOption('in_progress');
  await page.getByLabel('근거 링크(한 줄에 하나)').fill(evidence);
  await page.getByRole('button', { name: '저장' }).click();
  await expect(page).toHaveURL(milestoneUrl);
  await expect(page.getByRole('progressbar', { name: '진행률' })).toHaveAttribute('value', '40');
  const entry = page.locator('main ol li').filter({ hasText: text });
  await expect(entry).toContainText(`${seoulDate()} · 진행 중 · 40%`);
  await expect(entry.getByRole('link', { name: evidence })).toHaveAttribute('href', evidence);

  // The commitment's timeline and the milestone's status.
  await page.goto('/plan/commitments/digital-literacy-civic-hacking');
  const item = page.locator('ol.timeline > li').filter({ hasText: text });
  await expect(item).toContainText(`${seoulDate()} · 과제 2 · 진행 중 · 40%`);
  await expect(item.getByRole('link', { name: evidence })).toHaveAttribute('href', evidence);
  await expect(page.locator('#milestone-2 [data-status]')).toHaveAttribute('data-status', 'in_progress');
  await expect(page.locator('#milestone-2').getByRole('progressbar')).toHaveAttribute('value', '40');

  // The Atom feed, for anyone.
  const feed = await page.request.get('/plan/progress.atom');
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toContain('application/atom+xml');
  const xml = await feed.text();
  const atomEntry = xml.split('<entry>').find((e) => e.includes(text));
  expect(atomEntry, 'the new update in the feed').toBeTruthy();
  expect(atomEntry).toContain('2-2 ');
  expect(atomEntry).toContain('in_progress 40%');
  expect(atomEntry).toContain(`<link href="${ORIGIN}${new URL(milestoneUrl).pathname}"/>`);
});

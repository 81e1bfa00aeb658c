import { OTHER_DIVISION, answer, answerPanel, fillSuggestion, openCall, scoreRow, seoulDate, test } from './plan-support.js';
import { expect, setLanguage, signUp, unique } from './support.js';

/** The action plan when things go wrong: a citizen disputes an answer and escalates it; bad suggestions are refused. */
test('dispute path: the citizen disputes the answer with a reason and escalates it to the head of department', async ({ page, admin, newParty }) => {
  const callId = await openCall(admin, { title: `이의 제기 공모 ${unique()}`, department: OTHER_DIVISION });
  await signUp(page);
  await page.goto(`/plan/calls/${callId}`);
  const title = `청년 창업 공간 야간 개방 ${unique().slice(-5)}`;
  await fillSuggestion(page, title, '스마트시티 창업 공간을 밤 10시까지 열어 주세요.');
  await expect(page).toHaveURL(/\/plan\/suggestions\//);
  const url = page.url();

  // Another citizen supports it (once: then the page says so instead of offering the button) and comments on it.
  const neighbour = await newParty();
  const other = await signUp(neighbour);
  await neighbour.goto(url);
  await expect(neighbour.locator('main')).toContainText('지지 0');
  await neighbour.getByRole('button', { name: '이 제안 지지하기' }).click();
  await expect(neighbour).toHaveURL(url);
  await expect(neighbour.locator('main')).toContainText('지지 1');
  await expect(neighbour.getByRole('button', { name: '이 제안 지지하기' })).toHaveCount(0);
  await expect(neighbour.getByText('이 제안을 지지했습니다.')).toBeVisible();
  const comment = neighbour.locator('form[action$="/comments"]');
  await comment.getByLabel(/^의견/).fill('좋아요 <script>alert(1)</script>');
  await comment.getByRole('button', { name: '의견 남기기' }).click();
  await expect(neighbour.locator('#error-summary')).toBeFocused();
  await expect(neighbour.locator('#error-summary a')).toHaveAttribute('href', '#f-comment');
  await expect(neighbour.locator('#f-comment')).toHaveAttribute('aria-invalid', 'true');
  await expect(neighbour.locator('#f-comment')).toHaveValue('좋아요 <script>alert(1)</script>');
  await neighbour.locator('#f-comment').fill('우리 동네 창업 공간도 밤에 열면 좋겠습니다.');
  await neighbour.locator('form[action$="/comments"] button[type=submit]').click();
  await expect(neighbour).toHaveURL(/#comment-[0-9a-f-]{36}$/);
  await expect(neighbour.locator('main ol li').filter({ hasText: '우리 동네 창업 공간도 밤에 열면 좋겠습니다.' })).toContainText(other.name);
  const disputesBefore = (await scoreRow(admin, OTHER_DIVISION)).disputes;

  // The platform admin may answer any input.
  await admin.goto(url);
  await answer(admin, { decision: '반영하지 않습니다', reasons: '야간 운영 인력 예산이 없습니다.', nextSteps: '내년 예산 편성 때 다시 검토합니다.' });
  await expect(answerPanel(admin).locator('[data-state]')).toHaveAttribute('data-state', 'answered');

  await page.goto(url);
  const panel = answerPanel(page);
  await expect(panel).toContainText('결정: 반영하지 않습니다');
  await expect(panel).toContainText('검토 단계: 담당자');
  const reason = '예산 문제라면 자원봉사 운영도 가능한데, 그 방법은 검토하지 않았습니다.';
  await panel.getByLabel('이의 제기 이유').fill(reason);
  await panel.getByRole('button', { name: '이의 제기' }).click();
  await expect(page).toHaveURL(url);
  await expect(panel.locator('[data-state]')).toHaveAttribute('data-state', 'disputed');
  await expect(panel.locator('[data-state]')).toHaveText('이의 제기');
  await expect(panel).toContainText(`이의 제기 이유: ${reason}`);
  expect((await scoreRow(admin, OTHER_DIVISION)).disputes).toBeGreaterThanOrEqual(disputesBefore + 1);

  await page.goto(url);
  await panel.getByRole('button', { name: '상향 검토 요청' }).click();
  await expect(page).toHaveURL(url);
  await expect(panel.locator('[data-state]')).toHaveAttribute('data-state', 'escalated');
  await expect(panel).toContainText('상태: 상향 검토 중 · 검토 단계: 부서장');
  // A fresh clock at the new level; the first answer stays on the record; nothing more to escalate for now.
  await expect(panel).toContainText(/답변 기한: \d{4}-\d{2}-\d{2}\(근무일 \d+일 남음\)/);
  await expect(panel.locator('article.answer')).toHaveCount(1);
  // The first stage keeps its outcome: answered the same day, on time.
  await expect(panel.locator('.stage-outcomes li[data-stage="0"]')).toContainText('담당자: 기한 안에 답변');
  await expect(panel.getByRole('button', { name: '상향 검토 요청' })).toHaveCount(0);
  await panel.getByText('처리 기록').click();
  await expect(panel.locator('details ol li')).toHaveText([/접수/, /답변/, /이의 제기 · 예산 문제라면/, /상향 검토/]);

  // In English, the same panel.
  await setLanguage(page.context(), 'en');
  await page.goto(url);
  await expect(panel).toContainText('State: Escalated · Review level: Head of department');
});
test('bad input: markup in a suggestion is refused and nothing is saved; the same suggestion twice is refused the second time; a closed call takes none', async ({
  page,
  admin,
}) => {
  const callId = await openCall(admin, { title: `입력 검사 공모 ${unique()}`, department: OTHER_DIVISION });
  await signUp(page);
  await page.goto(`/plan/calls/${callId}`);
  await expect(page.getByRole('heading', { level: 2, name: '제안 0건' })).toBeVisible();

  const title = `공원 벤치 그늘막 설치 ${unique().slice(-5)}`;
  const response = page.waitForResponse((r) => r.url().endsWith(`/plan/calls/${callId}/suggestions`));
  await fillSuggestion(page, title, '여름에 그늘이 필요합니다 <script>alert(1)</script>');
  expect((await response).status()).toBe(422);
  const summary = page.locator('#error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: '스크립트나 HTML 태그는 넣을 수 없습니다.' })).toHaveAttribute('href', '#f-body');
  await expect(page.locator('#f-body')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#f-body')).toHaveAccessibleDescription('스크립트나 HTML 태그는 넣을 수 없습니다.');
  // What was typed is kept (as text), so it can be corrected.
  await expect(page.locator('#f-title')).toHaveValue(title);
  await expect(page.locator('#f-body')).toHaveValue('여름에 그늘이 필요합니다 <script>alert(1)</script>');
  // Nothing was saved.
  await page.goto(`/plan/calls/${callId}`);
  await expect(page.getByRole('heading', { level: 2, name: '제안 0건' })).toBeVisible();
  await expect(page.getByRole('link', { name: title })).toHaveCount(0);

  // Too short is refused as well, each field saying why.
  await fillSuggestion(page, '벤치', '짧음');
  await expect(summary.getByRole('link')).toHaveText(['너무 짧습니다.', '너무 짧습니다.']);

  // Correct, sent once.
  await page.goto(`/plan/calls/${callId}`);
  await fillSuggestion(page, title, '여름에 공원 벤치마다 그늘막이 필요합니다.');
  await expect(page).toHaveURL(/\/plan\/suggestions\//);
  const first = page.url();

  // The same again: a clear error in the reader's language, the form kept, a link to the first one.
  await page.goto(`/plan/calls/${callId}`);
  const again = page.waitForResponse((r) => r.url().endsWith(`/plan/calls/${callId}/suggestions`));
  await fillSuggestion(page, title, '여름에 공원 벤치마다 그늘막이 필요합니다.');
  expect((await again).status()).toBe(409);
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: '이 공모에 같은 제목의 제안을 이미 보냈습니다.' })).toHaveAttribute('href', '#f-title');
  await expect(page.locator('#f-title')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('link', { name: '이미 보낸 제안 보기' })).toHaveAttribute('href', new URL(first).pathname);
  await page.goto(`/plan/calls/${callId}`);
  await expect(page.getByRole('heading', { level: 2, name: '제안 1건' })).toBeVisible();
  await expect(page.getByRole('link', { name: title })).toHaveCount(1);

  // A call outside its window (Korea time) takes no suggestions: no form.
  const closed = await openCall(admin, { title: `지난 공모 ${unique()}`, department: OTHER_DIVISION, opensOn: seoulDate(-30), closesOn: seoulDate(-1) });
  await expect(admin.locator('main .badge').first()).toHaveText('마감');
  await page.goto(`/plan/calls/${closed}`);
  await expect(page.locator('#f-title')).toHaveCount(0);
});

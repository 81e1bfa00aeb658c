import { checkCurrent, checkPages } from './axe-support.js';
import { DATA_DIVISION, OTHER_DIVISION, answer, answerPanel, fillSuggestion, makeOfficial, openCall, scoreRow, seoulDate, test } from './plan-support.js';
import { ORIGIN, expect, setLanguage, signUp, unique } from './support.js';

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

/* Accessibility of every plan and accountability page, with the forms each kind of person sees (each page once per language). */
for (const lang of ['ko', 'en'] as const) {
  test.describe(`plan accessibility (axe, WCAG 2.2 AA) in ${lang}`, () => {
    test.beforeEach(async ({ context }) => setLanguage(context, lang));
    test.setTimeout(90_000);

    test(`plan pages for visitors and citizens (${lang})`, async ({ page, admin }) => {
      const callId = await openCall(admin, { title: `접근성 공모 ${unique()}`, department: OTHER_DIVISION });
      // Signed out. The call list, the committee and a milestone are checked with the admin's forms on them (the
      // same page and more), youth-smart-city-startups with a comment and its answer panel, below and in the next test.
      await checkPages(page, lang, [
        { path: '/plan' },
        { path: '/plan/commitments/subway-transfer-maps' },
        { path: '/plan/commitments/digital-literacy-civic-hacking' },
        { path: '/accountability' },
        { path: `/accountability/departments/${OTHER_DIVISION}` },
        { path: '/accountability/departments/smg-gis-division' },
        { path: '/accountability/holidays?year=2028' },
      ]);

      // A citizen: the suggestion form, their suggestion with its answer panel, a comment with its panel, the item page.
      await signUp(page);
      await page.goto(`/plan/calls/${callId}`);
      await checkCurrent(page, lang, '/plan/calls/<id> with the suggestion form');
      await fillSuggestion(page, `접근성 제안 ${unique()}`, '모든 공약 페이지를 쉬운 말로도 제공해 주세요.');
      await expect(page).toHaveURL(/\/plan\/suggestions\//);
      await checkCurrent(page, lang, '/plan/suggestions/<id> (author, before the answer)');
      const itemId = (await answerPanel(page).getAttribute('aria-labelledby'))!.replace('answer-', '');
      await page.goto('/plan/commitments/youth-smart-city-startups');
      await page.locator('#f-body').fill('창업 지원 결과를 분기마다 공개해 주세요.');
      await page.locator('form[action$="/comments"] button[type=submit]').click();
      await expect(page).toHaveURL(/#comment-/);
      await checkCurrent(page, lang, '/plan/commitments/youth-smart-city-startups with a comment');
      await checkPages(page, lang, [{ path: `/accountability/items/${itemId}` }]);
    });

    test(`plan forms of the admin, an official and the author (${lang})`, async ({ page, newParty, admin }) => {
      await setLanguage(admin.context(), lang);
      const callId = await openCall(admin, { title: `접근성 공모 ${unique()}`, department: OTHER_DIVISION });
      await signUp(page);
      await page.goto(`/plan/calls/${callId}`);
      await fillSuggestion(page, `접근성 답변 제안 ${unique()}`, '공약 진행 상황을 문자로도 알려 주세요.');
      await expect(page).toHaveURL(/\/plan\/suggestions\//);
      const suggestion = new URL(page.url()).pathname;

      // The admin's own forms: open a call, the committee, the IRM assessment, progress on a milestone.
      await admin.goto('/plan/commitments/youth-smart-city-startups');
      await expect(admin.locator('form[action$="/assessment"]')).toHaveCount(1);
      await checkCurrent(admin, lang, '/plan/commitments/<slug> (admin, assessment form)');
      const milestone = await admin.locator('#milestone-1 h3 a').getAttribute('href');
      await checkPages(admin, lang, [{ path: '/plan/calls' }, { path: '/plan/committee' }, { path: milestone! }]);

      // An official of the department: the queue, the answer and outcome forms (and the support button).
      const official = await newParty();
      await setLanguage(official.context(), lang);
      await makeOfficial(official, admin, OTHER_DIVISION);
      await checkPages(official, lang, [{ path: '/accountability/queue' }, { path: suggestion }]);
      await expect(official.locator('form[action$="/outcome"]')).toHaveCount(1);
      await answer(official, { decision: '검토하겠습니다', reasons: '문자 발송 비용을 따져 봐야 합니다.', nextSteps: '다음 달에 알려 드립니다.' });
      await expect(answerPanel(official).locator('[data-state]')).toHaveAttribute('data-state', 'answered');

      // The author: confirm and dispute forms, then the escalate button.
      await page.goto(suggestion);
      await checkCurrent(page, lang, `${suggestion} (author, answered)`);
      await answerPanel(page).locator('textarea[name=reason]').fill('비용 말고 다른 방법도 있습니다.');
      await answerPanel(page).locator('form[action$="/dispute"] button').click();
      await expect(answerPanel(page).locator('form[action$="/escalate"]')).toHaveCount(1);
      await checkCurrent(page, lang, `${suggestion} (author, disputed)`);
    });

    // Axe on three kinds of error page (an admin form, a citizen form, the answer panel's); the other forms'
    // errors come from the same helpers and are checked for focus, aria-invalid and kept values only.
    test(`plan forms showing errors (${lang})`, async ({ page, admin }) => {
      await setLanguage(admin.context(), lang);
      // The call form with everything missing and a wrong date.
      await admin.goto('/plan/calls');
      await admin.locator('#f-opensOn').fill('2025-13-01');
      await admin.locator('form[action="/plan/calls"] button[type=submit]').click();
      await expect(admin.locator('#error-summary')).toBeFocused();
      await expect(admin.locator('#f-titleKo')).toHaveAttribute('aria-invalid', 'true');
      await expect(admin.locator('#f-opensOn')).toHaveValue('2025-13-01');
      await checkCurrent(admin, lang, '/plan/calls with errors');
      // The committee's meeting form, half filled: its own summary, what was typed kept.
      await admin.goto('/plan/committee');
      await admin.locator('#f-titleKo').fill('3차 소모임');
      await admin.locator('form[action$="/meetings"] button[type=submit]').click();
      await expect(admin.locator('#error-summary')).toBeFocused();
      await expect(admin.locator('#error-summary + form')).toHaveAttribute('action', '/plan/committee/meetings');
      await expect(admin.locator('#f-titleKo')).toHaveValue('3차 소모임');
      await expect(admin.locator('#f-heldOn')).toHaveAttribute('aria-invalid', 'true');
      // Progress beyond 100 % and a link that is not one.
      await admin.goto('/plan/commitments/youth-smart-city-startups');
      await admin.locator('#milestone-3 h3 a').click();
      await admin.locator('#f-text').fill('완료율을 잘못 넣었습니다.');
      await admin.locator('#f-completion').fill('140');
      await admin.locator('#f-evidenceLinks').fill('not a link');
      await admin.locator('form[action$="/progress"] button[type=submit]').click();
      await expect(admin.locator('#error-summary')).toBeFocused();
      await expect(admin.locator('#f-completion')).toHaveAttribute('aria-invalid', 'true');
      await expect(admin.locator('#f-evidenceLinks')).toHaveAttribute('aria-invalid', 'true');
      await expect(admin.locator('#f-text')).toHaveValue('완료율을 잘못 넣었습니다.');

      // The citizen's suggestion form, too short; then an answer with markup in it (as the admin).
      const callId = await openCall(admin, { title: `오류 공모 ${unique()}`, department: OTHER_DIVISION });
      await signUp(page);
      await page.goto(`/plan/calls/${callId}`);
      await fillSuggestion(page, '짧음', '짧음');
      await expect(page.locator('#error-summary')).toBeFocused();
      await checkCurrent(page, lang, '/plan/calls/<id> with errors');
      await fillSuggestion(page, `오류 점검 제안 ${unique()}`, '오류 화면을 점검하기 위한 제안입니다.');
      await expect(page).toHaveURL(/\/plan\/suggestions\//);
      const suggestion = page.url();
      await page.locator('#f-comment').fill('짧');
      await page.locator('form[action$="/comments"] button[type=submit]').click();
      await expect(page.locator('#error-summary')).toBeFocused();
      await expect(page.locator('#f-comment')).toHaveAttribute('aria-invalid', 'true');
      await admin.goto(suggestion);
      await answer(admin, { decision: '<script>alert(1)</script>', reasons: '이유를 적었습니다.', nextSteps: '' });
      await expect(admin.locator('#error-summary')).toBeFocused();
      const link = admin.locator('#error-summary a');
      await expect(link).toHaveCount(1);
      // The summary's link takes the keyboard to the field, which says what is wrong and keeps what was typed.
      await link.press('Enter');
      const decision = answerPanel(admin).getByLabel(/^(결정|Decision)$/);
      await expect(decision).toBeFocused();
      await expect(decision).toHaveAttribute('aria-invalid', 'true');
      await expect(decision).toHaveValue('<script>alert(1)</script>');
      await expect(answerPanel(admin).locator('form[action$="/answer"] textarea[name=reasons]')).toHaveValue('이유를 적었습니다.');
      await checkCurrent(admin, lang, '/accountability/items/<id>/answer with errors');
    });
  });
}

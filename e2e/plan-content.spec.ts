import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { checkPages } from './axe-support.js';
import { OTHER_DIVISION, makeOfficial, seoulDate, test } from './plan-support.js';
import { expect, setLanguage, signUp, unique } from './support.js';

const GIS = 'smg-gis-division';

test('an official adds the Korean text of a commitment and a milestone weight; the Korean plan page shows them, with the history', async ({
  page,
  admin,
  newParty,
}) => {
  await makeOfficial(page, admin, GIS);
  await page.goto('/plan/commitments/subway-transfer-maps');
  // Before: the Korean title is Open Seoul's translation, and says so.
  await expect(page.locator('main h1 span')).toHaveAttribute('lang', 'ko');
  await expect(page.locator('main h1 + p [data-translation="open-seoul"]')).toHaveText('열린 서울 번역 · 서울시 원문 아님');
  await page.locator('main').getByRole('link', { name: '내용 고치기' }).first().click();
  await expect(page).toHaveURL(/\/plan\/edit\/commitment\/[0-9a-f-]{36}$/);
  const title = `교통약자를 위한 지하철 환승 지도 ${unique()}`;
  await page.getByLabel('제목 (한국어)').fill(title);
  await page.getByLabel('고친 이유(선택, 변경 기록에 공개)').fill('담당 부서의 공식 한국어 제목');
  await page.getByRole('button', { name: '저장' }).click();
  await expect(page).toHaveURL(/\/plan\/commitments\/subway-transfer-maps$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.locator('main h1 span')).toHaveAttribute('lang', 'ko');
  // The department's own words: no longer labelled as our translation (the outline still is).
  await expect(page.locator('main h1 + p [data-translation]')).toHaveCount(0);

  // A weight for milestone 1.
  await page.locator('#milestone-1').getByRole('link', { name: '내용 고치기' }).click();
  await expect(page).toHaveURL(/\/plan\/edit\/milestone\/[0-9a-f-]{36}$/);
  await page.getByLabel('가중치(0–100)').fill('0');
  await page.getByRole('button', { name: '저장' }).click();
  await expect(page).toHaveURL(/\/plan\/milestones\/[0-9a-f-]{36}$/);
  await expect(page.locator('[data-weight]').first()).toHaveAttribute('data-weight', '0');
  // A bad weight is refused with the reason, next to the field.
  await page.getByRole('link', { name: '내용 고치기' }).click();
  await page.getByLabel('가중치(0–100)').fill('150');
  await page.getByRole('button', { name: '저장' }).click();
  await expect(page.locator('#error-summary')).toContainText('0에서 100 사이의 숫자를 입력해 주세요.');
  await page.getByLabel('가중치(0–100)').fill('3');
  await page.getByRole('button', { name: '저장' }).click();
  await expect(page.locator('[data-weight]').first()).toHaveAttribute('data-weight', '3');

  // The Korean plan page, for anyone.
  const anon = await newParty();
  await anon.goto('/plan');
  await expect(anon.locator('main ol.cards > li').first().getByRole('heading', { level: 2 })).toHaveText(title);
  await anon.goto('/plan/commitments/subway-transfer-maps');
  await expect(anon.locator('#milestone-1 [data-weight]')).toHaveAttribute('data-weight', '3');
  await anon.getByRole('link', { name: '변경 기록' }).click();
  const rows = anon.locator('#history tbody tr');
  await expect(rows.filter({ hasText: title })).toHaveCount(1);
  await expect(rows.filter({ hasText: title })).toContainText('담당 부서의 공식 한국어 제목');
  // In English, the city's English title stays.
  await setLanguage(anon.context(), 'en');
  await anon.goto('/plan/commitments/subway-transfer-maps');
  await expect(anon.getByRole('heading', { level: 1 })).toHaveText(/^Design subway transfer maps/);
});

test('a citizen escalates an input left unanswered past its due date; the first stage stays late', async ({ page }) => {
  await signUp(page);
  const body = `청년 스타트업 지원 결과를 공개해 주세요 ${unique()}`;
  await page.goto('/plan/commitments/youth-smart-city-startups');
  await page.getByLabel('의견').fill(body);
  await page.getByRole('button', { name: '의견 남기기' }).click();
  const comment = page.locator('main li[id^="comment-"]').filter({ hasText: body });
  await expect(comment).toBeVisible();
  await expect(comment.getByRole('button', { name: '상향 검토 요청' })).toHaveCount(0); // not overdue yet

  // The server cannot wait weeks: this one input's receipt is moved 60 days back in its database, as on a
  // server whose dates were shifted (the history is append-only for updates, so the receipt is re-written whole).
  const db = new Database(`.tmp/e2e-${process.env.E2E_PORT || 4180}/open-seoul.sqlite`);
  db.pragma('busy_timeout = 5000');
  const item = db.prepare('select id from accountability_item where title = ?').get(body.slice(0, 80)) as { id: string };
  const received = seoulDate(-60);
  db.transaction(() => {
    db.prepare("delete from accountability_clock_event where item_id = ? and type = 'received'").run(item.id);
    db.prepare(
      "insert into accountability_clock_event (id, item_id, seq, stage, type, on_date, days, reason, rule, actor_id, at) values (?, ?, 1, 0, 'received', ?, null, null, null, null, ?)",
    ).run(randomUUID(), item.id, received, `${received}T01:00:00.000Z`);
    db.prepare('update accountability_item set received_on = ?, received_at = ? where id = ?').run(received, `${received}T01:00:00.000Z`, item.id);
  })();
  db.close();

  await page.reload();
  await expect(comment).toContainText('답변 기한이 지났는데도 답변이 없습니다.');
  await comment.getByRole('button', { name: '상향 검토 요청' }).click();
  await expect(comment.locator('[data-state]')).toHaveAttribute('data-state', 'escalated');
  await expect(comment).toContainText('검토 단계: 부서장');
  const api = await (await page.request.get(`/api/v1/accountability/items/${item.id}`)).json();
  expect(api.stages).toHaveLength(2);
  expect(api.stages[0]).toMatchObject({ level: 0, openedOn: received, answeredOn: null });
  expect(api.stages[0].businessDaysLate).toBeGreaterThan(20);
  expect(api.stages[1]).toMatchObject({ level: 1, openedOn: seoulDate(), answeredOn: null });
  // No longer in the department's overdue list: the new stage has its own clock (the first stage's lateness stays in its figures above).
  await page.goto(`/accountability/departments/${OTHER_DIVISION}`);
  await expect(page.locator(`#overdue li[data-item="${item.id}"]`)).toHaveCount(0);
});

test('an admin sees where the holiday tables end and adds, then removes, a day with a reason', async ({ admin }) => {
  await admin.goto('/admin');
  await admin.getByRole('link', { name: '공휴일 관리(표가 끝나는 해, 추가한 날)' }).click();
  await expect(admin).toHaveURL(/\/accountability\/holidays\/manage$/);
  const end = admin.locator('#tables-end');
  const last = Number(await end.getAttribute('data-last'));
  await expect(end).toContainText(`${last}년까지 있습니다. ${last + 1}년부터는 법정 규칙으로 계산`);
  // A Wednesday past the tables, unique to this run.
  const year = last + 3;
  const day = [...Array(28).keys()].map((d) => `${year}-09-${String(d + 1).padStart(2, '0')}`).find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 3)!;
  await admin.getByLabel('날짜').fill(day);
  await admin.getByLabel('이름(한국어)').fill('임시공휴일');
  await admin.getByLabel('이름(영어)').fill('Temporary holiday');
  await admin.locator('#f-reason').fill('정부가 지정한 임시공휴일(시험)');
  await admin.getByRole('button', { name: '날 추가' }).click();
  const row = admin.locator(`#extra-days tr[data-date="${day}"]`);
  await expect(row).toContainText('정부가 지정한 임시공휴일(시험)');
  await admin.goto(`/accountability/holidays?year=${year}`);
  await expect(admin.locator('tr[data-source="admin"]').filter({ hasText: day })).toContainText('관리자가 추가');
  await admin.goto('/accountability/holidays/manage');
  await row.getByLabel('빼는 이유').fill('지정 취소');
  await row.getByRole('button', { name: '빼기' }).click();
  await expect(admin.locator(`#extra-days tr[data-date="${day}"]`)).toHaveCount(0);
  await admin.goto(`/accountability/holidays?year=${year}`);
  await expect(admin.locator('tr').filter({ hasText: day })).toHaveCount(0);
});

for (const lang of ['ko', 'en'] as const) {
  test(`content editing, history, notices and holiday pages are accessible (${lang})`, async ({ page, admin }) => {
    test.setTimeout(150_000); // eight pages, each checked by axe
    await setLanguage(admin.context(), lang);
    const commitment = await (await admin.request.get('/api/v1/plan/commitments/subway-transfer-maps')).json();
    // The committee (as the admin) and a commitment page (signed out) are checked in plan-axe.spec.ts.
    await checkPages(admin, lang, [
      { path: `/plan/edit/commitment/${commitment.id}` },
      { path: `/plan/edit/milestone/${commitment.milestones[1].id}` },
      { path: '/plan/edit/organisation/smg-gis-division' },
      { path: '/plan/history' },
      { path: '/accountability/notices' },
      { path: '/accountability/holidays/manage' },
    ]);
    await setLanguage(page.context(), lang);
    await checkPages(page, lang, [{ path: `/plan/milestones/${commitment.milestones[0].id}` }, { path: '/plan/history?entity=commitment' }]);
  });
}

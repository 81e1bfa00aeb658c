import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLesson, type Exercise } from '../../src/contexts/learn/domain/lesson-source.js';
import { Agent } from '../support/agent.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

/**
 * The seeded lessons against the real seeded datasets: every expected answer is computed here by running the
 * lesson's query through the public SQL API (as a learner could), never typed in, then answered wrong and right.
 */
let t: TestContext;
let learner: Agent;
const lessons: Array<{ slug: string; source: string }> = [];

beforeAll(async () => {
  t = await createTestContext({}, { withSeoulNetwork: true, withOpenData: true });
  learner = new Agent(t.app);
  await learner.signUp('learner@learn.kr', 'learner password 123', '배움이');
  lessons.push(...(await t.services.db.selectFrom('learn_lesson').select(['slug', 'source']).orderBy('position').execute()));
}, 240_000);
afterAll(() => t.close());

const sqlValue = async (sql: string) => {
  const res = await learner.api('POST', '/api/v1/data/sql', { sql });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { columns: Array<{ name: string }>; rows: unknown[][] };
};
const answer = (slug: string, id: string, value: string) => learner.api('POST', `/api/v1/learn/lessons/${slug}/exercises/${id}/answer`, { answer: value });

async function wrongThenRight(slug: string, e: Exercise) {
  let wrong: string;
  let right: string;
  switch (e.kind) {
    case 'number': {
      const v = Number((await sqlValue(e.expectedSql)).rows[0]![0]);
      wrong = String(v + 1);
      right = v.toLocaleString('en-US');
      break;
    }
    case 'text':
      wrong = '모름';
      right = ` ${e.accepted[0]} `;
      break;
    case 'choice':
      wrong = e.choices.find((c) => c.id !== e.answer)!.id;
      right = e.answer;
      break;
    case 'sql':
      wrong = 'SELECT 1 AS one';
      right = `SELECT * FROM (${e.expectedSql}) AS mine`;
      break;
  }
  const no = (await answer(slug, e.id, wrong)).json();
  expect(no, `${slug}/${e.id} wrong`).toMatchObject({ correct: false, hint: e.hint });
  const yes = (await answer(slug, e.id, right)).json();
  expect(yes, `${slug}/${e.id} right`).toMatchObject({ correct: true, hint: null });
  return yes as { completed: boolean; solved: number; total: number };
}

describe(`lessons on the seeded datasets (${dialect})`, () => {
  it('seeds at least five lessons, beginners first, each with exercises placed in both languages', async () => {
    expect(lessons.length).toBeGreaterThanOrEqual(5);
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/learn/lessons' })).json().items;
    expect(list[0]).toMatchObject({ slug: 'read-a-table', level: 'beginner' });
    for (const l of lessons) expect(parseLesson(l.source).exercises.length).toBeGreaterThan(0);
  });

  it('checks every exercise of every lesson against the real data: a wrong answer gets the hint, the right one completes the lesson', async () => {
    for (const l of lessons) {
      const lesson = parseLesson(l.source);
      let last = { completed: false, solved: 0, total: 0 };
      for (const e of lesson.exercises) last = await wrongThenRight(l.slug, e);
      expect(last, l.slug).toEqual({ ...last, completed: true, solved: lesson.exercises.length, total: lesson.exercises.length });
    }
    const me = (await learner.api('GET', '/api/v1/learn/me')).json();
    expect(me.lessons.every((x: { completedAt: string | null }) => x.completedAt)).toBe(true);
    const page = await learner.get('/learn/me');
    expect(page.body).toContain('data-lesson="join-two-datasets"');
  }, 120_000);

  it('explains a query that does not run, and keeps progress between visits', async () => {
    const broken = (await answer('filter-and-count', 'jongno-names', 'SELEC 자치구 FROM seoul_public_bike_stations')).json();
    expect(broken).toMatchObject({ correct: false, reason: 'sql_error', hint: { ko: expect.any(String) } });
    expect(broken.sqlError).toBeTruthy();
    const refused = (await answer('filter-and-count', 'jongno-names', "COPY (SELECT 1) TO '/tmp/x.csv'")).json();
    expect(refused).toMatchObject({ correct: false, reason: 'sql_error' });
    const page = await learner.get('/learn/lessons/filter-and-count');
    expect(page.body).toContain('data-exercise="jongno-names" data-solved="true"');
    expect(page.body).toContain('data-result="wrong"');
    expect(page.body).toContain('data-hint');
    expect((await answer('filter-and-count', 'no-such', '1')).statusCode).toBe(404);
    expect((await new Agent(t.app).api('POST', '/api/v1/learn/lessons/filter-and-count/exercises/mapo-count/answer', { answer: '1' })).statusCode).toBe(401);
  });

  it('runs a query in place beside the exercise (a table and a chart), recording nothing; a wrong answer is compared with the expected shape without giving it away', async () => {
    const starter = 'SELECT 노선명, count(*) FROM seoul_subway_ridership_daily GROUP BY 노선명';
    const attempts = async () =>
      (await t.services.db.selectFrom('learn_progress').select('attempts').where('exercise_id', '=', 'stations-per-line').executeTakeFirst())?.attempts ?? 0;
    const before = await attempts();
    const ran = await learner.post('/learn/lessons/group-and-count/run', { exercise: 'stations-per-line', answer: starter });
    expect(ran.statusCode).toBe(200);
    const mine = await sqlValue(starter);
    const box = ran.body.slice(ran.body.indexOf('data-run="ok"'));
    expect(box).toContain(`<td>${mine.rows[0]![0]}</td><td>${mine.rows[0]![1]}</td>`);
    expect(box).toContain('data-chart="run-stations-per-line"');
    expect(ran.body).toContain(`>${starter}</textarea>`); // the query stays in the box
    expect(await attempts()).toBe(before); // running is not answering
    const broken = await learner.post('/learn/lessons/group-and-count/run', { exercise: 'stations-per-line', answer: 'SELEC 1' });
    expect(broken.statusCode).toBe(200);
    expect(broken.body).toContain('data-run="error"');
    expect((await learner.post('/learn/lessons/group-and-count/run', { exercise: 'gangnam-boardings', answer: 'SELECT 1' })).statusCode).toBe(404);
    // Answered with the starter: wrong values; the page compares shapes and shows the learner's own differing rows only.
    expect((await answer('group-and-count', 'stations-per-line', starter)).json()).toMatchObject({ correct: false, reason: 'values' });
    const page = await learner.get('/learn/lessons/group-and-count');
    const compare = page.body.slice(page.body.indexOf('data-compare'), page.body.indexOf('data-hint'));
    const expected = await sqlValue("SELECT 노선명, count(*) FROM seoul_subway_ridership_daily WHERE 사용일자 = DATE '2023-01-01' GROUP BY 노선명");
    expect(compare).toContain(`${expected.rows.length}`);
    expect(compare).toMatch(/data-compare-columns>[^<]*2[^<]*2/);
    const differing = mine.rows.filter((r) => !expected.rows.some((e) => e[0] === r[0] && Number(e[1]) === Number(r[1])));
    expect(differing.length).toBeGreaterThan(0);
    expect(compare).toContain(`<td>${differing[0]![0]}</td><td>${differing[0]![1]}</td>`);
    for (const e of expected.rows) expect(compare).not.toContain(`<td>${e[0]}</td><td>${e[1]}</td>`); // never the expected values
  });

  it('draws the charts from the data, the misleading one with a cut axis', async () => {
    const page = await learner.get('/learn/lessons/spot-a-misleading-chart?lang=en');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-chart="districts-zero"');
    expect((page.body.match(/<rect /g) ?? []).length).toBe(10);
    const figures = await sqlValue('SELECT round(avg("초미세먼지농도(㎍/㎥)"), 1) FROM seoul_air_quality_daily WHERE 측정소명 = \'강남구\'');
    expect(page.body).toContain(`<td>${Number(figures.rows[0]![0])} ㎍/㎥</td>`);
  });
});

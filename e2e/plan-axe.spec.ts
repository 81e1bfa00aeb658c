import { checkCurrent, checkPages } from './axe-support.js';
import { OTHER_DIVISION, answer, answerPanel, fillSuggestion, makeOfficial, openCall, test } from './plan-support.js';
import { expect, setLanguage, signUp, unique } from './support.js';

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

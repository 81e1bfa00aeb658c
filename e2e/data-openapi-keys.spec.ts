import { checkCurrent } from './axe-support.js';
import { expect, setLanguage, signUp, test } from './support.js';

/**
 * A developer with an app written for data.seoul.go.kr gets a key on the key page, and the app's documented
 * request (CardSubwayStatsNew by date) answers with only the host changed; a revoked key gets INFO-100.
 */
for (const lang of ['ko', 'en'] as const) {
  test(`a Seoul Open API key from the page works in the Plaza's URL form, until revoked (${lang})`, async ({ page }) => {
    await setLanguage(page.context(), lang);
    await signUp(page);
    await page.goto('/data/openapi-keys');
    await checkCurrent(page, lang, '/data/openapi-keys (no key)');
    await page.getByRole('button', { name: lang === 'ko' ? '인증키 발급' : 'Issue a key' }).click();
    const key = (await page.locator('[data-openapi-key]').textContent())!.trim();
    expect(key).toMatch(/^[0-9a-f]{30}$/);
    await checkCurrent(page, lang, '/data/openapi-keys (key issued)');

    const plaza = async (k: string) =>
      (await (await page.request.get(`/seoul-openapi/${k}/json/CardSubwayStatsNew/1/5/20230101`)).json()) as Record<string, any>;
    const ok = await plaza(key);
    expect(ok.CardSubwayStatsNew.RESULT.CODE).toBe('INFO-000');
    expect(Object.keys(ok.CardSubwayStatsNew.row[0])).toEqual(['USE_DT', 'LINE_NUM', 'SUB_STA_NM', 'RIDE_PASGR_NUM', 'ALIGHT_PASGR_NUM', 'WORK_DT']);

    await page.goto('/data/openapi-keys');
    await page.getByRole('button', { name: lang === 'ko' ? `${key.slice(0, 6)}… 인증키 폐기` : `Revoke key ${key.slice(0, 6)}…` }).click();
    await expect(page.locator('td', { hasText: lang === 'ko' ? '폐기' : 'Revoked' }).first()).toBeVisible();
    expect((await plaza(key)).RESULT.CODE).toBe('INFO-100');
  });
}

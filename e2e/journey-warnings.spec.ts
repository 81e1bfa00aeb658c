import type { Page } from '@playwright/test';
import { apiClient } from './api-client.js';
import { expect, setLanguage, test } from './support.js';

/**
 * No hidden warning: over many journeys (lines 1–9, Korail and light-rail stations, several profiles), every
 * warning and unknown the journeys API gives appears on the journey page, in the reader's language, at the part
 * of the journey it concerns (and beside the step), and the page shows no warning the API does not give.
 */
const STATIONS = ['교대', '여의도', '고속터미널', '강남', '종로3가', '서울', '신도림', '왕십리', '충무로', '노량진', '김포공항', '회기', '수서', '신림'];
const PROFILES = ['wheelchair', 'low_vision', 'elderly'] as const;

const key = (w: { code: string; at: string; step: number | null | string }, text: string) =>
  `${w.at}|${w.step ?? ''}|${w.code}|${text.replace(/\s+/g, ' ').trim()}`;

async function pageWarnings(page: Page): Promise<string[]> {
  return page.locator('li.journey-warning').evaluateAll((items) =>
    items.map((li) => {
      const el = li as HTMLElement;
      return `${el.dataset.at}|${el.dataset.step ?? ''}|${el.dataset.code}|${(el.textContent ?? '').replace(/\s+/g, ' ').trim()}`;
    }),
  );
}

test('every warning of the journeys API is on the journey page at its place, in Korean and in English', async ({ page, context, request }) => {
  test.setTimeout(240_000);
  const pairs = STATIONS.slice(0, -1).map((from, i) => [from, STATIONS[i + 1]!] as const);
  let compared = 0;
  let withWarnings = 0;
  for (const [i, [fromName, toName]] of pairs.entries()) {
    for (const profile of PROFILES) {
      const { data: api, response } = await apiClient(request).GET('/api/v1/transit/journeys', { params: { query: { from: fromName, to: toName, profile } } });
      if (response.status === 422) continue; // a name that means several stations: the API asks which one
      expect(response.status, `${fromName} → ${toName}`).toBe(200);
      if (!api) throw new Error(`no journey ${fromName} → ${toName}`);
      const langs = i % 3 === 0 ? (['ko', 'en'] as const) : (['ko'] as const);
      for (const lang of langs) {
        await setLanguage(context, lang);
        await page.goto(`/transit/journey?from=${encodeURIComponent(api.from.id)}&to=${encodeURIComponent(api.to.id)}&profile=${profile}`);
        await expect(page.locator('.journey-result')).toHaveAttribute('data-assurance', api.assurance);
        const expected = api.warnings.map((w) => key(w, w.message[lang])).sort();
        expect((await pageWarnings(page)).sort(), `${fromName} → ${toName} (${profile}, ${lang})`).toEqual(expected);
        // A step's warning sits inside that step's list item.
        for (const w of api.warnings) {
          if (w.step === null) continue;
          const item = page.locator(`li.journey-warning[data-at="${w.at}"][data-step="${w.step}"]`).first();
          await expect(item.locator('xpath=ancestor::li[@value]').first()).toHaveAttribute('value', String(w.step));
        }
        // Never "no lift needed" while an end is not known.
        const ends = [api.access.origin, api.access.destination].filter((e) => e !== null);
        if (ends.some((e) => e.state !== 'route' && e.state !== 'not_needed')) {
          await expect(page.locator('.journey-result')).not.toContainText(
            lang === 'ko' ? '엘리베이터나 리프트에 기대지 않습니다' : 'does not depend on any elevator',
          );
        }
        compared++;
        if (expected.length) withWarnings++;
      }
    }
  }
  expect(compared).toBeGreaterThanOrEqual(30);
  expect(withWarnings).toBeGreaterThanOrEqual(20);
});

test('교대 → 여의도 (wheelchair): the destination says, beside the way out, that no lift is known there', async ({ page }) => {
  await page.goto(`/transit/journey?from=${encodeURIComponent('교대')}&to=${encodeURIComponent('여의도')}&profile=wheelchair`);
  const end = page.locator('.journey-destination');
  await expect(end.getByRole('heading', { level: 3 })).toHaveText('도착역: 승강장에서 지상까지');
  await expect(end.locator('li.journey-warning')).toContainText('여의도');
  await expect(end.locator('.provenance')).toHaveAttribute('data-source', /unknown|derived/);
  await expect(page.locator('.journey-result')).not.toContainText('엘리베이터나 리프트에 기대지 않습니다');
  await expect(page.locator('.depends-unknown')).toBeVisible();
});

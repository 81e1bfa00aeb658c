import { checkCurrent } from './axe-support.js';
import { expect, setLanguage, test } from './support.js';

type Figures = {
  record: string;
  measuredAt: string | null;
  stale: boolean | null;
  commit: { sha: string | null } | null;
  measures: Array<{
    name: string;
    status: 'met' | 'not_met' | 'no_goal' | 'not_measured';
    measured: { ratio: number } | null;
    unknownBecause: { ko: string; en: string } | null;
  }>;
};
const STATUS = {
  ko: { met: '달성', not_met: '미달', no_goal: '목표 없음', not_measured: '알 수 없음' },
  en: { met: 'Met', not_met: 'Not met', no_goal: 'No goal', not_measured: 'Unknown' },
} as const;

test('the footer leads to the published bench figures, which match the API, in Korean and English', async ({ page, context }) => {
  // The committed record (seed/performance/bench-latest.json), whatever run wrote it last.
  const figures = (await (await page.request.get('/api/v1/about/performance')).json()) as Figures;
  expect(figures.record).toBe('present');

  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: '성능 측정 결과' }).click();
  await expect(page).toHaveURL(/\/about\/performance$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('성능 측정 결과');
  await expect(page.getByRole('heading', { name: '측정 환경' })).toBeVisible();
  await expect(page.locator(`time[datetime="${figures.measuredAt}"]`)).toContainText('KST');
  if (figures.commit?.sha) await expect(page.getByText(figures.commit.sha)).toBeVisible();
  if (figures.stale) await expect(page.getByRole('note')).toContainText('오래되었습니다');

  const table = page.getByRole('table', { name: '측정 항목과 목표' });
  for (const m of figures.measures) {
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: m.name, exact: true }) });
    await expect(row.getByRole('cell').last(), m.name).toHaveText(STATUS.ko[m.status]);
    // The page writes numbers as Korean readers do (2,308.653), to three decimals.
    if (m.measured) await expect(row, m.name).toContainText(m.measured.ratio.toLocaleString('ko-KR', { maximumFractionDigits: 3 }));
    else await expect(row, m.name).toContainText(m.unknownBecause!.ko);
  }
  await checkCurrent(page, 'ko', '/about/performance');

  await setLanguage(context, 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Performance figures');
  const health = figures.measures.find((m) => m.name === 'api.health.vsHello')!;
  const row = page
    .getByRole('table', { name: 'Measures and goals' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'api.health.vsHello' }) });
  await expect(row).toContainText('ratio ≥ 0.5');
  await expect(row.getByRole('cell').last()).toHaveText(STATUS.en[health.status]);
  await checkCurrent(page, 'en', '/about/performance');

  await page.getByRole('link', { name: 'The same as JSON' }).click();
  await expect(page).toHaveURL(/\/api\/v1\/about\/performance$/);
});

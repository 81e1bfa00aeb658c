import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './support.js';

/** WCAG 2.2 AA, as KRDS and the Korean web accessibility standard (KWCAG 2.2) ask. */
export const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export type Check = { path: string; status?: number };

function describeViolations(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']) {
  return violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 3).join(' ')}`),
  }));
}

/**
 * Axe on the page as it is now (soft: one run reports every page's problems). Closed <details> are opened
 * first, so the forms folded inside them (answers, clock, assessment) are checked too.
 */
export async function checkCurrent(page: Page, lang: 'ko' | 'en', label: string) {
  await expect.soft(page.locator('html'), `${label}: page language`).toHaveAttribute('lang', lang);
  await page.locator('main details:not([open])').evaluateAll((all) => all.forEach((d) => d.setAttribute('open', '')));
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect.soft(describeViolations(violations), `axe violations on ${label} (${lang})`).toEqual([]);
}

export async function checkPages(page: Page, lang: 'ko' | 'en', checks: Check[]) {
  for (const { path, status = 200 } of checks) {
    const response = await page.goto(path);
    expect.soft(response?.status(), `${path}: HTTP status`).toBe(status);
    await checkCurrent(page, lang, path);
  }
}

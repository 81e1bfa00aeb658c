import type { Page } from '@playwright/test';
import axe, { type AxeResults } from 'axe-core';
import { expect } from './support.js';

/** WCAG 2.2 AA, as KRDS and the Korean web accessibility standard (KWCAG 2.2) ask. */
export const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export type Check = { path: string; status?: number };

type Axe = typeof axe;

/**
 * axe-core run in the page as it is, its frames included (axe.run reaches the same-origin frames it is loaded in).
 * This is what @axe-core/playwright's AxeBuilder does in its "legacy" mode, minus its costs: its default mode
 * opens a second, blank page for every check to merge per-frame results (made for cross-origin frames, which
 * the app's pages never have: the `requests` fixture fails any request leaving the app), and either mode loads
 * axe's 560 kB into the main frame twice per check. Here axe is loaded once per document, and only violations
 * are collected (axe's resultTypes: passing rules keep one node each instead of all; violations stay complete).
 * Same findings as AxeBuilder's default on a page with faults in it and in a frame (checked when this was made).
 */
async function runAxe(page: Page): Promise<AxeResults> {
  for (const frame of page.frames()) {
    const loaded = await frame.evaluate(() => typeof (window as unknown as { axe?: Axe }).axe === 'object');
    if (!loaded) await frame.evaluate(axe.source);
    await frame.evaluate(() => (window as unknown as { axe: Axe }).axe.configure({ allowedOrigins: ['<same_origin>'] }));
  }
  return page.evaluate(
    (tags) => (window as unknown as { axe: Axe }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    TAGS,
  );
}

function describeViolations(violations: AxeResults['violations']) {
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
  const { violations } = await runAxe(page);
  expect.soft(describeViolations(violations), `axe violations on ${label} (${lang})`).toEqual([]);
}

export async function checkPages(page: Page, lang: 'ko' | 'en', checks: Check[]) {
  for (const { path, status = 200 } of checks) {
    const response = await page.goto(path);
    expect.soft(response?.status(), `${path}: HTTP status`).toBe(status);
    await checkCurrent(page, lang, path);
  }
}

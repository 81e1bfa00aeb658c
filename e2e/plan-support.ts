import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect, isForeign, signInAsAdmin, signUp, test as base } from './support.js';

/** The department that answers the main path's call (commitment 2 is its own too). */
export const DATA_DIVISION = 'smg-data-statistics-division';
/** Every other plan test uses this one, so the main path can compare its department's scorecard row exactly. */
export const OTHER_DIVISION = 'smg-information-planning-division';

/** YYYY-MM-DD in Korea, `days` from now: the server counts call windows and deadlines in Asia/Seoul. */
export function seoulDate(days = 0) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

/**
 * The plan specs act as several people at once (admin, citizen, official): `newParty()` opens another
 * browser context with the config's options, checked like the test's own for requests leaving the app.
 */
type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

export const test = base.extend<{ newParty: (opts?: { storageState?: StorageState }) => Promise<Page>; admin: Page }, { adminState: StorageState }>({
  /** The admin signs in through the form once per worker; each test's admin browser starts from that session. */
  adminState: [
    async ({ browser }, use) => {
      const context = await browser.newContext();
      await signInAsAdmin(await context.newPage());
      const state = await context.storageState();
      await context.close();
      await use(state);
    },
    { scope: 'worker' },
  ],
  /** A browser signed in as the platform admin (its own context, Korean unless the test switches it). */
  admin: async ({ newParty, adminState }, use) => {
    await use(await newParty({ storageState: adminState }));
  },
  newParty: async ({ browser }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    const foreign: string[] = [];
    await use(async (opts = {}) => {
      const context = await browser.newContext(opts);
      context.on('request', (r) => {
        if (isForeign(r.url())) foreign.push(r.url());
      });
      contexts.push(context);
      return context.newPage();
    });
    for (const c of contexts) await c.close();
    expect(foreign, 'requests of the other parties that left 127.0.0.1:4180').toEqual([]);
  },
});

/** An admin (signed in on `admin`) opens a call whose window includes today in Korea; returns its id. */
export async function openCall(admin: Page, opts: { title: string; department: string; opensOn?: string; closesOn?: string }) {
  await admin.goto('/plan/calls');
  await admin.locator('#f-titleKo').fill(opts.title);
  await admin.locator('#f-titleEn').fill(`${opts.title} (en)`);
  await admin.locator('#f-descriptionKo').fill('실행계획에 담을 공약을 제안해 주세요.');
  await admin.locator('#f-descriptionEn').fill('Suggest what the action plan should commit to.');
  await admin.locator('#f-opensOn').fill(opts.opensOn ?? seoulDate(-1));
  await admin.locator('#f-closesOn').fill(opts.closesOn ?? seoulDate(14));
  await admin.locator('#f-organisation').selectOption(opts.department);
  await admin.getByRole('button', { name: /^(공모 열기|Open a call)$/ }).click();
  await expect(admin).toHaveURL(/\/plan\/calls\/[0-9a-f-]{36}$/);
  return new URL(admin.url()).pathname.split('/').pop()!;
}

/** Signs up someone on `page`, then the admin makes them an official and a member (or head) of `department`. */
export async function makeOfficial(page: Page, admin: Page, department: string, opts: { head?: boolean; name?: string } = {}) {
  const user = await signUp(page, { name: opts.name ?? `공무원 ${Date.now().toString(36).slice(-4)}` });
  await admin.goto('/admin/users');
  const row = admin.getByRole('row').filter({ hasText: user.email });
  await row.locator('select[name=role]').selectOption('official');
  await row.getByRole('button').click();
  await expect(admin).toHaveURL(/\/admin\/users$/);
  await expect(admin.getByRole('row').filter({ hasText: user.email }).locator('select[name=role]')).toHaveValue('official');
  await admin.goto(`/organisations/${department}`);
  await admin.locator('#f-email').fill(user.email);
  await admin.locator(`input[name=role][value=${opts.head ? 'admin' : 'member'}]`).check();
  await admin.locator('form[action$="/members"] button[type=submit]').click();
  await expect(admin).toHaveURL(new RegExp(`/organisations/${department}\\?added=1$`));
  return user;
}

/** Fills and sends the suggestion form of a call page the citizen is on. */
export async function fillSuggestion(page: Page, title: string, body: string) {
  await page.locator('#f-title').fill(title);
  await page.locator('#f-body').fill(body);
  await page.getByRole('button', { name: /^(제안 보내기|Send suggestion)$/ }).click();
}

/** The answer panel of the one input on a suggestion page. */
export const answerPanel = (page: Page): Locator => page.getByRole('region', { name: /^(서울시의 답변|The city's answer)$/ });

/** The official's answer, through the panel's folded form. */
export async function answer(page: Page, a: { decision: string; reasons: string; nextSteps: string }) {
  const panel = answerPanel(page);
  const form = panel.locator('form[action$="/answer"]');
  const details = panel.locator('details', { has: page.locator('form[action$="/answer"]') });
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.getByText(/^(답변 쓰기|Write the answer)$/).click();
  await form.getByLabel(/^(결정|Decision)$/).fill(a.decision);
  await form.getByLabel(/^(이유|Reasons)$/).fill(a.reasons);
  await form.getByLabel(/^(다음 단계|Next steps)$/).fill(a.nextSteps);
  await form.getByRole('button', { name: /^(답변 공개|Publish the answer)$/ }).click();
}

export type ScoreRow = { received: number; answered: number; onTime: number; overdue: number; disputes: number };

/** One row of the public scorecard (zeros when the department or kind has received nothing yet). */
export async function scoreRow(page: Page, key: string): Promise<ScoreRow> {
  await page.goto('/accountability');
  const row = page.locator(`tr[data-key="${key}"]`);
  if ((await row.count()) === 0) return { received: 0, answered: 0, onTime: 0, overdue: 0, disputes: 0 };
  const cells = (await row.locator('td').allTextContents()).map((s) => s.trim());
  const n = (i: number) => Number(cells[i]);
  return { received: n(0), answered: n(1), onTime: n(2), overdue: n(4), disputes: n(5) };
}

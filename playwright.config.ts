import { defineConfig } from '@playwright/test';

/**
 * Browser tier: Debian's Chromium (no Playwright browser download) against the real server,
 * started on a fresh SQLite data dir for every run.
 */
// E2E_PORT lets several checkouts or sessions run the browser tier at once on one machine.
const PORT = Number(process.env.E2E_PORT || 4180);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
const reportDir = process.env.OPEN_SEOUL_TEST_REPORT_DIR || 'test-results';

export default defineConfig({
  testDir: 'e2e',
  // Playwright empties outputDir at start: keep it apart from the JSON reports of the other tiers.
  outputDir: `${reportDir}/e2e-artifacts`,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['json', { outputFile: `${reportDir}/e2e.json` }]],
  webServer: {
    command:
      `rm -rf .tmp/e2e-${PORT} && mkdir -p .tmp && OPEN_SEOUL_DATA_DIR=.tmp/e2e-${PORT} HOST=127.0.0.1 PORT=${PORT} NODE_ENV=test LOG_LEVEL=warn ` +
      'OPEN_SEOUL_ADMIN_PASSWORD=e2e-admin-password-123 RATE_LIMIT_PER_MINUTE=100000 node bin/open-seoul.js serve',
    url: `${BASE_URL}/health`,
    reuseExistingServer: false,
    // Migrations and the demo seed take ~15 s of CPU: on a shared, loaded machine that was more than 60 s of wall.
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    // SQLite only, whatever the calling shell has; reset links must point at the address the browser uses.
    env: { DATABASE_URL: '', PUBLIC_URL: BASE_URL, OPEN_SEOUL_SEED_DEMO: 'true' },
  },
  use: {
    baseURL: BASE_URL,
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  // Tests that change shared state (an elevator out of service) run after all the others: *.after.spec.ts.
  projects: [
    { name: 'chromium', use: { browserName: 'chromium' }, testIgnore: /\.(after|last)\.spec\.ts$/ },
    { name: 'after-shared-state', use: { browserName: 'chromium' }, testMatch: /\.after\.spec\.ts$/, dependencies: ['chromium'] },
    // A station interior changed and reverted (the upkeep workflow) must not overlap the outage test either.
    { name: 'last', use: { browserName: 'chromium' }, testMatch: /\.last\.spec\.ts$/, dependencies: ['after-shared-state'] },
  ],
});

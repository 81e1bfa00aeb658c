import { checkCurrent, checkPages } from './axe-support.js';
import { expect, isForeign, setLanguage, signUp, test } from './support.js';
import { STATION } from './transit-support.js';

const EDIT = `/transit/stations/${STATION.gyodae}/edit`;
/** 교대: the walkway from the line 2 platform toward 서초 to the line 3 platform (a derived interior). */
const TRANSFER = `${STATION.gyodae}:transfer:2-3:seoul-224:shared`;
/** The only pathway to a boarding area: without it, the area is unreachable (pathway_unreachable_location). */
const BOARDING = `${STATION.gyodae}:board:2:seoul-224:3-1`;
const PROPOSAL_URL = /\/transit\/proposals\/([0-9a-f-]{36})$/;

test.describe('transit: the interior editor', () => {
  test('교대: edit on the drawing by keyboard and pointer, the validator answers as you edit, then propose', async ({ page }) => {
    await signUp(page);
    await page.goto(EDIT);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('교대(법원.검찰청) 내부 지도 편집');
    const status = page.locator('#ed-status');
    await expect(status).toHaveAttribute('aria-live', 'polite');
    await expect(status).toHaveText('아직 바꾼 것이 없습니다.');
    // With the script, the drawings are editable groups of buttons; the no-script table is hidden.
    await expect(page.locator('#ed-fallback')).toBeHidden();
    await expect(page.locator('#ed-canvas svg[role="group"]')).toHaveCount(4);

    // Select the transfer walkway with the keyboard and set its measured width and slope in the panel.
    const transfer = page.locator(`#ed-canvas [data-pathway="${TRANSFER}"]`).first();
    await expect(transfer).toHaveAttribute('role', 'button');
    await expect(transfer).toHaveAttribute('aria-label', /^통로: 2호선 승강장 \(서초 방면\) 연결 지점 → 3호선 승강장 연결 지점/);
    await transfer.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#ed-panel-what')).toHaveText('통로: 2호선 승강장 (서초 방면) 연결 지점 → 3호선 승강장 연결 지점');
    await expect(page.locator(`#ed-canvas [data-pathway="${TRANSFER}"]`).first()).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator(`#ed-canvas [data-pathway="${TRANSFER}"]`).first()).toBeFocused();
    const edgeForm = page.locator('#ed-edge-form');
    await edgeForm.getByLabel('최대 경사 (비율, 예: 0.05)').fill('0.05');
    await edgeForm.getByLabel('최소 폭 (m)').fill('1.8');
    await page.locator('#ed-edge-form').getByRole('button', { name: '적용' }).click();
    await expect(status).toHaveText('유효함 — 변경 2건, 검토: 접근성 담당');
    await expect(page.locator('#ed-ops li')).toHaveText(['통로 수정: 통로: 2호선 승강장 (서초 방면) 연결 지점 → 3호선 승강장 연결 지점']);

    // A number that is not one stays in the panel with its message, and makes no operation.
    await edgeForm.getByLabel('길이 (m)').fill('칠십');
    await page.locator('#ed-edge-form').getByRole('button', { name: '적용' }).click();
    await expect(page.locator('#ed-edge-length')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#ed-edge-form')).toContainText('숫자가 아닙니다: 길이 (m)');
    await expect(page.locator('#ed-ops li')).toHaveCount(1);

    // Break the graph: delete the only pathway to a boarding area. The validator refuses and says where.
    await page.locator(`#ed-canvas [data-pathway="${BOARDING}"]`).first().click();
    await page.getByRole('button', { name: '선택한 것 삭제' }).click();
    await expect(status).toContainText('문제 1건이 있어 보낼 수 없습니다:');
    await expect(status).toContainText('stops.txt.stop_id');
    await expect(status).toContainText('pathway_unreachable_location');
    await page.getByRole('button', { name: '마지막 변경 되돌리기' }).click();
    await expect(status).toHaveText('유효함 — 변경 2건, 검토: 접근성 담당');

    // Add a place on B1 (keyboard-reachable button), connect the concourse to it, then move it with the arrows.
    await page.getByRole('button', { name: '이 층에 지점 추가: B1' }).click();
    const added = page.locator('#ed-canvas .ed-node[aria-label^="새 지점 1"]');
    await expect(added).toBeFocused();
    await expect(page.locator('#ed-panel-what')).toHaveText('지점: 새 지점 1');
    await page.locator('#ed-node-form').getByLabel('이름').fill('B1 엘리베이터 앞');
    await page.locator('#ed-node-form').getByRole('button', { name: '적용' }).click();
    await page.getByRole('radio', { name: '통로 잇기' }).check();
    await page.getByLabel('새 통로의 종류').selectOption('walkway');
    // (A place's box includes its label: click its shape.)
    await page.locator(`#ed-canvas .ed-node[data-stop="${STATION.gyodae}:concourse"] .ed-hit`).click();
    await expect(page.locator('#ed-pending')).toContainText('시작 지점: B1 대합실');
    await page.locator('#ed-canvas .ed-node[aria-label^="B1 엘리베이터 앞"] .ed-hit').click();
    await expect(page.locator('#ed-panel-what')).toHaveText('통로: B1 대합실 → B1 엘리베이터 앞');
    await page.getByRole('radio', { name: '선택' }).check();
    const place = page.locator('#ed-canvas .ed-node[aria-label^="B1 엘리베이터 앞"]');
    const before = await place.getAttribute('transform');
    await place.focus();
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('ArrowDown');
    await expect(place).not.toHaveAttribute('transform', before ?? '');
    await expect(page.locator('#ed-ops li').last()).toHaveText('지점 옮김: B1 엘리베이터 앞');
    await expect(page.locator('#ed-ops li')).toHaveCount(5); // edge, add, rename, connect, one move for both key presses
    await expect(status).toContainText(/^유효함 — 변경 \d+건, 검토: 구조 담당, 접근성 담당, 안내문 담당$/);

    // Drag it with the pointer in the move tool: still one move operation.
    await page.getByRole('radio', { name: '옮기기' }).check();
    const box = (await place.locator('.ed-hit').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 30, { steps: 5 });
    await page.mouse.up();
    await expect(page.locator('#ed-ops li')).toHaveCount(5);
    await expect(status).toContainText('유효함');

    // Send: a title is needed, then the proposal page.
    await page.getByRole('button', { name: '변경 제안 보내기' }).click();
    await expect(page.locator('#ed-title')).toHaveAttribute('aria-invalid', 'true');
    await page.locator('#ed-title').fill('교대 2·3호선 환승 통로 폭과 경사, B1 지점 추가 (e2e)');
    await page.getByRole('button', { name: '변경 제안 보내기' }).click();
    await expect(page).toHaveURL(PROPOSAL_URL);
    const id = PROPOSAL_URL.exec(page.url())![1]!;
    const proposal = (await (await page.request.get(`/api/v1/transit/proposals/${id}`)).json()) as {
      source: string;
      ops: Array<{ op: string; set?: Record<string, unknown> }>;
      status: string;
    };
    expect(proposal.source).toBe('editor');
    expect(proposal.status).toBe('pending');
    expect(proposal.ops.map((o) => o.op)).toEqual(['update_edge', 'add_node', 'update_node', 'add_edge', 'update_node']);
    expect(proposal.ops[0]!.set).toEqual({ maxSlope: 0.05, minWidth: 1.8 });
    expect(Object.keys(proposal.ops[4]!.set!).sort()).toEqual(['lat', 'lon']);
  });

  test('교대 without JavaScript: the pathway table proposes a change; bad input is shown with the inputs kept', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const foreign: string[] = [];
    context.on('request', (r) => {
      if (isForeign(r.url())) foreign.push(r.url());
    });
    const page = await context.newPage();
    try {
      await signUp(page);
      await page.goto(EDIT);
      await expect(page.locator('#ed-app')).toBeHidden();
      await expect(page.locator('#ed-static svg[role="img"] title').first()).toContainText('교대(법원.검찰청)');
      const row = page.locator('table.ed-table tbody tr', {
        has: page.locator(`input[type=hidden][value="${STATION.gyodae}:transfer:2-3:seoul-4307:shared"]`),
      });
      const width = row.locator('input[name$="-minWidth"]');
      await expect(width).toHaveAccessibleName(/^최소 폭 \(m\) 2호선 승강장 \(강남 방면\) 연결 지점 \(B2\) → 3호선 승강장 연결 지점 \(B3\)$/);
      await width.fill('1.5');
      await row.locator('input[name$="-stepHeightCm"]').fill('높음');
      await page.locator('#f-title').fill('교대 환승 통로 폭 (e2e, 스크립트 없이)');
      await page.getByRole('button', { name: '변경 제안 보내기' }).click();
      await expect(page.locator('#error-summary')).toContainText('숫자가 아닙니다: 턱 높이 (cm)');
      await expect(width).toHaveValue('1.5');
      await expect(row.locator('input[name$="-stepHeightCm"]')).toHaveAttribute('aria-invalid', 'true');

      // A refused proposal (slope out of range): the path and the input, never a 500.
      await row.locator('input[name$="-stepHeightCm"]').fill('');
      await row.locator('input[name$="-maxSlope"]').fill('3');
      await page.getByRole('button', { name: '변경 제안 보내기' }).click();
      await expect(page.locator('#error-summary')).toContainText('ops[0].set.maxSlope: must be between -1 and 1');
      await expect(row.locator('input[name$="-maxSlope"]')).toHaveAttribute('aria-invalid', 'true');
      await expect(page.locator('#f-title')).toHaveValue('교대 환승 통로 폭 (e2e, 스크립트 없이)');

      await row.locator('input[name$="-maxSlope"]').fill('');
      await page.getByRole('button', { name: '변경 제안 보내기' }).click();
      await expect(page).toHaveURL(PROPOSAL_URL);
      const id = PROPOSAL_URL.exec(page.url())![1]!;
      const proposal = (await (await page.request.get(`/api/v1/transit/proposals/${id}`)).json()) as { ops: unknown[] };
      expect(proposal.ops).toEqual([{ op: 'update_edge', pathwayId: `${STATION.gyodae}:transfer:2-3:seoul-4307:shared`, set: { minWidth: 1.5 } }]);
      expect(foreign).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('signed out: the drawings and a sign-in link, no forms', async ({ page }) => {
    await page.goto(EDIT);
    await expect(page.locator('main form')).toHaveCount(0);
    await expect(page.getByRole('link', { name: '로그인', exact: true }).last()).toHaveAttribute('href', `/sign-in?next=${encodeURIComponent(EDIT)}`);
    await expect(page.locator('main svg[role="img"]')).toHaveCount(4);
    expect((await page.request.get('/transit/stations/no-such-station/edit')).status()).toBe(404);
  });

  for (const lang of ['ko', 'en'] as const) {
    test(`accessibility of the editor (${lang})`, async ({ page, context }) => {
      await setLanguage(context, lang);
      await checkPages(page, lang, [{ path: EDIT }]);
      await signUp(page);
      await page.goto(EDIT);
      await expect(page.locator('#ed-app')).toBeVisible();
      await checkCurrent(page, lang, `${EDIT} (editor)`);
      await page.locator(`#ed-canvas [data-pathway="${TRANSFER}"]`).first().click();
      await page.locator('#ed-edge-maxSlope').fill('x');
      await page.locator('#ed-edge-form button[type=submit]').click();
      await page.locator('#ed-canvas .ed-node .ed-hit').first().click();
      await checkCurrent(page, lang, `${EDIT} (panel)`);
    });
  }
});

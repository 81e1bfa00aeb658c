import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gyodaeBlockedInput, gyodaeInput } from './fixtures.js';
import { flatten, pdfStructure } from './pdf-structure.js';
import { renderTransferMapPdf } from './transfer-map-pdf.js';

/** Checked with poppler-utils (pdftotext, pdfinfo, pdftoppm), which CI installs: what a reader would get. */
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

/** Share of pixels darker than light grey in a binary PGM (P5) written by `pdftoppm -gray`. */
function inkShare(pgm: Buffer): number {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'))!;
  const pixels = pgm.subarray(header[0].length);
  let dark = 0;
  for (const p of pixels) if (p < 200) dark++;
  return dark / (Number(header[1]) * Number(header[2]));
}

describe('renderTransferMapPdf', { timeout: 30_000 }, () => {
  let dir: string;
  let pdf: string;
  let blocked: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'transfer-map-'));
    pdf = join(dir, 'gyodae.pdf');
    blocked = join(dir, 'gyodae-blocked.pdf');
    writeFileSync(pdf, await renderTransferMapPdf(gyodaeInput()));
    writeFileSync(blocked, await renderTransferMapPdf(gyodaeBlockedInput()));
  }, 30_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is one A4 page with a bilingual title and Korean as its language', () => {
    const info = run('pdfinfo', [pdf]);
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
    expect(info).toMatch(/^Title:\s+교대 환승 지도 · 휠체어 \/ Gyodae transfer map · Wheelchair$/m);
    expect(readFileSync(pdf, 'latin1')).toContain('/Lang (ko-KR)');
    expect(run('pdffonts', [pdf])).toMatch(/Pretendard-Regular.*TrueType/);
  });

  it('carries extractable Korean and English: title, boarding, steps in order, provenance', () => {
    const text = run('pdftotext', ['-layout', pdf, '-']);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('교대 환승 지도');
    expect(flat).toContain('Gyodae transfer map');
    expect(flat).toContain('타는 곳: 8-4 (강남 방면)');
    expect(flat).toContain('Board at: car 8, door 4');
    const order = ['3호선 엘리베이터 내부#1을 타고', '휠체어리프트로', '2호선 엘리베이터 내부#1을 타고 2호선 승강장으로', '승강장을 따라'].map((s) =>
      flat.indexOf(s),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(flat).toContain('Take line 3 elevator');
    expect(flat).toContain('2025-08-14 09:30 기준');
    expect(flat).toContain('not field-verified');
  });

  it('rasterises to a page with ink on it (the map and text are drawn, not blank)', () => {
    run('pdftoppm', ['-r', '50', '-png', '-singlefile', pdf, join(dir, 'page')]);
    expect(statSync(join(dir, 'page.png')).size).toBeGreaterThan(20_000);
    run('pdftoppm', ['-r', '30', '-gray', '-singlefile', pdf, join(dir, 'page')]);
    const ink = inkShare(readFileSync(join(dir, 'page.pgm')));
    expect(ink).toBeGreaterThan(0.03);
    expect(ink).toBeLessThan(0.5);
  });

  it('is tagged for screen readers: a structure tree in reading order, each text in its language, the map a figure with alt text', () => {
    const bytes = readFileSync(pdf);
    const latin = bytes.toString('latin1');
    expect(latin).toContain('/StructTreeRoot');
    const tree = pdfStructure(bytes);
    expect(tree.marked).toBe(true);
    expect(tree.lang).toBe('ko-KR');
    expect(tree.root.map((n) => n.type)).toEqual(['Document']);
    const all = flatten(tree.root).slice(1);
    const types = all.map((n) => n.type);
    // Reading order: the title first, the map after the summary, then its legend, the steps, the sources.
    expect(types[0]).toBe('H1');
    const figure = types.indexOf('Figure');
    const headings = all.flatMap((n, i) => (n.type === 'H2' ? [i] : []));
    expect(figure).toBeGreaterThan(0);
    expect(headings).toHaveLength(2);
    expect(headings[0]).toBeGreaterThan(figure); // the legend's heading
    expect(headings[1]).toBeGreaterThan(headings[0]!); // the steps' heading
    // Every element holds drawn content, and says its language: Korean and English both present.
    for (const n of all) expect(n.content, n.type).toBe(true);
    expect(new Set(all.map((n) => n.lang))).toEqual(new Set(['ko-KR', 'en-US']));
    const fig = all[figure]!;
    expect(fig.alt).toContain('1. 3호선 엘리베이터');
    expect(fig.alt).toContain('Board at: car 8, door 4');
    expect(run('pdfinfo', [pdf])).toMatch(/^Tagged:\s+yes$/m);
  });

  it('explains an infeasible route on one page', () => {
    expect(run('pdfinfo', [blocked])).toMatch(/^Pages:\s+1$/m);
    const flat = run('pdftotext', [blocked, '-']).replace(/\s+/g, ' ');
    expect(flat).toContain('경로 없음: 2호선 엘리베이터 내부#1이 보수 중이고');
    expect(flat).toContain('No route: Line 2 elevator');
    expect(flat).toContain('엘리베이터 (운행 중지)');
  });

  it('stays on one page for a long route in a crowded station', async () => {
    const input = gyodaeInput();
    for (let i = 1; i <= 10; i++)
      input.nodes.push({ stopId: `x${i}`, name: `${i + 20}번 출구 (엘리베이터 외부#${i})`, locationType: 2, levelId: 'gyodae:L1F' });
    const [first] = input.route.steps;
    input.route.steps = Array.from({ length: 12 }, (_, i) => ({ ...first!, n: i + 1 }));
    const file = join(dir, 'long.pdf');
    writeFileSync(file, await renderTransferMapPdf(input));
    expect(run('pdfinfo', [file])).toMatch(/^Pages:\s+1$/m);
  });
});

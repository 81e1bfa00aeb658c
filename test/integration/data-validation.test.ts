import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { createDataset } from '../../src/contexts/data/use-cases/create-dataset.js';
import { publishVersion } from '../../src/contexts/data/use-cases/publish-version.js';
import { stageUpload } from '../../src/contexts/data/use-cases/stage-upload.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

/**
 * Validation that tells the truth: ragged rows (too many or too few fields) and undecodable bytes are reported per
 * row and column, never as an invented `column4` nor as "no problems"; a file with them is published only once
 * the publisher chose to keep them (as stated) or drop them. Real files from /work/shared/data, and one
 * hand-made ragged file (test/fixtures/ragged, labelled as such).
 */
let t: TestContext;
type Json = Record<string, any>;
const SHARED = '/work/shared/data';
const HAND_MADE = path.resolve('test/fixtures/ragged/hand-made-ragged.csv');
const BIKE = path.join(SHARED, 'seoul-open-data/bike/공공자전거 대여소 정보(22.12월 기준).csv');
const CARD = path.join(SHARED, 'seoul-open-data/subway-ridership/CARD_SUBWAY_MONTH_202301.csv');
const TRANSFERS = path.join(SHARED, 'seoul-subway/network/서울교통공사_역별요일별환승인원_2015.csv');

let n = 0;
async function stage(file: string, options: Json = {}) {
  const id = `validation-${++n}`;
  await createDataset(t.services, system(), { id, titleKo: `검증 시험 ${n}` });
  const copy = path.join(t.services.config.dataDir, `upload-${n}${path.extname(file)}`);
  await fs.promises.mkdir(path.dirname(copy), { recursive: true });
  await fs.promises.copyFile(file, copy);
  const { result: _r, ...preview } = await stageUpload(t.services, system(), { datasetId: id, file: copy, filename: path.basename(file), options });
  return preview as Json;
}

beforeAll(async () => {
  t = await createTestContext();
}, 120_000);
afterAll(() => t.close());

describe('ragged rows', () => {
  it('a hand-made ragged file: reported by row and column, no invented column, never "no problems"', async () => {
    const p = await stage(HAND_MADE);
    expect(p.columns).toEqual(['name', 'district', 'count']);
    expect(p.dropped).toEqual([]);
    expect(p.rows).toBe(5);
    expect(p.validation.file).toEqual({ raggedTooFew: 1, raggedTooMany: 1, replacementCells: 0 });
    expect(p.validation.total).toBeGreaterThanOrEqual(2);
    const ragged = p.validation.problems.filter((x: Json) => x.rule.startsWith('ragged'));
    expect(ragged.map((x: Json) => [x.row, x.column, x.rule, x.value])).toEqual([
      [2, 'count', 'ragged_too_many', 'extra'],
      [3, 'count', 'ragged_too_few', '을지로,중구'],
    ]);
  });

  it('is published only once the publisher chose: keep (stated) or drop (rows left out, counted)', async () => {
    const kept = await stage(HAND_MADE);
    await expect(publishVersion(t.services, system(), kept.versionId)).rejects.toMatchObject({ code: 'data.bad_rows_undecided', status: 409 });
    const published = await publishVersion(t.services, system(), kept.versionId, { badRows: 'keep' });
    expect(published.rows).toBe(5);
    expect(published.validation.badRows).toEqual({ choice: 'keep', droppedRows: 0 });

    const dropped = await stage(HAND_MADE);
    const out = await publishVersion(t.services, system(), dropped.versionId, { badRows: 'drop' });
    expect(out.redone).toBe(true);
    expect(out.rows).toBe(3);
    expect(out.validation.badRows).toEqual({ choice: 'drop', droppedRows: 2 });
    expect(out.validation.file).toMatchObject({ raggedTooFew: 1, raggedTooMany: 1 });
    const rows = (await t.app.inject({ method: 'GET', url: `/api/v1/data/datasets/${dropped.datasetId}/rows` })).json();
    expect(rows.rows.map((r: Json) => r.name)).toEqual(['광화문', '따옴표, 있음', '명동']);
  });

  it('a real CP949 file damaged by hand (labelled): its ragged rows found by row, with the real Korean header', async () => {
    // The Seoul Metro transfer counts of 2015 (real, CP949), with two lines damaged here: one cut short, one with
    // an extra value. The damage is ours; the rest of the file is as published.
    const lines = fs.readFileSync(TRANSFERS).toString('latin1').split('\n');
    lines[3] = lines[3]!.replace(/,"[^"]*"(\r?)$/, '$1');
    lines[6] = lines[6]!.replace(/(\r?)$/, ',999$1');
    const file = path.join(t.services.config.dataDir, 'transfers-2015-damaged-by-hand.csv');
    fs.writeFileSync(file, Buffer.from(lines.join('\n'), 'latin1'));
    const p = await stage(file);
    expect(p.detection.encoding).toBe('cp949');
    expect(p.columns).toEqual(['역 명', '평일(일평균)', '토요일', '일요일']);
    expect(p.validation.file).toEqual({ raggedTooFew: 1, raggedTooMany: 1, replacementCells: 0 });
    expect(p.validation.problems.filter((x: Json) => x.rule.startsWith('ragged')).map((x: Json) => [x.row, x.column, x.rule])).toEqual([
      [3, '일요일', 'ragged_too_few'],
      [6, '일요일', 'ragged_too_many'],
    ]);
  });

  it('real files without ragged rows report none: trailing empty fields are not ragged (the card ridership file)', async () => {
    const p = await stage(CARD);
    expect(p.columns).toEqual(['사용일자', '노선명', '역명', '승차총승객수', '하차총승객수', '등록일자']);
    expect(p.validation.file).toBeUndefined();
    expect(p.rows).toBe(18797);
    // Checked beforehand with Python's csv module: no file in /work/shared/data has a ragged row.
    const bike = await stage(BIKE);
    expect([bike.rows, bike.validation.file, bike.columns.length]).toEqual([2719, undefined, 10]);
    for (const file of ['seoul-open-data/air-quality-daily/2022.csv', 'seoul-subway/network/서울교통공사_역별요일별환승인원_20231231.csv']) {
      const clean = await stage(path.join(SHARED, file));
      expect([file, clean.validation.file]).toEqual([file, undefined]);
    }
  });
});

describe('undecodable bytes', () => {
  it('cells holding U+FFFD are reported by row and column and need a choice', async () => {
    // The real CP949 transfer file with two bytes of one cell replaced here by 0xFF 0xFF (not CP949): labelled damage.
    const bytes = fs.readFileSync(TRANSFERS);
    const line2 = bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1) + 1; // start of data row 2
    bytes[line2] = 0xff;
    bytes[line2 + 1] = 0xff;
    const file = path.join(t.services.config.dataDir, 'transfers-2015-undecodable-by-hand.csv');
    await fs.promises.writeFile(file, bytes);
    const p = await stage(file, { encoding: 'cp949' });
    expect(p.validation.file).toMatchObject({ replacementCells: 1 });
    expect(p.validation.problems.filter((x: Json) => x.rule === 'encoding_replacement').map((x: Json) => [x.row, x.column])).toEqual([[2, '역 명']]);
    await expect(publishVersion(t.services, system(), p.versionId)).rejects.toMatchObject({ code: 'data.bad_rows_undecided' });
    const out = await publishVersion(t.services, system(), p.versionId, { badRows: 'drop' });
    expect([out.rows, out.validation.badRows]).toEqual([p.rows - 1, { choice: 'drop', droppedRows: 1 }]);
  });
});

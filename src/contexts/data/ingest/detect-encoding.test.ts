import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectEncoding, encodingId } from './detect-encoding.js';
import { hangulPlausibility, ksx1001Syllables, latinPlausibility } from './plausibility.js';
import { transcodeToUtf8 } from './transcode.js';

const SEED = path.resolve(import.meta.dirname, '../../../../seed');
const OPEN = path.join(SEED, 'data/seoul-open-data');

/** Every shipped open-data file with its encoding as SOURCES.md records it (checked there by trial decoding). */
const FILES: Array<[string, string, string]> = [
  ...['2018', '2019', '2020', '2021', '2022'].map((y): [string, string, string] => [
    `air-quality-daily/${y}.csv`,
    'cp949',
    '측정일시,측정소명,이산화질소농도(ppm)',
  ]),
  ['bike/SeoulBikeData.csv', 'latin1', 'Temperature(°C)'],
  ['bike/공공자전거 대여소 정보(22.12월 기준).csv', 'utf-8', '대여소 번호,보관소(대여소)명,자치구'],
  ['subway-ridership/CARD_SUBWAY_MONTH_202301.csv', 'utf-8', '"사용일자","노선명","역명"'],
  ['subway-congestion/서울교통공사_지하철혼잡도정보_2015.csv', 'cp949', '사용일,호선,구분,역명,역번'],
  ['subway-congestion/서울교통공사_지하철혼잡도정보_20171231.csv', 'cp949', '요일,호선,역번호,역명,방향,5:30~ (%)'],
  ['subway-congestion/서울교통공사_지하철혼잡도정보_20191231.csv', 'cp949', '조사일자,호선,역번호,역명,구분,5시30분'],
  ['subway-congestion/서울교통공사_지하철혼잡도정보_20211231.csv', 'cp949', '연번,조사일자,호선,역번호,역명,구분'],
  ['subway-congestion/서울교통공사_지하철혼잡도정보_20231231.csv', 'cp949', '연번,요일구분,호선,역번호,출발역,상하구분'],
  ['subway-congestion/서울교통공사_지하철혼잡도정보_20240331.csv', 'cp949', '연번,요일구분,호선,역번호,출발역,상하구분'],
  ['subway-congestion/서울교통공사_지하철혼잡도정보_20240630.csv', 'cp949', '연번,요일구분,호선,역번호,출발역,상하구분'],
];

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'detect-'));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe('detectEncoding on every shipped Seoul open-data file', () => {
  it('covers every file in seed/data/seoul-open-data', async () => {
    const found = (await fs.readdir(OPEN, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => path.relative(OPEN, path.join(e.parentPath, e.name)));
    expect(found.sort()).toEqual(FILES.map(([f]) => f).sort());
  });

  for (const [file, encoding, header] of FILES) {
    it(`${file} is ${encoding} and decodes to "${header}"`, async () => {
      const source = path.join(OPEN, file);
      const d = await detectEncoding(source);
      expect(d.encoding).toBe(encoding);
      expect(d.candidates[0]!.encoding).toBe(encoding);
      const out = await transcodeToUtf8(source, d.encoding, path.join(dir, `${path.basename(file)}.utf8`));
      const text = (await fs.readFile(out, 'utf8')).replace(/^\uFEFF/, '');
      expect(text.split(/\r?\n/)[0]).toContain(header);
    });
  }

  it('is not fooled by SeoulBikeData.csv: Latin-1 wins over CP949, which would give 캜', async () => {
    const d = await detectEncoding(path.join(OPEN, 'bike/SeoulBikeData.csv'));
    const cp949 = d.candidates.find((c) => c.encoding === 'cp949')!;
    expect(d.confidence).toBeGreaterThan(cp949.score + 0.3);
    expect(d.candidates[0]!.sample).toContain('Temperature(°C)');
    const asCp949 = iconv.decode(await fs.readFile(path.join(OPEN, 'bike/SeoulBikeData.csv')), 'cp949');
    expect(asCp949).toContain('캜'); // the trap SOURCES.md describes
    expect(hangulPlausibility(asCp949.split('\n')[0]!)).toBe(0);
  });

  it('reports CP949 with the Korean sample line and scores the Latin readings near zero', async () => {
    const d = await detectEncoding(path.join(OPEN, 'air-quality-daily/2018.csv'));
    expect(d.candidates.map((c) => c.encoding)).toEqual(['cp949', expect.any(String), expect.any(String)]);
    expect(d.candidates[0]!.sample).toContain('측정소명');
    for (const c of d.candidates.slice(1)) expect(c.score).toBeLessThan(0.1);
  });
});

describe('encodings and overrides', () => {
  it('reads CP949 beyond EUC-KR (UHC syllables such as 똠)', async () => {
    const file = path.join(dir, 'uhc.csv');
    await fs.writeFile(file, iconv.encode('이름,값\n똠방각하,1\n서울역,2\n', 'cp949'));
    const d = await detectEncoding(file);
    expect(d.encoding).toBe('cp949');
    const out = await transcodeToUtf8(file, 'cp949', path.join(dir, 'uhc.utf8.csv'));
    expect(await fs.readFile(out, 'utf8')).toContain('똠방각하');
  });

  it('honours a BOM, and refuses an override that contradicts it', async () => {
    const file = path.join(dir, 'bom.csv');
    await fs.writeFile(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('역명\n서울역\n')]));
    expect(await detectEncoding(file)).toMatchObject({ encoding: 'utf-8', bom: true, confidence: 1 });
    await expect(detectEncoding(file, { override: 'cp949' })).rejects.toMatchObject({ code: 'data.encoding_mismatch', status: 422 });
  });

  it('finds a CP949 byte after a megabyte of ASCII (the whole file is checked, not only its start)', async () => {
    const file = path.join(dir, 'late.csv');
    await fs.writeFile(file, Buffer.concat([Buffer.from(`a,b\n${'1,2\n'.repeat(400_000)}`), iconv.encode('3,서울\n', 'cp949')]));
    expect((await detectEncoding(file)).encoding).toBe('cp949');
    await expect(detectEncoding(file, { override: 'utf-8' })).rejects.toMatchObject({ code: 'data.encoding_invalid', details: { line: 400_002 } });
  });

  it('checks a character cut by the 1 MB read boundary with the bytes that complete it, and places a bad byte there exactly', async () => {
    const MB = 1 << 20;
    const file = path.join(dir, 'seam.csv');
    for (const char of ['é', '서', '🚇']) {
      const bytes = Buffer.from(char);
      for (let before = 1; before < bytes.length; before++) {
        const start = MB - before; // the character starts `before` bytes before the boundary
        await fs.writeFile(file, Buffer.concat([Buffer.from('a'.repeat(start)), bytes, Buffer.from('\n역명,서울역\n'.repeat(3))]));
        expect([char, before, (await detectEncoding(file)).encoding]).toEqual([char, before, 'utf-8']);
        // The same lead byte followed by a byte that does not continue it, just past the boundary.
        const broken = Buffer.concat([Buffer.from('a'.repeat(start)), bytes.subarray(0, before), Buffer.from('A\n서울역\n')]);
        await fs.writeFile(file, broken);
        await expect(detectEncoding(file, { override: 'utf-8' })).rejects.toMatchObject({ code: 'data.encoding_invalid', details: { offset: start } });
        // A file that ends inside the character.
        await fs.writeFile(file, broken.subarray(0, start + before));
        await expect(detectEncoding(file, { override: 'utf-8' })).rejects.toMatchObject({ code: 'data.encoding_invalid', details: { offset: start } });
      }
    }
  });

  it('names unknown encodings and binary files clearly', async () => {
    expect(() => encodingId('klingon')).toThrow(/Unknown encoding "klingon"/);
    expect(encodingId('EUC-KR')).toBe('cp949');
    expect(encodingId('ISO-8859-1')).toBe('latin1');
    const bin = path.join(dir, 'bin.dat');
    await fs.writeFile(bin, Buffer.from([0x50, 0x4b, 0x00, 0x01, 0x02]));
    await expect(detectEncoding(bin)).rejects.toMatchObject({ code: 'data.file_binary', status: 415 });
    const empty = path.join(dir, 'empty.csv');
    await fs.writeFile(empty, '');
    await expect(detectEncoding(empty)).rejects.toMatchObject({ code: 'data.file_empty' });
  });

  it('scores plausibility by script', () => {
    expect(ksx1001Syllables().size).toBe(2350);
    expect(hangulPlausibility('측정일시,측정소명,강남구')).toBe(1);
    expect(hangulPlausibility('Temperature(캜)')).toBe(0); // 캜 is outside KS X 1001 and glued to Latin text
    expect(latinPlausibility('Temperature(°C), Crème brûlée')).toBe(1);
    expect(latinPlausibility('ÃøÁ¤ÀÏ½Ã,ÃøÁ¤¼Ò¸í')).toBeLessThan(0.1);
  });
});

import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHeaderRecord } from './source-format.js';

let dir = '';
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'header-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function headerOf(text: string) {
  const file = path.join(dir, 'h.csv');
  await fs.writeFile(file, text);
  return readHeaderRecord(file, ',');
}

describe('readHeaderRecord', () => {
  it('reads the first record: BOM dropped, quotes respected, a line break inside quotes kept in its cell', async () => {
    expect(await headerOf('\uFEFF역명," 승차, 인원 ","비고\n(메모)"\n서울역,1,\n')).toEqual(['역명', '승차, 인원', '비고\n(메모)']);
    expect(await headerOf('a,b\r\n1,2\r\n')).toEqual(['a', 'b']);
    expect(await headerOf('only')).toEqual(['only']);
  });

  it('reads a header longer than its first 64 KB read, also when a quoted cell spans that boundary', async () => {
    const names = Array.from({ length: 9000 }, (_, i) => `열${String(i).padStart(4, '0')}`);
    const wide = await headerOf(`${names.join(',')}\n${names.map(() => '1').join(',')}\n`);
    expect([wide.length, wide[0], wide.at(-1)]).toEqual([9000, '열0000', '열8999']);
    // A quoted cell with a line break in the first 64 KB, closing after them (66 KB of three-byte characters).
    const long = `"메모\n${'가'.repeat(22_000)}",b\n1,2\n`;
    const fields = await headerOf(long);
    expect([fields.length, fields[0]!.length, fields[0]!.startsWith('메모\n가'), fields[1]]).toEqual([2, 22_003, true, 'b']);
  });
});

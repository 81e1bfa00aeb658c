import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasReplacement, replacementScanner } from './validate.js';

const bytes = Buffer.from('\uFFFD', 'utf8'); // EF BF BD

describe('replacement characters found while another pass reads the file', () => {
  it('sees one inside a chunk, across a seam at every split, and none in clean text', () => {
    const text = Buffer.concat([Buffer.from('역명,비고\n서울,'), bytes, Buffer.from('\n')]);
    for (let cut = 0; cut <= text.length; cut++) {
      const s = replacementScanner();
      s.feed(text.subarray(0, cut));
      s.feed(text.subarray(cut));
      expect(s.seen, `split at ${cut}`).toBe(true);
    }
    const clean = replacementScanner();
    for (const part of ['서울,', '강남\n', '\uFFFC']) clean.feed(Buffer.from(part));
    expect(clean.seen).toBe(false);
    // EF BF then a different third byte is another character, not U+FFFD.
    const near = replacementScanner();
    near.feed(Buffer.from([0x41, 0xef, 0xbf]));
    near.feed(Buffer.from([0xbc, 0x41]));
    expect(near.seen).toBe(false);
  });
  it('agrees with the file check', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'os-repl-'));
    const file = path.join(dir, 'a.csv');
    await fs.writeFile(file, Buffer.concat([Buffer.alloc((1 << 20) - 1, 0x41), bytes]));
    expect(await hasReplacement(file)).toBe(true);
    await fs.writeFile(file, Buffer.alloc((1 << 20) + 5, 0x41));
    expect(await hasReplacement(file)).toBe(false);
    await fs.rm(dir, { recursive: true });
  });
});

import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanUpload } from './scan-bytes.mjs';
import { scanUploadOffThread } from './scan-off-thread.js';

/**
 * The upload scan on its worker thread tells what the same scan on the main thread tells, byte for byte: the
 * SHA-256, UTF-8 validity and where it fails (with the bytes around it, as Buffers), the byte-order mark,
 * replacement characters across a 1 MB read boundary, and trailing-delimiter line ends.
 */
let dir = '';
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scan-off-thread-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function write(name: string, bytes: Buffer) {
  const file = path.join(dir, name);
  await fs.writeFile(file, bytes);
  return file;
}

describe('scanUploadOffThread', () => {
  it('gives the main-thread scan of regular UTF-8, a replacement character across the 1 MB seam, and trailing delimiters', async () => {
    const line = '서울역,1,\n'; // every record ends in the delimiter
    const head = Buffer.from(`역명,승차\n${line.repeat(90_000)}`);
    // U+FFFD's three bytes split by the first 1 MB read: ASCII filler up to the byte before the seam.
    const seam = 1 << 20;
    const before = head.subarray(0, head.lastIndexOf(0x0a, seam - 2) + 1);
    const withMark = Buffer.concat([before, Buffer.from('x'.repeat(seam - 1 - before.length)), Buffer.from(`\uFFFD,1,\n${line.repeat(30_000)}`)]);
    const lineEnds = withMark.toString('latin1').split(',\n').length - 1;
    const file = await write('regular.csv', withMark);
    const off = await scanUploadOffThread(file, ',');
    expect(off).toEqual(await scanUpload(file, ','));
    expect(off.sha256).toBe(createHash('sha256').update(withMark).digest('hex'));
    expect([off.scan.utf8, off.replacementSeen, off.trailingCount, Buffer.isBuffer(off.scan.head)]).toEqual([true, true, lineEnds, true]);
    expect(withMark.indexOf(Buffer.from('\uFFFD'))).toBe(seam - 1);
  });

  it('gives where UTF-8 first fails and the bytes around it, and no trailing count without a delimiter', async () => {
    const cp949 = Buffer.from([0xbc, 0xad, 0xbf, 0xef, 0xbf, 0xaa]); // 서울역 in CP949
    const file = await write('cp949.csv', Buffer.concat([Buffer.from('\uFEFF역명\n'), Buffer.from('a\n'.repeat(700_000)), cp949, Buffer.from('\n')]));
    const off = await scanUploadOffThread(file, null);
    expect(off).toEqual(await scanUpload(file, null));
    expect([off.scan.utf8, off.scan.bom, off.scan.firstBadOffset, off.trailingCount, Buffer.isBuffer(off.scan.badWindow)]).toEqual([
      false,
      'utf-8',
      3 + Buffer.byteLength('역명\n') + 1_400_000,
      null,
      true,
    ]);
  });

  it('rejects when the file cannot be read', async () => {
    await expect(scanUploadOffThread(path.join(dir, 'missing.csv'), ',')).rejects.toThrow(/ENOENT/);
  });
});

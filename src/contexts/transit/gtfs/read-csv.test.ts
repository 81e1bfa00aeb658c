import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from './gtfs-spec.js';
import { readCsvFile } from './read-csv.js';
import { readGtfsFeed } from './read-gtfs-feed.js';
import { Utf8LineGuard } from './utf8-line-guard.js';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gtfs-read-'));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function file(name: string, content: string | Buffer) {
  const at = path.join(dir, name);
  await fs.writeFile(at, content);
  return at;
}

describe('readCsvFile', () => {
  it('reads a BOM, CRLF mixed with LF, quoted commas and line breaks, blank lines, and counts lines from the header', async () => {
    const at = await file('a.txt', '\uFEFFstop_id,stop_name\r\n1,"Main, ""North"""\r\n\r\n2,"Two\r\nlines"\n3,Last\n\r\n4,End');
    const table = await readCsvFile(at, 'a.txt', DEFAULT_LIMITS);
    expect(table!.columns).toEqual(['stop_id', 'stop_name']);
    expect(table!.records).toEqual([
      { row: 1, line: 2, fields: ['1', 'Main, "North"'] },
      { row: 2, line: 4, fields: ['2', 'Two\r\nlines'] },
      { row: 3, line: 6, fields: ['3', 'Last'] },
      { row: 4, line: 8, fields: ['4', 'End'] },
    ]);
  });

  it('accepts unnamed columns from trailing commas, and refuses a named column given twice', async () => {
    const table = await readCsvFile(await file('trailing.txt', 'stop_id,stop_name,,\n1,A,,\n'), 'stops.txt', DEFAULT_LIMITS);
    expect(table!.columns).toEqual(['stop_id', 'stop_name', '', '']);
    await expect(readCsvFile(await file('twice.txt', 'stop_id,stop_id\n1,2\n'), 'stops.txt', DEFAULT_LIMITS)).rejects.toMatchObject({
      code: 'gtfs.duplicate_column',
      message: 'stops.txt: column "stop_id" appears twice in the header.',
    });
  });

  it('returns null for a missing file', async () => {
    expect(await readCsvFile(path.join(dir, 'nope.txt'), 'nope.txt', DEFAULT_LIMITS)).toBeNull();
  });

  it('refuses invalid UTF-8 and names the line', async () => {
    const at = await file('latin1.txt', Buffer.concat([Buffer.from('stop_id,stop_name\n1,ok\n2,'), Buffer.from([0xb0]), Buffer.from('C\n')]));
    await expect(readCsvFile(at, 'stops.txt', DEFAULT_LIMITS)).rejects.toMatchObject({
      code: 'gtfs.encoding',
      message: expect.stringMatching(/stops\.txt is not valid UTF-8: byte 0xB0 on line 3/),
    });
  });

  it('refuses a file cut in the middle of a character, overlong forms and surrogates', async () => {
    for (const bytes of [
      [0x41, 0xe2, 0x82],
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
    ]) {
      const at = await file('bad.txt', Buffer.concat([Buffer.from('stop_id\n'), Buffer.from(bytes)]));
      await expect(readCsvFile(at, 'stops.txt', DEFAULT_LIMITS)).rejects.toMatchObject({ code: 'gtfs.encoding' });
    }
  });

  it('refuses a line over the limit, and a file over the limit before reading it', async () => {
    const at = await file('long.txt', `stop_id,stop_name\n1,${'x'.repeat(2000)}\n`);
    await expect(readCsvFile(at, 'stops.txt', { maxLineBytes: 1000, maxFileBytes: 1e6 })).rejects.toMatchObject({
      code: 'gtfs.line_too_long',
      message: expect.stringContaining('stops.txt line 2 is longer than 1000 bytes'),
    });
    await expect(readCsvFile(at, 'stops.txt', { maxLineBytes: 1e6, maxFileBytes: 1000 })).rejects.toMatchObject({ code: 'gtfs.file_too_large' });
  });

  it('refuses a ZIP archive under a .txt name', async () => {
    const at = await file('zip.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]));
    await expect(readCsvFile(at, 'stops.txt', DEFAULT_LIMITS)).rejects.toMatchObject({ code: 'gtfs.zip_unsupported' });
  });

  it('refuses malformed CSV and an empty file', async () => {
    const at = await file('quote.txt', 'stop_id,stop_name\n1,"unclosed\n');
    await expect(readCsvFile(at, 'stops.txt', DEFAULT_LIMITS)).rejects.toMatchObject({ code: 'gtfs.csv_malformed' });
    await expect(readCsvFile(await file('empty.txt', ''), 'stops.txt', DEFAULT_LIMITS)).rejects.toMatchObject({ code: 'gtfs.empty_file' });
  });
});

describe('Utf8LineGuard', () => {
  it('accepts characters split across chunks and counts lines', async () => {
    const bytes = Buffer.from('가,é,😀\n나\n');
    const chunks = [...bytes].map((b) => Buffer.from([b]));
    const out: Buffer[] = [];
    for await (const c of Readable.from(chunks).pipe(new Utf8LineGuard('x.txt', DEFAULT_LIMITS))) out.push(c as Buffer);
    expect(Buffer.concat(out).toString('utf8')).toBe('가,é,😀\n나\n');
  });
});

describe('readGtfsFeed', () => {
  it('names the file and the missing required column', async () => {
    const feed = await fs.mkdtemp(path.join(dir, 'feed-'));
    await fs.writeFile(path.join(feed, 'stops.txt'), 'stop_id\nA\n');
    await fs.writeFile(path.join(feed, 'pathways.txt'), 'pathway_id,from_stop_id,to_stop_id,is_bidirectional\nP,A,A,1\n');
    await expect(readGtfsFeed(feed)).rejects.toMatchObject({
      code: 'gtfs.missing_column',
      message: expect.stringContaining('pathways.txt: required column "pathway_mode" missing'),
    });
  });

  it('refuses a .zip path and a directory without stops.txt', async () => {
    await expect(readGtfsFeed(await file('feed.zip', 'not even a zip'))).rejects.toMatchObject({ code: 'gtfs.zip_unsupported' });
    await expect(readGtfsFeed(await fs.mkdtemp(path.join(dir, 'empty-')))).rejects.toMatchObject({ code: 'gtfs.missing_file' });
  });
});

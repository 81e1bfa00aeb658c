import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catchUp, type Copied, copyListed, dataDirSource } from './file-copies.js';

/** The copy passes of a backup on a real directory: what each pass adds, refreshes and takes back out. */
let from: string;
let to: string;
beforeEach(async () => {
  from = await fs.mkdtemp(path.join(os.tmpdir(), 'copies-from-'));
  to = await fs.mkdtemp(path.join(os.tmpdir(), 'copies-to-'));
});
afterEach(async () => {
  await fs.rm(from, { recursive: true, force: true });
  await fs.rm(to, { recursive: true, force: true });
});

const write = async (rel: string, text: string) => {
  await fs.mkdir(path.dirname(path.join(from, rel)), { recursive: true });
  await fs.writeFile(path.join(from, rel), text);
};
const staged = async (rel: string) => await fs.readFile(path.join(to, rel), 'utf8').catch(() => null);

describe('backup copy passes', () => {
  it('catches up before the snapshot: drops what was deleted, copies what was added, copies again what changed', async () => {
    const source = dataDirSource(from, to, (rel) => rel === 'cache');
    await write('lake/a/v1/data.parquet', 'one');
    await write('lake/a/_manifests/v1.json', '{"state":"published"}');
    await write('lake/b/v1/data.parquet', 'gone soon');
    await write('cache/x', 'not copied');
    const copied: Copied = new Map();
    await copyListed(source, copied, await source.list());
    expect([...copied.keys()].sort()).toEqual(['lake/a/_manifests/v1.json', 'lake/a/v1/data.parquet', 'lake/b/v1/data.parquet']);

    await fs.rm(path.join(from, 'lake/b/v1/data.parquet'));
    await write('lake/a/_manifests/v1.json', '{"state":"withdrawn","history":[]}');
    await write('lake/c/v1/data.parquet', 'new');
    await catchUp(source, copied);
    expect(await staged('lake/b/v1/data.parquet')).toBeNull();
    expect(await staged('lake/a/_manifests/v1.json')).toBe('{"state":"withdrawn","history":[]}');
    expect(await staged('lake/c/v1/data.parquet')).toBe('new');
    expect(await staged('cache/x')).toBeNull();

    // After the snapshot: only what is new is copied; a deletion or a change then belongs to after the snapshot.
    await fs.rm(path.join(from, 'lake/a/v1/data.parquet'));
    await write('lake/a/_manifests/v1.json', '{"state":"deleted","history":[1,2]}');
    await write('lake/d/v1/data.parquet', 'newer');
    await copyListed(source, copied, await source.list());
    expect(await staged('lake/a/v1/data.parquet')).toBe('one');
    expect(await staged('lake/a/_manifests/v1.json')).toBe('{"state":"withdrawn","history":[]}');
    expect(await staged('lake/d/v1/data.parquet')).toBe('newer');
  });

  it('skips a file deleted between its listing and its copy', async () => {
    const source = dataDirSource(from, to, () => false);
    await write('evidence/1.jpg', 'x');
    const listed = await source.list();
    await fs.rm(path.join(from, 'evidence/1.jpg'));
    const copied: Copied = new Map();
    await copyListed(source, copied, listed);
    expect(copied.size).toBe(0);
    expect(await source.copy('evidence/1.jpg')).toBeNull();
  });
});

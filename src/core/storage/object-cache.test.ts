import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evictionsFor, objectCache } from './object-cache.js';

const copy = (key: string, bytes: number) => ({ key, bytes });
const keys = (copies: Array<{ key: string }>) => copies.map((c) => c.key);

describe('evictionsFor', () => {
  const lru = [copy('a', 40), copy('b', 30), copy('c', 20)]; // a least recently used

  it('deletes nothing while the download fits', () => {
    expect(evictionsFor(lru, 10, 100)).toEqual([]);
  });
  it('deletes the least recently used first, only as many as needed', () => {
    expect(keys(evictionsFor(lru, 11, 100))).toEqual(['a']);
    expect(keys(evictionsFor(lru, 60, 100))).toEqual(['a', 'b']);
  });
  it('never deletes a kept copy (the one being returned, one being downloaded): the next one goes instead', () => {
    expect(keys(evictionsFor(lru, 11, 100, new Set(['a'])))).toEqual(['b']);
    expect(keys(evictionsFor(lru, 60, 100, new Set(['a'])))).toEqual(['b', 'c']);
  });
  it('a file larger than the whole budget: every other copy goes, and the file is still served', () => {
    expect(keys(evictionsFor(lru, 500, 100))).toEqual(['a', 'b', 'c']);
    expect(keys(evictionsFor(lru, 500, 0, new Set(['c'])))).toEqual(['a', 'b']);
  });
});

describe('objectCache', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });
  const write = async (key: string, bytes: number) => {
    const file = path.join(dir, ...key.split('/'));
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, Buffer.alloc(bytes));
  };
  const onDisk = async () =>
    (await fs.readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
      .sort();

  it('deletes the least recently used copy on disk when a download needs the room; a hit makes a copy recent', async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'object-cache-'));
    const logged: string[] = [];
    const cache = objectCache({ dir, maxBytes: 100, holdMs: 0, log: { warn: (_o, m) => logged.push(m), info: () => {} } });
    const evicted: string[] = [];
    cache.onEvicted((k) => evicted.push(k));
    for (const key of ['lake/a/v1/data.parquet', 'lake/b/v1/data.parquet', 'lake/c/v1/data.parquet']) {
      const done = await cache.reserve(key, 30);
      await write(key, 30);
      done(true);
    }
    await cache.touch('lake/a/v1/data.parquet', 30); // a is now the most recent; b the least
    const done = await cache.reserve('lake/d/v1/data.parquet', 30);
    await write('lake/d/v1/data.parquet', 30);
    done(true);
    expect(evicted).toEqual(['lake/b/v1/data.parquet']);
    expect(await onDisk()).toEqual(['lake/a/v1/data.parquet', 'lake/c/v1/data.parquet', 'lake/d/v1/data.parquet']);
    expect(await cache.bytes()).toBe(90);

    // Larger than the whole budget: everything else goes, the file is kept (and said in the log).
    const big = await cache.reserve('lake/e/v1/data.parquet', 150);
    await write('lake/e/v1/data.parquet', 150);
    big(true);
    expect(await onDisk()).toEqual(['lake/e/v1/data.parquet']);
    expect(logged.some((m) => m.includes('larger than the whole local cache budget'))).toBe(true);

    // A failed download gives its room back; a forgotten copy is no longer counted.
    const failed = await cache.reserve('lake/f/v1/data.parquet', 10);
    failed(false);
    await cache.forget('lake/e/v1/data.parquet');
    expect(await cache.bytes()).toBe(0);
  });

  it('counts the copies a restarted replica finds on disk, the least recently accessed first', async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'object-cache-'));
    await write('lake/old/v1/data.parquet', 40);
    await write('lake/new/v1/data.parquet', 40);
    await write('lake/new/v1/data.parquet.1234.part', 40); // a download a crash left: not a copy
    const past = new Date(Date.now() - 3_600_000);
    await fs.utimes(path.join(dir, 'lake/old/v1/data.parquet'), past, past);
    const cache = objectCache({ dir, maxBytes: 100, holdMs: 0 });
    expect(await cache.bytes()).toBe(80);
    const done = await cache.reserve('lake/x/v1/data.parquet', 40);
    done(true);
    expect(await onDisk()).toEqual(['lake/new/v1/data.parquet', 'lake/new/v1/data.parquet.1234.part']);
  });

  it('never deletes a copy handed out or stored within the hold: its reader may not have opened it yet', async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'object-cache-'));
    let clock = 0;
    const infos: string[] = [];
    const cache = objectCache({ dir, maxBytes: 100, holdMs: 60_000, now: () => clock, log: { warn: () => {}, info: (_o, m) => infos.push(m) } });
    const store = async (key: string, bytes: number) => {
      const done = await cache.reserve(key, bytes);
      await write(key, bytes);
      done(true);
    };
    await store('lake/a/v1/data.parquet', 40);
    clock = 50_000;
    await store('lake/b/v1/data.parquet', 40);
    // c needs room at 70 s: a (used 70 s ago) is past the hold and goes.
    clock = 70_000;
    await store('lake/c/v1/data.parquet', 40);
    expect(await onDisk()).toEqual(['lake/b/v1/data.parquet', 'lake/c/v1/data.parquet']);
    // d at 75 s: the least recently used, b, was used 25 s ago and c 5 s ago: both held, so d is stored over the
    // budget (where without the hold b would have gone), and the log says why.
    clock = 75_000;
    await store('lake/d/v1/data.parquet', 40);
    expect(await onDisk()).toEqual(['lake/b/v1/data.parquet', 'lake/c/v1/data.parquet', 'lake/d/v1/data.parquet']);
    expect(await cache.bytes()).toBe(120);
    expect(infos.some((m) => m.includes('over its budget by copies used in the last moments'))).toBe(true);
    // Once the hold has passed, the next download brings the cache back within its budget, least recently used first.
    clock = 200_000;
    await store('lake/e/v1/data.parquet', 40);
    expect(await onDisk()).toEqual(['lake/d/v1/data.parquet', 'lake/e/v1/data.parquet']);
    expect(await cache.bytes()).toBe(80);
  });
});

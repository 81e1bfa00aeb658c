import fs from 'node:fs/promises';
import path from 'node:path';

/** One cached copy: its store key and size in bytes. */
export interface CachedCopy {
  key: string;
  bytes: number;
}

/**
 * Which copies to delete so that `incoming` more bytes fit under `maxBytes`: the least recently used first (`lru` is
 * in that order), never one in `keep`. When nothing more can go (everything else kept, or the incoming file alone is
 * over the budget) the answer is every copy that may go, and the cache is over its budget until the next download.
 */
export function evictionsFor(lru: readonly CachedCopy[], incoming: number, maxBytes: number, keep: ReadonlySet<string> = new Set()): CachedCopy[] {
  let total = incoming;
  for (const c of lru) total += c.bytes;
  const out: CachedCopy[] = [];
  for (const c of lru) {
    if (total <= maxBytes) break;
    if (keep.has(c.key)) continue;
    out.push(c);
    total -= c.bytes;
  }
  return out;
}

interface Log {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export interface ObjectCache {
  /** A hit: the key's copy is the most recently used (and counted, if it was on disk before this process knew it). */
  touch(key: string, bytes: number): Promise<void>;
  /**
   * Before a download of `bytes` into the cache: deletes least recently used copies until it fits (never `key`'s,
   * never one being downloaded), and holds its room. `done(true)` once the copy is in place counts it as the most
   * recently used; `done(false)` (the download failed) gives the room back.
   */
  reserve(key: string, bytes: number): Promise<(stored: boolean) => void>;
  /** The key's copy was deleted by someone else (a withdrawal, a replaced object): no longer counted. */
  forget(key: string): Promise<void>;
  /** Called with the key of every copy the budget deleted. */
  onEvicted(listener: (key: string) => void): () => void;
  /** Bytes counted now (copies and downloads in progress). */
  bytes(): Promise<number>;
}

/**
 * The replica's cache of object-storage files under `dir` (the path of a key is `dir/<key>`), bounded to `maxBytes`:
 * least recently used copies are deleted when a download would take the cache over it. Copies found on disk at the
 * first use (a restarted replica) count too, oldest access first. A deleted copy that a reader still has open stays
 * readable to it (Linux keeps an unlinked file until it is closed); the next `localPath` of the key downloads it again.
 * A copy handed out or stored in the last `holdMs` is never deleted: its reader may be about to open it (a query
 * waiting for a DuckDB connection), and a file deleted before it is opened would fail that reader.
 */
export function objectCache(opts: {
  dir: string;
  maxBytes: number;
  log?: Log;
  /**
   * Copies used this recently (ms) are not deleted to make room: the caller that was handed the path may not have
   * opened it yet (default 60 s; 0: none). The cache can then pass its budget by them until they age.
   */
  holdMs?: number;
  now?: () => number;
}): ObjectCache {
  const copies = new Map<string, number>(); // key → bytes, least recently used first
  const usedAt = new Map<string, number>(); // key → when it was last handed out or stored
  const holdMs = opts.holdMs ?? 60_000;
  const now = opts.now ?? (() => performance.now());
  const downloading = new Map<symbol, { key: string; bytes: number }>();
  const listeners = new Set<(key: string) => void>();
  let counted = 0;
  let scanned: Promise<void> | null = null;

  const keyOf = (file: string) => path.relative(opts.dir, file).split(path.sep).join('/');
  const scan = () =>
    (scanned ??= (async () => {
      const entries = await fs.readdir(opts.dir, { recursive: true, withFileTypes: true }).catch(() => []);
      const found: Array<{ key: string; bytes: number; at: number }> = [];
      for (const e of entries) {
        if (!e.isFile() || e.name.endsWith('.part')) continue; // a download in progress, or left by a crash
        const file = path.join(e.parentPath, e.name);
        const st = await fs.stat(file).catch(() => null);
        if (st) found.push({ key: keyOf(file), bytes: st.size, at: st.atimeMs });
      }
      found.sort((a, b) => a.at - b.at);
      const known = [...copies];
      copies.clear();
      for (const f of found) if (!known.some(([k]) => k === f.key)) copies.set(f.key, f.bytes);
      for (const [k, b] of known) copies.set(k, b);
      counted = [...copies.values()].reduce((s, b) => s + b, 0) + [...downloading.values()].reduce((s, d) => s + d.bytes, 0);
    })());

  const drop = (key: string) => {
    const bytes = copies.get(key);
    if (bytes === undefined) return false;
    copies.delete(key);
    usedAt.delete(key);
    counted -= bytes;
    return true;
  };

  return {
    async touch(key, bytes) {
      await scan();
      drop(key);
      copies.set(key, bytes);
      usedAt.set(key, now());
      counted += bytes;
    },
    async reserve(key, bytes) {
      await scan();
      const held = [...usedAt].filter(([, at]) => now() - at < holdMs).map(([k]) => k);
      const keep = new Set([key, ...[...downloading.values()].map((d) => d.key), ...held]);
      const lru = [...copies].map(([k, b]) => ({ key: k, bytes: b }));
      const pending = [...downloading.values()].reduce((s, d) => s + d.bytes, 0);
      const gone = evictionsFor(lru, bytes + pending, opts.maxBytes, keep);
      for (const c of gone) drop(c.key); // before any await: a concurrent download counts without them
      const id = Symbol(key);
      downloading.set(id, { key, bytes });
      counted += bytes;
      if (bytes > opts.maxBytes)
        opts.log?.warn(
          { key, bytes, maxBytes: opts.maxBytes },
          'storage: a file larger than the whole local cache budget (OPEN_SEOUL_CACHE_MAX_BYTES) is served from the cache all the same, and is the first to go at the next download',
        );
      for (const c of gone) {
        await fs.rm(path.join(opts.dir, ...c.key.split('/')), { force: true });
        for (const l of listeners) l(c.key);
      }
      if (gone.length)
        opts.log?.info({ evicted: gone.length, bytes: gone.reduce((s, c) => s + c.bytes, 0), for: key }, 'storage: least recently used cached copies deleted');
      if (held.length && counted > opts.maxBytes && bytes <= opts.maxBytes)
        opts.log?.info(
          { key, counted, maxBytes: opts.maxBytes, held: held.length },
          'storage: the local cache is over its budget by copies used in the last moments (OPEN_SEOUL_CACHE_HOLD_SECONDS); they go once older',
        );
      return (stored) => {
        if (!downloading.delete(id)) return;
        counted -= bytes;
        if (!stored) return;
        drop(key); // a concurrent download of the same key: counted once
        copies.set(key, bytes);
        usedAt.set(key, now());
        counted += bytes;
      };
    },
    async forget(key) {
      await scan();
      drop(key);
    },
    onEvicted(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async bytes() {
      await scan();
      return counted;
    },
  };
}

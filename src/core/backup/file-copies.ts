import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FileStore } from '../storage/index.js';

/**
 * What a backup copies besides the rows, as a set of keys (relative POSIX paths) it can list and copy one by one:
 * the data directory's files, and on object storage the store's objects. `stamp` says whether a key changed
 * (size, and the modification time where the source has one); `copy` answers null when the key is gone.
 */
export interface CopySource {
  list(): Promise<Map<string, string>>;
  copy(key: string): Promise<{ size: number; stamp: string } | null>;
  /** Takes a key back out of the archive being staged. */
  drop(key: string): Promise<void>;
}

const gone = (e: unknown) => (e as NodeJS.ErrnoException).code === 'ENOENT';

/** The data directory's files into `to`, without the files `skip` names (relative path, and whether it is a folder). */
export function dataDirSource(from: string, to: string, skip: (rel: string, name: string) => boolean): CopySource {
  const target = (key: string) => path.join(to, ...key.split('/'));
  return {
    async list() {
      const out = new Map<string, string>();
      const walk = async (rel: string) => {
        for (const e of await fs.readdir(path.join(from, rel), { withFileTypes: true }).catch(() => [])) {
          const r = rel ? `${rel}/${e.name}` : e.name;
          if (skip(r, e.name)) continue;
          if (e.isDirectory()) await walk(r);
          else if (e.isFile()) {
            const st = await fs.stat(path.join(from, r)).catch(() => null); // deleted since the folder was read
            if (st) out.set(r, `${st.size}@${st.mtimeMs}`);
          }
        }
      };
      await walk('');
      return out;
    },
    async copy(key) {
      const src = path.join(from, ...key.split('/'));
      try {
        const st = await fs.stat(src);
        await fs.mkdir(path.dirname(target(key)), { recursive: true });
        await fs.copyFile(src, target(key));
        return { size: st.size, stamp: `${st.size}@${st.mtimeMs}` };
      } catch (e) {
        if (gone(e)) return null;
        throw e;
      }
    },
    drop: (key) => fs.rm(target(key), { force: true }),
  };
}

/** Object storage: every object of the installation's prefix (but `skip`), streamed to `to/<key>`. */
export function objectSource(files: FileStore, to: string, skip: RegExp): CopySource {
  const target = (key: string) => path.join(to, ...key.split('/'));
  return {
    async list() {
      const out = new Map<string, string>();
      for await (const o of files.list('')) if (!skip.test(o.key)) out.set(o.key, String(o.size));
      return out;
    },
    async copy(key) {
      const got = await files.get(key);
      if (!got) return null; // deleted since it was listed
      await fs.mkdir(path.dirname(target(key)), { recursive: true });
      await pipeline(got.body, createWriteStream(target(key)));
      const { size } = await fs.stat(target(key));
      return { size, stamp: String(size) };
    },
    drop: (key) => fs.rm(target(key), { force: true }),
  };
}

/** What one source holds in the archive so far: key → size and the stamp it had when copied. */
export type Copied = Map<string, { size: number; stamp: string }>;

/** Copies every key the source lists now that `copied` does not hold yet (or, with `changed`, holds with another stamp). */
export async function copyListed(source: CopySource, copied: Copied, listed: Map<string, string>, opts: { changed?: boolean } = {}) {
  for (const [key, stamp] of listed) {
    const had = copied.get(key);
    if (had && !(opts.changed && had.stamp !== stamp)) continue;
    const got = await source.copy(key);
    if (got) copied.set(key, got);
    else if (had) {
      copied.delete(key); // changed, then deleted, before the snapshot: the snapshot does not name it
      await source.drop(key);
    }
  }
}

/**
 * Before the snapshot, after the first copy: what was deleted since it was copied leaves the archive (a file is
 * deleted only after the database stopped naming it, so a snapshot taken after this listing does not name it),
 * what was added or changed is copied (again).
 */
export async function catchUp(source: CopySource, copied: Copied) {
  const listed = await source.list();
  for (const key of [...copied.keys()]) {
    if (listed.has(key)) continue;
    copied.delete(key);
    await source.drop(key);
  }
  await copyListed(source, copied, listed, { changed: true });
}

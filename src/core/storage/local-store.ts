import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import { assertKey, type FileStore, type StoredFile } from './file-store.js';

/** Files under a directory on this machine (the data directory): the embedded default, one replica. */
export function localFileStore(root: string): FileStore {
  const file = (key: string) => path.join(root, ...assertKey(key).split('/'));
  const size = (p: string) =>
    fs.stat(p).then(
      (s) => (s.isFile() ? s.size : null),
      () => null,
    );
  return {
    kind: 'local',
    location: root,
    async put(key, body) {
      const target = file(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      // Written beside, then renamed: a reader never sees half a file, a crash leaves no torn one.
      const temp = `${target}.${randomUUID()}.part`;
      try {
        await pipeline(Buffer.isBuffer(body) ? Readable.from([body]) : body, createWriteStream(temp));
        await fs.rename(temp, target);
      } catch (error) {
        await fs.rm(temp, { force: true });
        throw error;
      }
    },
    async putFile(key, from) {
      const target = file(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await moveFile(from, target);
    },
    async get(key) {
      const p = file(key);
      const n = await size(p);
      return n === null ? null : { body: createReadStream(p), size: n };
    },
    read: (key) => fs.readFile(file(key)).catch(() => null),
    exists: async (key) => (await size(file(key))) !== null,
    delete: (key) => fs.rm(file(key), { force: true }),
    async *list(prefix) {
      const base = prefix ? file(prefix.replace(/\/$/, '')) : root;
      const walk = async function* (dir: string): AsyncGenerator<StoredFile> {
        const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
        for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
          const p = path.join(dir, e.name);
          if (e.isDirectory()) yield* walk(p);
          else if (e.isFile() && !e.name.endsWith('.part')) yield { key: path.relative(root, p).split(path.sep).join('/'), size: (await fs.stat(p)).size };
        }
      };
      yield* walk(base);
    },
    evict: async () => {},
    onEvicted: () => () => {},
    localPath: async (key) => ((await size(file(key))) === null ? null : file(key)),
    async check() {
      await fs.mkdir(root, { recursive: true });
      return fs.access(root, fs.constants.W_OK).then(
        () => 'ok' as const,
        () => 'error: not writable',
      );
    },
  };
}

/** Renames a file, or copies then removes it when the rename crosses devices; the target appears whole or not at all. */
export async function moveFile(from: string, to: string): Promise<void> {
  try {
    await fs.rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    const temp = `${to}.${randomUUID()}.part`;
    try {
      await fs.copyFile(from, temp);
      await fs.rename(temp, to);
    } catch (e) {
      await fs.rm(temp, { force: true });
      throw e;
    }
    await fs.rm(from, { force: true });
  }
}

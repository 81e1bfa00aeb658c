import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { App } from '../core/context.js';

/**
 * Client islands: each `*.island.ts` file under src/ (beside the page it enhances) is bundled by esbuild into
 * one classic script, served at /assets/<name>.js (interior-editor.island.ts → /assets/interior-editor.js).
 * The bundle is built from the sources the first time a script is asked for and kept in memory for the life of
 * the process, so `npm start` needs no build step and the code that runs is the code the tests cover (islands
 * import the same modules as the server, e.g. editor-geometry.ts). The URLs are public: pages, the survey's
 * service worker and partner sites (the transfer widget) load them.
 */
const SRC = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const SUFFIX = '.island.ts';

export interface Island {
  name: string;
  source: string;
}
export interface BuiltIsland {
  code: string;
  etag: string;
}

/** Every island under src/, by the name of its script (`interior-editor.js`); a name used twice is an error. */
export function findIslands(root = SRC): Island[] {
  const found = new Map<string, string>();
  for (const file of fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).sort()) {
    if (!file.endsWith(SUFFIX) || file.split(path.sep).includes('node_modules')) continue;
    const name = `${path.basename(file, SUFFIX)}.js`;
    const other = found.get(name);
    if (other) throw new Error(`Two islands named ${name}: ${other} and ${file}`);
    found.set(name, file);
  }
  return [...found].map(([name, file]) => ({ name, source: path.join(root, file) }));
}

/** Bundles the islands (one IIFE each, ES2020, no source map: the sources are public in the repository). */
export async function buildIslands(islands: Island[] = findIslands()): Promise<Map<string, BuiltIsland>> {
  const result = await build({
    entryPoints: Object.fromEntries(islands.map((i) => [i.name.replace(/\.js$/, ''), i.source])),
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    charset: 'utf8',
    outdir: 'islands',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const built = new Map<string, BuiltIsland>();
  for (const file of result.outputFiles) {
    built.set(path.basename(file.path), { code: file.text, etag: `"${createHash('sha256').update(file.contents).digest('base64url').slice(0, 27)}"` });
  }
  return built;
}

let cached: Promise<Map<string, BuiltIsland>> | null = null;

/** The built islands of this process (built once; again on every call in development, where sources change). */
export function islandBundles(): Promise<Map<string, BuiltIsland>> {
  if (!cached || process.env.NODE_ENV === 'development') {
    cached = buildIslands();
    cached.catch(() => {
      cached = null;
    }); // a failed build is tried again on the next request
  }
  return cached;
}

/** One island's script, by name (`survey-sw.js`). */
export async function islandScript(name: string): Promise<BuiltIsland> {
  const island = (await islandBundles()).get(name);
  if (!island) throw new Error(`No island named ${name}`);
  return island;
}

/** GET /assets/<name>.js for each island: before the static files, with the same caching (7 days, ETag). */
export function registerIslands(app: App) {
  for (const { name } of findIslands()) {
    app.get(`/assets/${name}`, { schema: { hide: true } }, async (request, reply) => {
      const island = await islandScript(name);
      reply.header('cache-control', 'public, max-age=604800').header('etag', island.etag);
      if (request.headers['if-none-match'] === island.etag) return reply.code(304).send();
      return reply.type('text/javascript; charset=utf-8').send(island.code);
    });
  }
}

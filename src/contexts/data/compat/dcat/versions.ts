import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Services } from '../../../../core/context.js';
import { readManifest } from '../../lake/lake-manifest.js';
import { isLakeKey } from '../../lake/lake-store.js';
import { publicVersionsOf } from '../../store/catalogue-entry.repository.js';

/**
 * Every published version of the catalogue's table resources, with the facts DCAT gives per version: when it
 * was published, its rows, and the size and SHA-256 of its Parquet file (the one file we serve byte for byte,
 * so the only one whose size and checksum are known before a download; CSV and JSON are generated).
 */
export interface VersionFacts {
  version: number;
  publishedAt: string | null;
  rows: number;
  /** Parquet file size in bytes and its SHA-256 (hex); null when the file is missing. */
  parquet: { bytes: number; sha256: string } | null;
  /** A withdrawn version: when and why (its rows are no longer served; the fact stays listed). */
  withdrawn: { at: string | null; reason: string | null } | null;
}

/** Published files never change: their facts are kept, keyed by path, size and modification time. */
const facts = new Map<string, { bytes: number; sha256: string }>();
const MAX_FACTS = 2000;
/** A lake version's facts from its manifest, by lake key, per app (keys are relative to the app's file store). */
const lakeFacts = new WeakMap<Services, Map<string, { bytes: number; sha256: string }>>();

async function fileFacts(file: string): Promise<{ bytes: number; sha256: string } | null> {
  const stat = await fs.promises.stat(file).catch(() => null);
  if (!stat) return null;
  const key = `${file}|${stat.size}|${stat.mtimeMs}`;
  const known = facts.get(key);
  if (known) return known;
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  const out = { bytes: stat.size, sha256: hash.digest('hex') };
  if (facts.size >= MAX_FACTS) facts.delete(facts.keys().next().value!);
  facts.set(key, out);
  return out;
}

/** A lake version's facts are in its manifest (any replica, no download); an older version's from its file here. */
async function storedFacts(services: Services, datasetId: string, resourceId: string, version: number, parquetPath: string) {
  if (!isLakeKey(parquetPath)) return fileFacts(path.resolve(services.config.dataDir, parquetPath));
  // A published file's size and checksum never change; a lake key names a file in this app's store only.
  let stored = lakeFacts.get(services);
  if (!stored) lakeFacts.set(services, (stored = new Map()));
  const known = stored.get(parquetPath);
  if (known) return known;
  const file = (await readManifest(services, datasetId, resourceId, version))?.files.find((f) => f.path === 'data.parquet');
  if (!file) return null;
  if (stored.size >= MAX_FACTS) stored.delete(stored.keys().next().value!);
  stored.set(parquetPath, { bytes: file.bytes, sha256: file.sha256 });
  return { bytes: file.bytes, sha256: file.sha256 };
}

/** resource id → its published and withdrawn versions, oldest first. */
export async function loadVersionFacts(services: Services, datasetIds: string[]): Promise<Map<string, VersionFacts[]>> {
  const out = new Map<string, VersionFacts[]>();
  if (datasetIds.length === 0) return out;
  const rows = await publicVersionsOf(services.db, datasetIds);
  for (const v of rows) {
    const withdrawn = v.status === 'withdrawn' ? { at: v.withdrawn_at ?? null, reason: v.withdrawn_reason ?? null } : null;
    const parquet = v.parquet_path && !withdrawn ? await storedFacts(services, v.dataset_id, v.resource_id, Number(v.version), v.parquet_path) : null;
    const list = out.get(v.resource_id) ?? [];
    list.push({ version: Number(v.version), publishedAt: v.published_at, rows: Number(v.rows), parquet, withdrawn });
    out.set(v.resource_id, list);
  }
  return out;
}

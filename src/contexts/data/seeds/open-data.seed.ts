import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { system, type OrganisationType } from '../../../core/auth/actor.js';
import type { Seed, Services } from '../../../core/context.js';
import { createOrganisation } from '../../accounts/index.js';
import { ingestFile } from '../use-cases/ingest-file.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const SEED_DIR = path.join(ROOT, 'seed');
export const CATALOGUE_FILE = path.join(SEED_DIR, 'data/catalogue.json');

export interface SeedDataset {
  id: string;
  titleKo: string;
  titleEn: string;
  descriptionKo: string;
  descriptionEn: string;
  publisher: string | null;
  topics: string[];
  keywords: string[];
  licence: string;
  frequency: string;
  temporalStart: string | null;
  temporalEnd: string | null;
  spatial: string | null;
  sourceUrl: string | null;
  attribution: string;
  /** One version per file, in order; paths relative to seed/. */
  files: string[];
}
export interface SeedCatalogue {
  organisations: Array<{ slug: string; type: OrganisationType; nameKo: string; nameEn: string; descriptionEn: string }>;
  datasets: SeedDataset[];
}

export const readSeedCatalogue = async (): Promise<SeedCatalogue> => JSON.parse(await fs.readFile(CATALOGUE_FILE, 'utf8')) as SeedCatalogue;

/**
 * Loads seed/data/catalogue.json: the Seoul open datasets shipped in seed/ (air quality, subway ridership and
 * congestion, public bikes, station lists, lift status), each file ingested as a version through the same
 * pipeline as an upload. Resumable: a dataset that already has some versions continues with the next file,
 * so a seed that failed half-way does not duplicate versions when it is retried.
 */
export async function loadOpenData(services: Services, catalogue: SeedCatalogue, only?: string[]) {
  const actor = system();
  for (const o of catalogue.organisations) {
    if (!(await services.db.selectFrom('accounts_organisation').select('id').where('slug', '=', o.slug).executeTakeFirst())) {
      await createOrganisation(services, actor, { ...o, descriptionKo: null });
    }
  }
  const loaded: Array<{ dataset: string; version: number; rows: number; file: string }> = [];
  for (const d of catalogue.datasets.filter((x) => !only || only.includes(x.id))) {
    const org = d.publisher ? await services.db.selectFrom('accounts_organisation').select('id').where('slug', '=', d.publisher).executeTakeFirst() : null;
    if (d.publisher && !org) throw new Error(`seed/data/catalogue.json: ${d.id}: no organisation "${d.publisher}"`);
    const done = await services.db
      .selectFrom('data_version as v')
      .innerJoin('data_resource as r', 'r.id', 'v.resource_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('r.dataset_id', '=', d.id)
      .where('v.status', '=', 'published')
      .executeTakeFirst();
    const { files, publisher: _publisher, ...entry } = d;
    for (const file of files.slice(Number(done?.n ?? 0))) {
      const absolute = path.join(SEED_DIR, file);
      const { published } = await ingestFile(services, actor, {
        datasetId: d.id,
        file: absolute,
        filename: path.basename(file),
        create: { ...entry, publisherId: org?.id ?? null },
      });
      loaded.push({ dataset: d.id, version: published.version, rows: published.rows, file });
    }
  }
  return loaded;
}

export const openDataSeed: Seed = {
  name: 'data.seoul-open-data',
  async run(services) {
    const loaded = await loadOpenData(services, await readSeedCatalogue());
    services.log.info({ versions: loaded.length, rows: loaded.reduce((n, l) => n + l.rows, 0) }, 'Seoul open datasets ingested');
  },
};

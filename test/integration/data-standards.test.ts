import { createHash } from 'node:crypto';
import { Package } from 'datapackage';
import { Parser, Store } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { createDataset } from '../../src/contexts/data/use-cases/create-dataset.js';
import { publishFixtureVersion } from '../support/lake-fixtures.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

/**
 * The standard outputs checked by their own libraries, on the real seeded catalogue: every public dataset's
 * datapackage.json loaded by the official Frictionless JS library (`datapackage`: valid, no errors, each table
 * read through it), and the DCAT catalogue parsed by n3 with versions, contact points, byte sizes and checksums
 * compared with the files themselves.
 */
let t: TestContext;
let base = '';
const PUBLIC_URL = 'http://localhost:8080';
const P = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  spdx: 'http://spdx.org/rdf/terms#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
};

beforeAll(async () => {
  t = await createTestContext({}, { withOpenData: true });
  await createDataset(t.services, system(), { id: 'no-sources', titleKo: '출처 없는 데이터', licence: 'KOGL-1' });
  await publishFixtureVersion(t.services, 'no-sources', {
    sql: `SELECT * FROM (VALUES (1, '가'), (2, '나')) v("번호", "이름")`,
    schema: [
      { name: '번호', type: 'integer' },
      { name: '이름', type: 'string' },
    ],
  });
  base = await t.app.listen({ host: '127.0.0.1', port: 0 });
}, 300_000);
afterAll(() => t?.close());

const get = (path: string) => fetch(`${base}${path}`);

describe(`Frictionless datapackage.json through the official library (${dialect})`, () => {
  it('every public dataset with a published table gives a package that is valid and readable', async () => {
    const ids = (await t.services.db.selectFrom('data_dataset').select('id').where('restricted', '=', 0).orderBy('id').execute()).map((d) => d.id);
    const checked: string[] = [];
    for (const id of ids) {
      const res = await get(`/api/v1/data/datasets/${id}/datapackage.json`);
      if (res.status === 404) continue; // nothing published yet: no package is offered
      expect(res.status).toBe(200);
      const descriptor = JSON.parse((await res.text()).replaceAll(PUBLIC_URL, base)) as {
        sources?: unknown[];
        keywords?: unknown[];
        resources: Array<{ name: string; profile: string; encoding?: string; schema?: { fields: Array<{ name: string }> } }>;
      };
      for (const key of ['sources', 'keywords', 'contributors'] as const) expect((descriptor as Record<string, unknown[] | undefined>)[key]).not.toEqual([]);
      const pkg = await Package.load(descriptor);
      expect({ id, valid: pkg.valid, errors: pkg.errors.map((e: Error) => e.message) }).toEqual({ id, valid: true, errors: [] });
      for (const r of descriptor.resources.filter((x) => x.profile === 'tabular-data-resource')) {
        expect(r.encoding).toBe('utf-8');
        const resource = pkg.getResource(r.name);
        const rows = (await resource.read({ keyed: true, limit: 30 })) as Array<Record<string, unknown>>;
        expect({ id, rows: rows.length > 0 }).toEqual({ id, rows: true });
        expect(resource.headers).toEqual(r.schema!.fields.map((f) => f.name));
      }
      checked.push(id);
    }
    expect(checked).toEqual(expect.arrayContaining(['no-sources', 'seoul-air-quality-daily', 'seoul-subway-ridership-daily']));
    expect(checked.length).toBeGreaterThanOrEqual(9);
  }, 120_000);

  it('a dataset without a source leaves `sources` out instead of giving it empty', async () => {
    const pkg = (await (await get('/api/v1/data/datasets/no-sources/datapackage.json')).json()) as Record<string, unknown>;
    expect(pkg).not.toHaveProperty('sources');
    expect(pkg).not.toHaveProperty('keywords');
  });
});

describe(`DCAT versions, contact points, sizes and checksums (${dialect})`, () => {
  let store: Store;
  beforeAll(async () => {
    store = new Store(new Parser().parse(await (await get('/api/v1/data/catalog.ttl')).text()));
  });
  const objects = (s: string, p: string) => store.getObjects(s, p, null).map((o) => o.value);

  it('lists each published version as a dcat:Dataset with pinned downloads', async () => {
    const page = `${PUBLIC_URL}/data/datasets/seoul-air-quality-daily`;
    const versions = await t.services.db
      .selectFrom('data_version as v')
      .innerJoin('data_resource as r', 'r.id', 'v.resource_id')
      .select(['v.version'])
      .where('r.dataset_id', '=', 'seoul-air-quality-daily')
      .where('v.status', '=', 'published')
      .orderBy('v.version')
      .execute();
    expect(versions.length).toBeGreaterThan(1);
    expect(objects(page, `${P.dcat}hasVersion`).sort()).toEqual(versions.map((v) => `${page}?version=${v.version}`).sort());
    const latest = versions.at(-1)!.version;
    expect(objects(page, `${P.dcat}hasCurrentVersion`)).toEqual([`${page}?version=${latest}`]);
    expect(objects(page, `${P.dcat}version`)).toEqual([String(latest)]);
    for (const { version } of versions) {
      const v = `${page}?version=${version}`;
      expect(objects(v, `${P.dcat}version`)).toEqual([String(version)]);
      expect(objects(v, `${P.dcat}isVersionOf`)).toEqual([page]);
      const urls = objects(v, `${P.dcat}distribution`).flatMap((d) => objects(d, `${P.dcat}downloadURL`));
      expect(urls).toHaveLength(3);
      for (const url of urls) expect(url).toMatch(new RegExp(`[?&]version=${version}$`));
    }
    for (const d of objects(page, `${P.dcat}distribution`)) expect(objects(d, `${P.dcat}downloadURL`)[0]).toMatch(new RegExp(`version=${latest}$`));
  });

  it('gives the Parquet file’s true byte size and SHA-256, and a contact point for every dataset', async () => {
    const dist = `${PUBLIC_URL}/data/datasets/seoul-air-quality-daily?version=1#seoul-air-quality-daily--table-v1-parquet`;
    const url = objects(dist, `${P.dcat}downloadURL`)[0]!;
    const bytes = Buffer.from(await (await get(url.replace(PUBLIC_URL, ''))).arrayBuffer());
    expect(objects(dist, `${P.dcat}byteSize`)).toEqual([String(bytes.length)]);
    const checksum = objects(dist, `${P.spdx}checksum`)[0]!;
    expect(objects(checksum, `${P.spdx}algorithm`)).toEqual([`${P.spdx}checksumAlgorithm_sha256`]);
    expect(objects(checksum, `${P.spdx}checksumValue`)).toEqual([createHash('sha256').update(bytes).digest('hex')]);
    const datasets = store.getSubjects(`${P.dcat}isVersionOf`, null, null).length;
    expect(datasets).toBeGreaterThan(0);
    // A contact point wherever one is known (the dataset's contact or its publisher); none is invented.
    const rows = await t.services.db
      .selectFrom('data_dataset')
      .select(['id', 'contact_name', 'contact_email', 'publisher_id'])
      .where('restricted', '=', 0)
      .execute();
    const known = new Map(rows.map((r) => [`${PUBLIC_URL}/data/datasets/${r.id}`, !!(r.contact_name || r.contact_email || r.publisher_id)]));
    expect([...known.values()].filter(Boolean).length).toBeGreaterThanOrEqual(7);
    for (const ds of objects(`${PUBLIC_URL}/data`, `${P.dcat}dataset`)) {
      const [contact] = objects(ds, `${P.dcat}contactPoint`);
      expect({ ds, contact: !!contact }).toEqual({ ds, contact: known.get(ds) });
      if (contact) expect(objects(contact, `${P.vcard}fn`)).toHaveLength(1);
    }
  });
});

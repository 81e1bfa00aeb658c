import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportGtfs } from '../../src/contexts/transit/gtfs/export-gtfs.js';
import { loadFeedRows } from '../../src/contexts/transit/store/feed.repository.js';
import { importGtfs } from '../../src/contexts/transit/gtfs/import-gtfs.js';
import { validateGtfs } from '../../src/contexts/transit/gtfs/validate-gtfs.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

const SHARED = '/work/shared/data/gtfs';
const FIXTURES = path.resolve('src/contexts/transit/gtfs/fixtures');
const FEEDS = [
  { name: 'detroit', dir: path.join(SHARED, 'detroit-people-mover'), counts: { stops: 88, levels: 29, pathways: 71 }, stations: 13 },
  { name: 'prague', dir: path.join(SHARED, 'prague-pid-2020-partial'), counts: { stops: 10517, levels: 136, pathways: 994 }, stations: 58 },
];

let t: TestContext;
let work: string;
beforeAll(async () => {
  t = await createTestContext();
  work = await fs.mkdtemp(path.join(t.dataDir, 'gtfs-'));
}, 60_000);
afterAll(() => t.close());

/** A feed as stored, without what differs between two imports of it (feed name, import time). */
async function graph(feed: string) {
  const local = (id: string | null) => (id === null ? null : id.slice(feed.length + 1));
  const origin = (text: string) => {
    const { source, file, row, line } = JSON.parse(text) as Record<string, unknown>;
    return { source, file, row, line };
  };
  const { levels, nodes, edges } = await loadFeedRows(t.services.db, feed);
  const stations = await t.services.db.selectFrom('transit_station').selectAll().where('feed', '=', feed).execute();
  const byKey = <T>(list: T[], key: (x: T) => string) => Object.fromEntries(list.map((x) => [key(x), x]));
  return {
    stations: byKey(
      stations.map(({ id, feed: _f, created_at: _c, updated_at: _u, provenance, extra, ...s }) => ({
        ...s,
        id: local(id),
        provenance: origin(provenance),
        extra: JSON.parse(extra) as unknown,
      })),
      (s) => s.id!,
    ),
    levels: byKey(
      levels.map(({ id, feed: _f, station_id, extra, ...l }) => ({ ...l, id: local(id), station_id: local(station_id), extra: JSON.parse(extra) as unknown })),
      (l) => l.level_id,
    ),
    nodes: byKey(
      nodes.map(({ id, feed: _f, station_id, provenance, extra, ...n }) => ({
        ...n,
        id: local(id),
        station_id: local(station_id),
        provenance: origin(provenance),
        extra: JSON.parse(extra) as unknown,
      })),
      (n) => n.stop_id,
    ),
    edges: byKey(
      edges.map(({ id, feed: _f, provenance, extra, ...e }) => ({ ...e, id: local(id), provenance: origin(provenance), extra: JSON.parse(extra) as unknown })),
      (e) => e.pathway_id,
    ),
  };
}

async function rowsOf(feed: string) {
  const count = async (table: 'transit_station' | 'transit_level' | 'transit_node' | 'transit_edge') =>
    (await t.services.db.selectFrom(table).select('id').where('feed', '=', feed).execute()).length;
  const imports = await t.services.db.selectFrom('transit_import').select('id').where('source', '=', `gtfs:${feed}`).execute();
  return {
    stations: await count('transit_station'),
    levels: await count('transit_level'),
    nodes: await count('transit_node'),
    edges: await count('transit_edge'),
    imports: imports.length,
  };
}

/** A copy of the valid fixture in a scratch directory, to break on purpose. */
async function scratchFeed(name: string) {
  const dir = path.join(work, name);
  await fs.cp(path.join(FIXTURES, 'valid'), dir, { recursive: true });
  return dir;
}

describe(`GTFS round trip (${dialect})`, () => {
  it.each(FEEDS)('$name: import → export → import gives the same graph', async ({ name, dir, counts, stations }) => {
    const first = await importGtfs(t.services, { dir, feed: name });
    expect(first.errors).toBe(0);
    expect(first.counts).toEqual({
      'stops.txt': { read: counts.stops, imported: counts.stops, rejected: 0 },
      'levels.txt': { read: counts.levels, imported: counts.levels, rejected: 0 },
      'pathways.txt': { read: counts.pathways, imported: counts.pathways, rejected: 0 },
    });
    expect(first.stations).toBe(stations);

    // Exported into a copy of the feed, as one would to publish it: the other files (feed_info.txt with
    // feed_lang, trips…) stay, stops.txt, levels.txt and pathways.txt are replaced.
    const out = path.join(work, `${name}-export`);
    await fs.cp(dir, out, { recursive: true });
    await Promise.all(['stops.txt', 'levels.txt', 'pathways.txt'].map((f) => fs.chmod(path.join(out, f), 0o644)));
    const exported = await exportGtfs(t.services, { dir: out, feed: name });
    expect(exported.files).toEqual({ 'stops.txt': counts.stops, 'levels.txt': counts.levels, 'pathways.txt': counts.pathways });
    for (const file of ['stops.txt', 'levels.txt', 'pathways.txt']) {
      const header = (text: string) => text.replace(/^\uFEFF/, '').split(/\r?\n/)[0];
      expect(header(await fs.readFile(path.join(out, file), 'utf8'))).toBe(header(await fs.readFile(path.join(dir, file), 'utf8')));
    }

    const second = await importGtfs(t.services, { dir: out, feed: `${name}-again` });
    expect(second.counts).toEqual(first.counts);
    const [a, b] = [await graph(name), await graph(`${name}-again`)];
    expect(Object.keys(a.nodes)).toHaveLength(counts.stops);
    expect(b).toEqual(a);
  }, 60_000);

  it('keeps extension columns, stop names in the feed language, accessibility as tri-state, and provenance', async () => {
    const prague = await graph('prague');
    expect(prague.edges.U1040P1).toMatchObject({
      from_stop_id: 'U1040N4',
      pathway_mode: 1,
      is_bidirectional: 1,
      traversal_time: null,
      signposted_as: 'Bus, Motol, Homolka, Strahov, Petřiny, U Waltrovky',
      extra: { OBJECTID: '1', Shape_Length: '37.50794597017181' },
      provenance: { source: 'gtfs', file: 'pathways.txt', row: 1, line: 2 },
    });
    expect(prague.edges.U921P17!.from_stop_id).toBe('U921N2'); // "U921N2 " in the file: trimmed, with a warning
    // An empty extension value (stop_url here) is no value: not stored, written back empty (the header keeps the column).
    expect(prague.nodes.U50Z101P).toMatchObject({ location_type: 0, parent_stop_id: 'U50S1', station_id: 'U50S1', extra: { zone_id: 'P' } });
    expect(prague.nodes.U50Z101P!.extra).not.toHaveProperty('stop_url');
    expect(prague.stations.U50S1).toMatchObject({ gtfs_stop_id: 'U50S1', name_romanised: 'Budějovická', name_en: null });
    const detroit = await graph('detroit');
    expect(detroit.stations['1']).toMatchObject({ name_en: 'Times Square', wheelchair_boarding: null });
    const wheelchair = Object.values(detroit.nodes).map((n) => n.wheelchair_boarding);
    expect(new Set(wheelchair)).toEqual(new Set([null, 1, 0])); // GTFS 0/empty → null, 1 → 1, 2 → 0
    expect(detroit.levels['101']).toMatchObject({ level_index: 1, level_name: 'T (Train)', station_id: '1' });
  });

  it('replaces a feed on re-import and records each import in the audit log', async () => {
    await importGtfs(t.services, { dir: path.join(SHARED, 'detroit-people-mover'), feed: 'replaced' });
    expect(await rowsOf('replaced')).toMatchObject({ stations: 13, nodes: 88, edges: 71, levels: 29 });
    await importGtfs(t.services, { dir: path.join(FIXTURES, 'valid'), feed: 'replaced' });
    expect(await rowsOf('replaced')).toEqual({ stations: 1, nodes: 5, edges: 3, levels: 2, imports: 2 });
    const audit = await t.services.db.selectFrom('core_audit').select('after_json').where('action', '=', 'transit.import_gtfs').execute();
    expect(audit.some((a) => a.after_json?.includes('"feed":"replaced"'))).toBe(true);
  });
});

describe(`GTFS import of invalid feeds (${dialect})`, () => {
  it('strict mode refuses a feed with any error and writes nothing, keeping what the feed had', async () => {
    const broken = path.join(FIXTURES, 'pathway_unknown_stop');
    await expect(importGtfs(t.services, { dir: broken, feed: 'strict-new', strict: true })).rejects.toMatchObject({
      code: 'gtfs.invalid',
      status: 422,
      details: { problems: [expect.objectContaining({ rule: 'pathway_unknown_stop', file: 'pathways.txt', line: 5 })] },
    });
    expect(await rowsOf('strict-new')).toEqual({ stations: 0, levels: 0, nodes: 0, edges: 0, imports: 0 });

    await importGtfs(t.services, { dir: path.join(FIXTURES, 'valid'), feed: 'strict-kept', strict: true });
    await expect(importGtfs(t.services, { dir: broken, feed: 'strict-kept', strict: true })).rejects.toMatchObject({ code: 'gtfs.invalid' });
    expect(await rowsOf('strict-kept')).toEqual({ stations: 1, levels: 2, nodes: 5, edges: 3, imports: 1 });
  });

  it('non-strict mode imports the valid rows and reports the others with file and line', async () => {
    const dir = await scratchFeed('partly-broken');
    await fs.appendFile(
      path.join(dir, 'stops.txt'),
      `${[
        'E2,Exit without parent,37.5002,127.0002,2,,L0,', // line 7: rejected (location_without_parent_station)
        'X1,Bus stop,37.6000,127.1000,0,,,7', //              line 8: unreadable (invalid_enum_value)
        'X2,Bus stop 2,37.6000,127.1000,0,,,1', //            line 9: fine, no parent needed
      ].join('\n')}\n`,
    );
    await fs.appendFile(
      path.join(dir, 'pathways.txt'),
      `${[
        'W8,P1,P9,1,1,,,,,,,', //      line 5: rejected (pathway_unknown_stop)
        'W9,E2,N1,1,1,,,,,,,', //      line 6: rejected (depends on E2)
        'W10,N2,P1,2,1,,,12,,,,', //   line 7: fine (stairs beside the walkway)
      ].join('\n')}\n`,
    );
    const report = await importGtfs(t.services, { dir, feed: 'partly' });
    expect(report.counts).toEqual({
      'stops.txt': { read: 8, imported: 6, rejected: 2 },
      'levels.txt': { read: 2, imported: 2, rejected: 0 },
      'pathways.txt': { read: 6, imported: 4, rejected: 2 },
    });
    expect(report.problems.map((p) => `${p.file}:${p.line} ${p.field} ${p.rule}`)).toEqual([
      'stops.txt:7 parent_station location_without_parent_station',
      'stops.txt:8 wheelchair_boarding invalid_enum_value',
      'pathways.txt:5 to_stop_id pathway_unknown_stop',
      'pathways.txt:6 from_stop_id depends_on_rejected_row',
    ]);
    expect(report.problems[3]!.message).toBe('Pathway "W9" was not imported because stop "E2" was rejected.');
    const stored = await graph('partly');
    expect(Object.keys(stored.nodes).sort()).toEqual(['E1', 'N1', 'N2', 'P1', 'S1', 'X2']);
    expect(Object.keys(stored.edges).sort()).toEqual(['EL1', 'W1', 'W10', 'W2']);
  });
});

describe(`GTFS coordinates (${dialect})`, () => {
  it('keeps a stop without the coordinates GTFS requires as unknown, and exports it at its station, saying so', async () => {
    const dir = await scratchFeed('no-position');
    await fs.appendFile(path.join(dir, 'stops.txt'), 'E2,Exit 2,,,2,S1,L0,1\n'); // line 7
    await expect(importGtfs(t.services, { dir, feed: 'unplaced', strict: true })).rejects.toMatchObject({
      code: 'gtfs.invalid',
      details: { problems: [expect.objectContaining({ rule: 'stop_without_location', line: 7, field: 'stop_lat' })] },
    });
    const report = await importGtfs(t.services, { dir, feed: 'unplaced' });
    expect(report.counts['stops.txt']).toEqual({ read: 6, imported: 6, rejected: 0 });
    expect(report.problems.map((p) => `${p.file}:${p.line} ${p.rule}`)).toEqual(['stops.txt:7 stop_without_location']);
    expect((await graph('unplaced')).nodes.E2).toMatchObject({ lat: null, lon: null });

    const out = path.join(work, 'unplaced-export');
    const exported = await exportGtfs(t.services, { dir: out, feed: 'unplaced' });
    expect(exported.positions).toEqual({ surveyed: 0, derived: 5, estimated: 0, unknown: 1 });
    const lines = (await fs.readFile(path.join(out, 'stops.txt'), 'utf8')).split('\n');
    expect(lines[0]).toBe('stop_id,stop_name,stop_lat,stop_lon,location_type,parent_station,level_id,wheelchair_boarding,position_source');
    expect(lines).toContain('E2,Exit 2,37.5,127,2,S1,L0,1,unknown'); // S1's position, said to be a stand-in
    expect(lines).toContain('E1,Exit 1,37.5001,127.0001,2,S1,L0,1,derived');
    expect((await validateGtfs(out)).errors).toBe(0);
    // Imported again, the stand-in is not taken for a position.
    await importGtfs(t.services, { dir: out, feed: 'unplaced-again', strict: true });
    expect((await graph('unplaced-again')).nodes.E2).toMatchObject({ lat: null, lon: null, extra: {} });
    expect((await graph('unplaced-again')).nodes.E1).toMatchObject({ lat: 37.5001, lon: 127.0001, extra: {} });
  });

  it('writes no position_source column for a feed whose stops all have coordinates (the imported header stays)', async () => {
    const report = await exportGtfs(t.services, { dir: path.join(work, 'detroit-positions'), feed: 'detroit' });
    expect(report.positions).toEqual({ surveyed: 0, derived: 88, estimated: 0, unknown: 0 });
    expect((await fs.readFile(path.join(work, 'detroit-positions', 'stops.txt'), 'utf8')).split('\n')[0]).not.toContain('position_source');
  });
});

describe(`GTFS hostile inputs (${dialect})`, () => {
  const cases: Array<{ name: string; code: string; message: RegExp; make(dir: string): Promise<string> }> = [
    {
      name: 'a file that is not UTF-8',
      code: 'gtfs.encoding',
      message: /stops\.txt is not valid UTF-8: byte 0xE9 on line 7, byte 7 of the line/,
      async make(dir) {
        await fs.appendFile(path.join(dir, 'stops.txt'), Buffer.from([0x58, 0x31, 0x2c, 0x43, 0x61, 0x66, 0xe9, 0x0a]));
        return dir;
      },
    },
    {
      name: 'a missing required column',
      code: 'gtfs.missing_column',
      message: /pathways\.txt: required column "is_bidirectional" missing/,
      async make(dir) {
        const file = path.join(dir, 'pathways.txt');
        const text = await fs.readFile(file, 'utf8');
        await fs.writeFile(
          file,
          text
            .split('\n')
            .map((l) =>
              l
                .split(',')
                .filter((_, i) => i !== 4)
                .join(','),
            )
            .join('\n'),
        );
        return dir;
      },
    },
    {
      name: 'a line over 1 MB',
      code: 'gtfs.line_too_long',
      message: /stops\.txt line 7 is longer than 1048576 bytes/,
      async make(dir) {
        await fs.appendFile(path.join(dir, 'stops.txt'), `X1,${'x'.repeat(1024 * 1024 + 10)},37.6,127.1,0,,,\n`);
        return dir;
      },
    },
    {
      name: 'a ZIP archive instead of a directory',
      code: 'gtfs.zip_unsupported',
      message: /feed\.zip is a ZIP archive.*unzip it first/,
      async make(dir) {
        const zip = path.join(dir, 'feed.zip');
        await fs.writeFile(zip, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60)]));
        return zip;
      },
    },
    {
      name: 'a ZIP archive named stops.txt',
      code: 'gtfs.zip_unsupported',
      message: /stops\.txt is a ZIP archive/,
      async make(dir) {
        await fs.writeFile(path.join(dir, 'stops.txt'), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60)]));
        return dir;
      },
    },
  ];

  it.each(cases)('refuses $name with a clear message and writes nothing', async ({ name, code, message, make }) => {
    const dir = await scratchFeed(`hostile-${name.replaceAll(' ', '-')}`);
    const input = await make(dir);
    await importGtfs(t.services, { dir: path.join(FIXTURES, 'valid'), feed: 'hostile' });
    const before = await graph('hostile');
    for (const strict of [false, true]) {
      const error = await importGtfs(t.services, { dir: input, feed: 'hostile', strict }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code, message: expect.stringMatching(message) });
    }
    expect(await graph('hostile')).toEqual(before);
    expect(await rowsOf('hostile')).toMatchObject({ nodes: 5 });
  });

  it('refuses a feed name that could collide with ids or another importer', async () => {
    await expect(importGtfs(t.services, { dir: path.join(FIXTURES, 'valid'), feed: 'a:b' })).rejects.toMatchObject({ code: 'gtfs.feed_name' });
    await expect(importGtfs(t.services, { dir: path.join(FIXTURES, 'valid'), feed: 'seoul' })).rejects.toMatchObject({ code: 'gtfs.feed_reserved' });
    await expect(exportGtfs(t.services, { dir: work, feed: 'never-imported' })).rejects.toMatchObject({ code: 'gtfs.feed_not_found' });
  });
});

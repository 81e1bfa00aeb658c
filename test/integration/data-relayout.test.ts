import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { registerDataCommands } from '../../src/contexts/data/cli.js';
import { manifestKey } from '../../src/contexts/data/lake/lake-store.js';
import { queryRows } from '../../src/contexts/data/query/query-rows.js';
import { createFixtureDataset, publishFixtureVersion } from '../support/lake-fixtures.js';
import { runCommand } from '../support/cli.js';
import { useS3Server } from '../support/s3-server.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

/**
 * Versions published before the lake layout name their file by a path on one machine (the fixtures still publish
 * that way). `open-seoul data relayout` hands each file to the file store under the layout with its manifest, points
 * the version at its key (audited) and deletes the old file; a version whose file is not on this machine is reported
 * and left as it was. Answers stay the same. On the data directory and on object storage (an S3-protocol server).
 */
const files = useS3Server('open-seoul-relayout-');
const contexts: TestContext[] = [];
afterAll(async () => {
  for (const t of contexts) await t.close();
});

const relayout = (t: TestContext) => runCommand(t.services, registerDataCommands, ['data', 'relayout']);

const rowsParams = { sort: [{ column: 'riders', desc: true }], limit: 5 };

describe.each(['data directory', 'object storage'] as const)(`relayout of versions published before the lake layout, on the %s (${dialect})`, (where) => {
  it('moves each file under the layout with its manifest, audited, answers unchanged; a file not here is left and said', async () => {
    const t = await createTestContext(where === 'object storage' ? files.s3.env(`relayout-${dialect}`) : {});
    contexts.push(t);
    await createFixtureDataset(t.services, 'legacy-riders');
    const v1 = await publishFixtureVersion(t.services, 'legacy-riders', { sql: 'SELECT range AS id, (range * 37) % 100 AS riders FROM range(500)' });
    const v2 = await publishFixtureVersion(t.services, 'legacy-riders', { sql: 'SELECT range AS id, (range * 53) % 100 AS riders FROM range(700)' });
    await createFixtureDataset(t.services, 'lost-file');
    const lost = await publishFixtureVersion(t.services, 'lost-file', { sql: 'SELECT 1 AS riders' });
    fs.rmSync(lost.parquet_path);
    const before = [await queryRows(t.services, 'legacy-riders', { ...rowsParams, version: 1 }), await queryRows(t.services, 'legacy-riders', rowsParams)];

    const lines = await relayout(t);
    expect(lines.at(-1)).toBe('2 versions moved into the lake layout, 1 without a file here');
    expect(lines.some((l) => l.includes('lost-file v1: no file at'))).toBe(true);

    const rows = await t.services.db.selectFrom('data_version').select(['id', 'parquet_path']).where('id', 'in', [v1.id, v2.id, lost.id]).execute();
    const pathOf = (id: string) => rows.find((r) => r.id === id)?.parquet_path;
    expect([pathOf(v1.id), pathOf(v2.id), pathOf(lost.id)]).toEqual([
      'lake/legacy-riders/legacy-riders--table/v1/data.parquet',
      'lake/legacy-riders/legacy-riders--table/v2/data.parquet',
      lost.parquet_path,
    ]);
    expect([fs.existsSync(v1.parquet_path), fs.existsSync(v2.parquet_path)]).toEqual([false, false]);
    for (const version of [1, 2]) expect(await t.services.files.exists(manifestKey('legacy-riders', 'legacy-riders--table', version))).toBe(true);
    const audit = await t.services.db.selectFrom('core_audit').select(['entity_id', 'before_json']).where('action', '=', 'data.version.relayout').execute();
    expect(audit.map((a) => a.entity_id).sort()).toEqual([v1.id, v2.id].sort());
    expect(JSON.parse(String(audit.find((a) => a.entity_id === v1.id)!.before_json))).toEqual({ parquet_path: v1.parquet_path });

    expect([await queryRows(t.services, 'legacy-riders', { ...rowsParams, version: 1 }), await queryRows(t.services, 'legacy-riders', rowsParams)]).toEqual(
      before,
    );
    // Once more: nothing left to move, the lost file still said.
    expect((await relayout(t)).at(-1)).toBe('0 versions moved into the lake layout, 1 without a file here');
  });
});

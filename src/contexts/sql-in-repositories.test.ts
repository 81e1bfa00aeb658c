import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * SQL lives in repositories (issue 23): in the contexts listed here, no module outside `store/`, `migrations/` and
 * `seeds/` starts a query, and no repository reads another context's tables (it asks that context's front door).
 * dependency-cruiser cannot see either: a use case reaches the builder through the `db` it is handed, not through an
 * import of kysely. A context joins the list once its queries have moved.
 */
const DONE = ['accountability', 'plan', 'demand', 'learn', 'startups', 'accounts', 'analyses', 'civic', 'transit', 'data', 'upkeep'];

/** Reads of another context's tables kept on purpose (ARCHITECTURE.md, "Cross-context reads in SQL"): `file` → tables. */
const ALLOWED_CROSS_READS: Record<string, string[]> = {
  // Civic depends on data: reading civic's projects through its front door would make a cycle (see ARCHITECTURE.md).
  'src/contexts/data/store/analyst.repository.ts': ['civic_project', 'civic_member'],
  'src/contexts/data/store/civic-project.read-model.ts': ['civic_project', 'civic_project_dataset', 'civic_member'],
  // The alerts are facilities out of service *or* whose live status went stale: one condition over both contexts.
  'src/contexts/upkeep/store/alert.repository.ts': ['transit_facility', 'transit_station', 'transit_rider_line'],
};

const root = resolve(import.meta.dirname, '../..');
const contextsDir = join(root, 'src/contexts');
const contexts = readdirSync(contextsDir).filter((n) => statSync(join(contextsDir, n)).isDirectory());

/** The builder's entry points, and kysely's `sql` template and helpers (`\x60` is the backquote). */
const QUERY = /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(|(?<!\x60)\bsql\x60(?![);,])|\bsql\.(raw|ref|table|id)\(/;
const TABLE = /\.(selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin)\(\s*'([a-z]+)_[a-z_]+/g;

/**
 * Which context owns a table: the context whose module declares it in kysely's `Database` interface. Most tables
 * carry their context's prefix, but upkeep (once part of transit) keeps `transit_*` names for its own tables.
 */
function tableOwners(): Map<string, string> {
  const owners = new Map<string, string>();
  for (const context of contexts) {
    for (const file of sourceFiles(join(contextsDir, context))) {
      const text = readFileSync(file, 'utf8');
      if (!/interface Database \{/.test(text)) continue;
      const body = text.slice(text.indexOf('interface Database {'));
      for (const m of body.slice(0, body.indexOf('\n  }')).matchAll(/^\s+([a-z]+_[a-z_]+):/gm)) owners.set(m[1]!, context);
    }
  }
  return owners;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

describe('SQL lives in repositories', () => {
  it.each(DONE)('%s: no query outside store/, migrations/ and seeds/', (context) => {
    const offenders = sourceFiles(join(contextsDir, context))
      .map((file) => relative(root, file))
      .filter((file) => !/\/(store|migrations|seeds)\//.test(file))
      .filter((file) => QUERY.test(readFileSync(join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  const owners = tableOwners();
  it('knows who owns the tables: upkeep its transit_* ones, transit the rest', () => {
    expect(owners.get('transit_change')).toBe('upkeep');
    expect(owners.get('transit_live_status')).toBe('upkeep');
    expect(owners.get('transit_station')).toBe('transit');
    expect(owners.get('accounts_user')).toBe('accounts');
  });

  it.each(DONE)("%s: its repositories read only its own tables (and core's)", (context) => {
    const found: string[] = [];
    for (const file of sourceFiles(join(contextsDir, context, 'store'))) {
      const rel = relative(root, file);
      for (const m of readFileSync(file, 'utf8').matchAll(TABLE)) {
        const prefix = m[2]!;
        const table = m[0].slice(m[0].indexOf("'") + 1);
        const owner = owners.get(table) ?? prefix;
        if (owner === context || prefix === 'core' || !contexts.includes(owner)) continue;
        if (!ALLOWED_CROSS_READS[rel]?.includes(table)) found.push(`${rel}: ${table}`);
      }
    }
    expect(found).toEqual([]);
  });

  it("the check sees a query and another context's table when there is one", () => {
    expect(QUERY.test("await tx.insertInto('plan_comment').values(row).execute();")).toBe(true);
    expect(QUERY.test('const n = await sql`select 1`.execute(db);')).toBe(true);
    expect(QUERY.test('/** Parses and checks `sql` for this actor */')).toBe(false);
    expect(QUERY.test('c.runAndReadAll(`SELECT json_deserialize_sql(x) AS sql`);')).toBe(false); // DuckDB text
    expect(QUERY.test('await db.transaction().execute(async (tx) => save(tx, row));')).toBe(false);
    const tables = [..."db.selectFrom('plan_progress as p').innerJoin('accounts_user as u', 'u.id', 'p.author_id')".matchAll(TABLE)].map((m) => m[2]);
    expect(tables).toEqual(['plan', 'accounts']);
  });
});

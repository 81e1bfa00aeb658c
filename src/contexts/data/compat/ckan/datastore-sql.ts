import type { Actor } from '../../../../core/auth/actor.js';
import type { Services } from '../../../../core/context.js';
import { tablesFor } from '../../query/sandbox/execute-sql.js';
import { runSql, SQL_LIMITS } from '../../query/sandbox/run-sql.js';
import { CKAN_DUCK_TYPE } from '../vocabularies.js';
import { CkanError, required, type Params } from './params.js';

/**
 * datastore_search_sql through the platform's SQL sandbox (runSql): the same parse-tree check, limits, per-person
 * slot, and, on restricted data, the same output rules and audit as POST /api/v1/data/sql. CKAN names tables by
 * resource id in double quotes (`SELECT * FROM "subway-ridership--table"`); a quoted resource id of a table the
 * caller may read becomes that table's sandbox view before the check. Like the native SQL API it needs a
 * signed-in caller (an API key): queries hold a per-person slot and restricted reads are audited per person.
 */
export async function datastoreSearchSql(services: Services, actor: Actor, p: Params) {
  if (!actor.user) {
    throw new CkanError(
      'Authorization Error',
      'Authorization Error: datastore_search_sql needs an API key (Authorization header), as the native SQL API needs a signed-in user',
      401,
    );
  }
  const sql = required(p, 'sql');
  const tables = await tablesFor(services, actor);
  const viewOf = new Map(tables.filter((t) => t.latest).map((t) => [t.resourceId, t.name]));
  const rewritten = sql.replace(/"((?:[^"]|"")+)"/g, (whole, id: string) => {
    const view = viewOf.get(id.replace(/""/g, '"'));
    return view ? `"${view}"` : whole;
  });
  const answer = await runSql(services, actor, { sql: rewritten });
  const names = answer.columns.map((c) => c.name);
  return {
    sql,
    fields: answer.columns.map((c) => ({ id: c.name, type: CKAN_DUCK_TYPE(c.type) })),
    records: answer.rows.map((row) => Object.fromEntries(names.map((n, i) => [n, row[i] ?? null]))),
    ...(answer.truncated ? { records_truncated: true } : {}),
    ...(answer.suppressed.length ? { suppressed: answer.suppressed } : {}),
    limit: SQL_LIMITS.rows,
  };
}

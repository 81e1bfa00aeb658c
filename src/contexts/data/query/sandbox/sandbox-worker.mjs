// The SQL sandbox's process: one DuckDB instance for untrusted SQL, in a child process the server can kill
// (a runaway scalar function ignores interrupts; a huge value can exhaust memory: neither may reach the server).
// Plain JavaScript so that it starts without the TypeScript loader. Protocol (IPC messages):
//   parent → {type:'init', views:[{name, file}], memoryLimit}        child → {type:'ready'} | {type:'fatal', message}
//   parent → {type:'query', id, sql, maxRows, maxBytes, countAll?}   child → {type:'result', id, columns, rows, truncated, total}
//   parent → {type:'stream', id, sql, maxRows}                       child → {type:'chunk', id, text} … {type:'end', id, truncated}
//   parent → {type:'more', id} (after each chunk: flow control)     parent → {type:'interrupt' | 'cancel', id}
//   any failure                                                      child → {type:'error', id, message}
// The parent checked the SQL already (one SELECT, known tables, no denied function); this process checks again
// that it is one statement of type SELECT before running it.
import { existsSync } from 'node:fs';
import { DuckDBInstance, StatementType } from '@duckdb/node-api';
import { stringify } from 'csv-stringify/sync';
import { jsonValue } from '../json-value.mjs';

const ident = (name) => `"${String(name).replace(/"/g, '""')}"`;
const literal = (value) => `'${String(value).replace(/'/g, "''")}'`;

/** CSV lines in the spreadsheet dialect of src/core/csv.ts (CRLF, a lone CR or LF quoted, booleans as words): the same options. */
const csvLines = (rows, bom = false) =>
  stringify(rows, {
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
    cast: { boolean: (v) => String(v), date: (d) => d.toISOString() },
    bom,
  });

let instance = null;
const running = new Map(); // id → { connection, more?: () => void }
const send = (message) => {
  if (process.connected) process.send(message);
};

async function init({ views, memoryLimit }) {
  instance = await DuckDBInstance.create(':memory:', {
    threads: '1',
    memory_limit: memoryLimit,
    temp_directory: '',
    autoload_known_extensions: 'false',
    autoinstall_known_extensions: 'false',
    allow_community_extensions: 'false',
    allow_unsigned_extensions: 'false',
  });
  const c = await instance.connect();
  try {
    // Only the published files of the views may be read once external access is off; then nothing can change that.
    const files = [...new Set(views.map((v) => v.file))];
    if (files.length) await c.run(`SET allowed_paths = [${files.map(literal).join(', ')}]`);
    for (const v of views) {
      // A file the replica's cache budget deleted after the views were read (object storage): no view of it, rather
      // than no sandbox; a query naming it fetches it again first, and the views are re-read then.
      if (!existsSync(v.file)) continue;
      // rowId: the file row number as __os_row, which the output check counts distinct records by (restricted data).
      const select = v.rowId
        ? `SELECT * EXCLUDE (file_row_number), file_row_number AS __os_row FROM read_parquet(${literal(v.file)}, file_row_number = true)`
        : `SELECT * FROM read_parquet(${literal(v.file)})`;
      await c.run(`CREATE VIEW ${ident(v.name)} AS ${select}`);
    }
    await c.run('SET enable_external_access = false');
    await c.run('SET lock_configuration = true');
  } finally {
    c.closeSync();
  }
}

/** One SELECT statement, prepared; anything else is refused. */
async function prepareSelect(connection, sql) {
  const extracted = await connection.extractStatements(sql);
  if (extracted.count !== 1) throw new Error(`Refused: ${extracted.count} statements; send exactly one`);
  const prepared = await extracted.prepare(0);
  if (prepared.statementType !== StatementType.SELECT) throw new Error('Refused: only SELECT statements run here');
  return prepared;
}

async function query({ id, sql, maxRows, maxBytes, countAll }) {
  const connection = await instance.connect();
  running.set(id, { connection });
  try {
    const result = await (await prepareSelect(connection, sql)).stream();
    const names = result.deduplicatedColumnNames();
    const types = result.columnTypes().map(String);
    const rows = [];
    let bytes = 0;
    let truncated = false;
    let total = 0; // every row when countAll (the rest only counted), else those read
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      if (truncated) {
        total += chunk.rowCount;
        continue;
      }
      total += chunk.rowCount;
      for (const row of chunk.convertRows(jsonValue)) {
        if (rows.length >= maxRows) {
          truncated = true;
          break;
        }
        bytes += JSON.stringify(row).length;
        if (bytes > maxBytes) {
          truncated = true;
          break;
        }
        rows.push(row);
      }
      if (truncated && !countAll) break;
    }
    send({ type: 'result', id, columns: names.map((name, i) => ({ name, type: types[i] })), rows, truncated, total: countAll ? total : null });
  } finally {
    running.delete(id);
    connection.closeSync();
  }
}

async function stream({ id, sql, maxRows }) {
  const connection = await instance.connect();
  const job = { connection, more: null, cancelled: false };
  running.set(id, job);
  const pull = () =>
    new Promise((resolve) => {
      job.more = resolve;
    });
  try {
    const result = await (await prepareSelect(connection, sql)).stream();
    const names = result.deduplicatedColumnNames();
    send({ type: 'chunk', id, text: csvLines([names], true) });
    await pull();
    let sent = 0;
    let truncated = false;
    while (!job.cancelled) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      let rows = chunk.convertRows(jsonValue);
      if (sent + rows.length > maxRows) {
        rows = rows.slice(0, maxRows - sent);
        truncated = true;
      }
      sent += rows.length;
      if (rows.length) {
        send({ type: 'chunk', id, text: csvLines(rows) });
        await pull();
      }
      if (truncated) break;
    }
    send({ type: 'end', id, truncated });
  } finally {
    running.delete(id);
    connection.closeSync();
  }
}

process.on('message', (message) => {
  const { type, id } = message;
  const fail = (error) =>
    send({
      type: 'error',
      id,
      message: String(error?.message ?? error)
        .split('\n')[0]
        .slice(0, 500),
    });
  if (type === 'init')
    init(message).then(
      () => send({ type: 'ready' }),
      (error) => send({ type: 'fatal', message: String(error?.message ?? error) }),
    );
  else if (type === 'query') query(message).catch(fail);
  else if (type === 'stream') stream(message).catch(fail);
  else if (type === 'more') running.get(id)?.more?.();
  else if (type === 'interrupt') running.get(id)?.connection.interrupt();
  else if (type === 'cancel') {
    const job = running.get(id);
    if (job) {
      job.cancelled = true;
      job.more?.();
    }
  }
});
process.on('disconnect', () => process.exit(0));

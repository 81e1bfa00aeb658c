import fs from 'node:fs/promises';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { BenchRecordSchema, type BenchRecord } from '../domain/bench-record.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const check = addFormats(new Ajv({ allErrors: false, strict: false })).compile<BenchRecord>(BenchRecordSchema);

export type LoadedBenchRecord =
  | { status: 'present'; record: BenchRecord }
  | { status: 'missing' }
  | { status: 'unreadable'; problem: 'read' | 'json' | 'schema'; detail: string };

/** The bench record file, checked against its format: a missing or malformed file is said so, never thrown. */
export async function loadBenchRecord(file: string): Promise<LoadedBenchRecord> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    return { status: 'unreadable', problem: 'read', detail: (err as Error).message }; // a folder, no permission …
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { status: 'unreadable', problem: 'json', detail: (err as Error).message };
  }
  if (!check(json)) {
    const e = check.errors?.[0];
    return { status: 'unreadable', problem: 'schema', detail: `${e?.instancePath || '/'} ${e?.message ?? 'invalid'}` };
  }
  return { status: 'present', record: json };
}

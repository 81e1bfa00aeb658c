import type { BenchRecord } from './bench-record.js';

/**
 * Bench figures in a text (ARCHITECTURE.md): `{{bench:NAME:FIELD}}` (FIELD value, peer or ratio) or
 * `{{bench:@machine|@date|@commit|@conditions}}` becomes `<!--bench:KEY-->figure<!--/bench-->`, and a figure
 * already between such markers is rewritten, so the same text can be filled again from a newer record.
 * A measure the record lacks reads "not measured"; an unknown key is an error.
 */
const PLACE = /<!--bench:([\w.:@-]+)-->[^<\n]*<!--\/bench-->|\{\{bench:([\w.:@-]+)\}\}/g;

const num = (n: number, digits: number) => n.toLocaleString('en-GB', { maximumFractionDigits: digits });

function figure(key: string, record: BenchRecord): string {
  const { machine, commit, conditions } = record;
  switch (key) {
    case '@machine':
      return `${machine.cpuModel}, ${machine.cores} cores, ${num(machine.memoryBytes / 2 ** 30, 1)} GB, ${machine.os}, Node ${machine.node}`;
    case '@date':
      return `${new Date(Date.parse(record.finishedAt) + 9 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')} KST`;
    case '@commit':
      return commit.sha ? `${commit.sha.slice(0, 12)}${commit.dirty ? ' (with uncommitted changes)' : ''}` : 'unknown';
    case '@conditions':
      return `${conditions.machine} machine, load average ${num(conditions.loadAverage1m.atStart, 2)} → ${num(conditions.loadAverage1m.atEnd, 2)}${record.settings.groups ? `, groups ${record.settings.groups.join(', ')} only` : ''}, ${num(record.settings.seconds, 1)} s per load test`;
  }
  const m = /^([\w.-]+):(value|peer|ratio)$/.exec(key);
  if (!m) throw new Error(`Unknown bench figure "${key}": use NAME:value, NAME:peer, NAME:ratio or @machine, @date, @commit, @conditions`);
  const line = record.measures.find((l) => l.name === m[1]);
  if (!line) return 'not measured';
  return m[2] === 'ratio' ? num(line.ratio, 3) : num(line[m[2] as 'value' | 'peer'], 2);
}

export function fillFigures(text: string, record: BenchRecord): string {
  return text.replace(PLACE, (_, marked: string | undefined, bare: string | undefined) => {
    const key = (marked ?? bare)!.trim();
    return `<!--bench:${key}-->${figure(key, record)}<!--/bench-->`;
  });
}

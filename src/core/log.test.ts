import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { lazyChildLogger } from './log.js';

const capture = (level: string) => {
  const lines: Array<Record<string, unknown>> = [];
  const out = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, log: pino({ level }, out) };
};

describe('lazyChildLogger (a request logger made on its first enabled line)', () => {
  it('writes enabled lines with the request bindings, and nothing for disabled levels', () => {
    const { lines, log } = capture('warn');
    const child = lazyChildLogger(log, { reqId: 'r-1' }, {});
    child.info('not written');
    child.debug({ x: 1 }, 'not written');
    child.warn({ code: 'c' }, 'written');
    child.error(new Error('boom'));
    expect(lines.map((l) => [l.reqId, l.msg ?? (l.err as { message?: string } | undefined)?.message, l.level])).toEqual([
      ['r-1', 'written', 40],
      ['r-1', 'boom', 50],
    ]);
    expect(lines[0]!.code).toBe('c');
    expect(child.level).toBe('warn');
    expect(child.isLevelEnabled('info')).toBe(false);
    expect(child.child({ step: 2 }).bindings()).toMatchObject({ reqId: 'r-1', step: 2 });
  });
  it('follows a level set on the request logger itself', () => {
    const { lines, log } = capture('warn');
    const child = lazyChildLogger(log, { reqId: 'r-2' }, {});
    child.level = 'info';
    child.info('now written');
    expect(lines.map((l) => [l.reqId, l.msg])).toEqual([['r-2', 'now written']]);
    expect(log.level).toBe('warn');
  });
});

import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollLiveStatus } from '../../src/contexts/upkeep/use-cases/poll-live-status.js';
import { STATION, upkeepWorld, type Json } from '../support/transit-upkeep-world.js';

/**
 * Live status, really live (issue 19): Seoul Metro's SeoulMetroFaciInfo polled in the Seoul Open API URL form, served
 * here by a real local HTTP server from recorded-shape responses (test/fixtures/seoul-open-api, README there), each
 * status with the time the response gives, errors backing off.
 */
const FIXTURES = new URL('../fixtures/seoul-open-api/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const KEY = '4d6f636b4b6579466f7254657374';
const w = upkeepWorld();
const { call, clock } = w;
const source = { mode: 'ok' as 'ok' | 'later' | 'INFO-100' | 'http-500' | 'stale-copy', urls: [] as string[], date: new Date(0) };
let server: Server;
beforeAll(async () => {
  server = createServer((req, res) => {
    source.urls.push(req.url ?? '');
    const page = /^\/[^/]+\/json\/SeoulMetroFaciInfo\/(\d+)\/(\d+)\/$/.exec(req.url ?? '');
    const headers = { 'content-type': 'application/json;charset=UTF-8', date: source.date.toUTCString() };
    if (source.mode === 'http-500') {
      res.writeHead(500, headers).end('<html>error</html>');
      return;
    }
    if (!page || !req.url!.startsWith(`/${KEY}/`) || source.mode === 'INFO-100') {
      res.writeHead(200, headers).end(fixture('INFO-100.json'));
      return;
    }
    const prefix = source.mode === 'later' ? 'later.' : '';
    res.writeHead(200, headers).end(fixture(`${prefix}SeoulMetroFaciInfo.${page[1]}-${page[2]}.json`));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  Object.assign(w.t.services.config, {
    seoulOpenApiKey: KEY,
    seoulOpenApiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    transitStatusPollSeconds: 60,
  });
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
});

const facilities = async () => (await call('GET', `/api/v1/transit/stations/${STATION}/facilities?type=elevator`)).body as unknown as Json[];
const unit = async (code: string, name: string) => (await facilities()).find((f) => f.details.stationCode === code && f.name === name)!;
const at = (ms: number) => {
  clock.now = new Date(clock.now.getTime() + ms);
  source.date = new Date(Math.floor((clock.now.getTime() - 20_000) / 1000) * 1000);
};

describe('polling SeoulMetroFaciInfo', () => {
  it('reads every page in the URL form, and writes each status as live with the time the response gives', async () => {
    at(0);
    const before = await unit('0223', '엘리베이터 내부#1');
    expect(before.statusBasis).toMatchObject({ kind: 'snapshot', snapshot: { date: null } });
    const r = await pollLiveStatus(w.t.services, { pageSize: 8 });
    expect(r).toMatchObject({ polled: true, ok: true, rows: 13, unmatched: 1, sourceTime: source.date.toISOString() });
    expect(source.urls).toEqual([`/${KEY}/json/SeoulMetroFaciInfo/1/8/`, `/${KEY}/json/SeoulMetroFaciInfo/9/16/`]);
    const lift = await unit('0223', '엘리베이터 내부#1');
    expect(lift).toMatchObject({ status: 'available', statusBasis: { kind: 'live', observedAt: source.date.toISOString(), stale: false } });
    expect(lift.statusBasis.said.ko).toContain('운영기관 시스템이');
    // Polled again at once: not due yet (every 60 s).
    expect(await pollLiveStatus(w.t.services, { pageSize: 8 })).toMatchObject({ polled: false });
  });

  it('backs off on errors (a wrong key answered with HTTP 200, then HTTP 500), never saying the key', async () => {
    const lift = await unit('0223', '엘리베이터 내부#1');
    source.mode = 'INFO-100';
    at(61_000);
    const first = await pollLiveStatus(w.t.services, { pageSize: 8 });
    expect(first).toMatchObject({ polled: true, ok: false });
    expect(first.error).toContain('INFO-100');
    expect(JSON.stringify(first)).not.toContain(KEY);
    expect(Date.parse(first.nextAttemptAt!) - clock.now.getTime()).toBe(120_000);
    source.mode = 'http-500';
    at(121_000);
    const second = await pollLiveStatus(w.t.services, { pageSize: 8 });
    expect(second).toMatchObject({ ok: false, error: 'HTTP 500' });
    expect(Date.parse(second.nextAttemptAt!) - clock.now.getTime()).toBe(240_000);
    at(100_000);
    expect(await pollLiveStatus(w.t.services, { pageSize: 8 })).toMatchObject({ polled: false });
    const poll = await w.t.services.db.selectFrom('transit_status_poll').selectAll().executeTakeFirstOrThrow();
    expect(poll).toMatchObject({ service: 'SeoulMetroFaciInfo', failures: 2, last_error: 'HTTP 500' });
    expect(await unit('0223', '엘리베이터 내부#1')).toEqual(lift); // errors change no status
  });

  it('the next good answer changes what changed, with its own time, and resets the backoff', async () => {
    source.mode = 'later';
    at(141_000);
    const r = await pollLiveStatus(w.t.services, { pageSize: 8 });
    expect(r).toMatchObject({ ok: true, changed: 1 });
    expect(await unit('0223', '엘리베이터 내부#1')).toMatchObject({
      status: 'not_available',
      statusBasis: { kind: 'live', observedAt: source.date.toISOString(), since: source.date.toISOString() },
    });
    expect(await w.t.services.db.selectFrom('transit_status_poll').select('failures').executeTakeFirstOrThrow()).toMatchObject({ failures: 0 });
    const change = ((await call('GET', `/api/v1/transit/changes?station=${STATION}`)).body.items as Json[]).at(-1)!;
    expect(change.data).toMatchObject({ status: 'not_available', previous: 'available', source: 'operator_api', observedAt: source.date.toISOString() });
  });

  it('an answer older than the statuses held (a cache) changes nothing', async () => {
    const lift = await unit('0223', '엘리베이터 내부#1');
    source.mode = 'ok';
    at(61_000);
    source.date = new Date(clock.now.getTime() - 3_600_000);
    const r = await pollLiveStatus(w.t.services, { pageSize: 8 });
    expect(r).toMatchObject({ ok: false });
    expect(r.error).toContain('transit.status_outdated');
    expect(await unit('0223', '엘리베이터 내부#1')).toEqual(lift);
  });

  it('when polling stops, the polled statuses go stale like any live status', async () => {
    at(31 * 60_000);
    expect(await unit('0223', '엘리베이터 내부#1')).toMatchObject({ status: 'unknown', reportedStatus: 'not_available', statusBasis: { stale: true } });
  });
});

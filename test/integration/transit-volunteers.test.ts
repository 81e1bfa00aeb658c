import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { createApiKey } from '../../src/contexts/accounts/use-cases/create-api-key.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { FAKE_JPEG, phoneJpeg } from '../support/photos.js';
import { photoKey } from '../../src/contexts/upkeep/use-cases/upload-photo.js';
import { Agent } from '../support/agent.js';
import { FROM, PASSAGE, STATION, TO, upkeepWorld, type Json } from '../support/transit-upkeep-world.js';

/**
 * Volunteers protected, on the real Seoul network and the derived 교대 interior: a phone photo's GPS is gone
 * and the photo stays private until its proposal is approved; a proposal sent back is revised and resubmitted
 * as the same proposal; admins assign stewards on a page; the survey is an installable offline app whose
 * sends are idempotent.
 */
const w = upkeepWorld();
const { call, keys } = w;
const extra = { other: '', admin: new Agent(undefined as never) };
const survey = (width: number, clientId?: string) => ({
  startStopId: `${FROM}:node`,
  steps: [{ kind: 'walkway', toStopId: `${TO}:node`, widthM: width }],
  note: '통로 폭',
  surveyedAt: '2026-11-23T00:30:00Z',
  ...(clientId ? { clientId } : {}),
});

beforeAll(async () => {
  const s = w.t.services;
  const other = await createUser(s, system(), { email: 'someone@example.kr', password: 'long enough password 1', role: 'citizen' });
  extra.other = (
    await createApiKey(
      s,
      { kind: 'user', user: { id: other.id, email: 'someone@example.kr', displayName: 'x', role: 'citizen', memberships: [] } },
      { name: 't' },
    )
  ).secret;
  await createUser(s, system(), { email: 'admin@seoul.go.kr', password: 'long enough password 1', role: 'admin' });
  extra.admin = new Agent(w.t.app);
  await extra.admin.signIn('admin@seoul.go.kr', 'long enough password 1');
});

async function upload(data: Buffer, key = keys.volunteer) {
  const b = 'x-volunteers';
  const payload = Buffer.concat([
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  const res = await w.t.app.inject({
    method: 'POST',
    url: `/api/v1/transit/stations/${STATION}/photos`,
    payload,
    headers: { authorization: `Bearer ${key}`, 'content-type': `multipart/form-data; boundary=${b}` },
  });
  return { status: res.statusCode, body: res.json() as Json };
}
const getPhoto = (url: string, key?: string) => w.t.app.inject({ method: 'GET', url, headers: key ? { authorization: `Bearer ${key}` } : {} });

describe('photos', () => {
  let photo: Json;

  it('a phone photo is kept without its GPS position or any other metadata', async () => {
    const original = await phoneJpeg(120, 90);
    expect((await sharp(original).metadata()).exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true); // the GPS IFD is there
    const res = await upload(original);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    photo = res.body;
    expect(photo).toMatchObject({ mime: 'image/jpeg', width: 120, height: 90, public: false });
    const kept = (await w.t.services.files.read(photoKey({ id: photo.id, mime: 'image/jpeg' })))!;
    const meta = await sharp(kept).metadata();
    expect([meta.exif, meta.xmp, meta.icc]).toEqual([undefined, undefined, undefined]);
    expect(kept.includes(Buffer.from('VolunteerPhone'))).toBe(false);
    expect(kept.includes(Buffer.from('Exif'))).toBe(false);
  });

  it('refuses a 59-byte fake JPEG with a valid header, and keeps nothing', async () => {
    const before = (await w.counts()).photos;
    const res = await upload(FAKE_JPEG);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'transit.photo_undecodable', message: expect.stringContaining('cannot be decoded') });
    expect((await w.counts()).photos).toBe(before);
  });

  it("is private to its uploader and the station's stewards until the proposal is approved", async () => {
    expect((await getPhoto(photo.url)).statusCode).toBe(401);
    const other = await getPhoto(photo.url, extra.other);
    expect([other.statusCode, other.json().error.code]).toEqual([403, 'photo.private']);
    const mine = await getPhoto(photo.url, keys.volunteer);
    expect([mine.statusCode, mine.headers['cache-control']]).toEqual([200, 'private, no-store']);
    expect((await getPhoto(photo.url, keys.muui)).statusCode).toBe(200); // a steward of 교대 (accessibility, media)
    // Nobody cites someone else's photo in their own proposal.
    const theirs = await call('POST', `/api/v1/transit/stations/${STATION}/proposals`, extra.other, {
      title: '남의 사진',
      ops: [{ op: 'update_edge', pathwayId: PASSAGE, set: { minWidth: 1.4 } }],
      photos: [photo.id],
    });
    expect(theirs.status).toBe(400);
    expect(theirs.text).toContain('uploaded by you');
    const proposal = await call('POST', `/api/v1/transit/stations/${STATION}/surveys`, keys.volunteer, { ...survey(1.7), photos: [photo.id] });
    expect(proposal.status).toBe(201);
    expect(proposal.body.evidence.photos).toEqual([expect.objectContaining({ id: photo.id, public: false })]);
    const page = await w.t.app.inject({ method: 'GET', url: `/transit/proposals/${proposal.body.id}` });
    expect(page.body).not.toContain(`src="${photo.url}"`);
    expect(page.body).toContain('승인될 때까지');
    expect((await call('POST', `/api/v1/transit/proposals/${proposal.body.id}/review`, keys.muui, { decision: 'approve' })).status).toBe(200);
    const open = await getPhoto(photo.url);
    expect([open.statusCode, open.headers['cache-control']]).toEqual([200, 'public, max-age=86400, immutable']);
    expect((await w.t.app.inject({ method: 'GET', url: `/transit/proposals/${proposal.body.id}` })).body).toContain(`src="${photo.url}"`);
  });
});

describe('changes requested is not a dead end', () => {
  let id = '';

  it('the author revises and resubmits the same proposal; the review stays beside the diff and in the history', async () => {
    id = (await call('POST', `/api/v1/transit/stations/${STATION}/surveys`, keys.volunteer, survey(0.7))).body.id;
    const reason = '폭 0.7m는 너무 좁습니다. 줄자로 다시 재 주세요.';
    expect((await call('POST', `/api/v1/transit/proposals/${id}/review`, keys.muui, { decision: 'request_changes', reason })).body.status).toBe(
      'changes_requested',
    );
    const ops = (await call('GET', `/api/v1/transit/proposals/${id}`)).body.ops as Json[];
    const revised = ops.map((o) => (o.op === 'update_edge' ? { ...o, set: { ...o.set, minWidth: 1.1 } } : o));
    expect((await call('POST', `/api/v1/transit/proposals/${id}/revisions`, extra.other, { ops: revised })).status).toBe(403);
    const before = await w.counts();
    const res = await call('POST', `/api/v1/transit/proposals/${id}/revisions`, keys.volunteer, { ops: revised, note: '다시 쟀습니다: 1.1m' });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ id, revision: 2, status: 'pending', reviewReason: null, evidence: { note: '다시 쟀습니다: 1.1m' } });
    expect(res.body.diff.find((d: Json) => d.id === PASSAGE && d.field === 'minWidth').after).toBe(1.1);
    expect(res.body.revisions).toEqual([expect.objectContaining({ revision: 1, review: expect.objectContaining({ reason, by: 'verifier' }) })]);
    expect((await w.counts()).proposals).toBe(before.proposals); // the same proposal, not a new one
    // Muui's verifier is told at once, in the app (and by mail), that there is a revision to review.
    const told = await w.t.services.db
      .selectFrom('accounts_notification as n')
      .innerJoin('accounts_user as u', 'u.id', 'n.user_id')
      .select(['n.title_ko', 'n.url'])
      .where('u.email', '=', 'verifier@muui.kr')
      .where('n.url', '=', `/transit/proposals/${id}`)
      .execute();
    expect(told.map((n) => n.title_ko)).toContain('수정된 제안을 다시 검토해 주세요: 현장 조사 · Field survey (1)');
    expect((await call('POST', `/api/v1/transit/proposals/${id}/revisions`, keys.volunteer, { ops: revised })).status).toBe(409); // pending: nothing to revise
    const page = await w.t.app.inject({ method: 'GET', url: `/transit/proposals/${id}` });
    expect(page.body).toMatch(/class="diff-review-comments"[\s\S]*줄자로 다시 재 주세요/);
    expect(page.body).toContain('2번째 판');
    const audit = await w.t.services.db
      .selectFrom('core_audit')
      .select(['action', 'before_json'])
      .where('entity_id', '=', id)
      .where('action', '=', 'transit.proposal.revise')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('the no-script revise form writes the typed value back; only the author sees it, only while changes are requested', async () => {
    expect(
      (await call('POST', `/api/v1/transit/proposals/${id}/review`, keys.muui, { decision: 'request_changes', reason: '사진도 한 장 붙여 주세요.' })).status,
    ).toBe(200);
    const author = new Agent(w.t.app);
    await author.signIn('volunteer@example.kr', 'long enough password 1');
    const form = await author.get(`/transit/proposals/${id}/revise`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('사진도 한 장 붙여 주세요.');
    const input = /name="(o\d+-minWidth)"[^>]*value="1.1"/.exec(form.body)![1]!;
    expect((await author.post(`/transit/proposals/${id}/revise`, { [input]: '넓음', title: '통로 폭' })).statusCode).toBe(400);
    const sent = await author.post(`/transit/proposals/${id}/revise`, { [input]: '1,15', title: '통로 폭 (다시 잼)' });
    expect([sent.statusCode, sent.headers.location]).toEqual([303, `/transit/proposals/${id}?notice=revised`]);
    const p = (await call('GET', `/api/v1/transit/proposals/${id}`)).body;
    expect(p).toMatchObject({ revision: 3, title: '통로 폭 (다시 잼)', status: 'pending' });
    expect(p.revisions.map((r: Json) => [r.revision, r.review?.reason])).toEqual([
      [1, '폭 0.7m는 너무 좁습니다. 줄자로 다시 재 주세요.'],
      [2, '사진도 한 장 붙여 주세요.'],
    ]);
    expect((await author.get(`/transit/proposals/${id}/revise`)).statusCode).toBe(409);
  });
});

describe('stewards on a page', () => {
  it('only admins open it; assigning and removing are audited with before and after', async () => {
    const citizen = new Agent(w.t.app);
    await citizen.signIn('volunteer@example.kr', 'long enough password 1');
    expect((await citizen.get('/transit/stewards')).statusCode).toBe(403);
    expect((await new Agent(w.t.app).get('/transit/stewards')).statusCode).toBe(303); // sign in first
    const page = await extra.admin.get(`/transit/stewards?station=${STATION}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('무의');
    const gis = await w.t.services.db.selectFrom('accounts_organisation').select('id').where('slug', '=', 'smg-gis-division').executeTakeFirstOrThrow();
    const set = await extra.admin.post('/transit/stewards', { station: STATION, attribute: 'media', organisationId: gis.id, action: 'assign' });
    expect([set.statusCode, set.headers.location]).toEqual([303, `/transit/stewards?station=${STATION}&notice=stewardSet`]);
    expect((await call('GET', `/api/v1/transit/stations/${STATION}/stewards`)).body.find((s: Json) => s.attribute === 'media')).toMatchObject({
      stationSpecific: true,
      organisation: { slug: 'smg-gis-division' },
    });
    expect((await call('DELETE', `/api/v1/transit/stations/${STATION}/stewards/media`, keys.metro)).status).toBe(403);
    expect((await extra.admin.post('/transit/stewards', { station: STATION, attribute: 'media', action: 'remove' })).statusCode).toBe(303);
    expect((await call('GET', `/api/v1/transit/stations/${STATION}/stewards`)).body.find((s: Json) => s.attribute === 'media')).toMatchObject({
      stationSpecific: false,
      organisation: { slug: 'muui' },
    });
    const audit = await w.t.services.db
      .selectFrom('core_audit')
      .select(['action', 'before_json', 'after_json'])
      .where('entity_id', '=', STATION)
      .where('action', 'like', 'transit.steward.%')
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['transit.steward.set', 'transit.steward.remove']);
    expect(JSON.parse(audit[1]!.before_json!)).toEqual({ attribute: 'media', organisationId: gis.id });
    const unknown = await extra.admin.post('/transit/stewards', { station: 'nowhere', attribute: 'media', organisationId: gis.id, action: 'assign' });
    expect([unknown.statusCode, unknown.body.includes('station not found')]).toEqual([400, true]);
  });
});

describe('the survey as an installable offline app', () => {
  it("serves a web app manifest per station and the service worker from /transit/, under the site's CSP", async () => {
    const page = await w.t.app.inject({ method: 'GET', url: `/transit/stations/${STATION}/survey` });
    expect(page.body).toMatch(new RegExp(`<head>[\\s\\S]*<link rel="manifest" href="/transit/stations/${STATION}/survey.webmanifest">[\\s\\S]*</head>`));
    const manifest = await w.t.app.inject({ method: 'GET', url: `/transit/stations/${STATION}/survey.webmanifest` });
    expect(manifest.headers['content-type']).toContain('application/manifest+json');
    expect(manifest.json()).toMatchObject({ start_url: `/transit/stations/${STATION}/survey`, scope: '/transit/', display: 'standalone', lang: 'ko' });
    for (const icon of manifest.json().icons as Json[]) expect((await w.t.app.inject({ method: 'GET', url: icon.src })).statusCode).toBe(200);
    const sw = await w.t.app.inject({ method: 'GET', url: '/transit/survey-sw.js' });
    expect([sw.statusCode, sw.headers['content-type'], sw.headers['cache-control']]).toEqual([200, 'text/javascript; charset=utf-8', 'no-cache']);
    expect(sw.body).toMatch(/addEventListener\(['"]fetch['"]/); // bundled from survey-sw.island.ts
    expect(String(sw.headers['content-security-policy'])).toContain("worker-src 'self'");
  });

  it('one draft id makes one proposal, sent as Idempotency-Key however often', async () => {
    const before = (await w.counts()).proposals;
    const key = 'draft-0b9c1e7a-idem';
    // The draft id in the body, or as the Idempotency-Key header (which wins): the same proposal each time.
    const send = (headers: Record<string, string>, clientId?: string) =>
      w.t.app.inject({
        method: 'POST',
        url: `/api/v1/transit/stations/${STATION}/surveys`,
        payload: survey(1.25, clientId),
        headers: { authorization: `Bearer ${keys.volunteer}`, ...headers },
      });
    const first = await send({ 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    for (const again of [await send({ 'idempotency-key': key }), await send({}, key), await send({ 'idempotency-key': key }, 'another-draft-id')])
      expect(again.json().id).toBe(first.json().id);
    expect((await w.counts()).proposals).toBe(before + 1);
  });
});

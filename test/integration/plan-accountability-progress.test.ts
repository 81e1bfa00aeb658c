import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { parseAtom } from '../support/atom.js';
import { admin, citizen, official, t, usePlanFixture } from '../support/plan-accountability-fixture.js';
import { dialect } from '../support/test-app.js';

usePlanFixture();

describe(`progress and evidence (${dialect})`, () => {
  it('the responsible department reports progress with a file; the roll-up, timeline and feed show it', async () => {
    const ms = (await t.app.inject({ method: 'GET', url: '/api/v1/plan/commitments/digital-literacy-civic-hacking' })).json().milestones;
    const boundary = 'X-OPEN-SEOUL';
    const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const payload = Buffer.concat([
      Buffer.from(
        part('_csrf', (/name="_csrf" value="([^"]+)"/.exec((await official.get(`/plan/milestones/${ms[1].id}`)).body) ?? [])[1] ?? '') +
          part('text', '시민 데이터 교육 1기를 마쳤습니다.') +
          part('completion', '40') +
          part('status', 'in_progress') +
          part('evidenceLinks', 'https://data.seoul.go.kr'),
      ),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="report.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
      Buffer.from('%PDF-1.4 evidence'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await t.app.inject({
      method: 'POST',
      url: `/plan/milestones/${ms[1].id}/progress`,
      payload,
      headers: { cookie: official.cookieHeader, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.statusCode).toBe(303);
    const c = (await t.app.inject({ method: 'GET', url: '/api/v1/plan/commitments/digital-literacy-civic-hacking' })).json();
    expect(c.milestones[1]).toMatchObject({ status: 'in_progress', completion: 40 });
    expect(c.progress).toBe(13);
    const evidence = c.milestones[1].updates[0].evidence;
    expect(evidence.map((e: { label: string }) => e.label)).toEqual(['https://data.seoul.go.kr', 'report.pdf']);
    const file = await t.app.inject({ method: 'GET', url: evidence[1].url });
    expect(file.headers['content-type']).toBe('application/pdf');
    const progress = parseAtom((await t.app.inject({ method: 'GET', url: '/plan/progress.atom' })).body);
    expect(progress.entries.map((e) => e.content).join('')).toContain('시민 데이터 교육 1기를 마쳤습니다.');

    const big = Buffer.concat([
      Buffer.from(
        part('_csrf', (/name="_csrf" value="([^"]+)"/.exec((await official.get(`/plan/milestones/${ms[1].id}`)).body) ?? [])[1] ?? '') +
          part('text', '큰 파일') +
          part('completion', '50') +
          part('status', 'in_progress'),
      ),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
      Buffer.alloc(5 * 1024 * 1024 + 10, 1),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const tooBig = await t.app.inject({
      method: 'POST',
      url: `/plan/milestones/${ms[1].id}/progress`,
      payload: big,
      headers: { cookie: official.cookieHeader, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('request.file_too_large');
    const updates = (await t.app.inject({ method: 'GET', url: '/api/v1/plan/commitments/digital-literacy-civic-hacking' })).json().milestones[1].updates;
    expect(updates).toHaveLength(1);

    const invalid = Buffer.concat([
      Buffer.from(
        part('_csrf', (/name="_csrf" value="([^"]+)"/.exec((await official.get(`/plan/milestones/${ms[1].id}`)).body) ?? [])[1] ?? '') +
          part('text', '') +
          part('completion', '500') +
          part('status', 'in_progress'),
      ),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="orphan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
      Buffer.from('%PDF-1.4 orphan'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const filesBefore = (await fs.readdir(path.join(t.dataDir, 'evidence'))).length;
    const refused = await t.app.inject({
      method: 'POST',
      url: `/plan/milestones/${ms[1].id}/progress`,
      payload: invalid,
      headers: { cookie: official.cookieHeader, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(refused.statusCode).toBe(422);
    expect((await fs.readdir(path.join(t.dataDir, 'evidence'))).length).toBe(filesBefore);
  });

  it('an evidence image is checked by decoding it: a fake is refused and nothing kept, a photo is kept without its GPS', async () => {
    const ms = (await t.app.inject({ method: 'GET', url: '/api/v1/plan/commitments/digital-literacy-civic-hacking' })).json().milestones;
    const boundary = 'X-OPEN-SEOUL-IMG';
    const send = async (filename: string, type: string, bytes: Buffer) => {
      const csrf = (/name="_csrf" value="([^"]+)"/.exec((await official.get(`/plan/milestones/${ms[1].id}`)).body) ?? [])[1] ?? '';
      const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
      const payload = Buffer.concat([
        Buffer.from(part('_csrf', csrf) + part('text', `사진 증빙 ${filename}`) + part('completion', '45') + part('status', 'in_progress')),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return t.app.inject({
        method: 'POST',
        url: `/plan/milestones/${ms[1].id}/progress`,
        payload,
        headers: { cookie: official.cookieHeader, 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
    };
    const filesBefore = (await fs.readdir(path.join(t.dataDir, 'evidence'))).length;
    const fakes = [
      ['fake.png', 'image/png', Buffer.from('\x89PNG\r\n\x1a\n but no picture')],
      ['page.html', 'text/html', Buffer.from('<script>alert(1)</script>')],
    ] as const;
    for (const [name, type, bytes] of fakes) {
      const res = await send(name, type, bytes);
      expect(res.statusCode, name).toBe(415);
      expect(res.json().error.code).toBe('evidence.type');
    }
    expect((await fs.readdir(path.join(t.dataDir, 'evidence'))).length).toBe(filesBefore);

    // A JPEG sent as "image/png" with a GPS position in its EXIF: kept as the JPEG it is, without the EXIF.
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#0b50d0' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'Phone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '37/1 30/1 0/1' } })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    expect((await send('photo.png', 'image/png', photo)).statusCode).toBe(303);
    const evidence = (await t.app.inject({ method: 'GET', url: '/api/v1/plan/commitments/digital-literacy-civic-hacking' })).json().milestones[1].updates[0]
      .evidence;
    const kept = await t.app.inject({ method: 'GET', url: evidence.at(-1).url });
    expect([evidence.at(-1).url.endsWith('.jpg'), kept.headers['content-type']]).toEqual([true, 'image/jpeg']);
    const meta = await sharp(kept.rawPayload).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(['jpeg', 64, 48, undefined]);
  });

  it('reviewers record the IRM assessment; citizens cannot', async () => {
    expect((await citizen.post('/plan/commitments/subway-transfer-maps/assessment', { verifiable: 'yes' }, { accept: 'application/json' })).statusCode).toBe(
      403,
    );
    expect(
      (
        await admin.post('/plan/commitments/subway-transfer-maps/assessment', {
          verifiable: 'yes',
          potentialImpact: 'moderate',
          completion: 'limited',
          relevance: 'accountability',
        })
      ).statusCode,
    ).toBe(303);
    const c = (await t.app.inject({ method: 'GET', url: '/api/v1/plan/commitments/1' })).json();
    expect(c.assessment).toMatchObject({ verifiable: 'yes', potentialImpact: 'moderate', completion: 'limited', relevance: ['accountability'] });
  });

  it("commitment ② carries the OGP page's IRM values; a new assessment is added to the history, never written over it", async () => {
    const before = (await t.app.inject({ method: 'GET', url: '/api/v1/plan/commitments/digital-literacy-civic-hacking' })).json();
    expect(before.assessment).toMatchObject({
      verifiable: 'yes',
      ambition: 'high',
      reportStatus: 'pending_irm_review',
      completion: null,
      relevance: ['transparency', 'citizen_participation', 'technology_innovation'],
      source: { kind: 'ogp_page', ref: 'seed/ogp/ogp-commitment-SEO0006-digital-literacy.txt' },
    });
    expect(before.assessments).toHaveLength(1);
    const page = await citizen.get('/plan/commitments/digital-literacy-civic-hacking');
    expect(page.body).toContain('IRM 검토 대기 중');
    expect(page.body).toContain('data-irm-source="ogp_page"');
    expect(
      (
        await admin.post('/plan/commitments/digital-literacy-civic-hacking/assessment', {
          verifiable: 'yes',
          ambition: 'moderate',
          completion: 'limited',
          relevance: 'transparency',
          reportStatus: 'design_report',
        })
      ).statusCode,
    ).toBe(303);
    const after = (await t.app.inject({ method: 'GET', url: '/api/v1/plan/commitments/digital-literacy-civic-hacking' })).json();
    expect(after.assessment).toMatchObject({ ambition: 'moderate', reportStatus: 'design_report', source: { kind: 'reviewer' } });
    expect(after.assessments.map((a: { source: { kind: string }; ambition: string }) => [a.source.kind, a.ambition])).toEqual([
      ['reviewer', 'moderate'],
      ['ogp_page', 'high'],
    ]);
    expect(
      (await admin.post('/plan/commitments/digital-literacy-civic-hacking/assessment', { ambition: 'enormous' }, { accept: 'application/json' })).statusCode,
    ).toBe(422);
    expect((await citizen.get('/plan/commitments/digital-literacy-civic-hacking')).body).toContain('평가 기록 2건');
  });

  it('the committee: admins add members and publish meetings with attendance', async () => {
    expect(
      (await admin.post('/plan/committee/members', { name: '김위원', affiliation: '무의', sector: 'civil_society', commitment: 'subway-transfer-maps' }))
        .statusCode,
    ).toBe(303);
    const member = await t.services.db.selectFrom('plan_committee_member').select('id').executeTakeFirstOrThrow();
    expect(
      (
        await admin.post('/plan/committee/meetings', {
          heldOn: '2018-07-10',
          title: '제1차 위원회',
          place: '서울시청',
          agenda: '공약 초안 검토',
          minutes: '소모임 구성',
          attendees: member.id,
        })
      ).statusCode,
    ).toBe(303);
    const page = await citizen.get('/plan/committee');
    expect(page.body).toContain('제1차 위원회');
    expect(page.body).toContain('김위원');
    expect(
      (await citizen.post('/plan/committee/members', { name: 'x', affiliation: 'y', sector: 'government' }, { accept: 'application/json' })).statusCode,
    ).toBe(403);
  });
});

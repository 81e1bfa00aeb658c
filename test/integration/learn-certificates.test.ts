import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { addOrganisationMember } from '../../src/contexts/accounts/use-cases/add-organisation-member.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { issueDueCertificates } from '../../src/contexts/learn/use-cases/issue-certificates.js';
import { Agent } from '../support/agent.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

const PASSWORD = 'certificate password 123';
const DIVISION = 'smg-data-statistics-division';
let t: TestContext;
let now = new Date('2026-12-06T01:00:00Z'); // the day the issue was found: before the course
const agents = {} as Record<'organiser' | 'a' | 'b', Agent>;
const ids = {} as Record<'a' | 'b', string>;
let programme = '';
let sessions: string[] = [];
const certificates = () => t.services.db.selectFrom('learn_certificate').selectAll().where('programme_id', '=', programme).execute();

beforeAll(async () => {
  t = await createTestContext();
  t.services.now = () => now;
  await createUser(t.services, system(), { email: 'organiser@cert.kr', password: PASSWORD, role: 'official' });
  await addOrganisationMember(t.services, system(), { organisation: DIVISION, email: 'organiser@cert.kr', role: 'member' });
  agents.organiser = new Agent(t.app);
  await agents.organiser.signIn('organiser@cert.kr', PASSWORD);
  for (const name of ['a', 'b'] as const) {
    agents[name] = new Agent(t.app);
    await agents[name].signUp(`${name}@cert.kr`, PASSWORD, name === 'a' ? '김수료' : '이참석');
    ids[name] = (await t.services.db.selectFrom('accounts_user').select('id').where('email', '=', `${name}@cert.kr`).executeTakeFirstOrThrow()).id;
  }
  const res = await agents.organiser.api('POST', '/api/v1/learn/programmes', {
    kind: 'course',
    titleKo: '수료증 시험 과정',
    titleEn: 'Certificate test course',
    summaryKo: '두 번 모입니다.',
    audience: 'everyone',
    level: 'beginner',
    placeKo: '서울시 빅데이터캠퍼스',
    placeEn: 'Seoul Big Data Campus',
    capacity: 5,
    organisation: DIVISION,
    sessionsRequired: 2,
    sessions: [
      { startsAt: '2026-12-10T14:00', endsAt: '2026-12-10T16:00' },
      { startsAt: '2026-12-17T14:00', endsAt: '2026-12-17T16:00' },
    ],
  });
  expect(res.statusCode).toBe(201);
  programme = res.json().id;
  sessions = res.json().sessions.map((s: { id: string }) => s.id);
  for (const name of ['a', 'b'] as const) await agents[name].api('POST', `/api/v1/learn/programmes/${programme}/registration`);
});
afterAll(() => t.close());

describe(`certificates with integrity (${dialect})`, () => {
  it('refuses attendance for sessions that have not started, and issues nothing (the 2026-12-06 case)', async () => {
    for (const s of sessions) {
      const res = await agents.organiser.api('PUT', `/api/v1/learn/sessions/${s}/attendance`, { present: [ids.a, ids.b] });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('learn.session_not_started');
    }
    expect(await t.services.db.selectFrom('learn_attendance').selectAll().where('session_id', 'in', sessions).execute()).toEqual([]);
    expect(await certificates()).toEqual([]);
    const roll = await agents.organiser.get(`/learn/programmes/${programme}/attendance?session=${sessions[0]}`);
    expect(roll.body).toContain('data-not-started');
    expect(roll.body).not.toContain('name="present"');
  });

  it('takes attendance once a session has started, but no certificate before the last session is over', async () => {
    now = new Date('2026-12-10T05:10:00Z'); // 14:10 Seoul, first session under way
    expect((await agents.organiser.api('PUT', `/api/v1/learn/sessions/${sessions[0]}/attendance`, { present: [ids.a, ids.b] })).statusCode).toBe(200);
    expect((await agents.organiser.api('PUT', `/api/v1/learn/sessions/${sessions[1]}/attendance`, { present: [ids.a] })).statusCode).toBe(409);
    now = new Date('2026-12-17T06:00:00Z'); // 15:00 Seoul, last session under way
    const res = await agents.organiser.api('PUT', `/api/v1/learn/sessions/${sessions[1]}/attendance`, { present: [ids.a] });
    expect(res.json()).toMatchObject({ certificatesIssued: 0 });
    expect(await certificates()).toEqual([]);
    expect((await agents.organiser.get(`/learn/programmes/${programme}/attendance?session=${sessions[1]}`)).body).toContain('data-certificates-later');
    expect(await issueDueCertificates(t.services)).toEqual({ issued: 0 });
  });

  it('issues once the last session has ended, to those who completed, with the course dates', async () => {
    now = new Date('2026-12-17T07:30:00Z'); // 16:30 Seoul
    expect(await issueDueCertificates(t.services)).toEqual({ issued: 1 });
    expect(await issueDueCertificates(t.services)).toEqual({ issued: 0 });
    const certs = await certificates();
    expect(certs.map((c) => [c.user_id, c.issued_at, c.course_starts_at, c.course_ends_at])).toEqual([
      [ids.a, '2026-12-17T07:30:00.000Z', '2026-12-10T05:00:00.000Z', '2026-12-17T07:00:00.000Z'],
    ]);
    const id = certs[0]!.id;
    const api = (await t.app.inject({ method: 'GET', url: `/api/v1/learn/certificates/${id}` })).json();
    expect(api).toMatchObject({
      valid: true,
      holder: '김수료',
      sessionsAttended: 2,
      programme: { firstDay: '2026-12-10T05:00:00.000Z', lastDay: '2026-12-17T07:00:00.000Z', organisation: { slug: DIVISION } },
    });
    expect(api.issuedAt >= api.programme.lastDay).toBe(true);
    for (const [locale, issuer] of [
      ['ko', '열린 서울'],
      ['en', 'Open Seoul'],
    ] as const) {
      const page = await t.app.inject({ method: 'GET', url: `/learn/certificates/${id}`, headers: { 'accept-language': locale } });
      expect(page.body).toContain('data-holder>김수료');
      expect(page.body).toMatch(/data-course-dates>2026-12-10 – 2026-12-17</);
      expect(page.body).toMatch(new RegExp(`data-issuer>.*${issuer}`));
      // The QR code is the one that encodes the verification address, and nothing else.
      expect(page.body).toContain(
        await QRCode.toString(`${t.services.config.publicUrl}/learn/certificates/${id}`, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
      );
    }
  });

  it('puts the dates, the issuer and a QR code that leads to the verification page on the PDF', async () => {
    const id = (await certificates())[0]!.id;
    const pdf = await t.app.inject({ method: 'GET', url: `/learn/certificates/${id}/pdf` });
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cert-'));
    await fs.writeFile(path.join(dir, 'c.pdf'), pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'c.pdf'), '-']).toString();
    expect(text).toContain('김수료');
    expect(text).toContain('2026-12-10 – 2026-12-17');
    expect(text).toContain('발급 Issued by: 열린 서울 Open Seoul · Data & Statistics Division');
    expect(text).toContain(`/learn/certificates/${id}`);
    // The QR code is on the page as an image.
    const images = execFileSync('pdfimages', ['-list', path.join(dir, 'c.pdf')])
      .toString()
      .split('\n')
      .filter((l) => /^\s*1\s+\d+\s+image\s/.test(l));
    expect(images.length).toBe(1);
    await fs.copyFile(path.join(dir, 'c.pdf'), '/tmp/learn-cert.pdf');
    await fs.rm(dir, { recursive: true, force: true });
  });
});

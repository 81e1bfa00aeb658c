import { randomUUID } from 'node:crypto';
import { system, type Actor } from '../../../src/core/auth/actor.js';
import { addOrganisationMember } from '../../../src/contexts/accounts/use-cases/add-organisation-member.js';
import { createOrganisation } from '../../../src/contexts/accounts/use-cases/create-organisation.js';
import { createUser } from '../../../src/contexts/accounts/use-cases/create-user.js';
import { openCall } from '../../../src/contexts/plan/use-cases/open-call.js';
import { createDataset } from '../../../src/contexts/data/use-cases/create-dataset.js';
import { Agent } from '../../support/agent.js';
import { publishFixtureVersion } from '../../support/lake-fixtures.js';
import { createTestContext, type TestContext } from '../../support/test-app.js';

/** The policy matrix's shared fixture: seven roles signed in, an NGO, a call, a station with a lift (built once by the runner). */
export const ROLES = ['anonymous', 'citizen', 'orgMember', 'orgAdmin', 'official', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const PASSWORD = 'matrix password 123';

export let t: TestContext;
export const agents = {} as Record<Role, Agent>;
export const ids = { facilityId: 'matrix-lift', ngoId: '', ngoSlug: '', ownerKeyId: '', targetUserId: '', callId: '', milestoneId: '' };
export let target: Actor;
export let adminActor: Actor;

async function user(email: string, role: 'citizen' | 'official' | 'reviewer' | 'admin') {
  return createUser(t.services, system(), { email, password: PASSWORD, role });
}

/** Builds the shared fixture (registered once by the runner's beforeAll). */
export async function setUpMatrix() {
  t = await createTestContext();
  const s = t.services;
  const ngo = await createOrganisation(s, system(), { type: 'ngo', nameKo: '매트릭스 단체', nameEn: 'Matrix NGO' });
  ids.ngoId = ngo.id;
  ids.ngoSlug = ngo.slug;
  for (const [role, platformRole] of [
    ['citizen', 'citizen'],
    ['orgMember', 'citizen'],
    ['orgAdmin', 'citizen'],
    ['official', 'official'],
    ['reviewer', 'reviewer'],
    ['admin', 'admin'],
  ] as const) {
    await user(`${role.toLowerCase()}@matrix.kr`, platformRole);
  }
  await addOrganisationMember(s, system(), { organisation: ngo.id, email: 'orgmember@matrix.kr', role: 'member' });
  await addOrganisationMember(s, system(), { organisation: ngo.id, email: 'orgadmin@matrix.kr', role: 'admin' });
  await addOrganisationMember(s, system(), { organisation: 'smg-gis-division', email: 'official@matrix.kr', role: 'member' });
  ids.targetUserId = (await user('target@matrix.kr', 'citizen')).id;
  target = { kind: 'user', user: { id: ids.targetUserId, email: 'target@matrix.kr', displayName: 'target', role: 'citizen', memberships: [] } };
  const adminId = (await s.db.selectFrom('accounts_user').select('id').where('email', '=', 'admin@matrix.kr').executeTakeFirstOrThrow()).id;
  adminActor = { kind: 'user', user: { id: adminId, email: 'admin@matrix.kr', displayName: 'admin', role: 'admin', memberships: [] } };
  const today = new Date().toISOString().slice(0, 10);
  ids.callId = (
    await openCall(s, system(), {
      titleKo: '매트릭스 공모',
      opensOn: '2000-01-01',
      closesOn: `${Number(today.slice(0, 4)) + 1}-12-31`,
      organisation: 'smg-gis-division',
    })
  ).id;
  ids.milestoneId = (
    await s.db
      .selectFrom('plan_milestone as m')
      .innerJoin('plan_commitment as c', 'c.id', 'm.commitment_id')
      .select('m.id')
      .where('c.slug', '=', 'subway-transfer-maps')
      .executeTakeFirstOrThrow()
  ).id;
  const at = new Date().toISOString();
  await s.db
    .insertInto('transit_station')
    .values({
      id: 'matrix-station',
      feed: 'seoul',
      gtfs_stop_id: null,
      name_ko: '매트릭스역',
      name_en: null,
      name_zh: null,
      name_ja: null,
      name_romanised: null,
      lat: null,
      lon: null,
      wheelchair_boarding: null,
      codes: '{}',
      provenance: '{}',
      extra: '{}',
      created_at: at,
      updated_at: at,
    })
    .execute();
  await s.db
    .insertInto('transit_facility')
    .values({
      id: ids.facilityId,
      station_id: 'matrix-station',
      line_id: '2',
      type: 'elevator',
      name: '엘리베이터',
      status: 'available',
      location: null,
      levels: null,
      exit_no: null,
      details: '{}',
      source: 'test',
      source_row: 1,
      updated_at: at,
    })
    .execute();
  for (const role of ROLES) {
    agents[role] = new Agent(t.app);
    if (role !== 'anonymous') await agents[role].signIn(`${role.toLowerCase()}@matrix.kr`, PASSWORD);
  }
}

export const tearDownMatrix = () => t.close();

export interface Case {
  method: string;
  route: string;
  label?: string;
  allowed: readonly Role[];
  send(agent: Agent, role: Role): Promise<{ statusCode: number }>;
}
export const everyone = ROLES;
export const signedIn = ROLES.filter((r) => r !== 'anonymous');
export const uniq = () => randomUUID().slice(0, 8);

/** An open dataset published by the NGO: its members may link it to any request, as the department's staff may. */
let demandDataset: Promise<string> | null = null;
/** A published dataset of the NGO (with a version: a draft answers no request and is no reuse's data). */
export const ngoDataset = () =>
  (demandDataset ??= createDataset(t.services, system(), { id: 'matrix-demand-dataset', titleKo: '매트릭스 요청 데이터', publisherId: ids.ngoId }).then(
    async (d) => {
      await publishFixtureVersion(t.services, d.id, { sql: `SELECT '요청' AS item, 1 AS n` });
      return d.id;
    },
  ));

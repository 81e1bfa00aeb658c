import { afterAll, beforeAll, expect } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { addOrganisationMember } from '../../src/contexts/accounts/use-cases/add-organisation-member.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { Agent } from './agent.js';
import { createTestContext, type TestContext } from './test-app.js';

/**
 * The world of the action plan and accountability tests (plan-accountability-*.test.ts): a test context whose clock is
 * the file's own (`usePlanFixture(() => now)`, 10:00 on Monday 2 November 2026 in Seoul by default), an admin, an
 * official of the data and statistics division, an official of another division, two citizens, and a call for
 * suggestions open from 1 to 15 November (`callId`). Integration files share their worker's modules (isolate: false),
 * so every file's beforeAll builds this state afresh.
 */
export const PASSWORD = 'plan password 123';
export let t: TestContext;
export let admin: Agent;
export let official: Agent;
export let citizen: Agent;
export let other: Agent;
export let callId = '';

/** Registers the file's beforeAll (context, users, agents, the call) and afterAll. */
export function usePlanFixture(clock: () => Date = () => new Date('2026-11-02T01:00:00Z')) {
  beforeAll(async () => {
    t = await createTestContext();
    t.services.now = clock;
    await createUser(t.services, system(), { email: 'admin@plan.kr', password: PASSWORD, role: 'admin' });
    await createUser(t.services, system(), { email: 'official@plan.kr', password: PASSWORD, role: 'official' });
    await createUser(t.services, system(), { email: 'outsider@plan.kr', password: PASSWORD, role: 'official' });
    await addOrganisationMember(t.services, system(), { organisation: 'smg-data-statistics-division', email: 'official@plan.kr', role: 'member' });
    await addOrganisationMember(t.services, system(), { organisation: 'smg-gis-division', email: 'outsider@plan.kr', role: 'member' });
    admin = new Agent(t.app);
    await admin.signIn('admin@plan.kr', PASSWORD);
    official = new Agent(t.app);
    await official.signIn('official@plan.kr', PASSWORD);
    citizen = new Agent(t.app);
    await citizen.signUp('citizen@plan.kr');
    other = new Agent(t.app);
    await other.signUp('neighbour@plan.kr');
    const res = await admin.post('/plan/calls', {
      titleKo: '2027 실행계획 공약 제안',
      titleEn: 'Suggestions for 2027',
      opensOn: '2026-11-01',
      closesOn: '2026-11-15',
      organisation: 'smg-data-statistics-division',
    });
    expect(res.statusCode).toBe(303);
    callId = res.headers.location!.split('/').pop()!;
  });
  afterAll(() => t.close());
}

export const scoreFor = async (key: string) => {
  const card = (await t.app.inject({ method: 'GET', url: '/api/v1/accountability/scorecard' })).json();
  return card.byDepartment.find((l: { key: string }) => l.key === key) ?? { received: 0, answered: 0, answeredOnTime: 0, overdueNow: 0, disputes: 0 };
};

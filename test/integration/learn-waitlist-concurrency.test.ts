import { describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { PASSWORD, agents, seminarBody, state, t, useLearnFixture } from '../support/learn-fixture.js';
import { dialect } from '../support/test-app.js';

useLearnFixture();

describe(`waitlist promotion under concurrency (${dialect})`, () => {
  it('never over-fills a programme while many cancel and register at once', async () => {
    const capacity = 5;
    const p = (
      await agents.organiser.api(
        'POST',
        '/api/v1/learn/programmes',
        seminarBody({ titleKo: '동시성 세미나', capacity, sessions: [{ startsAt: '2026-12-20T19:00', endsAt: '2026-12-20T21:00' }] }),
      )
    ).json().id as string;
    const people: string[] = [];
    for (let i = 0; i < 30; i++) people.push((await createUser(t.services, system(), { email: `crowd${i}@learn.kr`, password: PASSWORD, role: 'citizen' })).id);
    const actor = (id: string) => ({ kind: 'user' as const, user: { id, email: `${id}@x`, displayName: id, role: 'citizen' as const, memberships: [] } });
    const { registerForProgramme } = await import('../../src/contexts/learn/use-cases/register-for-programme.js');
    const { cancelRegistration } = await import('../../src/contexts/learn/use-cases/cancel-registration.js');
    for (const id of people.slice(0, 15)) await registerForProgramme(t.services, actor(id), { programmeId: p });
    // The same person registering twice at once: one registration, one clear refusal.
    const twice = await Promise.allSettled([0, 1, 2].map(() => registerForProgramme(t.services, actor(people[29]!), { programmeId: p })));
    expect(twice.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(twice.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual([
      'learn.already_registered',
      'learn.already_registered',
    ]);
    await cancelRegistration(t.services, actor(people[29]!), { programmeId: p });
    expect(await state(p)).toMatchObject({ seats: capacity });
    for (let round = 0; round < 3; round++) {
      const s = await state(p);
      const leaving = s.registered.slice(0, 4);
      const waitingLeaving = s.waitlisted.slice(0, 2);
      const joining = people.slice(15 + round * 5, 20 + round * 5);
      const results = await Promise.allSettled([
        ...leaving.map((id) => cancelRegistration(t.services, actor(id), { programmeId: p })),
        ...waitingLeaving.map((id) => cancelRegistration(t.services, actor(id), { programmeId: p })),
        ...joining.map((id) => registerForProgramme(t.services, actor(id), { programmeId: p })),
        ...leaving.slice(0, 2).map((id) => cancelRegistration(t.services, actor(id), { programmeId: p })), // the same person twice at once
      ]);
      const failures = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason);
      expect(failures.every((e) => e.code === 'learn.not_registered')).toBe(true);
      const after = await state(p);
      expect(after.registered.length).toBeLessThanOrEqual(capacity);
      expect(after.registered.length).toBe(after.seats);
      // Seats free while people wait would be a lost promotion.
      expect(after.registered.length === capacity || after.waitlisted.length === 0).toBe(true);
      expect(new Set([...after.registered, ...after.waitlisted]).size).toBe(after.registered.length + after.waitlisted.length);
    }
  });
});

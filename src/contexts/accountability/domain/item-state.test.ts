import { describe, expect, it } from 'vitest';
import { assertTransition } from './item-state.js';
import { itemPolicy } from './policy.js';
import type { Actor } from '../../../core/auth/actor.js';

describe('response state machine', () => {
  it('allows the normal path and escalation after a dispute', () => {
    expect(() => assertTransition('received', 'answered')).not.toThrow();
    expect(() => assertTransition('answered', 'disputed')).not.toThrow();
    expect(() => assertTransition('disputed', 'escalated')).not.toThrow();
    expect(() => assertTransition('escalated', 'answered')).not.toThrow();
  });
  it('refuses skipping steps', () => {
    expect(() => assertTransition('received', 'confirmed')).toThrow(/cannot become confirmed/);
    expect(() => assertTransition('confirmed', 'disputed')).toThrow();
  });
});

describe('who answers', () => {
  const org = 'dept-1';
  const official = (role: 'member' | 'admin', platform: 'official' | 'citizen' | 'reviewer' = 'official'): Actor => ({
    kind: 'user',
    user: { id: 'u', email: 'o@x', displayName: 'o', role: platform, memberships: [{ organisationId: org, organisationType: 'city_department', role }] },
  });
  it('an official of the department at level 0, its head at level 1, the committee at level 2', () => {
    expect(itemPolicy.canAnswer(official('member'), { organisation_id: org, escalation_level: 0 })).toBe(true);
    expect(itemPolicy.canAnswer(official('member'), { organisation_id: org, escalation_level: 1 })).toBe(false);
    expect(itemPolicy.canAnswer(official('admin'), { organisation_id: org, escalation_level: 1 })).toBe(true);
    expect(itemPolicy.canAnswer(official('admin'), { organisation_id: org, escalation_level: 2 })).toBe(false);
    expect(itemPolicy.canAnswer(official('member', 'reviewer'), { organisation_id: org, escalation_level: 2 })).toBe(true);
  });
  it('not a citizen member, not an official of another department', () => {
    expect(itemPolicy.canAnswer(official('member', 'citizen'), { organisation_id: org, escalation_level: 0 })).toBe(false);
    expect(itemPolicy.canAnswer(official('member'), { organisation_id: 'other', escalation_level: 0 })).toBe(false);
  });
});

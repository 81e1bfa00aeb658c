import { describe, expect, it } from 'vitest';
import { sharedSchemas } from '../../../core/http/schemas.js';
import { FeedbackSchema, StartupSchema } from '../api/schemas.js';
import type { ProfileRow } from '../store/tables.js';
import { publicFeedback, type FeedbackView } from './describe-rules.js';
import { publicStartup, startupView } from './describe-startups.js';

/** The Startup component the response schema refers to (StartupSchema itself is a $ref to it). */
const startupProperties = () => {
  const ref = (StartupSchema as unknown as { $ref: string }).$ref;
  const component = sharedSchemas().find((s) => s.$id === ref) as { properties: Record<string, unknown> } | undefined;
  return Object.keys(component!.properties);
};

// The API's answers are mapped to their public shape by the use cases: the response schema is not what hides a field.

const profile: ProfileRow = {
  id: 'p1',
  organisation_id: 'org-secret',
  slug: 'seoul-moving',
  name_ko: '서울무빙',
  name_en: 'Seoul Moving',
  what_ko: '경로 안내',
  what_en: 'Route guide',
  field: 'mobility',
  stage: 'prototype',
  team_size: 5,
  founders_age_band: '30_34',
  founded_year: 2024,
  website: null,
  contact_name: null,
  contact_email: 'hello@seoulmoving.kr',
  contact_phone: null,
  references_text: null,
  team_en: null,
  traction_en: null,
  ask_en: null,
  contact_name_en: null,
  example: 0,
  created_at: '2026-11-02T01:00:00.000Z',
  updated_at: '2026-11-02T01:00:00.000Z',
};

const feedback: FeedbackView = {
  id: 'f1',
  url: '/startups/feedback/f1',
  ruleId: 'r1',
  kind: 'change',
  title: '위치정보 동의 절차 간소화',
  body: '이동 약자 길찾기에 위치정보 동의가 너무 복잡합니다.',
  proposal: null,
  createdAt: '2026-11-02T01:00:00.000Z',
  startup: { slug: 'seoul-moving', name: { ko: '서울무빙', en: 'Seoul Moving' } },
  authorId: 'user-secret',
  endorsements: 0,
  decision: null,
  reviewBy: null,
  decidedAt: null,
  answer: {
    itemId: null,
    state: null,
    receivedOn: null,
    dueOn: null,
    overdue: false,
    answeredOn: null,
    answeredOnTime: null,
    escalationLevel: 0,
    answers: [],
  },
  panel: null,
};

describe('what the API publishes of a startup', () => {
  it('leaves out the organisation id the internal view carries, and has exactly the fields of the response schema', () => {
    const view = startupView(profile, [], false);
    expect(view.organisationId).toBe('org-secret');
    const pub = publicStartup(view);
    expect(pub).not.toHaveProperty('organisationId');
    expect(JSON.stringify(pub)).not.toContain('org-secret');
    expect(Object.keys(pub).sort()).toEqual(startupProperties().sort());
  });
});

describe('what the API publishes of a piece of feedback', () => {
  it('leaves out the author id, the rule id and the accountability panel, and has exactly the fields of the response schema', () => {
    const pub = publicFeedback(feedback);
    expect(pub).not.toHaveProperty('authorId');
    expect(pub).not.toHaveProperty('panel');
    expect(JSON.stringify(pub)).not.toContain('user-secret');
    expect(Object.keys(pub).sort()).toEqual(Object.keys(FeedbackSchema.properties).sort());
  });
});

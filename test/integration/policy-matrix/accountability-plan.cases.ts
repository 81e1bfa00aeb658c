import { randomUUID } from 'node:crypto';
import { system } from '../../../src/core/auth/actor.js';
import { answerItem } from '../../../src/contexts/accountability/use-cases/answer-item.js';
import { pauseClock } from '../../../src/contexts/accountability/use-cases/manage-clock.js';
import { disputeAnswer } from '../../../src/contexts/accountability/use-cases/respond-to-answer.js';
import { holidayNames, isWeekend, type Ymd } from '../../../src/core/calendar/korean-calendar.js';
import { addExtraHoliday } from '../../../src/contexts/accountability/use-cases/manage-holidays.js';
import { submitSuggestion } from '../../../src/contexts/plan/use-cases/submit-suggestion.js';
import { type Case, adminActor, ids, signedIn, t, target, uniq } from './fixture.js';

/** A fresh suggestion by the target user to the GIS Division's call, and its accountability item. */
async function freshItem(stage: 'received' | 'paused' | 'answered' | 'disputed' = 'received') {
  const suggestion = await submitSuggestion(t.services, target, { callId: ids.callId, title: `제안 ${randomUUID()}`, body: '매트릭스 시험용 제안입니다.' });
  const item = await t.services.db.selectFrom('accountability_item').select('id').where('subject_id', '=', suggestion.id).executeTakeFirstOrThrow();
  if (stage === 'paused') await pauseClock(t.services, adminActor, { itemId: item.id, reason: '보완 요청' });
  if (stage === 'answered' || stage === 'disputed')
    await answerItem(t.services, adminActor, { itemId: item.id, decision: '검토', reasons: '이유', nextSteps: '', publish: true });
  if (stage === 'disputed') await disputeAnswer(t.services, target, { itemId: item.id, reason: '동의하지 않음' });
  return { suggestionId: suggestion.id, itemId: item.id };
}

/** A different working day of 2041 for each call: admins add it as a holiday (or remove it) once. */
let extraDay = new Date('2041-01-01T00:00:00Z');
const nextExtraDay = (): Ymd => {
  for (;;) {
    extraDay = new Date(extraDay.getTime() + 86_400_000);
    const d = extraDay.toISOString().slice(0, 10) as Ymd;
    if (!isWeekend(d) && holidayNames(d).length === 0) return d;
  }
};
const extraBody = (date: string) => ({ date, nameKo: '임시공휴일', nameEn: 'Temporary holiday', reason: '권한 시험' });

export const accountabilityPlanCases: Case[] = [
  {
    method: 'POST',
    route: '/plan/calls',
    allowed: ['admin'],
    send: (a) => a.post('/plan/calls', { titleKo: `공모 ${uniq()}`, opensOn: '2026-01-01', closesOn: '2026-12-31', organisation: 'smg-gis-division' }),
  },
  {
    method: 'POST',
    route: '/plan/calls/:id/suggestions',
    allowed: signedIn,
    send: (a) => a.post(`/plan/calls/${ids.callId}/suggestions`, { title: `제안 ${uniq()}`, body: '지하철 환승 지도를 더 많은 역으로 넓혀 주세요.' }),
  },
  {
    method: 'POST',
    route: '/plan/suggestions/:id/support',
    allowed: signedIn,
    send: async (a) => a.post(`/plan/suggestions/${(await freshItem()).suggestionId}/support`, {}),
  },
  {
    method: 'POST',
    route: '/plan/suggestions/:id/comments',
    allowed: signedIn,
    send: async (a) => a.post(`/plan/suggestions/${(await freshItem()).suggestionId}/comments`, { body: '좋은 제안입니다' }),
  },
  {
    method: 'POST',
    route: '/plan/suggestions/:id/outcome',
    allowed: ['official', 'admin'],
    send: async (a) => a.post(`/plan/suggestions/${(await freshItem()).suggestionId}/outcome`, { outcome: 'declined', reason: '이미 추진 중' }),
  },
  {
    method: 'POST',
    route: '/plan/commitments/:slug/comments',
    allowed: signedIn,
    send: (a) => a.post('/plan/commitments/subway-transfer-maps/comments', { body: `의견 ${uniq()}` }),
  },
  {
    method: 'POST',
    route: '/plan/commitments/:slug/assessment',
    allowed: ['reviewer', 'admin'],
    send: (a) => a.post('/plan/commitments/subway-transfer-maps/assessment', { verifiable: 'yes' }),
  },
  {
    method: 'POST',
    route: '/plan/milestones/:id/progress',
    allowed: ['official', 'admin'],
    send: (a) => a.post(`/plan/milestones/${ids.milestoneId}/progress`, { text: '진행', completion: '10', status: 'in_progress' }),
  },
  {
    method: 'POST',
    route: '/plan/committee/members',
    allowed: ['admin'],
    send: (a) => a.post('/plan/committee/members', { name: '위원', affiliation: '무의', sector: 'civil_society' }),
  },
  {
    method: 'POST',
    route: '/plan/committee/meetings',
    allowed: ['admin'],
    send: (a) => a.post('/plan/committee/meetings', { heldOn: '2018-07-10', title: '회의', agenda: '안건' }),
  },
  // The plan's content: admins, and officials of the responsible department (the matrix official is in the GIS division, commitment 1).
  {
    method: 'PATCH',
    route: '/api/v1/plan/content/:entity/:id',
    allowed: ['official', 'admin'],
    send: (a) => a.api('PATCH', '/api/v1/plan/content/commitment/subway-transfer-maps', { changes: { titleKo: `환승 지도 ${uniq()}` } }),
  },
  {
    method: 'POST',
    route: '/plan/edit/:entity/:id',
    allowed: ['official', 'admin'],
    send: (a) => a.post(`/plan/edit/milestone/${ids.milestoneId}`, { weight: String(1 + Math.floor(Math.random() * 9)) }),
  },
  {
    method: 'PUT',
    route: '/api/v1/accountability/notice-preferences',
    allowed: signedIn,
    send: (a) => a.api('PUT', '/api/v1/accountability/notice-preferences', { choices: { paused: { byMail: false } } }),
  },
  { method: 'POST', route: '/accountability/notices', allowed: signedIn, send: (a) => a.post('/accountability/notices', { 'answered.inApp': '1' }) },
  {
    method: 'POST',
    route: '/accountability/items/:id/answer',
    allowed: ['official', 'admin'],
    send: async (a) => a.post(`/accountability/items/${(await freshItem()).itemId}/answer`, { decision: '반영', reasons: '이유', nextSteps: '', publish: '1' }),
  },
  {
    method: 'POST',
    route: '/accountability/items/:id/assign',
    allowed: ['official', 'admin'],
    send: async (a) => a.post(`/accountability/items/${(await freshItem()).itemId}/assign`, {}),
  },
  {
    method: 'POST',
    route: '/accountability/items/:id/pause',
    allowed: ['official', 'admin'],
    send: async (a) => a.post(`/accountability/items/${(await freshItem()).itemId}/pause`, { reason: '보완 요청' }),
  },
  {
    method: 'POST',
    route: '/accountability/items/:id/resume',
    allowed: ['official', 'admin'],
    send: async (a) => a.post(`/accountability/items/${(await freshItem('paused')).itemId}/resume`, {}),
  },
  {
    method: 'POST',
    route: '/accountability/items/:id/extend',
    allowed: ['official', 'admin'],
    send: async (a) => a.post(`/accountability/items/${(await freshItem()).itemId}/extend`, { days: '3', reason: '협의' }),
  },
  {
    method: 'POST',
    route: '/accountability/items/:id/confirm',
    label: 'author only',
    allowed: [],
    send: async (a) => a.post(`/accountability/items/${(await freshItem('answered')).itemId}/confirm`, {}),
  },
  {
    method: 'POST',
    route: '/accountability/items/:id/dispute',
    label: 'author only',
    allowed: [],
    send: async (a) => a.post(`/accountability/items/${(await freshItem('answered')).itemId}/dispute`, { reason: '아님' }),
  },
  {
    method: 'POST',
    route: '/accountability/items/:id/escalate',
    allowed: ['admin'],
    send: async (a) => a.post(`/accountability/items/${(await freshItem('disputed')).itemId}/escalate`, {}),
  },
  {
    method: 'POST',
    route: '/accountability/items/:id/follow',
    allowed: ['citizen', 'orgMember', 'orgAdmin', 'official', 'reviewer', 'admin'],
    send: async (a) => a.post(`/accountability/items/${(await freshItem()).itemId}/follow`, {}),
  },
  {
    method: 'POST',
    route: '/accountability/items/:id/unfollow',
    allowed: ['citizen', 'orgMember', 'orgAdmin', 'official', 'reviewer', 'admin'],
    send: async (a) => a.post(`/accountability/items/${(await freshItem()).itemId}/unfollow`, {}),
  },
  {
    method: 'POST',
    route: '/api/v1/accountability/holidays',
    allowed: ['admin'],
    send: (a) => a.api('POST', '/api/v1/accountability/holidays', extraBody(nextExtraDay())),
  },
  {
    method: 'DELETE',
    route: '/api/v1/accountability/holidays/:date',
    allowed: ['admin'],
    send: async (a) => {
      const date = nextExtraDay();
      await addExtraHoliday(t.services, system(), extraBody(date));
      return a.api('DELETE', `/api/v1/accountability/holidays/${date}`, { reason: '취소' });
    },
  },
  {
    method: 'POST',
    route: '/accountability/holidays/manage',
    allowed: ['admin'],
    send: (a) => a.post('/accountability/holidays/manage', extraBody(nextExtraDay())),
  },
  {
    method: 'POST',
    route: '/accountability/holidays/manage/:date/remove',
    allowed: ['admin'],
    send: async (a) => {
      const date = nextExtraDay();
      await addExtraHoliday(t.services, system(), extraBody(date));
      return a.post(`/accountability/holidays/manage/${date}/remove`, { reason: '취소' });
    },
  },
  {
    method: 'PATCH',
    route: '/api/v1/accountability/kinds/:id',
    allowed: ['admin'],
    send: (a) => a.api('PATCH', '/api/v1/accountability/kinds/plan.comment', { days: 14 }),
  },
  // Read-only SQL in the sandbox: POST for the query text, signed-in users only.
];

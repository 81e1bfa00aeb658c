import { randomUUID } from 'node:crypto';
import { submitDataRequest } from '../../../src/contexts/demand/use-cases/submit-data-request.js';
import { type Case, ngoDataset, signedIn, t, target, uniq } from './fixture.js';

/** A fresh data request by the target user, answered by the GIS Division (the matrix official's department). */
const freshDataRequest = async () =>
  (
    await submitDataRequest(t.services, target, {
      title: `데이터 요청 ${randomUUID()}`,
      why: '매트릭스 시험용 데이터 요청입니다.',
      organisation: 'smg-gis-division',
      useType: 'research',
      useDescription: '시험',
    })
  ).id;
/** Only the dataset's publisher (the NGO's members) or an admin may link it: the department's staff no longer may link someone else's dataset. */
const linkers = ['orgMember', 'orgAdmin', 'admin'] as const;
const linkReason = '이 데이터셋이 요청한 항목을 모두 담고 있습니다.';
const demandAnswer = { decision: 'will_publish', publishBy: '2099-12-31', reasons: '공개합니다' };

export const demandCases: Case[] = [
  {
    method: 'POST',
    route: '/demand/requests',
    allowed: signedIn,
    send: (a) =>
      a.post('/demand/requests', {
        title: `데이터 요청 ${uniq()}`,
        why: '매트릭스 시험용 데이터 요청입니다.',
        organisation: 'unknown',
        useType: 'app',
        useDescription: '시험',
        confirmed: '1',
      }),
  },
  {
    method: 'POST',
    route: '/demand/requests/:id/support',
    allowed: signedIn,
    send: async (a) => a.post(`/demand/requests/${await freshDataRequest()}/support`, { district: 'mapo', group: 'resident' }),
  },
  {
    method: 'POST',
    route: '/demand/requests/:id/answer',
    allowed: ['official', 'admin'],
    send: async (a) => a.post(`/demand/requests/${await freshDataRequest()}/answer`, demandAnswer),
  },
  {
    method: 'POST',
    route: '/demand/requests/:id/assessment',
    allowed: ['official', 'admin'],
    send: async (a) => a.post(`/demand/requests/${await freshDataRequest()}/assessment`, { feasibility: '2', reuse: '3' }),
  },
  {
    method: 'POST',
    route: '/demand/requests/:id/department',
    allowed: ['official', 'admin'],
    send: async (a) => a.post(`/demand/requests/${await freshDataRequest()}/department`, { organisation: 'smg-data-statistics-division' }),
  },
  {
    method: 'POST',
    route: '/demand/requests/:id/dataset',
    allowed: linkers,
    send: async (a) => a.post(`/demand/requests/${await freshDataRequest()}/dataset`, { datasetId: await ngoDataset(), reason: linkReason }),
  },
  // Only the requester (the target user here, no role of the walk) disputes a link.
  {
    method: 'POST',
    route: '/demand/requests/:id/dispute',
    allowed: [],
    send: async (a) => a.post(`/demand/requests/${await freshDataRequest()}/dispute`, { reason: '요청한 것과 다른 데이터입니다.' }),
  },
  {
    method: 'POST',
    route: '/demand/rubric',
    allowed: ['admin'],
    send: (a) => a.post('/demand/rubric', { support: '3', representativeness: '3', feasibility: '2', reuse: '2' }),
  },
  {
    method: 'POST',
    route: '/api/v1/demand/requests',
    allowed: signedIn,
    send: (a) =>
      a.api('POST', '/api/v1/demand/requests', {
        title: `데이터 요청 ${uniq()}`,
        why: '매트릭스 시험용 데이터 요청입니다.',
        useType: 'app',
        useDescription: '시험',
      }),
  },
  {
    method: 'POST',
    route: '/api/v1/demand/requests/:id/supports',
    allowed: signedIn,
    send: async (a) => a.api('POST', `/api/v1/demand/requests/${await freshDataRequest()}/supports`, { district: 'jongno', group: 'student' }),
  },
  {
    method: 'POST',
    route: '/api/v1/demand/requests/:id/answer',
    allowed: ['official', 'admin'],
    send: async (a) => a.api('POST', `/api/v1/demand/requests/${await freshDataRequest()}/answer`, demandAnswer),
  },
  {
    method: 'POST',
    route: '/api/v1/demand/requests/:id/assessment',
    allowed: ['official', 'admin'],
    send: async (a) => a.api('POST', `/api/v1/demand/requests/${await freshDataRequest()}/assessment`, { feasibility: 1, reuse: 0 }),
  },
  {
    method: 'POST',
    route: '/api/v1/demand/requests/:id/department',
    allowed: ['official', 'admin'],
    send: async (a) => a.api('POST', `/api/v1/demand/requests/${await freshDataRequest()}/department`, { organisation: 'seoul-metro' }),
  },
  {
    method: 'POST',
    route: '/api/v1/demand/requests/:id/dataset',
    allowed: linkers,
    send: async (a) => a.api('POST', `/api/v1/demand/requests/${await freshDataRequest()}/dataset`, { datasetId: await ngoDataset(), reason: linkReason }),
  },
  {
    method: 'POST',
    route: '/api/v1/demand/requests/:id/dispute',
    allowed: [],
    send: async (a) => a.api('POST', `/api/v1/demand/requests/${await freshDataRequest()}/dispute`, { reason: '요청한 것과 다른 데이터입니다.' }),
  },
  {
    method: 'PUT',
    route: '/api/v1/demand/rubric',
    allowed: ['admin'],
    send: (a) => a.api('PUT', '/api/v1/demand/rubric', { support: 3, representativeness: 3, feasibility: 2, reuse: 2 }),
  },
  // Civic projects: anyone signed in proposes and asks to join; the lead (orgMember here) or an admin edits, accepts, changes status; only team members post.
];

import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, priorityScore } from '../../src/contexts/demand/domain/priority.js';
import { Agent } from '../support/agent.js';
import { parseAtom } from '../support/atom.js';
import { DATA_DIVISION, LINK_REASON, agents, api, countRequests, notified, t, useDemandFixture } from '../support/demand-fixture.js';
import { dialect } from '../support/test-app.js';

let now = new Date('2026-11-02T01:00:00Z'); // Monday 2 November 2026, 10:00 in Seoul
let requestId = '';
let itemId = '';
useDemandFixture(() => now);

describe(`a data request from the form to the published dataset (${dialect})`, () => {
  const form = {
    title: '공공자전거 대여소별 시간대 이용 건수',
    why: '출퇴근 시간에 자전거가 모자란 대여소를 찾고 싶습니다.',
    organisation: 'unknown',
    useType: 'research',
    useDescription: '자치구별 부족 대여소 지도를 만들어 공개합니다.',
  };

  it('without JavaScript, the first send shows similar datasets; the second creates the request and starts the clock', async () => {
    const check = await agents.requester.post('/demand/requests', form);
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('href="/data/datasets/seoul-bike-rentals"');
    expect(check.body).toContain('name="confirmed" value="1"');
    expect(await countRequests()).toBe(0);
    const res = await agents.requester.post('/demand/requests', { ...form, confirmed: '1' });
    expect(res.statusCode).toBe(303);
    requestId = res.headers.location!.split('/').pop()!;
    const v = await api(`/api/v1/demand/requests/${requestId}`);
    expect(v.requester).toEqual({ displayName: expect.any(String) }); // never the requester's account id
    expect(v).toMatchObject({
      state: 'open',
      suggestedOrganisation: null,
      department: { slug: DATA_DIVISION },
      useType: 'research',
      answer: { itemState: 'received', dueOn: '2026-11-16' },
    });
    itemId = v.answer.itemId;
    expect(await api(`/api/v1/accountability/items/${itemId}`)).toMatchObject({
      kind: 'demand.data_request',
      url: `/demand/requests/${requestId}`,
      state: 'received',
      dueOn: '2026-11-16',
    });
    const found = await api(`/api/v1/search?q=${encodeURIComponent('대여소별 시간대')}&type=data_request`);
    expect(found.items.map((h: { id: string }) => h.id)).toEqual([requestId]);
  });

  it('suggests the request and the dataset while someone else types a similar title', async () => {
    const similar = await api(`/api/v1/demand/similar?q=${encodeURIComponent('자전거 대여소 이용')}`);
    expect(similar.requests.map((r: { id: string }) => r.id)).toContain(requestId);
    expect(similar.datasets.map((d: { id: string }) => d.id)).toContain('seoul-bike-rentals');
  });

  it('refuses bad requests by field and stores nothing', async () => {
    const empty = await agents.citizen.api('POST', '/api/v1/demand/requests', { ...form, title: '', organisation: 'no-such-department', useType: 'fun' });
    expect(empty.statusCode).toBe(422);
    expect(
      empty
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['organisation', 'title', 'useType']);
    const page = await agents.citizen.post('/demand/requests', { ...form, title: ' ', confirmed: '1' });
    expect(page.statusCode).toBe(422);
    expect(page.body).toContain('id="f-title-error"');
    const twice = await agents.requester.api('POST', '/api/v1/demand/requests', { ...form, organisation: null });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: 'demand.duplicate_request', details: { requestId } });
    expect((await new Agent(t.app).api('POST', '/api/v1/demand/requests', form)).statusCode).toBe(401);
    expect(await countRequests()).toBe(1);
  });

  it('counts supporters once each, with their districts and groups', async () => {
    const first = await agents.minji.api('POST', `/api/v1/demand/requests/${requestId}/supports`, { district: 'mapo', group: 'student' });
    expect(first.statusCode).toBe(201);
    expect((await agents.junho.post(`/demand/requests/${requestId}/support`, { district: 'gangnam', group: 'researcher' })).statusCode).toBe(303);
    const again = await agents.minji.api('POST', `/api/v1/demand/requests/${requestId}/supports`, { district: 'jongno', group: 'resident' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('demand.already_supported');
    const againPage = await agents.junho.post(`/demand/requests/${requestId}/support`, { district: 'jongno', group: 'resident' });
    expect(againPage.statusCode).toBe(409);
    expect(againPage.body).toContain('이미 지지한 요청입니다');
    expect(
      (await agents.requester.api('POST', `/api/v1/demand/requests/${requestId}/supports`, { district: 'mapo', group: 'resident' })).json().error.code,
    ).toBe('demand.own_request');
    const bad = await agents.citizen.api('POST', `/api/v1/demand/requests/${requestId}/supports`, { district: 'busan', group: 'alien' });
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(['district', 'group']);
    const v = await api(`/api/v1/demand/requests/${requestId}`);
    expect(v.support).toEqual({
      supporters: 2,
      distinctDistricts: 2,
      distinctGroups: 2,
      districts: [
        { id: 'mapo', count: 1 },
        { id: 'gangnam', count: 1 },
      ],
      groups: [
        { id: 'student', count: 1 },
        { id: 'researcher', count: 1 },
      ],
    });
    expect(v.priority.score).toBe(priorityScore(DEFAULT_WEIGHTS, { supporters: 2, districts: 2, groups: 2, feasibility: null, reuse: null }).score);
    const page = await agents.junho.get(`/demand/requests/${requestId}`);
    expect(page.body).toContain('지지 2명 · 자치구 2곳(25곳 중) · 소속 2가지(6가지 중)');
    expect(page.body).not.toContain(`action="/demand/requests/${requestId}/support"`);
  });

  it('lets the department rate feasibility and reuse, and admins change the published weights', async () => {
    expect((await agents.outsider.api('POST', `/api/v1/demand/requests/${requestId}/assessment`, { feasibility: 3, reuse: 3 })).statusCode).toBe(403);
    const rated = await agents.official.api('POST', `/api/v1/demand/requests/${requestId}/assessment`, { feasibility: 3, reuse: 2 });
    expect(rated.statusCode).toBe(200);
    expect(rated.json().priority).toMatchObject({ feasibility: 3, reuse: 2 });
    expect((await agents.citizen.api('PUT', '/api/v1/demand/rubric', { support: 1, representativeness: 1, feasibility: 1, reuse: 1 })).statusCode).toBe(403);
    expect((await agents.admin.post('/demand/rubric', { support: '0', representativeness: '0', feasibility: '0', reuse: '0' })).statusCode).toBe(422);
    const changed = await agents.admin.api('PUT', '/api/v1/demand/rubric', { support: 1, representativeness: 1, feasibility: 1, reuse: 1 });
    expect(changed.json().weights).toEqual({ support: 1, representativeness: 1, feasibility: 1, reuse: 1 });
    const v = await api(`/api/v1/demand/requests/${requestId}`);
    expect(v.priority.score).toBe(
      priorityScore({ support: 1, representativeness: 1, feasibility: 1, reuse: 1 }, { supporters: 2, districts: 2, groups: 2, feasibility: 3, reuse: 2 })
        .score,
    );
    expect(v.priority.parts.map((p: { weight: number }) => p.weight)).toEqual([1, 1, 1, 1]);
  });

  it('is answered only by an official of the department, with a dated promise; requester and supporters are told', async () => {
    now = new Date('2026-11-05T01:00:00Z');
    const decision = {
      decision: 'will_publish',
      publishBy: '2026-12-15',
      reasons: '대여 기록을 시간대별로 집계해 공개할 수 있습니다.',
      nextSteps: '12월 중 데이터 목록에 올립니다.',
    };
    expect((await agents.citizen.api('POST', `/api/v1/demand/requests/${requestId}/answer`, decision)).statusCode).toBe(403);
    expect((await agents.outsider.post(`/demand/requests/${requestId}/answer`, decision)).statusCode).toBe(403);
    const noDate = await agents.official.api('POST', `/api/v1/demand/requests/${requestId}/answer`, { ...decision, publishBy: '' });
    expect(noDate.json().error.details.map((d: { field: string }) => d.field)).toEqual(['publishBy']);
    expect((await agents.official.api('POST', `/api/v1/demand/requests/${requestId}/answer`, { ...decision, publishBy: '2026-10-01' })).statusCode).toBe(422);
    const declinedNoText = await agents.official.post(`/demand/requests/${requestId}/answer`, {
      decision: 'declined',
      declineReason: 'other',
      reasons: '이유',
    });
    expect(declinedNoText.statusCode).toBe(422);
    expect(declinedNoText.body).toContain('id="f-declineText-error"');
    expect((await api(`/api/v1/accountability/items/${itemId}`)).state).toBe('received');
    expect(await notified('답변이 등록되었습니다')).toEqual([]);

    expect((await agents.official.post(`/demand/requests/${requestId}/answer`, decision)).statusCode).toBe(303);
    const v = await api(`/api/v1/demand/requests/${requestId}`);
    expect(v.requester).toEqual({ displayName: expect.any(String) }); // never the requester's account id
    expect(v).toMatchObject({
      state: 'answered',
      decision: { type: 'will_publish', publishBy: '2026-12-15' },
      answer: { itemState: 'answered', answeredOn: '2026-11-05', answeredOnTime: true },
    });
    expect((await api(`/api/v1/accountability/items/${itemId}`)).answers[0].decision).toBe('2026-12-15까지 공개 예정 / Will publish by 2026-12-15');
    expect(await notified('답변이 등록되었습니다')).toEqual(['junho@demand.kr', 'minji@demand.kr', 'requester@demand.kr']);
    const twice = await agents.official.api('POST', `/api/v1/demand/requests/${requestId}/answer`, decision);
    expect(twice.json().error.code).toBe('demand.not_awaiting_answer');
  });

  it('is linked to an existing, open dataset by its publisher, with a reason; everyone is told', async () => {
    expect(
      (await agents.citizen.api('POST', `/api/v1/demand/requests/${requestId}/dataset`, { datasetId: 'seoul-bike-rentals', reason: LINK_REASON })).statusCode,
    ).toBe(403);
    // The department's staff cannot answer the request with a dataset they do not publish.
    expect(
      (await agents.publisher.api('POST', `/api/v1/demand/requests/${requestId}/dataset`, { datasetId: 'unrelated-noise', reason: LINK_REASON })).statusCode,
    ).toBe(403);
    const noReason = await agents.publisher.post(`/demand/requests/${requestId}/dataset`, { datasetId: 'seoul-bike-rentals', reason: '' });
    expect(noReason.statusCode).toBe(422);
    const unknown = await agents.publisher.post(`/demand/requests/${requestId}/dataset`, { datasetId: 'no-such-dataset', reason: LINK_REASON });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain('데이터 목록에 이 ID의 데이터셋이 없습니다.');
    const draft = await agents.publisher.api('POST', `/api/v1/demand/requests/${requestId}/dataset`, { datasetId: 'bike-draft', reason: LINK_REASON });
    expect([draft.statusCode, draft.json().error.code]).toEqual([422, 'demand.dataset_unpublished']); // its own draft answers nobody yet
    const unknownApi = await agents.publisher.api('POST', `/api/v1/demand/requests/${requestId}/dataset`, {
      datasetId: 'no-such-dataset',
      reason: LINK_REASON,
    });
    expect(unknownApi.json().error).toMatchObject({ code: 'demand.dataset_unknown', details: [{ field: 'datasetId' }] });
    expect((await api(`/api/v1/demand/requests/${requestId}`)).dataset).toBeNull();

    expect((await agents.publisher.post(`/demand/requests/${requestId}/dataset`, { datasetId: 'seoul-bike-rentals', reason: LINK_REASON })).statusCode).toBe(
      303,
    );
    const v = await api(`/api/v1/demand/requests/${requestId}`);
    expect(v.requester).toEqual({ displayName: expect.any(String) }); // never the requester's account id
    expect(v).toMatchObject({
      state: 'published',
      dispute: null,
      dataset: { id: 'seoul-bike-rentals', url: '/data/datasets/seoul-bike-rentals', title: { ko: '공공자전거 대여소별 이용 현황' }, reason: LINK_REASON },
    });
    expect(await notified('요청한 데이터가 공개되었습니다')).toEqual(['junho@demand.kr', 'minji@demand.kr', 'requester@demand.kr']);
    expect(
      (await agents.official.api('POST', `/api/v1/demand/requests/${requestId}/dataset`, { datasetId: 'seoul-bike-rentals', reason: LINK_REASON })).json().error
        .code,
    ).toBe('demand.already_published');
    const page = await agents.minji.get(`/demand/requests/${requestId}`);
    expect(page.body).toContain('data-dataset="seoul-bike-rentals"');
    expect(page.body).toContain('data-state="published"');
    expect(page.body).toContain('data-link-reason');
  });

  it('can be disputed by the requester only; it is then not "published" until its publisher links again', async () => {
    const why = '대여소별이 아니라 구별 합계만 있습니다.';
    expect((await agents.minji.api('POST', `/api/v1/demand/requests/${requestId}/dispute`, { reason: why })).statusCode).toBe(403);
    expect((await agents.requester.api('POST', `/api/v1/demand/requests/${requestId}/dispute`, { reason: '짧음' })).statusCode).toBe(422);
    const page = await agents.requester.get(`/demand/requests/${requestId}`);
    expect(page.body).toContain(`action="/demand/requests/${requestId}/dispute"`);
    expect((await agents.requester.post(`/demand/requests/${requestId}/dispute`, { reason: why })).statusCode).toBe(303);
    const v = await api(`/api/v1/demand/requests/${requestId}`);
    expect(v.requester).toEqual({ displayName: expect.any(String) }); // never the requester's account id
    expect(v).toMatchObject({ state: 'disputed', dispute: { reason: why }, dataset: { id: 'seoul-bike-rentals' } });
    expect((await agents.requester.api('POST', `/api/v1/demand/requests/${requestId}/dispute`, { reason: why })).json().error.code).toBe(
      'demand.not_disputable',
    );
    const disputedPage = await agents.minji.get(`/demand/requests/${requestId}`);
    expect(disputedPage.body).toContain('data-state="disputed"');
    expect(disputedPage.body).toContain(why);
    expect(
      (
        await agents.publisher.api('POST', `/api/v1/demand/requests/${requestId}/dataset`, {
          datasetId: 'seoul-bike-rentals',
          reason: '대여소별 자료를 새 버전으로 추가했습니다.',
        })
      ).statusCode,
    ).toBe(200);
    expect(await api(`/api/v1/demand/requests/${requestId}`)).toMatchObject({
      state: 'published',
      dispute: null,
      dataset: { reason: '대여소별 자료를 새 버전으로 추가했습니다.' },
    });
  });

  it('lets the requester confirm the answer through the engine', async () => {
    expect((await agents.minji.post(`/accountability/items/${itemId}/confirm`, {})).statusCode).toBe(403);
    expect((await agents.requester.post(`/accountability/items/${itemId}/confirm`, {})).statusCode).toBe(303);
    expect((await api(`/api/v1/demand/requests/${requestId}`)).answer.itemState).toBe('confirmed');
  });
});

describe(`triage, declining, disputes, lateness and the public views (${dialect})`, () => {
  const ask = async (title: string, organisation?: string) => {
    const res = await agents.citizen.api('POST', '/api/v1/demand/requests', {
      title,
      why: '지역 정책 평가에 필요합니다.',
      organisation,
      useType: 'advocacy',
      useDescription: '보고서',
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; answer: { itemId: string } };
  };

  it('hands a request to the department holding the data, which declines it with a reason; the requester disputes and escalates', async () => {
    now = new Date('2026-11-09T01:00:00Z');
    const r = await ask('지하철 역사 CCTV 설치 위치');
    expect((await agents.outsider.api('POST', `/api/v1/demand/requests/${r.id}/department`, { organisation: 'seoul-metro' })).statusCode).toBe(403);
    const moved = await agents.admin.post(`/demand/requests/${r.id}/department`, { organisation: (await api('/api/v1/organisations/smg-gis-division')).id });
    expect(moved.statusCode).toBe(303);
    expect((await api(`/api/v1/demand/requests/${r.id}`)).department.slug).toBe('smg-gis-division');
    expect(await notified('부서에 배정된 데이터 요청')).toEqual(['outsider@demand.kr']);
    expect(
      (await agents.official.api('POST', `/api/v1/demand/requests/${r.id}/answer`, { decision: 'declined', declineReason: 'privacy', reasons: '안전' }))
        .statusCode,
    ).toBe(403);
    const declined = await agents.outsider.api('POST', `/api/v1/demand/requests/${r.id}/answer`, {
      decision: 'declined',
      declineReason: 'privacy',
      declineText: '보안 시설 정보',
      reasons: '시설 보안상 위치를 공개할 수 없습니다.',
    });
    expect(declined.json()).toMatchObject({ state: 'declined', decision: { type: 'declined', declineReason: 'privacy' } });
    expect(
      (await agents.citizen.post(`/accountability/items/${r.answer.itemId}/dispute`, { reason: '설치 대수만이라도 공개할 수 있습니다.' })).statusCode,
    ).toBe(303);
    expect((await agents.citizen.post(`/accountability/items/${r.answer.itemId}/escalate`, {})).statusCode).toBe(303);
    const reopened = await api(`/api/v1/demand/requests/${r.id}`);
    expect(reopened).toMatchObject({ state: 'open', decision: { type: 'declined' }, answer: { itemState: 'escalated' } });
    expect((await agents.citizen.get(`/demand/requests/${r.id}`)).body).toContain('이의 제기로 다시 검토 중입니다');
  });

  it('shows unanswered requests as late after the due date, and counts everything on the dashboard, list, queue and feed', async () => {
    const late = await ask('자치구별 가로등 고장 신고 건수', 'smg-gis-division');
    const notHeld = await ask('한강공원 매점 매출', DATA_DIVISION);
    await agents.official.api('POST', `/api/v1/demand/requests/${notHeld.id}/answer`, {
      decision: 'declined',
      declineReason: 'not_held',
      reasons: '매출 자료는 시가 보유하지 않습니다.',
    });
    now = new Date('2026-11-27T01:00:00Z'); // 14 business days after 9 November
    expect((await api(`/api/v1/demand/requests/${late.id}`)).state).toBe('late');
    const dash = await api('/api/v1/demand/dashboard');
    // The escalated request got a fresh clock on 9 November: it is late too; its first answer (on time) stays on the record.
    expect(dash).toMatchObject({
      received: 4,
      states: { open: 0, late: 2, answered: 0, published: 1, declined: 1 },
      declinedBy: { privacy: 0, not_held: 1 },
      answeredOnTime: 3,
      answeredLate: 0,
    });
    expect(dash.byDepartment.find((d: { department: { slug: string } }) => d.department.slug === 'smg-gis-division')).toMatchObject({
      received: 2,
      states: { late: 2 },
    });

    const supported = await api('/api/v1/demand/requests?sort=supported');
    expect(supported.items[0].id).toBe(requestId);
    expect((await api('/api/v1/demand/requests?state=late')).items.map((v: { id: string }) => v.id)).toContain(late.id);
    expect((await api(`/api/v1/demand/requests?organisation=${DATA_DIVISION}&useType=advocacy`)).total).toBe(1);
    for (const path of [
      '/demand/requests',
      '/demand/requests?sort=priority&state=open',
      '/demand/requests/new',
      '/demand/dashboard',
      '/demand/rubric',
      `/demand/requests/${late.id}`,
    ]) {
      expect((await agents.citizen.get(path)).statusCode, path).toBe(200);
    }
    expect((await agents.citizen.get('/demand/queue')).statusCode).toBe(403);
    expect((await new Agent(t.app).get('/demand/queue')).headers.location).toBe('/sign-in?next=/demand/queue');
    const queue = await agents.official.get('/demand/queue');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).not.toContain(`data-request="${requestId}"`); // published: out of the queue
    expect(queue.body).toContain(`data-request="${late.id}"`);

    const feed = await t.app.inject({ method: 'GET', url: '/demand/requests.atom' });
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    const atom = parseAtom(feed.body);
    expect(atom.entries).toHaveLength(4);
    expect(atom.entries.flatMap((e) => e.categories)).toContainEqual({ term: 'published', label: 'Published' });
  });
});

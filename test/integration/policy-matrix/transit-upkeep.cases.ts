import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { Actor } from '../../../src/core/auth/actor.js';
import type { Agent } from '../../support/agent.js';
import { type Case, type Role, adminActor, everyone, ids, signedIn, t, target, uniq } from './fixture.js';

/**
 * Transit upkeep on the matrix station: a small interior made once (an entrance and a platform on one level), fresh proposals
 * that add a level (geometry: the GIS Division, whose member the official is), versions to revert, and reports on the map.
 */
let matrixInterior: Promise<void> | null = null;
const upkeepStation = () =>
  (matrixInterior ??= (async () => {
    const { proposeChange } = await import('../../../src/contexts/upkeep/use-cases/propose-change.js');
    const { reviewProposal } = await import('../../../src/contexts/upkeep/use-cases/review-proposal.js');
    const p = await proposeChange(t.services, adminActor, {
      stationId: 'matrix-station',
      title: '매트릭스 내부',
      source: 'api',
      ops: [
        { op: 'add_level', level: { levelId: 'matrix-station:L1', levelIndex: -1, levelName: 'B1' } },
        { op: 'add_node', node: { stopId: 'matrix-station:entrance', name: '입구', locationType: 2, levelId: 'matrix-station:L1' } },
        { op: 'add_node', node: { stopId: 'matrix-station:platform', name: '승강장', locationType: 0, levelId: 'matrix-station:L1' } },
        {
          op: 'add_edge',
          edge: { pathwayId: 'matrix-station:walk', from: 'matrix-station:entrance', to: 'matrix-station:platform', mode: 'walkway', bidirectional: true },
        },
      ],
    });
    await reviewProposal(t.services, adminActor, { proposalId: p.id, decision: 'approve' });
  })());
async function freshProposal() {
  await upkeepStation();
  const { proposeChange } = await import('../../../src/contexts/upkeep/use-cases/propose-change.js');
  return (
    await proposeChange(t.services, target, {
      stationId: 'matrix-station',
      title: `층 ${uniq()}`,
      source: 'api',
      ops: [{ op: 'add_level', level: { levelId: `matrix-station:L${uniq()}`, levelIndex: 5, levelName: 'X' } }],
    })
  ).id;
}
async function freshVersion() {
  const { reviewProposal } = await import('../../../src/contexts/upkeep/use-cases/review-proposal.js');
  return (await reviewProposal(t.services, adminActor, { proposalId: await freshProposal(), decision: 'approve' })).version!;
}
async function freshReport() {
  const { reportProblem } = await import('../../../src/contexts/upkeep/use-cases/report-problem.js');
  return (await reportProblem(t.services, target, { stationId: 'matrix-station', problem: 'map_error', note: `지도와 달라요 ${uniq()}` })).id;
}
/** Open311 clients authenticate with `api_key` in the form body (never the session): each role's own key, none for anonymous. */
const roleKeys = new Map<string, Promise<string>>();
async function open311Request(role: string, format: 'json' | 'xml') {
  const { createApiKey } = await import('../../../src/contexts/accounts/use-cases/create-api-key.js');
  const keyOf = async () => {
    const email = `${role.toLowerCase()}@matrix.kr`;
    const u = await t.services.db.selectFrom('accounts_user').select(['id', 'role']).where('email', '=', email).executeTakeFirstOrThrow();
    return (await createApiKey(t.services, { kind: 'user', user: { id: u.id, email, displayName: role, role: u.role, memberships: [] } }, { name: 'open311' }))
      .secret;
  };
  const fields: Record<string, string> = { service_code: 'map_error', 'attribute[station]': 'matrix-station', description: `매트릭스 ${uniq()}` };
  if (role !== 'anonymous') fields.api_key = await (roleKeys.get(role) ?? roleKeys.set(role, keyOf()).get(role)!);
  return t.app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${format}`,
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
}
async function freshWebhook() {
  const { registerWebhook } = await import('../../../src/contexts/upkeep/use-cases/webhooks.js');
  return (await registerWebhook(t.services, adminActor, { url: 'https://apps.example.kr/hooks' })).id;
}
const surveyForm = { startStopId: 'matrix-station:entrance', s1_kind: 'walkway', s1_to: 'matrix-station:platform', s1_width: '1.5' };
async function postPhoto(a: Agent, url: string) {
  const csrf = /name="_csrf" value="([^"]+)"/.exec((await a.get('/sign-in')).body)?.[1] ?? '';
  const boundary = `matrix${randomUUID().replace(/-/g, '')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="dot.png"\r\nContent-Type: image/png\r\n\r\n`),
    await sharp({ create: { width: 1, height: 1, channels: 4, background: '#000' } })
      .png()
      .toBuffer(),
    Buffer.from(`\r\n--${boundary}--\r\n`), // photos are decoded: a real one
  ]);
  return t.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { cookie: a.cookieHeader, accept: 'application/json', 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}
const stewardsHere = ['official', 'admin'] as const;
/** A proposal by this role's user (the target's for anonymous) sent back with changes requested: only its author may revise it. */
async function sentBack(role: Role) {
  await upkeepStation();
  const { proposeChange } = await import('../../../src/contexts/upkeep/use-cases/propose-change.js');
  const { reviewProposal } = await import('../../../src/contexts/upkeep/use-cases/review-proposal.js');
  const author: Actor =
    role === 'anonymous'
      ? target
      : {
          kind: 'user',
          user: {
            ...target.user!,
            id: (await t.services.db.selectFrom('accounts_user').select('id').where('email', '=', `${role.toLowerCase()}@matrix.kr`).executeTakeFirstOrThrow())
              .id,
          },
        };
  const p = await proposeChange(t.services, author, {
    stationId: 'matrix-station',
    title: `층 ${uniq()}`,
    source: 'api',
    ops: [{ op: 'add_level', level: { levelId: `matrix-station:L${uniq()}`, levelIndex: 6, levelName: 'Y' } }],
  });
  await reviewProposal(t.services, adminActor, { proposalId: p.id, decision: 'request_changes', reason: '매트릭스 수정 요청' });
  return p;
}
let feedSecret: Promise<string> | null = null;
async function signedPush() {
  const { rotateFeedSecret } = await import('../../../src/contexts/upkeep/use-cases/signed-status-feed.js');
  const { signPayload } = await import('../../../src/contexts/upkeep/use-cases/webhook-signature.js');
  const secret = await (feedSecret ??= rotateFeedSecret(t.services, adminActor, 'seoul-metro').then((r) => r.secret));
  const body = JSON.stringify({ id: randomUUID(), statuses: [{ facilityId: ids.facilityId, status: 'available' }] }); // each push its own id (a replay is refused)
  return { body, signature: signPayload(secret, body, new Date()) };
}

export const transitUpkeepCases: Case[] = [
  {
    method: 'PUT',
    route: '/api/v1/transit/stations/:id/stewards/:attribute',
    allowed: ['admin'],
    send: async (a) =>
      a.api('PUT', '/api/v1/transit/stations/matrix-station/stewards/media', {
        organisationId: (await t.services.db.selectFrom('accounts_organisation').select('id').where('slug', '=', 'smg-gis-division').executeTakeFirstOrThrow())
          .id,
      }),
  },
  {
    method: 'POST',
    route: '/api/v1/transit/stations/:id/proposals/preview',
    allowed: everyone,
    send: async (a) => {
      await upkeepStation();
      return a.api('POST', '/api/v1/transit/stations/matrix-station/proposals/preview', {
        ops: [{ op: 'update_edge', pathwayId: 'matrix-station:walk', set: { minWidth: 1.2 } }],
      });
    },
  },
  {
    method: 'POST',
    route: '/api/v1/transit/stations/:id/proposals',
    allowed: signedIn,
    send: async (a) => {
      await upkeepStation();
      return a.api('POST', '/api/v1/transit/stations/matrix-station/proposals', {
        title: '폭 수정',
        ops: [{ op: 'update_edge', pathwayId: 'matrix-station:walk', set: { minWidth: 1.3 } }],
      });
    },
  },
  {
    method: 'POST',
    route: '/api/v1/transit/stations/:id/surveys',
    allowed: signedIn,
    send: async (a) => {
      await upkeepStation();
      return a.api('POST', '/api/v1/transit/stations/matrix-station/surveys', {
        startStopId: 'matrix-station:entrance',
        steps: [{ kind: 'walkway', toStopId: 'matrix-station:platform', widthM: 1.4 }],
      });
    },
  },
  {
    method: 'POST',
    route: '/api/v1/transit/proposals/:id/review',
    allowed: stewardsHere,
    send: async (a) => a.api('POST', `/api/v1/transit/proposals/${await freshProposal()}/review`, { decision: 'reject', reason: '매트릭스 반려' }),
  },
  {
    method: 'POST',
    route: '/api/v1/transit/stations/:id/versions/:version/revert',
    allowed: stewardsHere,
    send: async (a) => a.api('POST', `/api/v1/transit/stations/matrix-station/versions/${await freshVersion()}/revert`, { reason: '매트릭스 되돌리기' }),
  },
  {
    method: 'POST',
    route: '/api/v1/transit/stations/:id/versions/:version/restore',
    allowed: stewardsHere,
    send: async (a) => {
      await freshVersion();
      return a.api('POST', '/api/v1/transit/stations/matrix-station/versions/2/restore', { reason: '매트릭스 복원' });
    },
  },
  {
    method: 'POST',
    route: '/api/v1/transit/stations/:id/photos',
    allowed: signedIn,
    send: (a) => postPhoto(a, '/api/v1/transit/stations/matrix-station/photos'),
  },
  {
    method: 'POST',
    route: '/api/v1/transit/stations/:id/reports',
    allowed: everyone,
    send: (a) => a.api('POST', '/api/v1/transit/stations/matrix-station/reports', { problem: 'map_error' }),
  },
  { method: 'POST', route: '/open311/v2/requests.json', allowed: signedIn, send: (_a, role) => open311Request(role, 'json') },
  { method: 'POST', route: '/open311/v2/requests.xml', allowed: signedIn, send: (_a, role) => open311Request(role, 'xml') },
  {
    method: 'POST',
    route: '/api/v1/transit/reports/:id/resolve',
    allowed: stewardsHere,
    send: async (a) => a.api('POST', `/api/v1/transit/reports/${await freshReport()}/resolve`, { confirmed: false, reasons: '확인 결과 이상 없음' }),
  },
  {
    method: 'POST',
    route: '/api/v1/transit/facility-status',
    allowed: ['admin'],
    send: (a) => a.api('POST', '/api/v1/transit/facility-status', { statuses: [{ facilityId: ids.facilityId, status: 'available' }] }),
  },
  {
    method: 'POST',
    route: '/api/v1/transit/webhooks',
    allowed: stewardsHere,
    send: (a) => a.api('POST', '/api/v1/transit/webhooks', { url: 'https://apps.example.kr/hooks' }),
  },
  {
    method: 'DELETE',
    route: '/api/v1/transit/webhooks/:id',
    allowed: ['admin'],
    send: async (a) => a.api('DELETE', `/api/v1/transit/webhooks/${await freshWebhook()}`),
  },
  {
    method: 'POST',
    route: '/api/v1/transit/operators/:slug/status-feed/secret',
    allowed: ['admin'],
    send: (a) => a.api('POST', '/api/v1/transit/operators/seoul-metro/status-feed/secret'),
  },
  // Signed by the operator's system: whoever sends it, the signature is what is checked (and a cookie adds nothing).
  {
    method: 'POST',
    route: '/api/v1/transit/operators/:slug/status-feed',
    allowed: everyone,
    send: async (a) => {
      const p = await signedPush();
      return t.app.inject({
        method: 'POST',
        url: '/api/v1/transit/operators/seoul-metro/status-feed',
        payload: p.body,
        headers: { cookie: a.cookieHeader, 'content-type': 'application/json', 'x-open-seoul-signature': p.signature },
      });
    },
  },
  {
    method: 'POST',
    route: '/transit/stations/:id/survey',
    allowed: signedIn,
    send: async (a) => {
      await upkeepStation();
      return a.post('/transit/stations/matrix-station/survey', surveyForm);
    },
  },
  {
    method: 'POST',
    route: '/transit/proposals/:id/review',
    allowed: stewardsHere,
    send: async (a) => a.post(`/transit/proposals/${await freshProposal()}/review`, { decision: 'reject', reason: '매트릭스 반려' }),
  },
  {
    method: 'POST',
    route: '/transit/stations/:id/versions/:version/revert',
    allowed: stewardsHere,
    send: async (a) => a.post(`/transit/stations/matrix-station/versions/${await freshVersion()}/revert`, { reason: '매트릭스 되돌리기' }),
  },
  {
    method: 'POST',
    route: '/transit/stations/:id/report',
    allowed: everyone,
    send: (a) => a.post('/transit/stations/matrix-station/report', { problem: 'map_error' }),
  },
  {
    method: 'POST',
    route: '/transit/reports/:id/resolve',
    allowed: stewardsHere,
    send: async (a) => a.post(`/transit/reports/${await freshReport()}/resolve`, { confirmed: '0', reasons: '확인 결과 이상 없음' }),
  },
  {
    method: 'POST',
    route: '/api/v1/transit/proposals/:id/revisions',
    label: 'own proposal',
    allowed: signedIn,
    send: async (a, role) => {
      const p = await sentBack(role);
      return a.api('POST', `/api/v1/transit/proposals/${p.id}/revisions`, { ops: JSON.parse(p.ops) as unknown[], note: '고쳤습니다' });
    },
  },
  {
    method: 'POST',
    route: '/transit/proposals/:id/revise',
    label: 'own proposal',
    allowed: signedIn,
    send: async (a, role) => a.post(`/transit/proposals/${(await sentBack(role)).id}/revise`, { title: '층 (고침)' }),
  },
  {
    method: 'DELETE',
    route: '/api/v1/transit/stations/:id/stewards/:attribute',
    allowed: ['admin'],
    send: async (a) => {
      const gis = (await t.services.db.selectFrom('accounts_organisation').select('id').where('slug', '=', 'smg-gis-division').executeTakeFirstOrThrow()).id;
      await t.services.db
        .insertInto('transit_steward')
        .values({ station_key: 'matrix-station', attribute: 'boarding', organisation_id: gis, updated_at: new Date().toISOString() })
        .onConflict((oc) => oc.doNothing())
        .execute();
      return a.api('DELETE', '/api/v1/transit/stations/matrix-station/stewards/boarding');
    },
  },
  {
    method: 'POST',
    route: '/transit/stewards',
    allowed: ['admin'],
    send: async (a) =>
      a.post('/transit/stewards', {
        station: 'matrix-station',
        attribute: 'boarding',
        organisationId: (await t.services.db.selectFrom('accounts_organisation').select('id').where('slug', '=', 'seoul-metro').executeTakeFirstOrThrow()).id,
        action: 'assign',
      }),
  },
  {
    method: 'POST',
    route: '/transit/stations/:id/edit',
    allowed: signedIn,
    send: async (a) => {
      await upkeepStation();
      return a.post('/transit/stations/matrix-station/edit', {
        title: '폭 수정',
        'e-0-id': 'matrix-station:walk',
        'e-0-minWidth': (1 + Math.random()).toFixed(3),
      });
    },
  },
];

import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { system } from '../../../src/core/auth/actor.js';
import { createDataset } from '../../../src/contexts/data/use-cases/create-dataset.js';
import { stageUpload } from '../../../src/contexts/data/use-cases/stage-upload.js';
import type { Agent } from '../../support/agent.js';
import { publishFixtureVersion } from '../../support/lake-fixtures.js';
import { type Case, type Role, everyone, ids, signedIn, t, uniq } from './fixture.js';

/** The NGO's dataset the data publishing pages are tried on, made once. */
let matrixDataset: Promise<string> | null = null;

const publishableDataset = () =>
  (matrixDataset ??= createDataset(t.services, system(), { id: 'matrix-dataset', titleKo: '매트릭스 데이터', publisherId: ids.ngoId }).then((d) => d.id));
const MATRIX_CSV = Buffer.from('역명,승차\n시청,9282\n신도림,20210\n', 'utf8');

/** A fresh dataset of the NGO with one published version (for withdrawing and deleting: each call spends one). */
async function freshPublished() {
  const id = `matrix-pub-${uniq()}`;
  await createDataset(t.services, system(), { id, titleKo: '매트릭스 공개 데이터', publisherId: ids.ngoId });
  await publishFixtureVersion(t.services, id, { sql: `SELECT '시청' AS station, 9282 AS boardings` });
  return id;
}

/** A fresh draft upload of the NGO's dataset, staged by the system. */
async function freshDraft() {
  const datasetId = await publishableDataset();
  const file = path.join(os.tmpdir(), `matrix-${randomUUID()}.csv`);
  await fs.writeFile(file, MATRIX_CSV);
  try {
    return (await stageUpload(t.services, system(), { datasetId, file, filename: 'matrix.csv' })).versionId;
  } finally {
    await fs.rm(file, { force: true });
  }
}

/** A multipart form with one file, posted like a browser would (the CSRF token taken from a page of the session). */
async function postFile(a: Agent, url: string, file: { name: string; data: Buffer }) {
  const csrf = /name="_csrf" value="([^"]+)"/.exec((await a.get('/sign-in')).body)?.[1] ?? '';
  const boundary = `matrix${randomUUID().replace(/-/g, '')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { cookie: a.cookieHeader, accept: 'text/html', 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

const publishers = ['orgMember', 'orgAdmin', 'admin'] as const;

export const dataCases: Case[] = [
  {
    method: 'POST',
    route: '/api/v1/data/sql',
    label: 'sandboxed read-only SQL',
    allowed: signedIn,
    send: (a) => a.api('POST', '/api/v1/data/sql', { sql: 'SELECT 42 AS answer' }),
  },
  // CKAN actions only read; clients call them with POST and a JSON body.
  {
    method: 'POST',
    route: '/api/3/action/:action',
    label: 'read-only CKAN action',
    allowed: everyone,
    send: (a) => a.api('POST', '/api/3/action/package_list', {}),
  },
  {
    method: 'POST',
    route: '/api/action/:action',
    label: "read-only CKAN action, ckanapi's path",
    allowed: everyone,
    send: (a) => a.api('POST', '/api/action/package_list', {}),
  },
  // CKAN writes take an API key only: a cookie session (these agents) cannot write, whatever its role.
  ...['/api/3/action', '/api/action'].flatMap((prefix) => [
    {
      method: 'POST',
      route: `${prefix}/package_create`,
      label: 'API key only',
      allowed: [] as Role[],
      send: (a: Agent) => a.api('POST', `${prefix}/package_create`, { name: `matrix-ckan-${uniq()}`, title: '매트릭스', owner_org: ids.ngoSlug }),
    },
    {
      method: 'POST',
      route: `${prefix}/package_patch`,
      label: 'API key only',
      allowed: [] as Role[],
      send: async (a: Agent) => a.api('POST', `${prefix}/package_patch`, { id: await publishableDataset(), notes: '매트릭스' }),
    },
    {
      method: 'POST',
      route: `${prefix}/package_delete`,
      label: 'API key only',
      allowed: [] as Role[],
      send: async (a: Agent) => a.api('POST', `${prefix}/package_delete`, { id: await publishableDataset(), reason: '매트릭스 확인용 삭제' }),
    },
    {
      method: 'POST',
      route: `${prefix}/resource_create`,
      label: 'API key only',
      allowed: [] as Role[],
      send: async (a: Agent) => a.api('POST', `${prefix}/resource_create`, { package_id: await publishableDataset(), url: 'https://example.org/x.csv' }),
    },
  ]),
  // The Seoul Open API shim: the dataset's publishers name its Plaza service; anyone signed in gets read-only keys and revokes their own.
  {
    method: 'PUT',
    route: '/api/v1/data/datasets/:id/seoul-service',
    allowed: publishers,
    send: async (a) => a.api('PUT', `/api/v1/data/datasets/${await publishableDataset()}/seoul-service`, { service: null }),
  },
  { method: 'POST', route: '/data/openapi-keys', allowed: signedIn, send: (a) => a.post('/data/openapi-keys', {}) },
  {
    method: 'POST',
    route: '/data/openapi-keys/:id/revoke',
    allowed: signedIn,
    send: async (a) => {
      const k = await a.api('POST', '/api/v1/data/openapi-keys');
      return a.post(`/data/openapi-keys/${k.statusCode === 201 ? (k.json() as { id: string }).id : 'none'}/revoke`, {});
    },
  },
  { method: 'POST', route: '/api/v1/data/openapi-keys', allowed: signedIn, send: (a) => a.api('POST', '/api/v1/data/openapi-keys') },
  {
    method: 'DELETE',
    route: '/api/v1/data/openapi-keys/:keyId',
    allowed: signedIn,
    send: async (a) => {
      const k = await a.api('POST', '/api/v1/data/openapi-keys');
      return a.api('DELETE', `/api/v1/data/openapi-keys/${k.statusCode === 201 ? (k.json() as { id: string }).id : 'none'}`);
    },
  },
  // Data publishing (pages): admins and members of the publishing organisation.
  {
    method: 'POST',
    route: '/data/datasets',
    allowed: publishers,
    send: (a) => a.post('/data/datasets', { id: `matrix-${uniq()}`, titleKo: '매트릭스 데이터셋', publisherId: ids.ngoId }),
  },
  {
    method: 'POST',
    route: '/data/datasets/:id/upload',
    allowed: publishers,
    send: async (a) => postFile(a, `/data/datasets/${await publishableDataset()}/upload`, { name: 'matrix.csv', data: MATRIX_CSV }),
  },
  {
    method: 'POST',
    route: '/data/uploads/:versionId/encoding',
    allowed: publishers,
    send: async (a) => a.post(`/data/uploads/${await freshDraft()}/encoding`, { encoding: 'latin1' }),
  },
  {
    method: 'POST',
    route: '/data/uploads/:versionId/check',
    allowed: publishers,
    send: async (a) => a.post(`/data/uploads/${await freshDraft()}/check`, { 'type.1': 'string' }),
  },
  {
    method: 'POST',
    route: '/data/uploads/:versionId/publish',
    allowed: publishers,
    send: async (a) => a.post(`/data/uploads/${await freshDraft()}/publish`, { 'type.1': 'string' }),
  },
  {
    method: 'POST',
    route: '/data/uploads/:versionId/discard',
    allowed: publishers,
    send: async (a) => a.post(`/data/uploads/${await freshDraft()}/discard`, {}),
  },
  // Data publishing (JSON API and multipart upload): the same publishers.
  {
    method: 'POST',
    route: '/api/v1/data/datasets',
    allowed: publishers,
    send: (a) => a.api('POST', '/api/v1/data/datasets', { id: `matrix-api-${uniq()}`, titleKo: '매트릭스 API 데이터셋', publisherId: ids.ngoId }),
  },
  {
    method: 'POST',
    route: '/api/v1/data/datasets/:id/uploads',
    allowed: publishers,
    send: async (a) => postFile(a, `/api/v1/data/datasets/${await publishableDataset()}/uploads`, { name: 'matrix.csv', data: MATRIX_CSV }),
  },
  {
    method: 'POST',
    route: '/api/v1/data/uploads/:versionId/publish',
    allowed: publishers,
    send: async (a) => a.api('POST', `/api/v1/data/uploads/${await freshDraft()}/publish`, {}),
  },
  // Publisher control: the dataset's organisation and admins edit, set access, withdraw a version and delete.
  {
    method: 'PATCH',
    route: '/api/v1/data/datasets/:id',
    allowed: publishers,
    send: async (a) => a.api('PATCH', `/api/v1/data/datasets/${await publishableDataset()}`, { titleEn: 'Matrix data' }),
  },
  {
    method: 'PUT',
    route: '/api/v1/data/datasets/:id/access',
    allowed: publishers,
    send: async (a) => a.api('PUT', `/api/v1/data/datasets/${await publishableDataset()}/access`, { access: 'public' }),
  },
  {
    method: 'POST',
    route: '/api/v1/data/datasets/:id/versions/:version/withdraw',
    allowed: publishers,
    send: async (a) => a.api('POST', `/api/v1/data/datasets/${await freshPublished()}/versions/1/withdraw`, { reason: '매트릭스 회수 시험' }),
  },
  {
    method: 'DELETE',
    route: '/api/v1/data/datasets/:id',
    allowed: publishers,
    send: async (a) => a.api('DELETE', `/api/v1/data/datasets/${await freshPublished()}`, { reason: '매트릭스 삭제 시험' }),
  },
  {
    method: 'POST',
    route: '/data/datasets/:id/edit',
    allowed: publishers,
    send: async (a) => a.post(`/data/datasets/${await publishableDataset()}/edit`, { titleKo: '매트릭스 데이터' }),
  },
  {
    method: 'POST',
    route: '/data/datasets/:id/access',
    allowed: publishers,
    send: async (a) => a.post(`/data/datasets/${await publishableDataset()}/access`, { access: 'public' }),
  },
  {
    method: 'POST',
    route: '/data/datasets/:id/versions/:version/withdraw',
    allowed: publishers,
    send: async (a) => a.post(`/data/datasets/${await freshPublished()}/versions/1/withdraw`, { reason: '매트릭스 회수 시험' }),
  },
  {
    method: 'POST',
    route: '/data/datasets/:id/delete',
    allowed: publishers,
    send: async (a) => a.post(`/data/datasets/${await freshPublished()}/delete`, { reason: '매트릭스 삭제 시험' }),
  },
  {
    method: 'DELETE',
    route: '/api/v1/data/uploads/:versionId',
    allowed: publishers,
    send: async (a) => a.api('DELETE', `/api/v1/data/uploads/${await freshDraft()}`),
  },
];

import type { Services } from '../../../core/context.js';
import { notFound } from '../../../core/errors.js';
import { applyOps, type Attribute, type ChangeOp } from './change-ops.js';
import { diffInteriors } from './interior-diff.js';
import { toInterior } from './interior-model.js';
import { latestVersion, loadStationRows, loadVersion, snapshotOf } from './interior-store.js';
import type { Evidence } from './propose-change.js';
import { proposalRevisions } from './revise-proposal.js';
import { stewardsOf } from './stewardship.js';

/** A proposal as reviewers read it: the diff against the version it was made on, the evidence, who must approve. */
export async function describeProposal(services: Services, id: string) {
  const p = await services.db
    .selectFrom('transit_proposal as p')
    .leftJoin('accounts_user as u', 'u.id', 'p.author_id')
    .leftJoin('transit_station as s', 's.id', 'p.station_id')
    .selectAll('p')
    .select(['u.display_name as author_name', 's.name_ko as station_name_ko', 's.name_en as station_name_en'])
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!p) throw notFound('proposal');
  const base = await loadVersion(services.db, p.station_id, p.base_version);
  const current = await latestVersion(services.db, p.station_id);
  const ops = JSON.parse(p.ops) as ChangeOp[];
  const before = toInterior(snapshotOf(base));
  let diff = null;
  try {
    diff = diffInteriors(before, applyOps(before, ops, p.station_id));
  } catch {
    /* a stored proposal always applied to its base; keep the page working if not */
  }
  const stewards = await stewardsOf(services.db, p.station_id);
  const attributes = JSON.parse(p.attributes) as Attribute[];
  const approvals = JSON.parse(p.approvals) as Partial<Record<Attribute, { by: string; organisationId: string | null; at: string }>>;
  const evidence = JSON.parse(p.evidence) as Evidence;
  const photos = evidence.photos.length
    ? await services.db
        .selectFrom('transit_photo')
        .select(['id', 'caption', 'width', 'height', 'mime', 'public_at'])
        .where('id', 'in', evidence.photos)
        .execute()
    : [];
  return {
    id: p.id,
    stationId: p.station_id,
    station: { ko: p.station_name_ko, en: p.station_name_en },
    title: p.title,
    status: p.status,
    source: p.source,
    revision: p.revision,
    revisions: await proposalRevisions(services, p.id),
    baseVersion: p.base_version,
    currentVersion: current?.version ?? p.base_version,
    resultVersion: p.result_version,
    author: { id: p.author_id, name: p.author_name },
    createdAt: p.created_at,
    reviewedAt: p.reviewed_at,
    reviewReason: p.review_reason,
    ops,
    diff,
    evidence: { ...evidence, photos: photos.map(({ public_at, ...ph }) => ({ ...ph, public: public_at !== null, url: `/transit/photos/${ph.id}` })) },
    review: attributes.map((a) => ({
      attribute: a,
      steward: stewards.get(a) ? { id: stewards.get(a)!.organisationId, nameKo: stewards.get(a)!.nameKo, nameEn: stewards.get(a)!.nameEn } : null,
      approvedAt: approvals[a]?.at ?? null,
    })),
  };
}

export async function listProposals(services: Services, opts: { stationId?: string; status?: string; limit?: number }) {
  let q = services.db
    .selectFrom('transit_proposal as p')
    .leftJoin('transit_station as s', 's.id', 'p.station_id')
    .select([
      'p.id',
      'p.station_id',
      'p.title',
      'p.status',
      'p.source',
      'p.base_version',
      'p.result_version',
      'p.attributes',
      'p.created_at',
      's.name_ko',
      's.name_en',
    ]);
  if (opts.stationId) q = q.where('p.station_id', '=', opts.stationId);
  if (opts.status) q = q.where('p.status', '=', opts.status);
  const rows = await q
    .orderBy('p.created_at', 'desc')
    .limit(opts.limit ?? 100)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    stationId: r.station_id,
    station: { ko: r.name_ko, en: r.name_en },
    title: r.title,
    status: r.status,
    source: r.source,
    baseVersion: r.base_version,
    resultVersion: r.result_version,
    attributes: JSON.parse(r.attributes) as string[],
    createdAt: r.created_at,
  }));
}

export async function listVersions(services: Services, stationId: string) {
  const rows = await services.db
    .selectFrom('transit_station_version as v')
    .leftJoin('accounts_organisation as o', 'o.id', 'v.verified_by_org')
    .select([
      'v.version',
      'v.kind',
      'v.summary',
      'v.proposal_id',
      'v.restored_version',
      'v.verified_at',
      'v.created_at',
      'v.created_by',
      'o.name_ko as org_ko',
      'o.name_en as org_en',
    ])
    .where('v.station_id', '=', stationId)
    .orderBy('v.version', 'desc')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    kind: r.kind,
    summary: r.summary,
    proposalId: r.proposal_id,
    restoredVersion: r.restored_version,
    verifiedAt: r.verified_at,
    verifiedBy: r.org_ko ?? r.org_en ?? null,
    createdAt: r.created_at,
  }));
}

/** One version: its interior and what changed from the version before. */
export async function describeVersion(services: Services, stationId: string, version: number) {
  const v = await loadVersion(services.db, stationId, version);
  const prev = version > 1 ? await loadVersion(services.db, stationId, version - 1).catch(() => null) : null;
  const interior = toInterior(snapshotOf(v));
  const latest = await latestVersion(services.db, stationId);
  return {
    stationId,
    version: v.version,
    kind: v.kind,
    summary: v.summary,
    proposalId: v.proposal_id,
    restoredVersion: v.restored_version,
    verifiedAt: v.verified_at,
    createdAt: v.created_at,
    latest: latest?.version ?? v.version,
    diff: diffInteriors(prev ? toInterior(snapshotOf(prev)) : { levels: [], nodes: [], edges: [] }, interior),
    interior,
  };
}

/** The interior as it is now, with the version a proposal made now would be based on (1 before any version exists). */
export async function describeCurrentInterior(services: Services, stationId: string) {
  const latest = await latestVersion(services.db, stationId);
  const rows = latest ? snapshotOf(latest) : (await loadStationRows(services.db, stationId)).rows;
  return { stationId, baseVersion: latest?.version ?? 1, interior: toInterior(rows) };
}

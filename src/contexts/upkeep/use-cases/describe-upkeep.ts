import type { Services } from '../../../core/context.js';
import { notFound } from '../../../core/errors.js';
import { organisationNamesById, userDisplayNames } from '../../accounts/index.js';
import { findStationNames, listStationNames } from '../../transit/index.js';
import { listPhotoFacts } from '../store/photo.repository.js';
import { findProposal, listProposalRows } from '../store/proposal.repository.js';
import { listVersionsOfStation } from '../store/version.repository.js';
import { applyOps, type Attribute, type ChangeOp } from './change-ops.js';
import { diffInteriors } from './interior-diff.js';
import { toInterior } from './interior-model.js';
import { latestVersion, loadStationRows, loadVersion, snapshotOf } from './interior-store.js';
import type { Evidence } from './propose-change.js';
import { proposalRevisions } from './revise-proposal.js';
import { stewardsOf } from './stewardship.js';

/** A proposal as reviewers read it: the diff against the version it was made on, the evidence, who must approve. */
export async function describeProposal(services: Services, id: string) {
  const found = await findProposal(services.db, id);
  if (!found) throw notFound('proposal');
  // The author's name and the station's names from accounts' and transit's read models.
  const [authors, station] = await Promise.all([userDisplayNames(services.db, [found.author_id]), findStationNames(services.db, found.station_id)]);
  const p = {
    ...found,
    author_name: authors.get(found.author_id) ?? null,
    station_name_ko: station?.name_ko ?? null,
    station_name_en: station?.name_en ?? null,
  };
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
  const photos = evidence.photos.length ? await listPhotoFacts(services.db, evidence.photos) : [];
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
  const proposals = await listProposalRows(services.db, { stationId: opts.stationId, status: opts.status, limit: opts.limit ?? 100 });
  const names = new Map((proposals.length ? await listStationNames(services.db, [...new Set(proposals.map((r) => r.station_id))]) : []).map((s) => [s.id, s]));
  const rows = proposals.map((r) => ({ ...r, name_ko: names.get(r.station_id)?.name_ko ?? null, name_en: names.get(r.station_id)?.name_en ?? null }));
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
  const versions = await listVersionsOfStation(services.db, stationId);
  const orgs = await organisationNamesById(
    services.db,
    versions.flatMap((v) => (v.verified_by_org ? [v.verified_by_org] : [])),
  );
  const rows = versions.map((v) => ({
    ...v,
    org_ko: v.verified_by_org ? (orgs.get(v.verified_by_org)?.name_ko ?? null) : null,
    org_en: v.verified_by_org ? (orgs.get(v.verified_by_org)?.name_en ?? null) : null,
  }));
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

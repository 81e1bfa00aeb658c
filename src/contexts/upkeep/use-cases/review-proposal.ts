import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { AppError, notFound, unauthenticated } from '../../../core/errors.js';
import { notifyUsers } from '../../accounts/index.js';
import { routingFor } from '../../transit/index.js';
import { approvePendingProposal, findProposal, setPendingApprovals, setProposalReview } from '../store/proposal.repository.js';
import { applyOps, touchedKeys, type Attribute, type ChangeOp } from './change-ops.js';
import { commitVersion } from './commit-version.js';
import { conflicting, diffInteriors, diffKeys } from './interior-diff.js';
import { toInterior, toRows } from './interior-model.js';
import { latestVersion, loadVersion, snapshotOf } from './interior-store.js';
import { photoIdsOf, publishPhotos } from './photo-access.js';
import type { Evidence } from './propose-change.js';
import { reviewableBy, stewardsOf } from './stewardship.js';
import type { ProposalRow } from '../store/tables.js';
import { assertNoNewErrors } from './validate-interior.js';

export const REVIEW_DECISIONS = ['approve', 'request_changes', 'reject'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
type Approvals = Partial<Record<Attribute, { by: string; organisationId: string | null; at: string }>>;

export async function loadProposal(services: Services, id: string): Promise<ProposalRow> {
  const row = await findProposal(services.db, id);
  if (!row) throw notFound('proposal');
  return row;
}

/**
 * A steward's review. Approving records the approval for the attributes this reviewer's organisation stewards;
 * once every attribute the change touches is approved, the change becomes a new version of the station. If
 * the station moved on since the proposal was made, the change is rebased when it touches nothing that moved,
 * and refused (409, with the conflicting fields) when it does.
 */
export async function reviewProposal(services: Services, actor: Actor, input: { proposalId: string; decision: unknown; reason?: unknown }) {
  if (!actor.user) throw unauthenticated();
  const decision = input.decision as ReviewDecision;
  if (!REVIEW_DECISIONS.includes(decision))
    throw new AppError('validation.failed', 'decision: must be approve, request_changes or reject', 400, [
      { field: 'decision', code: 'validation.choice', message: 'must be approve, request_changes or reject' },
    ]);
  const reason = typeof input.reason === 'string' ? input.reason.trim().replace(/[<>]/g, '') : '';
  if (decision !== 'approve' && reason.length < 5)
    throw new AppError('validation.failed', 'reason: say why, in at least 5 characters', 400, [
      { field: 'reason', code: 'validation.tooShort', message: 'say why, in at least 5 characters' },
    ]);
  const proposal = await loadProposal(services, input.proposalId);
  if (proposal.status !== 'pending')
    throw new AppError('transit.proposal_closed', `This proposal is ${proposal.status.replace('_', ' ')}; only a pending proposal can be reviewed`, 409);
  const attributes = JSON.parse(proposal.attributes) as Attribute[];
  const stewards = await stewardsOf(services.db, proposal.station_id);
  const mine = reviewableBy(actor, stewards, attributes);
  if (!mine.length) {
    const who = attributes.map((a) => `${a}: ${stewards.get(a)?.nameEn ?? 'no steward (an admin)'}`).join('; ');
    throw new AppError('auth.forbidden', `Only the stewards of what this change touches may review it (${who})`, 403);
  }
  const at = services.now().toISOString();
  const orgOf = (a: Attribute) => stewards.get(a)?.organisationId ?? null;
  if (decision !== 'approve') {
    const status = decision === 'reject' ? 'rejected' : 'changes_requested';
    await services.db.transaction().execute(async (tx) => {
      await setProposalReview(tx, proposal.id, { status, review_reason: reason, reviewed_by: actor.user!.id, reviewed_at: at, updated_at: at });
      await recordAudit(tx, actor, {
        action: `transit.proposal.${decision}`,
        entityType: 'transit_proposal',
        entityId: proposal.id,
        before: { status: proposal.status },
        after: { status, reason },
      });
    });
    await notifyUsers(services, [proposal.author_id], {
      title: {
        ko: decision === 'reject' ? `제안이 반려되었습니다: ${proposal.title}` : `제안에 수정이 요청되었습니다: ${proposal.title}`,
        en: decision === 'reject' ? `Proposal rejected: ${proposal.title}` : `Changes requested: ${proposal.title}`,
      },
      body: { ko: `사유: ${reason}`, en: `Reason: ${reason}` },
      url: `/transit/proposals/${proposal.id}`,
    });
    return { ...proposal, status, review_reason: reason, waitingFor: [] as Attribute[], version: null as number | null };
  }
  const approvals = { ...(JSON.parse(proposal.approvals) as Approvals) };
  for (const a of mine) approvals[a] = { by: actor.user.id, organisationId: orgOf(a), at };
  const waitingFor = attributes.filter((a) => !approvals[a]);
  if (waitingFor.length) {
    await services.db.transaction().execute(async (tx) => {
      await setPendingApprovals(tx, proposal.id, JSON.stringify(approvals), at);
      await recordAudit(tx, actor, {
        action: 'transit.proposal.approve_part',
        entityType: 'transit_proposal',
        entityId: proposal.id,
        after: { approved: mine, waitingFor },
      });
    });
    return { ...proposal, approvals: JSON.stringify(approvals), waitingFor, version: null as number | null };
  }
  const ops = JSON.parse(proposal.ops) as ChangeOp[];
  const evidence = JSON.parse(proposal.evidence) as Evidence;
  const version = await services.db.transaction().execute(async (tx) => {
    const current = (await latestVersion(tx, proposal.station_id))!;
    const base = current.version === proposal.base_version ? current : await loadVersion(tx, proposal.station_id, proposal.base_version);
    const currentRows = snapshotOf(current);
    if (current.version !== proposal.base_version) {
      const moved = diffKeys(diffInteriors(toInterior(snapshotOf(base)), toInterior(currentRows)));
      const clash = conflicting(touchedKeys(ops), moved);
      if (clash.length) {
        throw new AppError(
          'transit.proposal_conflict',
          `The station changed since this proposal was made (version ${proposal.base_version} → ${current.version}) in what it changes too: ${clash.join(', ')}. Ask the author to propose again on version ${current.version}.`,
          409,
          { baseVersion: proposal.base_version, currentVersion: current.version, conflicts: clash },
        );
      }
    }
    const interior = applyOps(toInterior(currentRows), ops, proposal.station_id);
    const rows = toRows(
      current.feed,
      proposal.station_id,
      interior,
      currentRows,
      proposal.source === 'survey'
        ? { source: 'surveyed', proposalId: proposal.id, surveyedAt: evidence.surveyedAt ?? at }
        : { source: 'proposal', proposalId: proposal.id },
    );
    assertNoNewErrors(currentRows, rows);
    const accessibilityOrg = approvals.accessibility?.organisationId ?? approvals.geometry?.organisationId ?? null;
    const v = await commitVersion(tx, services, {
      stationId: proposal.station_id,
      feed: current.feed,
      rows,
      kind: 'proposal',
      summary: proposal.title,
      proposalId: proposal.id,
      createdBy: actor.user!.id,
      at,
      verified: proposal.source === 'survey' ? { at: evidence.surveyedAt ?? at, organisationId: accessibilityOrg } : null,
    });
    const done = await approvePendingProposal(tx, proposal.id, {
      approvals: JSON.stringify(approvals),
      reviewed_by: actor.user!.id,
      reviewed_at: at,
      result_version: v.version,
      updated_at: at,
    });
    if (!done) throw new AppError('transit.proposal_closed', 'This proposal was reviewed by someone else at the same time', 409);
    await publishPhotos(tx, photoIdsOf(ops, evidence.photos), at); // the evidence of an approved change is public
    await recordAudit(tx, actor, {
      action: 'transit.proposal.approve',
      entityType: 'transit_proposal',
      entityId: proposal.id,
      after: { version: v.version, rebasedFrom: current.version !== proposal.base_version ? proposal.base_version : null },
    });
    return v;
  });
  routingFor(services).invalidateStation(proposal.station_id);
  await notifyUsers(services, [proposal.author_id], {
    title: { ko: `제안이 승인되었습니다: ${proposal.title}`, en: `Proposal approved: ${proposal.title}` },
    body: {
      ko: `역 내부 지도 ${version.version}판에 반영되었습니다. 경로 안내가 바로 바뀝니다.`,
      en: `It is now version ${version.version} of the station; routes use it at once.`,
    },
    url: `/transit/stations/${proposal.station_id}/versions/${version.version}`,
  });
  return {
    ...proposal,
    status: 'approved',
    approvals: JSON.stringify(approvals),
    result_version: version.version,
    waitingFor: [] as Attribute[],
    version: version.version,
  };
}

import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { AppError, forbidden, unauthenticated } from '../../../core/errors.js';
import { userDisplayNames } from '../../accounts/index.js';
import { findRevisionSupersededAt, insertProposalRevision, listProposalRevisions, updateRevisedProposal } from '../store/proposal.repository.js';
import { ProposalInvalid, type OpIssue } from './change-ops.js';
import { foreignPhotos } from './photo-access.js';
import { notifyStewards, previewChange, type Evidence } from './propose-change.js';
import { loadProposal } from './review-proposal.js';
import type { ProposalRow } from '../store/tables.js';

export interface ReviseProposalInput {
  proposalId: string;
  ops: unknown;
  title?: unknown;
  note?: unknown;
  photos?: unknown;
}

/**
 * After a steward asked for changes, the author revises and sends the SAME proposal again: a new revision on the
 * station's current version, pending again, every approval cleared (what is approved changed). The revision that
 * was sent back is kept as it was, with the review that sent it back (transit_proposal_revision, append-only).
 * Title and note stay as they were unless given; photos given are added to the evidence.
 */
export async function reviseProposal(services: Services, actor: Actor, input: ReviseProposalInput): Promise<ProposalRow> {
  if (!actor.user) throw unauthenticated();
  const proposal = await loadProposal(services, input.proposalId);
  if (proposal.author_id !== actor.user.id) throw forbidden('revise a proposal (only its author may)');
  if (proposal.status !== 'changes_requested') {
    throw new AppError(
      'transit.proposal_not_revisable',
      `This proposal is ${proposal.status.replace('_', ' ')}; only one sent back with changes requested can be revised`,
      409,
    );
  }
  const old = JSON.parse(proposal.evidence) as Evidence;
  const issues: OpIssue[] = [];
  const title = input.title === undefined || input.title === '' ? proposal.title : typeof input.title === 'string' ? input.title.trim() : '';
  if (title.length < 3 || title.length > 200 || /[<>]/.test(title)) issues.push({ path: 'title', message: 'must be 3 to 200 characters, without < or >' });
  const note = input.note === undefined ? old.note : typeof input.note === 'string' && input.note.trim() ? input.note.trim() : null;
  if (note && (note.length > 5000 || /<\s*script/i.test(note))) issues.push({ path: 'note', message: 'must be at most 5000 characters of plain text' });
  const added = Array.isArray(input.photos) ? input.photos.filter((p): p is string => typeof p === 'string' && !old.photos.includes(p)) : [];
  issues.push(...(await foreignPhotos(services.db, proposal.station_id, actor.user.id, added)));
  if (issues.length) throw new ProposalInvalid(issues);
  const preview = await previewChange(services, proposal.station_id, input.ops, { keepBaseline: true });
  const at = services.now().toISOString();
  const evidence: Evidence = { ...old, note, photos: [...old.photos, ...added] };
  const previous = proposal.revision > 1 ? await findRevisionSupersededAt(services.db, proposal.id, proposal.revision - 1) : undefined;
  const next: Partial<ProposalRow> = {
    revision: proposal.revision + 1,
    status: 'pending',
    title,
    base_version: preview.base.version,
    ops: JSON.stringify(preview.ops),
    evidence: JSON.stringify(evidence),
    attributes: JSON.stringify(preview.attributes),
    approvals: '{}',
    review_reason: null,
    reviewed_by: null,
    reviewed_at: null,
    updated_at: at,
  };
  await services.db.transaction().execute(async (tx) => {
    await insertProposalRevision(tx, {
      proposal_id: proposal.id,
      revision: proposal.revision,
      base_version: proposal.base_version,
      title: proposal.title,
      ops: proposal.ops,
      evidence: proposal.evidence,
      attributes: proposal.attributes,
      review_reason: proposal.review_reason,
      reviewed_by: proposal.reviewed_by,
      reviewed_at: proposal.reviewed_at,
      created_at: previous?.superseded_at ?? proposal.created_at,
      superseded_at: at,
    });
    // Guarded on the revision read above: two revisions sent at once make one, and the second a 409.
    if (!(await updateRevisedProposal(tx, proposal.id, proposal.revision, next)))
      throw new AppError('transit.proposal_not_revisable', 'This proposal was revised at the same time from elsewhere', 409);
    await recordAudit(tx, actor, {
      action: 'transit.proposal.revise',
      entityType: 'transit_proposal',
      entityId: proposal.id,
      before: { revision: proposal.revision, status: proposal.status, reviewReason: proposal.review_reason },
      after: { revision: next.revision, changes: preview.diff.length, attributes: preview.attributes },
    });
  });
  await notifyStewards(services, proposal.station_id, preview.attributes, {
    title: { ko: `수정된 제안을 다시 검토해 주세요: ${title}`, en: `Revised proposal to review: ${title}` },
    body: {
      ko: `요청하신 수정을 반영한 ${next.revision}번째 판입니다. 검토 의견 옆에서 바뀐 내용을 확인하세요.`,
      en: `Revision ${next.revision}, made after your review. See the changes beside your comments.`,
    },
    url: `/transit/proposals/${proposal.id}`,
  });
  return { ...proposal, ...next } as ProposalRow;
}

/** The earlier revisions of a proposal, oldest first, each with the review that sent it back. */
export async function proposalRevisions(services: Services, proposalId: string) {
  const revisions = await listProposalRevisions(services.db, proposalId);
  const reviewers = await userDisplayNames(
    services.db,
    revisions.flatMap((r) => (r.reviewed_by ? [r.reviewed_by] : [])),
  );
  const rows = revisions.map((r) => ({ ...r, reviewer: r.reviewed_by ? (reviewers.get(r.reviewed_by) ?? null) : null }));
  return rows.map((r) => ({
    revision: r.revision,
    title: r.title,
    baseVersion: r.base_version,
    sentAt: r.created_at,
    supersededAt: r.superseded_at,
    review: r.review_reason ? { reason: r.review_reason, by: r.reviewer ?? null, at: r.reviewed_at } : null,
    ops: JSON.parse(r.ops) as unknown[],
  }));
}

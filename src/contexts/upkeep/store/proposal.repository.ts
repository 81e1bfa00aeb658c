import type { DbOrTx } from '../../../core/db/database.js';
import type { ProposalRevisionRow, ProposalRow } from './tables.js';
import './tables.js';

/** Change proposals to station interiors (`transit_proposal`) and their earlier revisions (`transit_proposal_revision`). */

export const insertProposal = (tx: DbOrTx, row: ProposalRow) => tx.insertInto('transit_proposal').values(row).execute();

export const findProposal = (db: DbOrTx, id: string) => db.selectFrom('transit_proposal').selectAll().where('id', '=', id).executeTakeFirst();

/** The proposal an author's device draft already made. */
export const findProposalByClient = (db: DbOrTx, authorId: string, clientId: string) =>
  db.selectFrom('transit_proposal').selectAll().where('author_id', '=', authorId).where('client_id', '=', clientId).executeTakeFirst();

/** Writes a review (rejected or changes requested). */
export const setProposalReview = (
  tx: DbOrTx,
  id: string,
  set: { status: string; review_reason: string | null; reviewed_by: string; reviewed_at: string; updated_at: string },
) => tx.updateTable('transit_proposal').set(set).where('id', '=', id).execute();

/** Writes the approvals of a pending proposal. */
export const setPendingApprovals = (tx: DbOrTx, id: string, approvals: string, at: string) =>
  tx.updateTable('transit_proposal').set({ approvals, updated_at: at }).where('id', '=', id).where('status', '=', 'pending').execute();

/** Approves a pending proposal with its resulting version; false when it was not pending any more. */
export async function approvePendingProposal(
  tx: DbOrTx,
  id: string,
  set: { approvals: string; reviewed_by: string; reviewed_at: string; result_version: number; updated_at: string },
) {
  const done = await tx
    .updateTable('transit_proposal')
    .set({ status: 'approved', ...set })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

/** Sends a revision of a proposal sent back for changes; false when another revision was made meanwhile. */
export async function updateRevisedProposal(tx: DbOrTx, id: string, revision: number, next: Partial<ProposalRow>) {
  const done = await tx
    .updateTable('transit_proposal')
    .set(next)
    .where('id', '=', id)
    .where('status', '=', 'changes_requested')
    .where('revision', '=', revision)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

export const insertProposalRevision = (tx: DbOrTx, row: ProposalRevisionRow) => tx.insertInto('transit_proposal_revision').values(row).execute();

export const findRevisionSupersededAt = (db: DbOrTx, proposalId: string, revision: number) =>
  db.selectFrom('transit_proposal_revision').select('superseded_at').where('proposal_id', '=', proposalId).where('revision', '=', revision).executeTakeFirst();

/** A proposal's earlier revisions, oldest first. */
export const listProposalRevisions = (db: DbOrTx, proposalId: string) =>
  db.selectFrom('transit_proposal_revision').selectAll().where('proposal_id', '=', proposalId).orderBy('revision', 'asc').execute();

/** Proposals newest first, of a station and/or in a status. */
export function listProposalRows(db: DbOrTx, opts: { stationId?: string; status?: string; limit: number }) {
  let q = db
    .selectFrom('transit_proposal')
    .select(['id', 'station_id', 'title', 'status', 'source', 'base_version', 'result_version', 'attributes', 'created_at']);
  if (opts.stationId) q = q.where('station_id', '=', opts.stationId);
  if (opts.status) q = q.where('status', '=', opts.status);
  return q.orderBy('created_at', 'desc').limit(opts.limit).execute();
}

/** Every proposal's station, status and approvals (the coverage page). */
export const listAllProposalMarks = (db: DbOrTx) => db.selectFrom('transit_proposal').select(['station_id', 'status', 'approvals']).execute();

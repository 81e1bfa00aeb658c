import type { Decision } from './vocabularies.js';

/**
 * What the public sees of a request, beyond CKAN's open/closed:
 * - `published`: a dataset of the catalogue answers it (whatever was decided before);
 * - `open` / `late`: the department still owes an answer (within / past the engine's due date), also after
 *   an escalation reopened it;
 * - `declined`: answered "cannot publish", with a reason;
 * - `answered`: answered "will publish by" or "partially" (or a plain reasoned answer), not yet published.
 */
export const PUBLIC_STATES = ['open', 'late', 'answered', 'published', 'disputed', 'declined'] as const;
export type PublicState = (typeof PUBLIC_STATES)[number];

export function publicState(r: {
  datasetId: string | null;
  decision: Decision | null;
  awaitingAnswer: boolean;
  overdue: boolean;
  disputed?: boolean;
}): PublicState {
  // A linked dataset the requester disputes is not "published" until its publisher links one that answers.
  if (r.datasetId) return r.disputed ? 'disputed' : 'published';
  if (r.awaitingAnswer) return r.overdue ? 'late' : 'open';
  return r.decision === 'declined' ? 'declined' : 'answered';
}

/** A promise with a date that passed without the dataset (the follow-up Alaveteli #7345 asks for). */
export const publicationOverdue = (r: { decision: Decision | null; publishBy: string | null; datasetId: string | null }, today: string) =>
  r.datasetId === null && r.decision !== null && r.decision !== 'declined' && r.publishBy !== null && r.publishBy < today;

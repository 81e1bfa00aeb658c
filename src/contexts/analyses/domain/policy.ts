import { isAdmin, type Actor } from '../../../core/auth/actor.js';

/**
 * Who may do what with analyses. Running needs, besides reading the analysis, the right to read every pinned
 * dataset: the sandbox decides that (restricted datasets: approved analysts only), so it is not repeated here.
 */
export const analysisPolicy = {
  canCreate: (actor: Actor) => actor.user !== null,
  canRead: (actor: Actor, a: { status: string; author_id: string }) => a.status === 'published' || isAdmin(actor) || actor.user?.id === a.author_id,
  canEdit: (actor: Actor, a: { author_id: string }) => isAdmin(actor) || (actor.user !== null && actor.user.id === a.author_id),
  canComment: (actor: Actor, a: { status: string; author_id: string }) => actor.user !== null && analysisPolicy.canRead(actor, a),
  canFork: (actor: Actor, a: { status: string; author_id: string }) => actor.user !== null && analysisPolicy.canRead(actor, a),
};

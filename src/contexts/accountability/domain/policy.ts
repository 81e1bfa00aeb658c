import { isAdmin, membershipIn, type Actor } from '../../../core/auth/actor.js';
import type { ItemRow } from '../store/tables.js';

/**
 * Who answers an input: level 0 an official of the responsible department (or, for inputs answered by
 * `members`, any member of the responsible organisation), level 1 (escalated once) the head of that department
 * (an admin of the organisation, an official unless members answer), level 2 the committee (reviewers).
 * Platform admins may always act.
 */
export const ESCALATION_LEVELS = ['officer', 'head_of_department', 'committee'] as const;

export const itemPolicy = {
  canAnswer(actor: Actor, item: Pick<ItemRow, 'organisation_id' | 'escalation_level'> & Partial<Pick<ItemRow, 'answered_by'>>): boolean {
    if (isAdmin(actor)) return true;
    const user = actor.user;
    if (!user) return false;
    if (item.escalation_level >= 2) return user.role === 'reviewer';
    const membership = membershipIn(actor, item.organisation_id);
    if (!membership || (item.answered_by !== 'members' && user.role !== 'official')) return false;
    return item.escalation_level === 0 || membership.role === 'admin';
  },
  canRespondAsAuthor: (actor: Actor, item: Pick<ItemRow, 'author_id'>) => actor.user !== null && actor.user.id === item.author_id,
  canEditKinds: (actor: Actor) => isAdmin(actor),
};

import { AppError } from '../../../core/errors.js';
import type { ItemState } from '../store/tables.js';

/** The response state machine: which step may follow which. */
const NEXT: Record<ItemState, ItemState[]> = {
  received: ['assigned', 'answered', 'closed'],
  assigned: ['assigned', 'answered', 'closed'],
  answered: ['confirmed', 'disputed'],
  disputed: ['escalated', 'confirmed'],
  escalated: ['assigned', 'answered', 'closed'],
  confirmed: [],
  closed: [],
};

export const AWAITING_ANSWER: ItemState[] = ['received', 'assigned', 'escalated'];

export function assertTransition(from: ItemState, to: ItemState): void {
  if (!NEXT[from].includes(to)) {
    throw new AppError('accountability.invalid_transition', `An item that is ${from} cannot become ${to}`, 409, { from, to });
  }
}

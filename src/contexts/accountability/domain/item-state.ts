import { AppError } from '../../../core/errors.js';
import type { ItemState } from '../store/tables.js';

/** The response state machine: which step may follow which. */
const NEXT: Record<ItemState, ItemState[]> = {
  // A waiting item may be escalated too, once overdue (the use case checks the clock).
  received: ['assigned', 'answered', 'escalated', 'closed'],
  assigned: ['assigned', 'answered', 'escalated', 'closed'],
  answered: ['confirmed', 'disputed'],
  disputed: ['escalated', 'confirmed'],
  escalated: ['assigned', 'answered', 'escalated', 'closed'],
  confirmed: [],
  closed: [],
};

export const AWAITING_ANSWER: ItemState[] = ['received', 'assigned', 'escalated'];

export function assertTransition(from: ItemState, to: ItemState): void {
  if (!NEXT[from].includes(to)) {
    throw new AppError('accountability.invalid_transition', `An item that is ${from} cannot become ${to}`, 409, { from, to });
  }
}

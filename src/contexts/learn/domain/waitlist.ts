import type { RegistrationState } from './vocabularies.js';

/**
 * The pure rules of registration. The database applies the same rule atomically (a conditional UPDATE of the
 * programme's seat counter); these functions say what the answer means and are what the unit tests pin down.
 */
export type Outcome = 'registered' | 'waitlisted';

/** A seat if one is free, else a place on the waitlist. */
export const outcomeFor = (seatsTaken: number, capacity: number): Outcome => (seatsTaken < capacity ? 'registered' : 'waitlisted');

/** Someone who is registered or waiting may not register again; a cancelled registration may be renewed. */
export const isActive = (state: RegistrationState | undefined) => state === 'registered' || state === 'waitlisted';

/** 1-based place on the waitlist: how many waiting people registered before (lower queue number), plus one. */
export function waitlistPlace(queueNo: number, waitingQueueNos: number[]): number {
  return waitingQueueNos.filter((n) => n < queueNo).length + 1;
}

/** How many from the head of the waitlist a number of freed seats lets in (never more than are waiting). */
export const promotions = (freeSeats: number, waiting: number) => Math.max(0, Math.min(freeSeats, waiting));

/** Completion: present at least at the required number of sessions. */
export const hasCompleted = (attended: number, required: number) => required > 0 && attended >= required;

/** Attendance is taken only for a session that has started (at or after its start). */
export const sessionStarted = (startsAt: string, now: string) => startsAt <= now;

/** A certificate comes only once the course is over: its last session has ended. */
export const certificateDue = (lastEndsAt: string | null, now: string) => lastEndsAt !== null && lastEndsAt <= now;

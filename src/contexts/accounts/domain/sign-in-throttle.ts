/**
 * How failed sign-ins slow guessing down, per account and per client address. Up to `free` failures in a row
 * cost nothing; after that each attempt must wait twice as long as the one before (1 s, 2 s, 4 s … at most
 * `maxDelayS`), and at `lockAfter` failures the key is locked for `lockMinutes` (the account's owner gets a
 * mail). A quiet `forgetMinutes` after the last failure starts the count again; a successful sign-in clears it.
 */
export interface ThrottleRule {
  free: number;
  maxDelayS: number;
  lockAfter: number;
  lockMinutes: number;
}

export const ACCOUNT_RULE: ThrottleRule = { free: 5, maxDelayS: 60, lockAfter: 10, lockMinutes: 15 };
/** A client (an address, maybe a whole office behind one NAT) gets more room before it slows down. */
export const CLIENT_RULE: ThrottleRule = { free: 20, maxDelayS: 60, lockAfter: 50, lockMinutes: 15 };
export const FORGET_MINUTES = 60;

export interface ThrottleState {
  failures: number;
  lastFailedAt: string;
  lockedUntil: string | null;
}

/** Seconds the next attempt must still wait (0 = it may go ahead). */
export function waitSeconds(rule: ThrottleRule, state: ThrottleState | undefined, now: Date): number {
  if (!state || forgotten(state, now)) return 0;
  if (state.lockedUntil && Date.parse(state.lockedUntil) > now.getTime()) return Math.ceil((Date.parse(state.lockedUntil) - now.getTime()) / 1000);
  if (state.failures < rule.free) return 0;
  const delay = Math.min(rule.maxDelayS, 2 ** (state.failures - rule.free));
  const ready = Date.parse(state.lastFailedAt) + delay * 1000;
  return Math.max(0, Math.ceil((ready - now.getTime()) / 1000));
}

const forgotten = (state: ThrottleState, now: Date) =>
  now.getTime() - Date.parse(state.lastFailedAt) > FORGET_MINUTES * 60_000 && !(state.lockedUntil && Date.parse(state.lockedUntil) > now.getTime());

/** The state after one more failure; `locked` is true when this failure starts a lock (after a lock the count resumes at `free`). */
export function afterFailure(rule: ThrottleRule, state: ThrottleState | undefined, now: Date): ThrottleState & { locked: boolean } {
  let base = 0;
  if (state && !forgotten(state, now)) base = state.lockedUntil && Date.parse(state.lockedUntil) <= now.getTime() ? rule.free : state.failures;
  const failures = base + 1;
  const locked = failures >= rule.lockAfter;
  return { failures, lastFailedAt: now.toISOString(), lockedUntil: locked ? new Date(now.getTime() + rule.lockMinutes * 60_000).toISOString() : null, locked };
}

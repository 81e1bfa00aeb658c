/** One error type for the whole platform. Codes are stable, machine-readable and English. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 500 | 503;

/**
 * The shape of every error code: dotted lower-case identifiers, at least two parts, no spaces
 * (`station.not_found`, `transit.interior.not_found`, `gtfs.feed_reserved`). The message is for people.
 */
export const ERROR_CODE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

export const isErrorCode = (code: string) => ERROR_CODE.test(code);

export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: ErrorStatus = 400,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** `Station Interior` → `station_interior`, `Transit.Interior` → `transit.interior`: a code, whatever a caller passes. */
const codePart = (what: string) =>
  what
    .toLowerCase()
    .split('.')
    .map((part) => part.replace(/[^a-z0-9_]+/g, '_').replace(/^[^a-z]+|_+$/g, ''))
    .filter(Boolean)
    .join('.') || 'resource';

/**
 * 404 for a thing that does not exist. `what` is a code part (`station`, `transit.interior`, `station_version`);
 * the code is `${what}.not_found` and the message says it in words ("transit interior not found") unless given.
 */
export const notFound = (what: string, message?: string) => {
  const code = codePart(what);
  return new AppError(`${code}.not_found`, message ?? `${code.replace(/[._]+/g, ' ')} not found`, 404);
};
export const forbidden = (action: string) => new AppError('auth.forbidden', `You may not ${action}`, 403);
export const unauthenticated = () => new AppError('auth.required', 'Sign in first', 401);

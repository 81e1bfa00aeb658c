/** One error type for the whole platform. Codes are stable, machine-readable and English. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

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

export const notFound = (what: string) => new AppError(`${what}.not_found`, `${what} not found`, 404);
export const forbidden = (action: string) =>
  new AppError('auth.forbidden', `You may not ${action}`, 403);
export const unauthenticated = () => new AppError('auth.required', 'Sign in first', 401);

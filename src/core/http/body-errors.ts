import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

/** The multipart parser's own complaints about the body (busboy throws plain Errors, without a status). */
const MULTIPART_PROBLEM = /multipart|boundary|part header|terminated early|unexpected end of (form|file)/i;

/**
 * A body that says `multipart/form-data` but is not (`boundary=zzz` and any text) is the client's mistake:
 * a 400 `request.malformed_multipart`, never a 500. Other errors pass through unchanged.
 */
export function asClientBodyError(error: unknown, request: FastifyRequest): unknown {
  if (!(error instanceof Error) || error instanceof AppError || (error as { statusCode?: number }).statusCode) return error;
  const type = String(request.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('multipart/') && MULTIPART_PROBLEM.test(error.message)) {
    return new AppError('request.malformed_multipart', `The body is not valid multipart/form-data: ${error.message}`, 400);
  }
  return error;
}

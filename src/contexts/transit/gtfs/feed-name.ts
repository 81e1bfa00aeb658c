import { AppError } from '../../../core/errors.js';

const FEED_NAME = /^[a-z0-9][a-z0-9_-]{0,39}$/;
/** Feeds written by other importers (use-cases/import-seoul.ts replaces every station of feed "seoul"). */
const RESERVED = new Set(['seoul']);

/** A feed name is an id prefix (`${feed}:${stop_id}`), so it is short and cannot hold ':'. */
export function assertFeedName(name: unknown): string {
  if (typeof name !== 'string' || !FEED_NAME.test(name)) {
    throw new AppError('gtfs.feed_name',
      'The feed name must be 1–40 characters: lower-case letters, digits, "-" and "_", starting with a letter or digit.', 400,
      { feed: name });
  }
  if (RESERVED.has(name)) {
    throw new AppError('gtfs.feed_reserved', `The feed name "${name}" is used by another importer; choose another.`, 409, { feed: name });
  }
  return name;
}

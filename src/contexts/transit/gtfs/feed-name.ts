import { AppError } from '../../../core/errors.js';

const FEED_NAME = /^[a-z0-9][a-z0-9_-]{0,39}$/;
/** The whole Seoul network (stations of use-cases/import-seoul.ts and every interior hanging off them): exported, never imported over. */
export const NETWORK_FEED = 'seoul';
/** Feeds written by other importers (use-cases/import-seoul.ts replaces every station of feed "seoul"). */
const RESERVED = new Set([NETWORK_FEED]);

/**
 * A feed name is an id prefix (`${feed}:${stop_id}`), so it is short and cannot hold ':'. A reserved name can
 * be exported (`seoul` is the whole network) but not imported into.
 */
export function assertFeedName(name: unknown, use: 'import' | 'export' = 'import'): string {
  if (typeof name !== 'string' || !FEED_NAME.test(name)) {
    throw new AppError(
      'gtfs.feed_name',
      'The feed name must be 1–40 characters: lower-case letters, digits, "-" and "_", starting with a letter or digit.',
      400,
      { feed: name },
    );
  }
  if (use === 'import' && RESERVED.has(name)) {
    throw new AppError('gtfs.feed_reserved', `The feed name "${name}" is used by another importer; choose another.`, 409, { feed: name });
  }
  return name;
}

import type { DbOrTx } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import { findOrganisationBySlug } from '../../accounts/index.js';
import { recentEvents } from '../store/feed.repository.js';
import { findItemTitle } from '../store/item.repository.js';

/** The latest events of one input, for its Atom feed (404 for an unknown input). */
export async function listItemFeedEvents(db: DbOrTx, itemId: string) {
  const item = await findItemTitle(db, itemId);
  if (!item) throw notFound('accountability_item');
  return { item, events: await recentEvents(db, { itemId }) };
}

/** The latest events of every input of one department, for its Atom feed (404 for an unknown slug). */
export async function listDepartmentFeedEvents(db: DbOrTx, slug: string) {
  const org = await findOrganisationBySlug(db, slug);
  if (!org) throw notFound('organisation');
  return { organisation: org, events: await recentEvents(db, { organisationId: org.id }) };
}

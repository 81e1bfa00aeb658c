import type { DbOrTx } from '../../../core/db/database.js';
import './tables.js';

/** The latest 100 events of one item or of one organisation's items, newest first, with the item's title and address. */
export const recentEvents = (db: DbOrTx, of: { itemId: string } | { organisationId: string }) => {
  const q = db
    .selectFrom('accountability_clock_event as e')
    .innerJoin('accountability_item as i', 'i.id', 'e.item_id')
    .select(['e.id', 'e.item_id', 'e.seq', 'e.at', 'e.on_date', 'e.type', 'e.days', 'e.reason', 'i.title', 'i.url'])
    .orderBy('e.at', 'desc')
    .orderBy('e.seq', 'desc')
    .limit(100);
  return ('itemId' in of ? q.where('e.item_id', '=', of.itemId) : q.where('i.organisation_id', '=', of.organisationId)).execute();
};

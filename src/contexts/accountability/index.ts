/**
 * What the accountability engine offers the contexts whose inputs it answers for: receiving an input,
 * announcing it, recording clock events, the current clocks, the item found by its subject, and the calendar.
 */
export { AWAITING_ANSWER } from './domain/item-state.js';
export { kstDate, type Ymd } from './domain/korean-calendar.js';
export type { ItemState } from './store/tables.js';
export { findItemBySubject, findItemsBySubjects, publishedAnswersOf } from './store/item.repository.js';
export { announceArrivals } from './use-cases/announce-items.js';
export { currentClocks } from './use-cases/current-clocks.js';
export { receiveInput } from './use-cases/receive-input.js';
export { recordEvent } from './use-cases/record-event.js';

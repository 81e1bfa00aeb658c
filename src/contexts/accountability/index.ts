/**
 * What the accountability engine offers the contexts whose inputs it answers for: receiving an input,
 * announcing it, recording clock events, the current clocks, the item found by its subject, and the calendar.
 */
export { AWAITING_ANSWER } from './domain/item-state.js';
export type { ItemState } from './store/tables.js';
export { findItemBySubject, findItemsBySubjects, publishedAnswersOf } from './store/item.repository.js';
export { announceArrivals } from './use-cases/announce-items.js';
export { currentClocks } from './use-cases/current-clocks.js';
export { receiveInput } from './use-cases/receive-input.js';
export { recordEvent } from './use-cases/record-event.js';
/** Answering an input from the page of another context (its panel, its policy, its view), and following an input. */
export { itemPolicy } from './domain/policy.js';
export { followersOf } from './store/item.repository.js';
export { answerItem } from './use-cases/answer-item.js';
export { describeSubject, type ItemView } from './use-cases/describe-item.js';
export { followItem, type FollowInput } from './use-cases/follow-item.js';
export { registerAnswerableKind, type AnswerableKind } from './use-cases/register-answerable-kind.js';
export { itemPanel } from './pages/item-panel.js';
/** A department's scorecard and an input by id. */
export { loadItem } from './store/item.repository.js';
export { buildScorecard } from './use-cases/build-scorecard.js';

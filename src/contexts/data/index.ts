/** What other contexts may use of the data context. */
export { withdrawnPins, type WithdrawnPin } from './use-cases/find-withdrawn-pins.js';

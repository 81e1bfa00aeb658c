import { defineMessages } from '../../../core/i18n/messages.js';

/** Strings of the catalogue and dataset pages, Korean first. */
export const catalogueMessages = defineMessages({
  'data.title': { ko: '열린 데이터', en: 'Open data' },
});

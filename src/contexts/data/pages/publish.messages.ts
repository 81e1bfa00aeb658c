import { defineMessages } from '../../../core/i18n/messages.js';

/** Strings of the publisher pages (create, upload, preview, publish), Korean first. */
export const publishMessages = defineMessages({
  'publish.title': { ko: '데이터 올리기', en: 'Publish data' },
});

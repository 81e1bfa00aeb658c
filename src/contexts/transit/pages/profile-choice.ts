import { translator, type Locale } from '../../../core/i18n/messages.js';
import { html, type Html } from '../../../web/html.js';
import { isProfileId, PROFILES } from '../routing/profiles.js';
import { PROFILE_IDS, type ProfileId } from '../routing/route-types.js';
import { transferMapsMessages } from './transfer-maps.messages.js';

/** The profile in a query string; walking when absent or unknown. */
export const profileFrom = (q: Record<string, unknown>): ProfileId => (isProfileId(q.profile) ? q.profile : 'walking');

/** The profile chooser of the journey and station transfer pages: one radio per profile, labelled in the reader's language. */
export function profileRadios(locale: Locale, selected: ProfileId): Html {
  const t = translator(transferMapsMessages, locale);
  return html`<fieldset class="profile-choice"><legend>${t('profile.legend')}</legend>
    ${PROFILE_IDS.map(
      (id) => html`<div class="radio"><input type="radio" id="profile-${id}" name="profile" value="${id}" ${id === selected ? html`checked` : null}>
      <label for="profile-${id}">${PROFILES[id].label[locale]}</label></div>`,
    )}</fieldset>`;
}

/** The transit pages' own styles (the layout links site.css only; a stylesheet link is allowed in the body). */
export const transitAssets = html`<link rel="stylesheet" href="/assets/transit.css">`;

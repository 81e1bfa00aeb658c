import type { Actor } from '../../../core/auth/actor.js';
import { pickLocalized, type Locale, type Localized } from '../../../core/i18n/messages.js';
import { html } from '../../../web/html.js';
import { runPageForm, type FormOutcome } from '../../../web/forms.js';
import type { FieldError, PageContext } from '../../../web/layout.js';
import { startupsT, type StartupsKey } from '../messages.js';

/** Database text in the reader's language, marked with the language it is really in. */
export const localized = (value: Localized, locale: Locale, fallback = '') => {
  const p = pickLocalized(value, locale);
  return html`<span lang="${p.lang}">${p.text || fallback}</span>`;
};

export const exampleBadge = (locale: Locale) => html`<span class="badge badge-coming" data-example>${startupsT(locale)('example')}</span>`;
export const assets = html`<link rel="stylesheet" href="/assets/demand.css">`;

/** The menu of the startups pages, on each of them; `current` marks where the reader is. */
export function startupsNav(ctx: PageContext, _actor: Actor, current: string) {
  const t = startupsT(ctx.locale);
  const link = (href: string, label: string) => html`<li><a href="${href}"${href === current ? html` aria-current="page"` : null}>${label}</a></li>`;
  return html`${assets}<nav class="demand-nav" aria-label="${t('nav.label')}"><ul>
    ${link('/startups', t('nav.startups'))}${link('/startups/body', t('nav.body'))}${link('/startups/opportunities', t('nav.opportunities'))}
    ${link('/startups/rules', t('nav.rules'))}${link('/startups/booklet', t('nav.booklet'))}${link('/startups/register', t('nav.register'))}</ul></nav>`;
}

/** The platform's labelled <select> (src/web/forms.ts), used by every startups form. */
export { selectField } from '../../../web/forms.js';

/** Refusals a form shows next to a field, in the reader's language, instead of the error page. */
const REFUSALS: Record<string, StartupsKey> = {
  'startups.deadline_passed': 'refusal.deadline',
  'startups.call_not_open': 'refusal.notOpen',
  'startups.not_eligible_age': 'refusal.age',
  'startups.members_only': 'call.membersOnly',
  'startups.already_applied': 'refusal.applied',
  'startups.already_decided': 'refusal.decided',
  'startups.seats_full': 'refusal.seats',
  'startups.undecided_applications': 'refusal.undecided',
  'startups.results_published': 'refusal.published',
  'startups.duplicate_feedback': 'refusal.duplicateFeedback',
  'startups.already_endorsed': 'refusal.endorsed',
  'startups.own_feedback': 'refusal.ownFeedback',
  'startups.image_too_large': 'refusal.imageLarge',
  'startups.image_type': 'refusal.imageType',
  'startups.booklet_empty': 'refusal.bookletEmpty',
  'startups.booklet_unknown': 'refusal.bookletEmpty',
  'startups.booklet_english_missing': 'refusal.bookletEnglish',
  'startups.not_awaiting_answer': 'refusal.notAwaiting',
};

export type { FormOutcome };

/** Runs a form's use case; validation problems and the refusals above come back as field errors for the form. */
export function runForm<T>(locale: Locale, run: () => Promise<T>): Promise<FormOutcome<T>> {
  return runPageForm(locale, run, {
    refusal: (error) => {
      const key = REFUSALS[error.code];
      return key ? { field: (error.details as { field?: string } | undefined)?.field ?? 'form', message: startupsT(locale)(key) } : null;
    },
  });
}

/** The problems of a form that has no field of that name, shown above it. */
export const formProblems = (errors: FieldError[] | undefined, fields: string[]) => {
  const loose = (errors ?? []).filter((e) => !fields.includes(e.field));
  return loose.length ? html`<div class="alert alert-danger" role="alert"><ul>${loose.map((e) => html`<li>${e.message}</li>`)}</ul></div>` : null;
};

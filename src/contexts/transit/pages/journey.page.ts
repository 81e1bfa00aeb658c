import type { App, Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { translator, type Locale } from '../../../core/i18n/messages.js';
import { html } from '../../../web/html.js';
import { errorSummary, type FieldError } from '../../../web/layout.js';
import { sendPage } from '../../../web/page.js';
import { transitMessages } from '../messages.js';
import type { ProfileId } from '../routing/route-types.js';
import { findJourney } from '../use-cases/find-journey.js';
import { journeyResult, loadJourneyView, type JourneyView } from './journey-result.js';
import { journeyMessages } from './journey.messages.js';
import { profileFrom, profileRadios, transitAssets } from './profile-choice.js';
import { resolveStation, stationField, type StationResolution } from './station-field.js';

const hide = { schema: { hide: true } };
const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** Station-name suggestions: progressive enhancement, the form works without them. */
const suggestScript = html`<script src="/assets/station-suggest.js" defer></script>`;

function stationProblem(locale: Locale, field: 'from' | 'to', r: StationResolution): FieldError | null {
  const t = translator(journeyMessages, locale);
  if (r.kind === 'empty') return { field, message: t('journey.required', { field: t(`journey.${field}`) }) };
  if (r.kind === 'none') return { field, message: t('journey.noMatch', { text: r.text }) };
  return null;
}

/** findJourney refuses the same station twice, and stations outside the network: show it next to the field. */
function journeyFieldError(locale: Locale, error: unknown): FieldError | null {
  if (!(error instanceof AppError)) return null;
  const t = translator(journeyMessages, locale);
  const field = (error.details as { field?: string } | undefined)?.field === 'from' ? 'from' : 'to';
  if (error.code === 'transit.journey.same_station') return { field: 'to', message: t('journey.same') };
  if (error.code === 'transit.journey.unknown_station') return { field, message: t('journey.notInNetwork') };
  return null;
}

export function registerJourneyPage(app: App, services: Services) {
  app.get('/transit/journey', hide, async (request, reply) => {
    const q = request.query as Record<string, unknown>;
    const profile: ProfileId = profileFrom(q);
    const asked = ['from', 'to', 'fromText', 'toText'].some((k) => k in q);
    const [from, to] = await Promise.all([
      resolveStation(services.db, text(q.from) || text(q.fromText)),
      resolveStation(services.db, text(q.to) || text(q.toText)),
    ]);
    const locale = request.locale;
    const fieldErrors = asked ? [stationProblem(locale, 'from', from), stationProblem(locale, 'to', to)].filter((e): e is FieldError => !!e) : [];
    let view: JourneyView | null = null;
    if (from.kind === 'station' && to.kind === 'station') {
      try {
        view = await loadJourneyView(services, await findJourney(services, { from: from.station.id, to: to.station.id, profile }));
      } catch (error) {
        const refused = journeyFieldError(locale, error);
        if (!refused) throw error;
        fieldErrors.push(refused);
      }
    }
    return sendPage(
      request,
      reply,
      (ctx) => {
        const t = translator(journeyMessages, ctx.locale);
        const errorOf = (field: string) => fieldErrors.find((e) => e.field === field)?.message;
        return {
          title: t('journey.title'),
          body: html`${transitAssets}<p><a href="/transit">${translator(transitMessages, ctx.locale)('transit.title')}</a></p>
          <h1>${t('journey.title')}</h1><p>${t('journey.intro')}</p>
          ${errorSummary(ctx.locale, fieldErrors)}
          <form method="get" action="/transit/journey" class="journey-form" novalidate>
            ${stationField({ name: 'from', label: t('journey.from'), locale: ctx.locale, resolution: from, error: errorOf('from') })}
            ${stationField({ name: 'to', label: t('journey.to'), locale: ctx.locale, resolution: to, error: errorOf('to') })}
            ${profileRadios(ctx.locale, profile)}
            <button type="submit" class="btn btn-primary">${t('journey.submit')}</button>
          </form>
          ${view ? journeyResult(ctx.locale, view) : null}
          ${suggestScript}`,
        };
      },
      fieldErrors.length ? 422 : 200,
    );
  });
}

import type { App, Services } from '../../../core/context.js';
import { html } from '../../../web/html.js';
import { islandScript } from '../../../web/islands.js';
import { stationName, stationOf } from './upkeep-view.js';
import { volT } from './volunteers-view.js';

const hide = { schema: { hide: true } };

/** The <head> links of a station's survey page: its web app manifest (installable) and theme colour. */
export const surveyAppHead = (stationId: string) =>
  html`<link rel="manifest" href="/transit/stations/${stationId}/survey.webmanifest"><meta name="theme-color" content="#0b50d0">`;

/**
 * The field survey as an installable offline app: a web app manifest per station (it opens that station's form)
 * and the service worker (the island survey-sw.island.ts, bundled) served from /transit/ so that its scope covers the survey pages
 * (a worker's scope is the folder it is served from). Same origin, no inline code: the CSP allows it as is.
 */
export function registerSurveyApp(app: App, services: Services) {
  app.get('/transit/survey-sw.js', hide, async (_request, reply) => {
    const worker = (await islandScript('survey-sw.js')).code;
    // Browsers check a worker for updates at most daily anyway; no-cache makes them check each visit.
    return reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').header('service-worker-allowed', '/transit/').send(worker);
  });

  app.get('/transit/stations/:id/survey.webmanifest', hide, async (request, reply) => {
    const station = await stationOf(services, (request.params as { id: string }).id);
    const t = volT('ko');
    const start = `/transit/stations/${station.id}/survey`;
    return reply.type('application/manifest+json; charset=utf-8').send({
      id: start,
      name: `${t('survey.appName')} · ${stationName(station, 'ko')}`,
      short_name: stationName(station, 'ko'),
      lang: 'ko',
      dir: 'ltr',
      description: volT('ko')('survey.offlineReady'),
      start_url: start,
      scope: '/transit/',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#0b50d0',
      icons: [192, 512].map((n) => ({ src: `/assets/survey-icon-${n}.png`, sizes: `${n}x${n}`, type: 'image/png', purpose: 'any' })),
    });
  });
}

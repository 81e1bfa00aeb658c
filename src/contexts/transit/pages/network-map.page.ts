import type { App, Services } from '../../../core/context.js';
import { translator, type Locale } from '../../../core/i18n/messages.js';
import { html, raw, type Html } from '../../../web/html.js';
import { sendPage } from '../../../web/page.js';
import { LIFT_STATES, type NetworkMap, type NetworkStation } from '../maps/network-map.js';
import { KIND_GLYPH, networkMapSvg, shapeIcon } from '../maps/network-map-svg.js';
import { loadNetworkMap } from '../use-cases/load-network-map.js';
import { networkMapMessages } from './network-map.messages.js';
import { countLiftStatusSources } from '../use-cases/count-status-sources.js';

const hide = { schema: { hide: true } };
type T = ReturnType<typeof translator<typeof networkMapMessages>>;
const STATE_FILTERS = [...LIFT_STATES, 'surveyed', 'derived'] as const;
type StateFilter = (typeof STATE_FILTERS)[number];

const nameOf = (n: { ko: string; en: string | null }, locale: Locale): Html =>
  locale === 'en' && n.en ? html`<span lang="en">${n.en}</span>` : html`<span lang="ko">${n.ko}</span>`;

/** What is known about one station, in words (the list, the card and the test all read these). */
export function stationFacts(t: T, s: NetworkStation): string {
  const lift = s.lift === 'out' ? `${t('nm.k.out')} (${t('nm.outOf', { n: s.elevators, out: s.out })})` : t(`nm.k.${s.lift}`);
  const interior = s.interior === 'surveyed' ? t('nm.k.surveyed') : s.interior ? t('nm.k.derived') : null;
  return interior ? `${lift} · ${interior}` : lift;
}

const matches = (s: NetworkStation, state: StateFilter | '') =>
  !state || (state === 'surveyed' ? s.interior === 'surveyed' : state === 'derived' ? !!s.interior && s.interior !== 'surveyed' : s.lift === state);

function legend(t: T, map: NetworkMap): Html {
  const row = (shape: Parameters<typeof shapeIcon>[0], label: string, n: number) =>
    html`<li data-k="${shape}">${raw(shapeIcon(shape))} <span>${label}</span>: <strong data-count>${n}</strong></li>`;
  return html`<section aria-labelledby="nm-legend-h" class="nm-legend"><h2 id="nm-legend-h">${t('nm.legend')}</h2><ul>
    ${LIFT_STATES.map((k) => row(k, t(`nm.k.${k}`), map.counts[k]))}
    ${row('surveyed', t('nm.k.surveyed'), map.counts.surveyed)}${row('derived', t('nm.k.derived'), map.counts.derived)}</ul></section>`;
}

/**
 * The list by line: under each line, its stations in line order, grouped by what is known about their lifts
 * (the group heading says it in words, with its shape); an outage says how many are out, an interior says how
 * it is known. Each station once per line; the counts match the map's.
 */
function stationList(t: T, locale: Locale, map: NetworkMap, line: string, state: StateFilter | ''): Html {
  const byId = new Map(map.stations.map((s) => [s.id, s]));
  const lines = map.lines.filter((l) => !line || l.id === line);
  let shown = 0;
  const name = (n: { ko: string; en: string | null }) => (locale === 'en' && n.en ? n.en : locale === 'ko' ? n.ko : html`<span lang="ko">${n.ko}</span>`);
  const extra = (s: NetworkStation) =>
    [
      s.lift === 'out' ? ` (${t('nm.outOf', { n: s.elevators, out: s.out })})` : '',
      s.interior === 'surveyed' ? ` · ${t('nm.k.surveyed')}` : s.interior ? ` · ${t('nm.k.derived')}` : '',
    ].join('');
  const sections = lines.map((l) => {
    const members = l.stations.map((id) => byId.get(id)!).filter((s) => matches(s, state));
    shown += members.length;
    if (!members.length) return null;
    return html`<section aria-labelledby="nl-${l.id}" data-line="${l.id}"><h3 id="nl-${l.id}"><span class="nm-swatch" style="background:${l.colour}"></span>${nameOf(l.name, locale)} <span class="muted">(${t('nm.count', { n: members.length })})</span></h3>
${LIFT_STATES.map((k) => {
  const group = members.filter((s) => s.lift === k);
  return group.length
    ? html`<h4 class="nm-k"><span aria-hidden="true" class="nm-g nm-${k}">${KIND_GLYPH[k]}</span> ${t(`nm.k.${k}`)} (${group.length})</h4><ul class="nm-list" data-k="${k}">${group.map((s) => html`<li><a href="/transit/stations/${s.id}">${name(s.name)}</a>${extra(s)}</li>`)}</ul>`
    : null;
})}</section>`;
  });
  return html`<p role="status" id="nm-shown">${t('nm.shown', { n: shown })}</p>${shown ? sections : html`<p>${t('nm.noneMatch')}</p>`}`;
}

export function registerNetworkMapPage(app: App, services: Services) {
  app.get('/transit/map', hide, async (request, reply) => {
    const q = request.query as Record<string, unknown>;
    const { map, builtAt, drawn } = await loadNetworkMap(services);
    const sources = await countLiftStatusSources(services);
    const line = typeof q.line === 'string' && map.lines.some((l) => l.id === q.line) ? q.line : '';
    const state = typeof q.state === 'string' && (STATE_FILTERS as readonly string[]).includes(q.state) ? (q.state as StateFilter) : '';
    reply.header('cache-control', 'no-cache');
    return sendPage(request, reply, (ctx) => {
      const t = translator(networkMapMessages, ctx.locale);
      const c = map.counts;
      const at = new Date(builtAt).toLocaleString(ctx.locale === 'ko' ? 'ko-KR' : 'en-GB', {
        timeZone: 'Asia/Seoul',
        hour: '2-digit',
        minute: '2-digit',
        day: 'numeric',
        month: 'short',
      });
      return {
        title: t('nm.title'),
        wide: true,
        body: html`<link rel="stylesheet" href="/assets/network-map.css"><script src="/assets/network-map.js" defer></script>
          <p><a href="/transit">${t('nm.back')}</a></p>
          <h1>${t('nm.title')}</h1><p>${t('nm.intro')}</p>
          <p class="muted">${t('nm.live', { min: services.config.transitStatusStaleMinutes, at, ...sources })}</p>
          <div class="nm-layout">
            <div class="nm-figure">
              <p class="hint nm-help" hidden>${t('nm.help')}</p>
              <div class="nm-frame" data-drawn="${drawn}" data-label="${t('nm.mapLabel')}" data-in="${t('nm.zoomIn')}" data-out="${t('nm.zoomOut')}" data-reset="${t('nm.reset')}">${raw(
                networkMapSvg(map, {
                  title: t('nm.title'),
                  desc: t('nm.svgDesc', {
                    total: c.total,
                    working: c.working,
                    out: c.out,
                    listed: c.listed,
                    none: c.none,
                    surveyed: c.surveyed,
                    derived: c.derived,
                  }),
                }),
              )}</div>
              <section id="nm-card" class="nm-card" aria-labelledby="nm-card-h" aria-live="polite" hidden
                data-station="${t('nm.openStation')}" data-from="${t('nm.journeyFrom')}" data-to="${t('nm.journeyTo')}" data-lines="${t('nm.lines')}">
                <h2 id="nm-card-h">${t('nm.card')}</h2><div class="nm-card-body"></div></section>
            </div>
            ${legend(t, map)}
          </div>
          <h2 id="nm-list-h">${t('nm.list')}</h2>
          <form method="get" action="/transit/map#nm-list-h" class="nm-filter" aria-label="${t('nm.filter')}">
            <div class="form-group"><label for="nm-line">${t('nm.line')}</label><select id="nm-line" name="line"><option value="">${t('nm.allLines')}</option>
              ${map.lines.map((l) => html`<option value="${l.id}" ${l.id === line ? html`selected` : null}>${ctx.locale === 'en' && l.name.en ? l.name.en : l.name.ko}</option>`)}</select></div>
            <div class="form-group"><label for="nm-state">${t('nm.state')}</label><select id="nm-state" name="state"><option value="">${t('nm.allStates')}</option>
              ${STATE_FILTERS.map((k) => html`<option value="${k}" ${k === state ? html`selected` : null}>${t(`nm.k.${k}`)}</option>`)}</select></div>
            <button type="submit" class="btn btn-secondary">${t('nm.apply')}</button></form>
          <div id="nm-list">${stationList(t, ctx.locale, map, line, state)}</div>`,
      };
    });
  });
}

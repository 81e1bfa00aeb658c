import type { App, Services } from '../../../core/context.js';
import { translator, type Locale, type Message } from '../../../core/i18n/messages.js';
import { html, userText, type Html } from '../../../web/html.js';
import { sendPage } from '../../../web/page.js';
import { performanceMessages } from '../performance.messages.js';
import { readPerformanceFigures, type MeasureFigure, type PerformanceFigures } from '../use-cases/read-performance-figures.js';

const BADGE = { met: 'badge-live', not_met: 'badge-late', not_measured: 'badge-coming', no_goal: '' } as const;

/**
 * Korean words with names in roman letters (Fastify, DuckDB, Parquet, GET /health): each run of roman words is
 * marked lang="en", so a screen reader reads it as written and the page never shows English unmarked.
 */
function words(text: string, locale: Locale): Html | string {
  if (locale !== 'ko') return text;
  const parts = text.split(/([A-Za-z][\w.*/-]*(?:\s+[A-Za-z/][\w.*/-]*)*)/);
  return html`${parts.map((p, i) => (i % 2 ? html`<span lang="en">${p}</span>` : p))}`;
}

const number = (n: number, locale: Locale) => n.toLocaleString(locale === 'ko' ? 'ko-KR' : 'en-GB', { maximumFractionDigits: 3 });
/** A date in Seoul's time, as the city reads it. */
const kst = (iso: string) => html`<time datetime="${iso}">${new Date(Date.parse(iso) + 9 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')} KST</time>`;

function context(figures: PerformanceFigures, locale: Locale) {
  const t = translator(performanceMessages, locale);
  const say = (m: Message) => words(m[locale], locale);
  const { machine, commit, conditions, settings } = figures;
  if (!machine || !commit || !conditions || !settings || !figures.measuredAt) return null;
  return html`<h2>${t('perf.context')}</h2><dl>
    <dt>${t('perf.when')}</dt><dd>${kst(figures.measuredAt)} · ${figures.age ? say(figures.age) : null}</dd>
    <dt>${t('perf.machine')}</dt><dd><ul>
      <li>${t('perf.cpu')}: <span lang="en">${machine.cpuModel}</span>, ${t('perf.cores', { n: machine.cores })}</li>
      <li>${t('perf.memory', { gb: number(Math.round((machine.memoryBytes / 2 ** 30) * 10) / 10, locale) })}</li>
      <li>${t('perf.os')}: <span lang="en">${machine.os}</span></li>
      <li>${words(t('perf.node'), locale)}: ${machine.node}</li></ul></dd>
    <dt>${t('perf.commit')}</dt><dd>${commit.sha ? html`<code lang="en">${commit.sha}</code>` : null}${commit.note ? html` ${say(commit.note)}` : null}</dd>
    <dt>${t('perf.conditions')}</dt><dd>${say(conditions.words)}
      ${t('perf.load', { start: number(conditions.loadAverage1m.atStart, locale), end: number(conditions.loadAverage1m.atEnd, locale), cores: machine.cores })}
      ${conditions.note ? html`<br>${userText(conditions.note, locale)}` : null}</dd>
    <dt>${t('perf.scope')}</dt><dd>${
      settings.groups
        ? html`${t('perf.scopeSome', { seconds: number(settings.seconds, locale) })} <span lang="en">${settings.groups.join(', ')}</span>`
        : t('perf.scopeAll', { seconds: number(settings.seconds, locale) })
    }</dd></dl>`;
}

function measureRow(m: MeasureFigure, locale: Locale) {
  const t = translator(performanceMessages, locale);
  const result = m.measured
    ? html`${t('perf.value')} ${number(m.measured.value, locale)} <span lang="en">${m.measured.unit}</span><br>
        ${t('perf.peerValue')} ${number(m.measured.peer, locale)}<br><strong>${t('perf.ratio')} ${number(m.measured.ratio, locale)}</strong>`
    : m.unknownBecause && words(m.unknownBecause[locale], locale);
  return html`<tr><th scope="row"><code lang="en">${m.name}</code></th><td>${words(m.what[locale], locale)}</td><td>${words(m.peer[locale], locale)}</td><td>${result}</td>
    <td>${m.goal ? html`${m.goal.words[locale]}<br><span class="muted">${t('perf.goalSource')}: <span lang="en">${m.goal.source}</span></span>` : t('perf.goal.none')}</td>
    <td>${m.status === 'no_goal' ? t('perf.status.no_goal') : html`<span class="badge ${BADGE[m.status]}">${t(`perf.status.${m.status}`)}</span>`}</td></tr>`;
}

export function registerPerformancePage(app: App, services: Services) {
  app.get('/about/performance', { schema: { hide: true } }, async (request, reply) => {
    const figures = await readPerformanceFigures(services);
    return sendPage(request, reply, (ctx) => {
      const t = translator(performanceMessages, ctx.locale);
      const notice = figures.notice ?? (figures.stale ? figures.age : null);
      return {
        title: t('perf.title'),
        wide: true,
        body: html`<h1>${t('perf.title')}</h1><p class="lead">${t('perf.lead')}</p>
          <p>${t('perf.how')} <code lang="en">npm run bench -- --record</code></p>
          ${notice ? html`<p class="alert alert-info" role="note">${words(notice[ctx.locale], ctx.locale)}</p>` : null}
          ${context(figures, ctx.locale)}
          <h2 id="measures">${t('perf.table')}</h2>
          ${figures.provisional ? html`<p class="alert alert-info">${figures.provisional[ctx.locale]}</p>` : null}
          <div class="table-wrap"><table aria-labelledby="measures"><thead><tr>
            <th scope="col">${t('perf.col.measure')}</th><th scope="col">${t('perf.col.what')}</th><th scope="col">${t('perf.col.peer')}</th>
            <th scope="col">${t('perf.col.result')}</th><th scope="col">${t('perf.col.goal')}</th><th scope="col">${t('perf.col.status')}</th></tr></thead>
            <tbody>${figures.measures.map((m) => measureRow(m, ctx.locale))}</tbody></table></div>
          ${
            figures.others.length
              ? html`<h2 id="others">${t('perf.others')}</h2><p>${t('perf.othersNote')}</p>
            <div class="table-wrap"><table aria-labelledby="others"><thead><tr><th scope="col">${t('perf.col.measure')}</th><th scope="col">${t('perf.value')}</th>
              <th scope="col">${t('perf.peerValue')}</th><th scope="col">${t('perf.ratio')}</th></tr></thead>
              <tbody>${figures.others.map(
                (m) => html`<tr><th scope="row"><code lang="en">${m.name}</code></th>
                <td>${number(m.value, ctx.locale)} <span lang="en">${m.unit}</span></td><td>${number(m.peer, ctx.locale)}</td><td>${number(m.ratio, ctx.locale)}</td></tr>`,
              )}</tbody></table></div>`
              : null
          }
          <p><a href="/api/v1/about/performance">${t('perf.json')}</a></p>`,
      };
    });
  });
}

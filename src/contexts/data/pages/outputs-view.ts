import type { Locale } from '../../../core/i18n/messages.js';
import { html, type Html } from '../../../web/html.js';
import type { OutputView } from '../use-cases/list-output-checks.js';
import { outputsT } from './outputs.messages.js';
import { inLang, numberFormat } from '../../../web/text.js';

/** Pieces shared by the analyst's and the reviewer's pages: state badge, result table, rule results, facts. */
const seoulTime = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Seoul',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
const NUMERIC = /INT|DOUBLE|FLOAT|DECIMAL|REAL|NUMERIC/i;

export function outputsNav(locale: Locale, here: string): Html {
  const t = outputsT(locale);
  const link = (href: string, label: string) => html`<li><a href="${href}"${href === here ? html` aria-current="page"` : null}>${label}</a></li>`;
  return html`<nav aria-label="${t('review.title')}" class="subnav"><ul class="inline-list">${link('/data/outputs', t('nav.mine'))}${link('/data/outputs/review', t('nav.review'))}</ul></nav>`;
}

export const stateBadge = (locale: Locale, state: OutputView['state']) =>
  html`<span class="badge${state === 'approved' ? ' badge-live' : state === 'pending' ? ' badge-coming' : ''}" data-state="${state}">${outputsT(locale)(`state.${state}`)}</span>`;

export function outputHeader(locale: Locale, o: OutputView): Html {
  const t = outputsT(locale);
  return html`<p>${stateBadge(locale, o.state)} <span class="badge">${t(`output.kind.${o.kind}`)}</span></p>
    <p class="muted">${t('output.requestedBy', { name: o.requester.name, date: seoulTime(o.requestedAt) })}${o.decidedAt ? html` · ${t('output.decided', { name: o.decidedBy ?? '', date: seoulTime(o.decidedAt) })}` : null}</p>
    <p>${t('output.datasets', { list: o.datasets.map((d) => `${d.datasetId} v${d.version}`).join(', ') })}</p>
    <p><strong>${t('output.purpose')}:</strong> ${inLang(o.purpose)}</p>
    ${o.reason ? html`<p data-reason><strong>${t('output.reason')}:</strong> ${inLang(o.reason)}</p>` : null}`;
}

export function resultTable(locale: Locale, o: OutputView, id: string): Html {
  const t = outputsT(locale);
  const fmt = numberFormat(locale);
  const hidden = new Map(o.result.suppressed.map((s) => [s.row, s]));
  const cols = o.result.columns;
  return html`<div class="table-wrap data-table" role="region" aria-labelledby="${id}-caption" tabindex="0">
    <table id="${id}"><caption id="${id}-caption">${t('output.result', { rows: fmt.format(o.result.rows.length) })}</caption>
      <thead><tr>${cols.map((c) => html`<th scope="col"${NUMERIC.test(c.type) ? html` class="num"` : null}>${inLang(c.name)}</th>`)}</tr></thead>
      <tbody>${o.result.rows.map((row, i) => {
        const s = hidden.get(i);
        if (s)
          return html`<tr data-suppressed><td colspan="${cols.length}">${t('output.suppressedRow', { reason: s.rule === 'threshold' || s.rule === 'dominance' ? t(`rule.${s.rule}`) : s.reason })}</td></tr>`;
        return html`<tr>${row.map((v, c) => (NUMERIC.test(cols[c]!.type) && typeof v === 'number' ? html`<td class="num">${fmt.format(v)}</td>` : html`<td>${inLang(v === null ? '' : String(v))}</td>`))}</tr>`;
      })}</tbody></table></div>`;
}

export function ruleList(locale: Locale, o: OutputView, headingId: string): Html {
  const t = outputsT(locale);
  return html`<section aria-labelledby="${headingId}" class="stack"><h3 id="${headingId}">${t('output.rules')}</h3>
    <ul class="rule-list">${o.rules.map((r) => html`<li data-rule="${r.rule}" data-outcome="${r.outcome}">${t(`rule.${r.rule}`)}: <strong>${r.outcome === 'passed' ? t('rule.passed') : t('rule.suppressed', { n: r.rows ?? 0 })}</strong></li>`)}</ul>
    <p class="muted">${t('output.ledger', { cells: o.ledger.cells, smallest: o.ledger.smallest ?? '–', earlier: o.ledger.earlierQueries })}</p></section>`;
}

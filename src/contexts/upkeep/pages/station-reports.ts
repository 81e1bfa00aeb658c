import { html, type Html } from '../../../web/html.js';
import type { PageContext } from '../../../web/layout.js';
import type { ReportView } from '../use-cases/list-reports.js';
import { OUT_OF_SERVICE_PROBLEMS } from '../use-cases/report-words.js';
import { rlT, type RlT } from './reports.messages.js';
import { kst } from './upkeep-view.js';

/** The report's clock in words: due in n business days, n days late, or paused. */
export function clockWords(t: RlT, r: ReportView, short = false): string {
  const c = r.clock;
  if (!c) return '';
  if (c.state === 'paused' || !c.dueOn) return t('rl.paused');
  if (c.state === 'overdue') return short ? t('rl.lateShort', { date: c.dueOn }) : t('rl.late', { date: c.dueOn, n: c.businessDaysLate ?? 0 });
  return short ? t('rl.dueShort', { date: c.dueOn }) : t('rl.dueOn', { date: c.dueOn, n: c.businessDaysLeft ?? 0 });
}

/** On a station page: each open report with its clock, and where the public list is. */
export function openReportsBox(ctx: PageContext, stationId: string, open: ReportView[]): Html {
  const t = rlT(ctx.locale);
  const l = ctx.locale;
  return html`<section aria-labelledby="open-reports-h" class="open-reports${open.length ? ' alert alert-danger' : ''}" data-open-reports="${open.length}">
    <h2 id="open-reports-h">${t('rl.openHere')}</h2>
    ${
      open.length
        ? html`<ul>${open.map(
            (r) =>
              html`<li data-report="${r.id}"><a href="${r.url}">${t('rl.openRow', {
                problem: r.problemName[l],
                facility: r.facility ? ` · ${r.facility.name ?? ''}${r.facility.location ? ` (${r.facility.location})` : ''}` : '',
                at: kst(r.receivedAt, l),
                due: clockWords(t, r, true),
              })}</a></li>`,
          )}</ul>`
        : html`<p>${t('rl.none')}</p>`
    }
    <p><a href="/transit/stations/${stationId}/reports">${t('rl.stationLink')}</a></p></section>`;
}

/** Facilities with an open "not working" report: a flag beside their status, with the report's clock. */
export function reportedFlags(ctx: PageContext, open: ReportView[]): Map<string, Html> {
  const t = rlT(ctx.locale);
  const flags = new Map<string, Html>();
  for (const r of open) {
    if (!r.facility || !OUT_OF_SERVICE_PROBLEMS.includes(r.problem) || flags.has(r.facility.id)) continue;
    flags.set(
      r.facility.id,
      html` <a class="report-flag" href="${r.url}" data-reported="${r.facility.id}">${t('rl.flag', { at: kst(r.receivedAt, ctx.locale), due: clockWords(t, r, true) })}</a>`,
    );
  }
  return flags;
}

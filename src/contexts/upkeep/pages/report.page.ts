import type { FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import { notFound } from '../../../core/errors.js';
import { html } from '../../../web/html.js';
import { csrfField, type PageContext } from '../../../web/layout.js';
import { formBody } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { describeSubject, itemPanel, itemPolicy } from '../../accountability/index.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { organisationNamesById } from '../../accounts/index.js';
import { FACILITY_STATUSES, facilityNames, listStationFacilityChoices } from '../../transit/index.js';
import { findReport } from '../store/report.repository.js';
import { PROBLEMS, REPORT_SUBJECT, reportProblem, resolveReport } from '../use-cases/report-problem.js';
import { FACILITY_STATUS_NAMES, FACILITY_TYPE_NAMES } from '../use-cases/report-words.js';
import { REPORT_RATE_LIMIT } from '../api/reports.api.js';
import { hide, kst, noticeBlock, problemsBlock, stationName, stationOf, tryForm, upkeepAssets, upT, type Problem } from './upkeep-view.js';

const LIFTS = ['elevator', 'escalator', 'wheelchair_lift', 'moving_walkway'];

export function registerReportPages(app: App, services: Services) {
  const reportForm = async (_request: FastifyRequest, stationId: string, s: { problems?: Problem[]; values?: Record<string, string> } = {}) => {
    const station = await stationOf(services, stationId);
    const facilities = await listStationFacilityChoices(services.db, station.id, LIFTS);
    return (ctx: PageContext) => {
      const t = upT(ctx.locale);
      const v = s.values ?? {};
      const name = stationName(station, ctx.locale);
      return {
        title: t('rep.title', { station: name }),
        body: html`${upkeepAssets}<p><a href="/transit/stations/${station.id}">${t('up.back')}</a></p><h1>${t('rep.title', { station: name })}</h1><p>${t('rep.intro')}</p>
          ${problemsBlock(t, s.problems, ctx.locale)}
          <form method="post" action="/transit/stations/${station.id}/report" class="stack">${csrfField(ctx)}
            <fieldset class="big-choices"><legend>${t('rep.problem')}</legend>${PROBLEMS.map((p) => html`<div class="radio"><input type="radio" id="p-${p}" name="problem" value="${p}" required ${v.problem === p ? html`checked` : null}><label for="p-${p}">${t(`rep.p.${p}`)}</label></div>`)}</fieldset>
            ${
              facilities.length
                ? html`<div class="form-group"><label for="f-facility">${t('rep.facility')}</label><select id="f-facility" name="facilityId">
              <option value="">${t('rep.noFacility')}</option>${facilities.map((f) => html`<option value="${f.id}" ${v.facilityId === f.id ? html`selected` : null}>${f.name ?? FACILITY_TYPE_NAMES[f.type]?.[ctx.locale] ?? f.type}${f.location ? ` · ${f.location}` : ''}</option>`)}</select></div>`
                : null
            }
            <div class="form-group"><label for="f-note">${t('rep.note')}</label><textarea id="f-note" name="note" rows="3" maxlength="1000">${v.note ?? ''}</textarea></div>
            <div class="hp-field"><label for="f-website">Website</label><input id="f-website" name="website" type="text" tabindex="-1" autocomplete="off"></div>
            <button type="submit" class="btn btn-primary btn-large">${t('rep.submit')}</button></form>`,
      };
    };
  };

  app.get('/transit/stations/:id/report', hide, async (request, reply) =>
    sendPage(request, reply, await reportForm(request, (request.params as { id: string }).id)),
  );

  app.post('/transit/stations/:id/report', { ...hide, config: { rateLimit: REPORT_RATE_LIMIT } }, async (request, reply) => {
    const id = (request.params as { id: string }).id;
    const form = formBody(request.body);
    const result = await tryForm(() =>
      reportProblem(services, request.actor, {
        stationId: id,
        problem: form.problem,
        facilityId: form.facilityId || undefined,
        note: form.note,
        honeypot: form.website,
      }),
    );
    if (result.ok) return redirectTo(reply, `/transit/reports/${result.value.id}?notice=reported`);
    return sendPage(request, reply, await reportForm(request, id, { problems: result.problems, values: form }), result.status);
  });

  const reportPage = async (request: FastifyRequest, reportId: string, s: { problems?: Problem[]; values?: Record<string, string> } = {}) => {
    const found = await findReport(services.db, reportId);
    // The answering organisation's and the facility's names from accounts' and transit's read models.
    const [orgs, facilities] = found
      ? await Promise.all([
          organisationNamesById(services.db, [found.organisation_id]),
          facilityNames(services.db, found.facility_id ? [found.facility_id] : []),
        ])
      : [];
    const org = found ? orgs?.get(found.organisation_id) : undefined;
    const facility = found?.facility_id ? facilities?.get(found.facility_id) : undefined;
    const report =
      found && org
        ? {
            ...found,
            org_ko: org.name_ko,
            org_en: org.name_en,
            facility_name: facility?.name ?? null,
            facility_status: facility?.status ?? null,
          }
        : undefined;
    if (!report) throw notFound('report');
    const station = await stationOf(services, report.station_id);
    const view = await describeSubject(services.db, REPORT_SUBJECT, report.id, kstDate(services.now()));
    const canAnswer = view ? itemPolicy.canAnswer(request.actor, view.item) : false;
    return (ctx: PageContext) => {
      const t = upT(ctx.locale);
      const v = s.values ?? {};
      const problem = t(`rep.p.${report.problem}` as Parameters<typeof t>[0]);
      const title = t('rep.one', { station: stationName(station, ctx.locale), problem });
      return {
        title,
        body: html`${upkeepAssets}<p><a href="/transit/stations/${station.id}">${t('up.back')}</a></p>${noticeBlock(t, request)}<h1>${title}</h1>
          <p><span class="badge">${t(`rep.status.${report.status}` as Parameters<typeof t>[0])}</span> · ${kst(report.created_at, ctx.locale)}
            · ${t('rep.answeredBy', { org: (ctx.locale === 'en' ? (report.org_en ?? report.org_ko) : (report.org_ko ?? report.org_en)) ?? '' })}</p>
          ${report.facility_name ? html`<p>${report.facility_name} · ${(FACILITY_STATUS_NAMES[report.facility_status ?? 'unknown'] ?? FACILITY_STATUS_NAMES.unknown!)[ctx.locale]}</p>` : null}
          ${report.note ? html`<p class="prewrap">${report.note}</p>` : null}
          ${
            canAnswer && report.status === 'open'
              ? html`<section aria-labelledby="resolve-h" class="review-box"><h2 id="resolve-h">${t('rep.resolve')}</h2>${problemsBlock(t, s.problems, ctx.locale)}
            <form method="post" action="/transit/reports/${report.id}/resolve" class="stack">${csrfField(ctx)}
              <fieldset><legend>${t('rep.confirmed')}</legend>
                <div class="radio"><input type="radio" id="c-yes" name="confirmed" value="1" ${v.confirmed !== '0' ? html`checked` : null}><label for="c-yes">${t('rep.yes')}</label></div>
                <div class="radio"><input type="radio" id="c-no" name="confirmed" value="0" ${v.confirmed === '0' ? html`checked` : null}><label for="c-no">${t('rep.no')}</label></div></fieldset>
              ${
                report.facility_id
                  ? html`<div class="form-group"><label for="f-status">${t('rep.setStatus')}</label><select id="f-status" name="facilityStatus">
                <option value="">${t('rep.keepStatus')}</option>${FACILITY_STATUSES.map((st) => html`<option value="${st}" ${v.facilityStatus === st ? html`selected` : null}>${FACILITY_STATUS_NAMES[st]?.[ctx.locale] ?? st}</option>`)}</select></div>`
                  : null
              }
              <div class="form-group"><label for="f-reasons">${t('rep.reasons')}</label><textarea id="f-reasons" name="reasons" rows="3" required>${v.reasons ?? ''}</textarea></div>
              <button type="submit" class="btn btn-primary">${t('rep.send')}</button></form></section>`
              : null
          }
          ${view ? itemPanel(ctx, request.actor, view, undefined, { answerForm: !(canAnswer && report.status === 'open') }) : null}`,
      };
    };
  };

  app.get('/transit/reports/:id', hide, async (request, reply) => sendPage(request, reply, await reportPage(request, (request.params as { id: string }).id)));

  app.post('/transit/reports/:id/resolve', hide, async (request, reply) => {
    const id = (request.params as { id: string }).id;
    const form = formBody(request.body);
    const result = await tryForm(() =>
      resolveReport(services, request.actor, {
        reportId: id,
        confirmed: form.confirmed !== '0',
        reasons: form.reasons,
        facilityStatus: form.facilityStatus || null,
      }),
    );
    if (result.ok) return redirectTo(reply, `/transit/reports/${id}?notice=resolved`);
    return sendPage(request, reply, await reportPage(request, id, { problems: result.problems, values: form }), result.status);
  });
}

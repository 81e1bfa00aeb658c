import type { FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import { html, userText } from '../../../web/html.js';
import { csrfField, errorSummary, textField, type FieldError, type PageContext } from '../../../web/layout.js';
import { formBody, runPageForm } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { assertAllowed } from '../../accounts/index.js';
import { HOLIDAY_YEARS, LUNAR_YEARS } from '../../../core/calendar/korean-calendar.js';
import { itemPolicy } from '../domain/policy.js';
import { addExtraHoliday, listAddedHolidays, removeExtraHoliday } from '../use-cases/manage-holidays.js';
import { accT } from './item-panel.js';

const hide = { schema: { hide: true } };
const PATH = '/accountability/holidays/manage';

/** Admins see where the holiday tables end and add or remove the days the rules cannot know, with a reason. */
export function registerHolidayAdminPages(app: App, services: Services) {
  const page = async (request: FastifyRequest, sent?: { form: string; errors: FieldError[]; values: Record<string, string> }) => {
    assertAllowed(request.actor, itemPolicy.canEditKinds(request.actor), 'manage holidays');
    const extra = await listAddedHolidays(services.db);
    return (ctx: PageContext) => {
      const t = accT(ctx.locale);
      const errorsOf = (form: string) => (sent?.form === form ? sent.errors : undefined);
      const en = ctx.locale === 'en' ? {} : { lang: 'en' as const };
      return {
        title: t('holadm.title'),
        body: html`<h1>${t('holadm.title')}</h1>
          <p id="tables-end" data-first="${HOLIDAY_YEARS.first}" data-last="${HOLIDAY_YEARS.last}" data-lunar="${LUNAR_YEARS.last}">${t('holadm.tables', { first: HOLIDAY_YEARS.first, last: HOLIDAY_YEARS.last, next: HOLIDAY_YEARS.last + 1, lunar: LUNAR_YEARS.last })}</p>
          <p>${t('holadm.rulesCannot')}</p>
          <p><a href="/accountability/holidays?year=${HOLIDAY_YEARS.last + 1}">${t('hol.title', { year: HOLIDAY_YEARS.last + 1 })}</a> · <a href="/admin/audit">${t('holadm.audit')}</a></p>
          <h2>${t('holadm.extra')}</h2>
          ${
            extra.length
              ? html`<div class="table-wrap"><table id="extra-days"><caption>${t('holadm.extra')}</caption>
            <thead><tr><th scope="col">${t('hol.date')}</th><th scope="col">${t('hol.name')}</th><th scope="col">${t('holadm.reason')}</th><th scope="col">${t('holadm.by')}</th><th scope="col">${t('holadm.remove')}</th></tr></thead>
            <tbody>${extra.map(
              (
                h,
              ) => html`<tr data-date="${h.on_date}"><td>${h.on_date}</td><td>${ctx.locale === 'ko' ? h.name_ko : html`<span lang="en">${h.name_en}</span>`}</td><td>${userText(h.reason, ctx.locale)}</td><td>${h.display_name ? userText(h.display_name, ctx.locale) : '–'}</td>
              <td><form method="post" action="${PATH}/${h.on_date}/remove" class="stack">${csrfField(ctx)}
                ${errorsOf(h.on_date) ? errorSummary(ctx.locale, errorsOf(h.on_date), () => `#r-${h.on_date}`) : null}
                <label for="r-${h.on_date}">${t('holadm.removeReason')}</label><input id="r-${h.on_date}" name="reason" required>
                <button type="submit" class="btn btn-secondary">${t('holadm.remove')}</button></form></td></tr>`,
            )}</tbody></table></div>`
              : html`<p>${t('holadm.none')}</p>`
          }
          <h2>${t('holadm.add')}</h2>${errorSummary(ctx.locale, errorsOf('add'))}
          <form method="post" action="${PATH}" class="stack" novalidate>${csrfField(ctx)}
            ${textField({ name: 'date', label: t('hol.date'), type: 'date', value: sent?.form === 'add' ? sent.values.date : '', required: true, errors: errorsOf('add'), locale: ctx.locale })}
            ${textField({ name: 'nameKo', label: t('holadm.nameKo'), value: sent?.form === 'add' ? sent.values.nameKo : '', required: true, errors: errorsOf('add'), locale: ctx.locale, ...(ctx.locale === 'ko' ? {} : { lang: 'ko' as const }) })}
            ${textField({ name: 'nameEn', label: t('holadm.nameEn'), value: sent?.form === 'add' ? sent.values.nameEn : '', required: true, errors: errorsOf('add'), locale: ctx.locale, ...en })}
            ${textField({ name: 'reason', label: t('holadm.reason'), value: sent?.form === 'add' ? sent.values.reason : '', required: true, errors: errorsOf('add'), locale: ctx.locale })}
            <button type="submit" class="btn btn-primary">${t('holadm.add')}</button></form>`,
      };
    };
  };

  app.get(PATH, hide, async (request, reply) => {
    if (!request.actor.user) return redirectTo(reply, `/sign-in?next=${PATH}`);
    return sendPage(request, reply, await page(request));
  });

  app.post(PATH, hide, async (request, reply) => {
    requireUser(request);
    const form = formBody(request.body);
    const t = accT(request.locale);
    const result = await runPageForm(
      request.locale,
      () => addExtraHoliday(services, request.actor, { date: form.date, nameKo: form.nameKo, nameEn: form.nameEn, reason: form.reason }),
      {
        refusal: (e) =>
          e.code === 'accountability.holiday_exists'
            ? { field: 'date', message: t('holadm.exists') }
            : e.code === 'accountability.holiday_year'
              ? { field: 'date', message: t('holadm.yearRange') }
              : null,
      },
    );
    if (!result.ok) return sendPage(request, reply, await page(request, { form: 'add', errors: result.errors, values: form }), result.status);
    return redirectTo(reply, `${PATH}#extra-days`);
  });

  app.post(`${PATH}/:date/remove`, hide, async (request, reply) => {
    requireUser(request);
    const { date } = request.params as { date: string };
    const form = formBody(request.body);
    const result = await runPageForm(request.locale, () => removeExtraHoliday(services, request.actor, { date, reason: form.reason }));
    if (!result.ok) return sendPage(request, reply, await page(request, { form: date, errors: result.errors, values: form }), result.status);
    return redirectTo(reply, PATH);
  });
}

import type { FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import { isAdmin } from '../../../core/auth/actor.js';
import { pickLocalized } from '../../../core/i18n/messages.js';
import { requireUser } from '../../../core/http/request-context.js';
import { html } from '../../../web/html.js';
import { csrfField, errorSummary, textArea, textField, type FieldError, type PageContext } from '../../../web/layout.js';
import { formBody } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { AUDIENCES, LEVELS, ORGANISER_TYPES, PROGRAMME_KINDS } from '../domain/vocabularies.js';
import { programmePolicy } from '../domain/policy.js';
import { learnT } from '../messages.js';
import { programmeUrl } from '../store/tables.js';
import { createProgramme } from '../use-cases/create-programme.js';
import { hide, learnAssets, learnNav } from './learn-view.js';
import { runForm } from './page-forms.js';
import { listAllOrganisations, organisationsByIds } from '../../accounts/index.js';

const SESSION_SLOTS = 4;

function select(name: string, label: string, value: string | undefined, options: Array<{ value: string; label: string }>, errors?: FieldError[]) {
  const error = errors?.find((e) => e.field === name);
  return html`<div class="form-group${error ? ' has-error' : ''}"><label for="f-${name}">${label}</label>
    ${error ? html`<p class="field-error" id="f-${name}-error">${error.message}</p>` : null}
    <select id="f-${name}" name="${name}"${error ? html` aria-invalid="true" aria-describedby="f-${name}-error"` : null}>${options.map((o) => html`<option value="${o.value}"${o.value === value ? html` selected` : null}>${o.label}</option>`)}</select></div>`;
}

async function formPage(services: Services, request: FastifyRequest, values: Record<string, string> = {}, errors?: FieldError[]) {
  const actor = request.actor;
  const mine = actor.user?.memberships.filter((m) => (ORGANISER_TYPES as readonly string[]).includes(m.organisationType)).map((m) => m.organisationId) ?? [];
  const organisations = isAdmin(actor)
    ? await listAllOrganisations(services.db, ORGANISER_TYPES)
    : (await organisationsByIds(services.db, mine)).filter((o) => (ORGANISER_TYPES as readonly string[]).includes(o.type));
  return (ctx: PageContext) => {
    const t = learnT(ctx.locale);
    const f = (name: string, label: string, opts: { required?: boolean; type?: string; hint?: string } = {}) =>
      textField({ name, label, value: values[name], errors, locale: ctx.locale, ...opts });
    return {
      title: t('form.title'),
      body: html`${learnAssets}${learnNav(ctx, actor, '/learn/programmes/new')}<h1>${t('form.title')}</h1>
        ${
          !programmePolicy.canCreate(actor)
            ? html`<p>${t('form.signIn')}</p>`
            : html`
        <form method="post" action="/learn/programmes" class="stack" novalidate>${csrfField(ctx)}${errorSummary(ctx.locale, errors, (x) => `#f-${x.replace(/\./g, '-')}`)}
          ${select(
            'organisation',
            t('form.organisation'),
            values.organisation,
            organisations.map((o) => ({ value: o.slug, label: pickLocalized({ ko: o.name_ko, en: o.name_en }, ctx.locale).text || o.slug })),
            errors,
          )}
          ${select(
            'kind',
            t('form.kind'),
            values.kind,
            PROGRAMME_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })),
            errors,
          )}
          ${f('titleKo', t('form.titleKo'), { required: true })}${f('titleEn', t('form.titleEn'))}
          ${textArea({ name: 'summaryKo', label: t('form.summaryKo'), value: values.summaryKo, rows: 4, required: true, errors, locale: ctx.locale })}
          ${textArea({ name: 'summaryEn', label: t('form.summaryEn'), value: values.summaryEn, rows: 4, errors, locale: ctx.locale })}
          ${select(
            'audience',
            t('form.audience'),
            values.audience,
            AUDIENCES.map((a) => ({ value: a, label: t(`audience.${a}`) })),
            errors,
          )}
          ${select(
            'level',
            t('form.level'),
            values.level,
            LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) })),
            errors,
          )}
          ${f('placeKo', t('form.placeKo'), { required: true })}${f('placeEn', t('form.placeEn'))}
          <div class="check"><input type="checkbox" id="f-online" name="online" value="1"${values.online === '1' ? html` checked` : null}><label for="f-online">${t('form.online')}</label></div>
          ${f('capacity', t('form.capacity'), { required: true, type: 'number' })}
          <p>${t('form.sessionsHelp')}</p>
          ${Array.from(
            { length: SESSION_SLOTS },
            (_, i) => html`<fieldset class="form-group"><legend>${t('form.session', { n: i + 1 })}</legend>
            ${textField({ name: `sessions-${i}-titleKo`, label: t('form.sessionTitle'), value: values[`sessions.${i}.titleKo`], locale: ctx.locale })}
            ${textField({ name: `sessions-${i}-startsAt`, label: t('form.startsAt'), type: 'datetime-local', value: values[`sessions.${i}.startsAt`], required: i === 0, locale: ctx.locale, errors: errors?.map((e) => ({ ...e, field: e.field.replace(/\./g, '-') })) })}
            ${textField({ name: `sessions-${i}-endsAt`, label: t('form.endsAt'), type: 'datetime-local', value: values[`sessions.${i}.endsAt`], required: i === 0, locale: ctx.locale, errors: errors?.map((e) => ({ ...e, field: e.field.replace(/\./g, '-') })) })}</fieldset>`,
          )}
          ${f('sessionsRequired', t('form.sessionsRequired'), { type: 'number' })}
          ${textArea({ name: 'materials', label: t('form.materials'), value: values.materials, rows: 5, errors, locale: ctx.locale })}
          <button type="submit" class="btn btn-primary">${t('form.submit')}</button></form>`
        }`,
    };
  };
}

/** /learn/programmes/new: an organiser announces a programme and up to four sessions (more through the API). */
export function registerProgrammeFormPages(app: App, services: Services) {
  app.get('/learn/programmes/new', hide, async (request, reply) => sendPage(request, reply, await formPage(services, request)));
  app.post('/learn/programmes', hide, async (request, reply) => {
    requireUser(request);
    const raw = formBody(request.body);
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw)) values[k.replace(/^sessions-(\d)-/, 'sessions.$1.')] = v;
    const sessions = Array.from({ length: SESSION_SLOTS }, (_, i) => ({
      titleKo: values[`sessions.${i}.titleKo`],
      startsAt: values[`sessions.${i}.startsAt`],
      endsAt: values[`sessions.${i}.endsAt`],
    }));
    const result = await runForm(request.locale, () =>
      createProgramme(services, request.actor, {
        kind: values.kind,
        titleKo: values.titleKo,
        titleEn: values.titleEn,
        summaryKo: values.summaryKo,
        summaryEn: values.summaryEn,
        audience: values.audience,
        level: values.level,
        placeKo: values.placeKo,
        placeEn: values.placeEn,
        online: values.online === '1',
        capacity: values.capacity,
        sessionsRequired: values.sessionsRequired,
        materials: values.materials,
        organisation: values.organisation,
        sessions,
      }),
    );
    if (!result.ok) return sendPage(request, reply, await formPage(services, request, values, result.errors), result.status);
    return redirectTo(reply, programmeUrl(result.value.id));
  });
}

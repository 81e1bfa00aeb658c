import { ORGANISATION_TYPES, membershipIn } from '../../../core/auth/actor.js';
import type { App, Services } from '../../../core/context.js';
import { notFound } from '../../../core/errors.js';
import { requireUser } from '../../../core/http/request-context.js';
import { pickLocalized, translator, type Locale } from '../../../core/i18n/messages.js';
import { html } from '../../../web/html.js';
import { csrfField, errorSummary, textField, type FieldError, type PageContext } from '../../../web/layout.js';
import { formBody, submitForm } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { organisationPolicy } from '../domain/policy.js';
import { accountsMessages } from '../messages.js';
import { findOrganisation, listMembers, listOrganisations } from '../store/organisation.repository.js';
import { addOrganisationMember } from '../use-cases/add-organisation-member.js';
import { createOrganisation } from '../use-cases/create-organisation.js';

const hide = { schema: { hide: true } };
const tr = (locale: Locale) => translator(accountsMessages, locale);

function typeSelect(
  ctx: PageContext,
  id: string,
  name: string,
  label: string,
  selected: string | undefined,
  types: readonly string[],
  withAll: boolean,
  errors?: FieldError[],
) {
  const t = tr(ctx.locale);
  const error = errors?.find((e) => e.field === name);
  return html`<div class="form-group${error ? ' has-error' : ''}"><label for="${id}">${label}</label>
    ${error ? html`<p class="field-error" id="${id}-error">${error.message}</p>` : null}
    <select id="${id}" name="${name}" ${error ? html`aria-invalid="true" aria-describedby="${id}-error"` : null}>
      ${withAll ? html`<option value="">${t('orgs.all')}</option>` : null}
      ${types.map((ty) => html`<option value="${ty}" ${selected === ty ? html`selected` : null}>${t(`orgType.${ty}` as 'orgType.ngo')}</option>`)}
    </select></div>`;
}

export function registerOrganisationPages(app: App, services: Services) {
  app.get('/organisations', hide, async (request, reply) => {
    const type = (request.query as { type?: string }).type;
    const valid = ORGANISATION_TYPES.find((x) => x === type);
    const rows = await listOrganisations(services.db, { type: valid, limit: 500, offset: 0 });
    return sendPage(request, reply, (ctx) => {
      const t = tr(ctx.locale);
      return {
        title: t('orgs.title'),
        body: html`<h1>${t('orgs.title')}</h1><p>${t('orgs.intro')}</p>
          <form method="get" action="/organisations" class="filter">${typeSelect(ctx, 'org-type-filter', 'type', t('orgs.filter'), valid, ORGANISATION_TYPES, true)}
            <button type="submit" class="btn btn-secondary btn-small">${t('orgs.apply')}</button></form>
          <p role="status">${t('orgs.count', { n: rows.length })}</p>
          <ul class="cards">${rows.map((o) => {
            const name = pickLocalized({ ko: o.name_ko, en: o.name_en }, ctx.locale);
            const desc = pickLocalized({ ko: o.description_ko, en: o.description_en }, ctx.locale);
            return html`<li class="card"><h2><a href="/organisations/${o.slug}" lang="${name.lang}">${name.text}</a></h2>
              <p><span class="badge">${t(`orgType.${o.type}`)}</span></p>${desc.text ? html`<p lang="${desc.lang}">${desc.text}</p>` : null}</li>`;
          })}</ul>
          ${ctx.user ? html`<p><a class="btn btn-primary" href="/organisations/new">${t('orgs.create')}</a></p>` : null}`,
      };
    });
  });

  const newPage = (values: Record<string, string>, errors?: FieldError[]) => (ctx: PageContext) => {
    const t = tr(ctx.locale);
    const f = (name: string, label: string, type = 'text') => textField({ name, label, type, value: values[name], errors, locale: ctx.locale });
    return {
      title: t('orgs.create'),
      body: html`<h1>${t('orgs.create')}</h1><p>${t('orgs.createIntro')}</p>${errorSummary(ctx.locale, errors)}
        <form method="post" action="/organisations" novalidate>${csrfField(ctx)}
          ${typeSelect(ctx, 'f-type', 'type', t('field.orgType'), values.type, ORGANISATION_TYPES, false, errors)}
          ${f('nameKo', t('field.nameKo'))}${f('nameEn', t('field.nameEn'))}
          ${f('descriptionKo', t('field.descriptionKo'))}${f('descriptionEn', t('field.descriptionEn'))}
          ${f('website', t('field.website'), 'url')}
          <button type="submit" class="btn btn-primary">${t('orgs.create')}</button></form>`,
    };
  };
  app.get('/organisations/new', hide, async (request, reply) => {
    if (!request.actor.user) return redirectTo(reply, '/sign-in?next=/organisations/new');
    return sendPage(request, reply, newPage({ type: 'ngo' }));
  });
  app.post('/organisations', hide, async (request, reply) => {
    requireUser(request);
    const form = formBody(request.body);
    const result = await submitForm(request.locale, () => createOrganisation(services, request.actor, { ...form, type: form.type }));
    if (!result.ok) return sendPage(request, reply, newPage(form, result.errors), 422);
    return redirectTo(reply, `/organisations/${encodeURIComponent(result.value.slug)}`);
  });

  const detail = async (slug: string, actor: Parameters<typeof membershipIn>[0], opts: { errors?: FieldError[]; added?: boolean }) => {
    const org = await findOrganisation(services.db, slug);
    if (!org) throw notFound('organisation');
    const canManage = organisationPolicy.canManageMembers(actor, org.id);
    const members = canManage || membershipIn(actor, org.id) ? await listMembers(services.db, org.id) : [];
    return (ctx: PageContext) => {
      const t = tr(ctx.locale);
      const name = pickLocalized({ ko: org.name_ko, en: org.name_en }, ctx.locale);
      const desc = pickLocalized({ ko: org.description_ko, en: org.description_en }, ctx.locale);
      return {
        title: name.text,
        body: html`<h1 lang="${name.lang}">${name.text}</h1><p><span class="badge">${t(`orgType.${org.type}`)}</span></p>
          ${desc.text ? html`<p lang="${desc.lang}">${desc.text}</p>` : null}
          ${org.website ? html`<p><a href="${org.website}" rel="noopener">${org.website}</a></p>` : null}
          ${members.length ? html`<h2>${t('orgs.members')}</h2><ul>${members.map((m) => html`<li>${m.display_name} (${m.role === 'admin' ? t('role.orgAdmin') : t('role.member')})</li>`)}</ul>` : null}
          ${
            canManage
              ? html`<h2>${t('orgs.addMember')}</h2>
            ${opts.added ? html`<div class="alert alert-success" role="status"><p>${t('orgs.memberAdded')}</p></div>` : null}
            ${errorSummary(ctx.locale, opts.errors)}
            <form method="post" action="/organisations/${org.slug}/members" novalidate>${csrfField(ctx)}
              ${textField({ name: 'email', label: t('field.memberEmail'), type: 'email', required: true, errors: opts.errors, locale: ctx.locale })}
              <fieldset><legend>${t('field.role')}</legend>
                <label><input type="radio" name="role" value="member" checked> ${t('role.member')}</label>
                <label><input type="radio" name="role" value="admin"> ${t('role.orgAdmin')}</label></fieldset>
              <button type="submit" class="btn btn-primary">${t('orgs.addMember')}</button></form>`
              : null
          }`,
      };
    };
  };
  app.get('/organisations/:slug', hide, async (request, reply) => {
    const { slug } = request.params as { slug: string };
    const added = (request.query as { added?: string }).added === '1';
    return sendPage(request, reply, await detail(slug, request.actor, { added }));
  });
  app.post('/organisations/:slug/members', hide, async (request, reply) => {
    requireUser(request);
    const { slug } = request.params as { slug: string };
    const form = formBody(request.body);
    const result = await submitForm(request.locale, () =>
      addOrganisationMember(services, request.actor, { organisation: slug, email: form.email, role: form.role }),
    );
    if (!result.ok) return sendPage(request, reply, await detail(slug, request.actor, { errors: result.errors }), 422);
    return redirectTo(reply, `/organisations/${encodeURIComponent(slug)}?added=1`);
  });
}

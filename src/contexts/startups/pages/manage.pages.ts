import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import { html } from '../../../web/html.js';
import { errorSummary, textArea, textField, type FieldError } from '../../../web/layout.js';
import { formBody } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { AGE_BANDS, CALL_KINDS, FIELDS, RULE_DATE_KINDS, RULE_KINDS, TEXT_KINDS } from '../domain/vocabularies.js';
import { startupsT } from '../messages.js';
import { listDepartments } from '../store/organisations.js';
import { callUrl, ruleUrl } from '../store/tables.js';
import { addRule, addRuleVersion } from '../use-cases/keep-rule.js';
import { openCall } from '../use-cases/open-call.js';
import { recordMeeting } from '../use-cases/record-meeting.js';
import { localized, runForm, selectField, startupsNav } from './startups-view.js';

const hide = { schema: { hide: true } };
type Form = { values?: Record<string, string>; errors?: FieldError[]; status?: number };

/** The programme's forms: open a call or an opportunity, add a rule, record a meeting of the body. */
export function registerManagePages(app: App, services: Services) {
  const page = (
    request: FastifyRequest,
    reply: FastifyReply,
    titleKey: 'manage.newCall' | 'manage.newRule' | 'manage.newMeeting',
    body: (f: Form) => ReturnType<typeof html>,
    f: Form = {},
  ) => {
    if (!request.actor.user) return redirectTo(reply, `/sign-in?next=${encodeURIComponent(request.url)}`);
    return sendPage(
      request,
      reply,
      (ctx) => {
        const t = startupsT(ctx.locale);
        return { title: t(titleKey), body: html`${startupsNav(ctx, request.actor, '')}<h1>${t(titleKey)}</h1>${errorSummary(ctx.locale, f.errors)}${body(f)}` };
      },
      f.status ?? 200,
    );
  };
  const t = (request: FastifyRequest) => startupsT(request.locale);

  const callForm = (request: FastifyRequest) => (f: Form) => {
    const tt = t(request);
    const v = f.values ?? {};
    const field = (name: string, label: string, type = 'text', required = false) =>
      textField({ name, label, type, value: v[name], required, errors: f.errors, locale: request.locale });
    const area = (name: string, label: string, required = false) =>
      textArea({ name, label, value: v[name], required, errors: f.errors, locale: request.locale, rows: 3 });
    return html`<form method="post" action="/startups/calls" class="stack"><input type="hidden" name="_csrf" value="${request.csrfToken}">
      ${selectField({ name: 'kind', label: tt('manage.kind'), value: v.kind, errors: f.errors, options: CALL_KINDS.map((k) => ({ value: k, label: tt(`kind.${k}`) })) })}
      ${field('titleKo', tt('manage.titleKo'), 'text', true)}${field('titleEn', tt('manage.titleEn'), 'text', true)}
      ${area('summaryKo', tt('manage.summaryKo'), true)}${area('summaryEn', tt('manage.summaryEn'), true)}
      ${field('opensOn', tt('manage.opensOn'), 'date', true)}${field('applyBy', tt('manage.applyBy'), 'date', true)}
      ${field('startsOn', tt('manage.startsOn'), 'date')}${field('endsOn', tt('manage.endsOn'), 'date')}${field('location', tt('call.location'))}${field('url', tt('call.link'), 'url')}
      ${area('eligibilityKo', tt('manage.eligibilityKo'), true)}${area('eligibilityEn', tt('manage.eligibilityEn'), true)}
      ${area('coversKo', tt('manage.coversKo'))}${area('coversEn', tt('manage.coversEn'))}${area('howKo', tt('manage.howKo'))}${area('howEn', tt('manage.howEn'))}
      ${selectField({ name: 'maxAgeBand', label: tt('manage.maxAgeBand'), value: v.maxAgeBand, errors: f.errors, placeholder: tt('rules.any'), options: AGE_BANDS.map((a) => ({ value: a, label: tt(`age.${a}`) })) })}
      ${field('seats', tt('manage.seats'), 'number')}
      <div class="form-group"><input type="checkbox" id="f-membersOnly" name="membersOnly" value="1"${v.membersOnly ? html` checked` : null}> <label for="f-membersOnly">${tt('call.membersOnly')}</label></div>
      <fieldset id="f-fields"><legend>${tt('manage.callFields')}</legend>
        ${FIELDS.map((x) => html`<div><input type="checkbox" id="field-${x}" name="fields" value="${x}"> <label for="field-${x}">${tt(`field.${x}`)}</label></div>`)}</fieldset>
      <button type="submit" class="btn btn-primary">${tt('manage.open')}</button></form>`;
  };
  app.get('/startups/calls/new', hide, async (request, reply) => page(request, reply, 'manage.newCall', callForm(request)));
  app.post('/startups/calls', hide, async (request, reply) => {
    requireUser(request);
    const form = formBody(request.body);
    const result = await runForm(request.locale, () =>
      openCall(services, request.actor, { ...form, kind: form.kind, fields: checkedValues(request.body, 'fields') } as Parameters<typeof openCall>[2]),
    );
    if (!result.ok) return page(request, reply, 'manage.newCall', callForm(request), { values: form, errors: result.errors, status: result.status });
    return redirectTo(reply, encodeURI(callUrl(result.value)));
  });

  const departments = () => listDepartments(services.db);
  const ruleForm = (request: FastifyRequest, depts: Awaited<ReturnType<typeof departments>>) => (f: Form) => {
    const tt = t(request);
    const v = f.values ?? {};
    const field = (name: string, label: string, type = 'text', required = false) =>
      textField({ name, label, type, value: v[name], required, errors: f.errors, locale: request.locale });
    const tagError = f.errors?.find((e) => e.field === 'tags');
    return html`<form method="post" action="/startups/rules" class="stack"><input type="hidden" name="_csrf" value="${request.csrfToken}">
      ${field('titleKo', tt('manage.titleKo'), 'text', true)}${field('titleEn', tt('manage.titleEn'), 'text', true)}
      ${selectField({ name: 'kind', label: tt('manage.ruleKind'), value: v.kind, errors: f.errors, options: RULE_KINDS.map((k) => ({ value: k, label: tt(`ruleKind.${k}`) })) })}
      ${selectField({ name: 'department', label: tt('rules.department'), value: v.department, errors: f.errors, options: depts.map((d) => ({ value: d.slug, label: localized({ ko: d.name_ko, en: d.name_en }, request.locale, d.slug) })) })}${field('sourceName', tt('rules.source'), 'text', true)}${field('sourceUrl', tt('manage.sourceUrl'), 'url', true)}
      <fieldset id="f-tags"${tagError ? html` aria-describedby="f-tags-error"` : null}><legend>${tt('rules.tag')}</legend>${tagError ? html`<p class="field-error" id="f-tags-error">${tagError.message}</p>` : null}
        ${FIELDS.map((x) => html`<div><input type="checkbox" id="tag-${x}" name="tags" value="${x}"> <label for="tag-${x}">${tt(`field.${x}`)}</label></div>`)}</fieldset>
      ${versionFields(request, f)}
      <button type="submit" class="btn btn-primary">${tt('manage.addRule')}</button></form>`;
  };
  app.get('/startups/rules/new', hide, async (request, reply) => page(request, reply, 'manage.newRule', ruleForm(request, await departments())));
  app.post('/startups/rules', hide, async (request, reply) => {
    requireUser(request);
    const form = formBody(request.body);
    const tags = checkedValues(request.body, 'tags');
    const result = await runForm(request.locale, () => addRule(services, request.actor, { ...form, tags } as Parameters<typeof addRule>[2]));
    if (!result.ok)
      return page(request, reply, 'manage.newRule', ruleForm(request, await departments()), { values: form, errors: result.errors, status: result.status });
    return redirectTo(reply, encodeURI(ruleUrl(result.value.slug)));
  });
  app.post('/startups/rules/:slug/versions', hide, async (request, reply) => {
    requireUser(request);
    const slug = (request.params as { slug: string }).slug;
    const form = formBody(request.body);
    const result = await runForm(request.locale, () =>
      addRuleVersion(services, request.actor, { ...form, rule: slug } as Parameters<typeof addRuleVersion>[2]),
    );
    if (!result.ok) {
      return sendPage(
        request,
        reply,
        (ctx) => ({
          title: startupsT(ctx.locale)('rules.addVersion'),
          body: html`${startupsNav(ctx, request.actor, '/startups/rules')}<h1>${startupsT(ctx.locale)('rules.addVersion')}</h1>${errorSummary(ctx.locale, result.errors)}
          ${versionForm(request, slug, { values: form, errors: result.errors })}`,
        }),
        result.status,
      );
    }
    return redirectTo(reply, encodeURI(ruleUrl(slug)));
  });

  const meetingForm = (request: FastifyRequest) => (f: Form) => {
    const tt = t(request);
    const v = f.values ?? {};
    return html`<form method="post" action="/startups/meetings" class="stack"><input type="hidden" name="_csrf" value="${request.csrfToken}">
      ${textField({ name: 'heldOn', label: tt('meeting.heldOn'), type: 'date', value: v.heldOn, required: true, errors: f.errors, locale: request.locale })}
      ${textField({ name: 'titleKo', label: tt('manage.titleKo'), value: v.titleKo, required: true, errors: f.errors, locale: request.locale })}
      ${textField({ name: 'titleEn', label: tt('manage.titleEn'), value: v.titleEn, required: true, errors: f.errors, locale: request.locale })}
      ${textArea({ name: 'minutesKo', label: tt('manage.minutesKo'), value: v.minutesKo, required: true, errors: f.errors, locale: request.locale, rows: 8 })}
      ${textArea({ name: 'minutesEn', label: tt('manage.minutesEn'), value: v.minutesEn, errors: f.errors, locale: request.locale, rows: 8 })}
      <button type="submit" class="btn btn-primary">${tt('manage.record')}</button></form>`;
  };
  app.get('/startups/meetings/new', hide, async (request, reply) => page(request, reply, 'manage.newMeeting', meetingForm(request)));
  app.post('/startups/meetings', hide, async (request, reply) => {
    requireUser(request);
    const form = formBody(request.body);
    const result = await runForm(request.locale, () => recordMeeting(services, request.actor, form as Parameters<typeof recordMeeting>[2]));
    if (!result.ok) return page(request, reply, 'manage.newMeeting', meetingForm(request), { values: form, errors: result.errors, status: result.status });
    return redirectTo(reply, '/startups/body');
  });
}

/** The values of a group of checkboxes in a form body (one value or several). */
function checkedValues(body: unknown, name: string): string[] {
  const raw = (body as Record<string, unknown>)[name];
  return (Array.isArray(raw) ? raw : raw ? [raw] : []).map((x) => (typeof x === 'string' ? x : String((x as { value?: unknown }).value ?? '')));
}

/** The fields of a rule's version: when it applies, official text or a summary (said so), what changed. */
export function versionFields(request: Pick<FastifyRequest, 'locale'>, f: Form) {
  const tt = startupsT(request.locale);
  const v = f.values ?? {};
  return html`${textField({ name: 'effectiveOn', label: tt('manage.effectiveOn'), type: 'date', value: v.effectiveOn, required: true, errors: f.errors, locale: request.locale })}
    ${selectField({ name: 'dateKind', label: tt('manage.dateKind'), value: v.dateKind, errors: f.errors, options: RULE_DATE_KINDS.map((k) => ({ value: k, label: tt(`dateKind.${k}`) })) })}
    ${selectField({ name: 'textKind', label: tt('manage.textKind'), value: v.textKind, errors: f.errors, options: TEXT_KINDS.map((k) => ({ value: k, label: tt(`text.${k}`) })) })}
    ${textArea({ name: 'textKo', label: tt('manage.textKo'), value: v.textKo, required: true, errors: f.errors, locale: request.locale, rows: 6 })}
    ${textArea({ name: 'textEn', label: tt('manage.textEn'), value: v.textEn, errors: f.errors, locale: request.locale, rows: 6 })}
    ${textArea({ name: 'changeKo', label: tt('manage.changeKo'), value: v.changeKo, errors: f.errors, locale: request.locale, rows: 2 })}
    ${textArea({ name: 'changeEn', label: tt('manage.changeEn'), value: v.changeEn, errors: f.errors, locale: request.locale, rows: 2 })}`;
}

/** The form adding a version to a rule (on the rule page for its keepers, and again with its problems). */
export function versionForm(request: Pick<FastifyRequest, 'locale' | 'csrfToken'>, slug: string, f: Form = {}) {
  return html`<form method="post" action="/startups/rules/${slug}/versions" class="stack"><input type="hidden" name="_csrf" value="${request.csrfToken}">
    ${versionFields(request, f)}<button type="submit" class="btn btn-primary">${startupsT(request.locale)('rules.addVersion')}</button></form>`;
}

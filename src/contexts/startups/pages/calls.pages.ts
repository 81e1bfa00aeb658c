import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import { html } from '../../../web/html.js';
import { csrfField, textArea, type FieldError, type PageContext } from '../../../web/layout.js';
import { formBody } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { startupsPolicy } from '../domain/policy.js';
import { AGE_BANDS, FIELDS, OPPORTUNITY_KINDS, PROGRAMME_DEPARTMENT } from '../domain/vocabularies.js';
import { startupsT } from '../messages.js';
import { findApplication, findCall } from '../store/call.repository.js';
import { programmeDepartmentId } from '../store/organisations.js';
import { callUrl } from '../store/tables.js';
import { applyToCall } from '../use-cases/apply-to-call.js';
import { decideApplication } from '../use-cases/decide-application.js';
import { describeBody, describeCall, describeCalls, type CallFilter, type CallView } from '../use-cases/describe-calls.js';
import { startupsOf } from '../use-cases/describe-startups.js';
import { publishResults } from '../use-cases/publish-results.js';
import { exampleBadge, formProblems, localized, runForm, selectField, startupsNav } from './startups-view.js';

const hide = { schema: { hide: true } };
type Sent = { form: string; values: Record<string, string>; errors: FieldError[]; status: number };

function callSummary(ctx: PageContext, c: CallView, headingLevel: 'h2' | 'h3' = 'h3') {
  const t = startupsT(ctx.locale);
  return html`<li class="card stack" data-call="${c.slug}">
    <${headingLevel}><a href="${c.url}">${localized(c.title, ctx.locale)}</a></${headingLevel}>
    <p>${t(`kind.${c.kind}`)} · <span class="badge ${c.open ? 'badge-live' : 'badge-coming'}">${c.open ? t('call.open') : t('call.closed')}</span> ${c.example ? exampleBadge(ctx.locale) : null}</p>
    <p>${t('call.window', { from: c.opensOn, to: c.applyBy })}${c.startsOn ? html`<br>${t('call.dates', { from: c.startsOn, to: c.endsOn ?? c.startsOn })}` : null}${c.location ? html` · ${c.location}` : null}</p>
    <p>${localized(c.summary, ctx.locale)}</p>
    <p data-fields>${c.fields.length ? t('opps.forFields', { fields: c.fields.map((f) => t(`field.${f}`)).join(', ') }) : t('opps.anyField')}${c.maxAgeBand ? html` · ${t('opps.ageLimit', { band: t(`age.${c.maxAgeBand}`) })}` : null}</p></li>`;
}

/** The consultative body, the calls for it, opportunities: applying, selecting with reasons, publishing results. */
export function registerCallPages(app: App, services: Services) {
  const today = () => kstDate(services.now());

  app.get('/startups/body', hide, async (request, reply) => {
    const [body, calls] = await Promise.all([describeBody(services.db), describeCalls(services.db, request.actor, 'body', today())]);
    return sendPage(request, reply, (ctx) => {
      const t = startupsT(ctx.locale);
      return {
        title: t('body.title'),
        body: html`${startupsNav(ctx, request.actor, '/startups/body')}<h1>${t('body.title')}</h1><p>${t('body.intro')}</p>
          <h2>${t('body.calls')}</h2>${calls.length ? html`<ul class="cards">${calls.map((c) => callSummary(ctx, c))}</ul>` : null}
          <h2>${t('body.members')}</h2>${body.members.length ? html`<ul data-members>${body.members.map((m) => html`<li><a href="${m.url}">${localized(m.name, ctx.locale, m.slug)}</a> · ${t(`field.${m.field as 'data'}`)}${m.since ? html` · ${m.since}` : null}</li>`)}</ul>` : html`<p>${t('body.noMembers')}</p>`}
          <h2>${t('body.council')}</h2><ul>${body.council.map((c) => html`<li>${localized(c.name, ctx.locale)} · ${t(`field.${c.field as 'data'}`)} ${c.example ? exampleBadge(ctx.locale) : null}</li>`)}</ul>
          <h2>${t('body.meetings')}</h2>${body.meetings.length ? body.meetings.map((m) => html`<article class="card stack"><h3>${m.heldOn} · ${localized(m.title, ctx.locale)}</h3><p class="prewrap">${localized(m.minutes, ctx.locale)}</p></article>`) : html`<p>${t('body.noMeetings')}</p>`}`,
      };
    });
  });

  app.get('/startups/opportunities', hide, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const pick = <T extends string>(name: string, values: readonly T[]) =>
      typeof query[name] === 'string' && (values as readonly string[]).includes(query[name] as string) ? (query[name] as T) : undefined;
    const filter: CallFilter = {
      kind: pick('kind', OPPORTUNITY_KINDS),
      field: pick('field', FIELDS),
      ageBand: pick('ageBand', AGE_BANDS),
      open: query.open === '1' || undefined,
    };
    const calls = await describeCalls(services.db, request.actor, 'opportunity', today(), filter);
    return sendPage(request, reply, (ctx) => {
      const t = startupsT(ctx.locale);
      return {
        title: t('opps.title'),
        body: html`${startupsNav(ctx, request.actor, '/startups/opportunities')}<h1>${t('opps.title')}</h1><p>${t('opps.intro')}</p>
          <p><a href="/startups/opportunities.ics" type="text/calendar">${t('opps.ical')}</a> · <a href="/startups/opportunities.atom" type="application/atom+xml">${t('opps.atom')}</a></p>
          <form method="get" action="/startups/opportunities" class="demand-filters" role="search" aria-label="${t('opps.filter')}">
            ${selectField({ name: 'kind', label: t('opps.kind'), value: filter.kind, placeholder: t('rules.any'), options: OPPORTUNITY_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })) })}
            ${selectField({ name: 'field', label: t('opps.field'), value: filter.field, placeholder: t('rules.any'), options: FIELDS.map((f) => ({ value: f, label: t(`field.${f}`) })) })}
            ${selectField({ name: 'ageBand', label: t('opps.ageBand'), value: filter.ageBand, placeholder: t('rules.any'), options: AGE_BANDS.map((a) => ({ value: a, label: t(`age.${a}`) })) })}
            <div class="form-group"><input type="checkbox" id="f-open" name="open" value="1"${filter.open ? html` checked` : null}> <label for="f-open">${t('opps.openOnly')}</label></div>
            <button type="submit" class="btn btn-secondary">${t('rules.go')}</button></form>
          <h2 id="opps-count">${t('opps.count', { n: calls.length })}</h2>
          ${calls.length ? html`<ul class="cards" aria-labelledby="opps-count">${calls.map((c) => callSummary(ctx, c))}</ul>` : html`<p>${t('opps.none')}</p>`}`,
      };
    });
  });

  const callPage = async (request: FastifyRequest, reply: FastifyReply, slug: string, kind: 'body' | 'opportunity', sent?: Sent) => {
    const c = await describeCall(services.db, request.actor, slug, kind, today());
    const [mine, programme] = await Promise.all([startupsOf(services.db, request.actor), programmeDepartmentId(services.db, PROGRAMME_DEPARTMENT)]);
    const runs = startupsPolicy.canRunProgramme(request.actor, programme);
    const base = kind === 'body' ? '/startups/calls' : '/startups/opportunities';
    return sendPage(
      request,
      reply,
      (ctx) => {
        const t = startupsT(ctx.locale);
        const errs = (form: string) => (sent?.form === form ? sent.errors : undefined);
        const applyForm = !request.actor.user
          ? html`<p><a href="/sign-in?next=${encodeURIComponent(c.url)}">${t('call.signInToApply')}</a></p>`
          : !mine.length
            ? html`<p><a href="/startups/register">${t('call.registerFirst')}</a></p>`
            : html`<form method="post" action="${base}/${c.slug}/apply" class="stack">${csrfField(ctx)}${formProblems(errs('apply'), ['startup', 'motivation'])}
            ${selectField({ name: 'startup', label: t('call.startup'), value: sent?.values.startup, errors: errs('apply'), options: mine.map((p) => ({ value: p.slug, label: localized({ ko: p.name_ko, en: p.name_en }, ctx.locale, p.slug) })) })}
            ${textArea({ name: 'motivation', label: t('call.motivation'), value: sent?.form === 'apply' ? sent.values.motivation : '', required: true, errors: errs('apply'), locale: ctx.locale, rows: 5 })}
            <button type="submit" class="btn btn-primary">${t('call.apply')}</button></form>`;
        const published = c.kind === 'body' || c.resultsPublishedAt;
        return {
          title: (ctx.locale === 'ko' ? c.title.ko : c.title.en) ?? '',
          body: html`${startupsNav(ctx, request.actor, kind === 'body' ? '/startups/body' : '/startups/opportunities')}
          <h1>${localized(c.title, ctx.locale)}</h1>
          <p>${t(`kind.${c.kind}`)} · <span class="badge ${c.open ? 'badge-live' : 'badge-coming'}">${c.open ? t('call.open') : t('call.closed')}</span> ${c.example ? html`${exampleBadge(ctx.locale)} ${t('exampleNote')}` : null}</p>
          <p>${localized(c.summary, ctx.locale)}</p>
          <dl class="facts"><dt>${t('call.windowLabel')}</dt><dd>${c.opensOn} – <strong data-apply-by>${c.applyBy}</strong></dd>
            ${c.startsOn ? html`<dt>${t('call.datesLabel')}</dt><dd>${c.startsOn} – ${c.endsOn ?? c.startsOn}</dd>` : null}
            ${c.location ? html`<dt>${t('call.location')}</dt><dd>${c.location}</dd>` : null}
            <dt>${t('call.eligibility')}</dt><dd>${localized(c.eligibility, ctx.locale)}${c.maxAgeBand ? html`<br>${t('call.maxAge', { band: t(`age.${c.maxAgeBand}`) })}` : null}${c.membersOnly ? html`<br>${t('call.membersOnly')}` : null}${c.seats ? html`<br>${t('call.seats', { n: c.seats })}` : null}</dd>
            ${c.covers.ko || c.covers.en ? html`<dt>${t('call.covers')}</dt><dd>${localized(c.covers, ctx.locale)}</dd>` : null}
            ${c.how.ko || c.how.en ? html`<dt>${t('call.how')}</dt><dd>${localized(c.how, ctx.locale)}</dd>` : null}
            ${c.link ? html`<dt>${t('call.link')}</dt><dd><a href="${c.link}" rel="noopener">${c.link}</a></dd>` : null}</dl>
          <p>${t('call.seoulDates')} <a href="${base}/${c.slug}/calendar.ics" type="text/calendar" data-add-ics>${t('call.addToCalendar')}</a></p>
          ${c.open ? html`<h2>${t('call.apply')}</h2>${applyForm}` : null}
          <h2>${t('call.applications')}</h2><p>${t('call.count', { n: c.applicationCount })}${c.resultsPublishedAt ? html` · ${t('call.resultsPublished', { date: c.resultsPublishedAt.slice(0, 10) })}` : null}</p>
          ${!published && !runs ? html`<p>${t('call.resultsPending')}</p>` : null}
          ${
            c.applications.length
              ? html`<ul class="stack" data-applications>${c.applications.map(
                  (a) => html`<li class="card stack" data-application="${a.id}" data-state="${a.state}">
              <p><a href="/startups/${a.startup.slug}">${localized(a.startup.name, ctx.locale, a.startup.slug)}</a> · <strong>${t(`app.${a.state}`)}</strong></p>
              ${a.motivation ? html`<p class="prewrap">${a.motivation}</p>` : null}${a.reason ? html`<p>${t('call.reason')}: ${a.reason}</p>` : null}
              ${
                runs && a.state === 'submitted'
                  ? html`<form method="post" action="/startups/applications/${a.id}/decision" class="stack">${csrfField(ctx)}
                ${formProblems(sent?.form === `decide-${a.id}` ? sent.errors : undefined, [])}
                <fieldset><legend>${t('call.decision')}</legend>
                  <div><input type="radio" id="d-sel-${a.id}" name="decision" value="selected" required> <label for="d-sel-${a.id}">${t('app.selected')}</label></div>
                  <div><input type="radio" id="d-not-${a.id}" name="decision" value="not_selected"> <label for="d-not-${a.id}">${t('app.not_selected')}</label></div></fieldset>
                ${textArea({ name: 'reason', id: `d-reason-${a.id}`, label: t('call.reason'), required: true, locale: ctx.locale, rows: 2 })}
                <button type="submit" class="btn btn-secondary">${t('call.decide')}</button></form>`
                  : null
              }</li>`,
                )}</ul>`
              : html`<p>${t('call.noApplications')}</p>`
          }
          ${runs && kind === 'opportunity' && !c.resultsPublishedAt ? html`<form method="post" action="/startups/opportunities/${c.slug}/results">${csrfField(ctx)}${formProblems(errs('results'), [])}<button type="submit" class="btn btn-primary">${t('call.publishResults')}</button></form>` : null}`,
        };
      },
      sent?.status ?? 200,
    );
  };

  for (const kind of ['body', 'opportunity'] as const) {
    const base = kind === 'body' ? '/startups/calls' : '/startups/opportunities';
    app.get(`${base}/:slug`, hide, async (request, reply) => callPage(request, reply, (request.params as { slug: string }).slug, kind));
    app.post(`${base}/:slug/apply`, hide, async (request, reply) => {
      requireUser(request);
      const slug = (request.params as { slug: string }).slug;
      const form = formBody(request.body);
      const result = await runForm(request.locale, () =>
        applyToCall(services, request.actor, { call: slug, kind, startup: form.startup, motivation: form.motivation }),
      );
      if (!result.ok) return callPage(request, reply, slug, kind, { form: 'apply', values: form, errors: result.errors, status: result.status });
      return redirectTo(reply, encodeURI(`${base}/${slug}`));
    });
  }
  app.post('/startups/applications/:id/decision', hide, async (request, reply) => {
    requireUser(request);
    const id = (request.params as { id: string }).id;
    const application = await findApplication(services.db, id);
    const call = await findCall(services.db, application.call_id);
    const form = formBody(request.body);
    const result = await runForm(request.locale, () =>
      decideApplication(services, request.actor, { applicationId: id, decision: form.decision, reason: form.reason }),
    );
    if (!result.ok)
      return callPage(request, reply, call.slug, call.kind === 'body' ? 'body' : 'opportunity', {
        form: `decide-${id}`,
        values: form,
        errors: result.errors,
        status: result.status,
      });
    return redirectTo(reply, encodeURI(callUrl(call)));
  });
  app.post('/startups/opportunities/:slug/results', hide, async (request, reply) => {
    requireUser(request);
    const slug = (request.params as { slug: string }).slug;
    const result = await runForm(request.locale, () => publishResults(services, request.actor, { opportunity: slug }));
    if (!result.ok) return callPage(request, reply, slug, 'opportunity', { form: 'results', values: {}, errors: result.errors, status: result.status });
    return redirectTo(reply, encodeURI(`/startups/opportunities/${slug}`));
  });
}

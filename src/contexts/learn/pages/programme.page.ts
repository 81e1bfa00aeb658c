import type { FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import { googleCalendarLink, markedExample } from '../../../core/calendar/ical.js';
import { html, raw } from '../../../web/html.js';
import { csrfField, errorSummary, textArea, textField, type FieldError, type PageContext } from '../../../web/layout.js';
import { formBody } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { renderMarkdown } from '../../../core/text/markdown.js';
import { programmePolicy } from '../domain/policy.js';
import { PROGRAMME_STATUSES } from '../domain/vocabularies.js';
import { learnT } from '../messages.js';
import { findProgramme } from '../store/programme.repository.js';
import { certificateUrl, programmeUrl } from '../store/tables.js';
import { applyForFellowship } from '../use-cases/apply-for-fellowship.js';
import { cancelRegistration } from '../use-cases/cancel-registration.js';
import { describeProgramme, myRegistration } from '../use-cases/describe-programmes.js';
import { registerForProgramme } from '../use-cases/register-for-programme.js';
import { submitFeedback } from '../use-cases/submit-feedback.js';
import { updateProgrammeSettings } from '../use-cases/update-programme-settings.js';
import { exampleBadge, hide, kindBadge, learnAssets, learnNav, localized, when } from './learn-view.js';
import { runForm } from './page-forms.js';
import { findApplicationOf } from '../store/application.repository.js';
import { attendedAny } from '../store/attendance.repository.js';
import { findCertificateOf } from '../store/certificate.repository.js';
import { findFeedbackOf } from '../store/feedback.repository.js';

interface Sent {
  form: 'register' | 'feedback' | 'apply' | 'settings';
  values: Record<string, string>;
  errors: FieldError[];
}

async function programmePage(services: Services, request: FastifyRequest, id: string, sent?: Sent) {
  const v = await describeProgramme(services, id);
  const actor = request.actor;
  const userId = actor.user?.id;
  const [mine, certificate, attended, feedback, application] = await Promise.all([
    myRegistration(services, id, userId),
    userId ? findCertificateOf(services.db, id, userId) : undefined,
    userId ? attendedAny(services.db, id, userId) : false,
    userId ? findFeedbackOf(services.db, id, userId) : undefined,
    userId ? findApplicationOf(services.db, id, userId) : undefined,
  ]);
  const organiser = programmePolicy.canOrganise(actor, { organisation_id: v.organisation.id });
  const done = (request.query as Record<string, unknown>).done;
  const over = (v.sessions.at(-1)?.endsAt ?? '') < services.now().toISOString();
  return (ctx: PageContext) => {
    const t = learnT(ctx.locale);
    const s = (form: Sent['form']) => (sent?.form === form ? sent : undefined);
    const active = mine && mine.state !== 'cancelled' ? mine : null;
    const standing =
      active?.state === 'registered'
        ? html`<p class="alert alert-success" role="status" data-registration="registered">${mine!.promotedAt ? t('register.promoted') : t('register.registered')}</p>`
        : active?.state === 'waitlisted'
          ? html`<p class="alert alert-info" role="status" data-registration="waitlisted">${t('register.waitlisted', { place: active.place ?? '' })}</p>`
          : done === 'cancelled'
            ? html`<p class="alert alert-info" role="status" data-registration="cancelled">${t('register.cancelled')}</p>`
            : null;
    const registerBlock =
      v.kind === 'fellowship'
        ? null
        : html`<section aria-labelledby="register-title"><h2 id="register-title">${t('register.title')}</h2>
      ${errorSummary(ctx.locale, s('register')?.errors, () => '#register-title')}
      ${standing}
      ${
        !actor.user
          ? html`<p><a href="/sign-in?next=${programmeUrl(v.id)}">${t('register.signIn')}</a></p>`
          : active
            ? html`<form method="post" action="${programmeUrl(v.id)}/cancel">${csrfField(ctx)}<button type="submit" class="btn btn-secondary">${t('register.cancel')}</button></form>`
            : over
              ? html`<p>${t('register.over')}</p>`
              : v.status !== 'open'
                ? html`<p>${t('register.closed')}</p>`
                : html`${v.seatsLeft === 0 ? html`<p>${t('register.full')}</p>` : null}
          <form method="post" action="${programmeUrl(v.id)}/register">${csrfField(ctx)}<button type="submit" class="btn btn-primary">${v.seatsLeft === 0 ? t('register.submitWaitlist') : t('register.submit')}</button></form>`
      }</section>`;
    const applyBlock =
      v.kind !== 'fellowship'
        ? null
        : html`<section aria-labelledby="apply-title"><h2 id="apply-title">${t('apply.title')}</h2>
      ${
        !actor.user
          ? html`<p><a href="/sign-in?next=${programmeUrl(v.id)}">${t('register.signIn')}</a></p>`
          : application
            ? html`<p class="alert alert-info" role="status" data-application="${application.state}">${
                application.state === 'selected'
                  ? t('apply.selected', { mentor: application.mentor ?? '', project: application.project_title ?? '' })
                  : application.state === 'declined'
                    ? t('apply.declined')
                    : t('apply.sent')
              }</p>`
            : over
              ? html`<p>${t('register.over')}</p>`
              : v.status !== 'open'
                ? html`<p>${t('register.closed')}</p>`
                : html`<form method="post" action="${programmeUrl(v.id)}/apply" class="stack" novalidate>${csrfField(ctx)}${errorSummary(ctx.locale, s('apply')?.errors)}
          ${textArea({ name: 'motivation', label: t('apply.motivation'), value: s('apply')?.values.motivation, rows: 4, required: true, errors: s('apply')?.errors, locale: ctx.locale })}
          ${textArea({ name: 'projectIdea', label: t('apply.projectIdea'), value: s('apply')?.values.projectIdea, rows: 4, required: true, errors: s('apply')?.errors, locale: ctx.locale })}
          <button type="submit" class="btn btn-primary">${t('apply.submit')}</button></form>`
      }</section>`;
    const feedbackBlock =
      active?.state === 'registered' && attended
        ? html`<section aria-labelledby="feedback-title"><h2 id="feedback-title">${t('feedback.title')}</h2>
      ${feedback || done === 'feedback' ? html`<p class="alert alert-success" role="status">${t('feedback.thanks')}</p>` : null}
      <form method="post" action="${programmeUrl(v.id)}/feedback" class="stack" novalidate>${csrfField(ctx)}${errorSummary(ctx.locale, s('feedback')?.errors, (f) => `#f-${f}-1`)}
        <fieldset class="form-group"><legend>${t('feedback.rating')}</legend>${[1, 2, 3, 4, 5].map((n) => html`<div class="radio"><input type="radio" id="f-rating-${n}" name="rating" value="${n}"${String(feedback?.rating ?? s('feedback')?.values.rating ?? '') === String(n) ? html` checked` : null}><label for="f-rating-${n}">${n}</label></div>`)}</fieldset>
        <fieldset class="form-group"><legend>${t('feedback.useful')}</legend>${(['yes', 'no'] as const).map((u, i) => html`<div class="radio"><input type="radio" id="f-useful-${i + 1}" name="useful" value="${u}"${(feedback ? (feedback.useful ? 'yes' : 'no') : s('feedback')?.values.useful) === u ? html` checked` : null}><label for="f-useful-${i + 1}">${t(`feedback.${u}`)}</label></div>`)}</fieldset>
        ${textArea({ name: 'comment', label: t('feedback.comment'), value: feedback?.comment ?? s('feedback')?.values.comment, rows: 3, errors: s('feedback')?.errors, locale: ctx.locale })}
        <button type="submit" class="btn btn-secondary">${t('feedback.submit')}</button></form></section>`
        : null;
    return {
      title: v.title[ctx.locale] || v.title.ko,
      body: html`${learnAssets}${learnNav(ctx, actor, '')}
        <h1>${localized(v.title, ctx.locale)}</h1>
        <p>${kindBadge(ctx.locale, v.kind)} ${v.example ? exampleBadge(ctx.locale) : null} <span class="badge">${t(`status.${v.status}`)}</span></p>
        ${v.example ? html`<p class="alert alert-info">${t('example.note')}</p>` : null}
        <p class="prewrap">${localized(v.summary, ctx.locale)}</p>
        <dl class="demand-facts">
          <dt>${t('programme.audience')}</dt><dd>${t(`audience.${v.audience}`)}</dd>
          <dt>${t('programme.level')}</dt><dd>${t(`level.${v.level}`)}</dd>
          <dt>${t('programme.place')}</dt><dd>${localized(v.place, ctx.locale)}${v.online ? ` · ${t('programme.online')}` : ''}</dd>
          <dt>${t('programme.organiser')}</dt><dd><a href="/organisations/${v.organisation.slug}">${localized(v.organisation.name, ctx.locale, v.organisation.slug)}</a></dd>
          <dt>${t('programme.seats')}</dt><dd data-seats>${t('programme.seatsLeft', { capacity: v.capacity, left: v.seatsLeft, waiting: v.waitlisted })}</dd>
        </dl>
        ${certificate ? html`<p class="alert alert-success"><a href="${certificateUrl(certificate.id)}" data-certificate>${t('certificate.yours')}</a></p>` : null}
        ${registerBlock}${applyBlock}
        <section aria-labelledby="sessions-title"><h2 id="sessions-title">${t('programme.sessions')}</h2>
          <p>${t('programme.required', { n: v.sessionsRequired })}</p>
          <p>${t('programme.seoulTime')}</p>
          ${v.status === 'cancelled' ? html`<p class="alert alert-danger" data-cancelled>${t('programme.cancelledNote')}</p>` : null}
          <ol>${v.sessions.map(
            (
              x,
              i,
            ) => html`<li data-session="${x.id}">${localized(x.title, ctx.locale)} — <time datetime="${x.startsAt}">${when(ctx.locale, x.startsAt, x.endsAt)}</time>
            ${
              v.status === 'cancelled'
                ? null
                : html`<br><span id="add-${i}">${t('programme.addTo', { session: `${i + 1}` })}</span>
            <a href="/learn/sessions/${x.id}/calendar.ics" aria-describedby="add-${i}" data-add-ics>${t('programme.addIcs')}</a> ·
            <a href="${googleCalendarLink({ title: markedExample(`${v.title.ko} — ${x.title.ko}`, v.example), startIso: x.startsAt, endIso: x.endsAt, location: v.place.ko, details: `${services.config.publicUrl}${programmeUrl(v.id)}` })}" rel="noopener" aria-describedby="add-${i}" data-add-google>${t('programme.addGoogle')}</a>`
            }</li>`,
          )}</ol>
          <p><a href="${programmeUrl(v.id)}/calendar.ics">${t('programme.ics')}</a></p></section>
        <section aria-labelledby="materials-title"><h2 id="materials-title">${t('programme.materials')}</h2>
          ${v.materials ? html`<div class="markdown">${raw(renderMarkdown(v.materials))}</div>` : html`<p>${t('programme.noMaterials')}</p>`}</section>
        ${feedbackBlock}
        ${
          organiser
            ? html`<section aria-labelledby="organise-title"><h2 id="organise-title">${t('settings.title')}</h2>
          <p><a class="btn btn-secondary" href="${programmeUrl(v.id)}/attendance">${t('programme.attendance')}</a>
          <a class="btn btn-secondary" href="${programmeUrl(v.id)}/dashboard">${t('programme.dashboard')}</a></p>
          <form method="post" action="${programmeUrl(v.id)}/settings" class="stack" novalidate>${csrfField(ctx)}${errorSummary(ctx.locale, s('settings')?.errors)}
            <div class="form-group"><label for="f-status">${t('settings.status')}</label><select id="f-status" name="status">${PROGRAMME_STATUSES.map((x) => html`<option value="${x}"${x === (s('settings')?.values.status ?? v.status) ? html` selected` : null}>${t(`status.${x}`)}</option>`)}</select></div>
            ${textField({ name: 'capacity', label: t('settings.capacity'), type: 'number', value: s('settings')?.values.capacity ?? String(v.capacity), errors: s('settings')?.errors, locale: ctx.locale })}
            ${textArea({ name: 'materials', label: t('form.materials'), value: s('settings')?.values.materials ?? v.materials, rows: 5, errors: s('settings')?.errors, locale: ctx.locale })}
            <button type="submit" class="btn btn-secondary">${t('settings.submit')}</button></form></section>`
            : null
        }`,
    };
  };
}

/** The programme page and its forms: register, cancel, feedback, apply (post/redirect/get). */
export function registerProgrammePage(app: App, services: Services) {
  app.get('/learn/programmes/:id', hide, async (request, reply) =>
    sendPage(request, reply, await programmePage(services, request, (request.params as { id: string }).id)),
  );

  const action = (
    path: string,
    form: Sent['form'],
    anchor: string,
    run: (request: FastifyRequest, id: string, body: Record<string, string>) => Promise<unknown>,
    done?: string,
  ) =>
    app.post(`/learn/programmes/:id/${path}`, hide, async (request, reply) => {
      requireUser(request);
      const { id } = request.params as { id: string };
      await findProgramme(services.db, id);
      const body = formBody(request.body);
      const result = await runForm(request.locale, () => run(request, id, body));
      if (!result.ok) return sendPage(request, reply, await programmePage(services, request, id, { form, values: body, errors: result.errors }), result.status);
      return redirectTo(reply, `${programmeUrl(id)}${done ? `?done=${done}` : ''}#${anchor}`);
    });

  action('register', 'register', 'register-title', (r, id) => registerForProgramme(services, r.actor, { programmeId: id }));
  action('cancel', 'register', 'register-title', (r, id) => cancelRegistration(services, r.actor, { programmeId: id }), 'cancelled');
  action(
    'feedback',
    'feedback',
    'feedback-title',
    (r, id, b) => submitFeedback(services, r.actor, { programmeId: id, rating: b.rating, useful: b.useful, comment: b.comment }),
    'feedback',
  );
  action('settings', 'settings', 'organise-title', (r, id, b) =>
    updateProgrammeSettings(services, r.actor, { programmeId: id, status: b.status, capacity: b.capacity, materials: b.materials }),
  );
  action('apply', 'apply', 'apply-title', (r, id, b) =>
    applyForFellowship(services, r.actor, { programmeId: id, motivation: b.motivation, projectIdea: b.projectIdea }),
  );
}

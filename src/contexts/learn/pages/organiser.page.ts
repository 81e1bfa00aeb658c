import type { App, Services } from '../../../core/context.js';
import { isAdmin } from '../../../core/auth/actor.js';
import { requireUser } from '../../../core/http/request-context.js';
import { html } from '../../../web/html.js';
import { csrfField, errorSummary, textField, type FieldError, type PageContext } from '../../../web/layout.js';
import { formBody } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { learnT } from '../messages.js';
import { programmeUrl } from '../store/tables.js';
import { decideApplication } from '../use-cases/apply-for-fellowship.js';
import { buildOrganiserDashboard, rollCall } from '../use-cases/build-organiser-dashboard.js';
import { listProgrammes } from '../use-cases/describe-programmes.js';
import { markAttendance } from '../use-cases/mark-attendance.js';
import { hide, learnAssets, learnNav, localized, percent, programmeCard, when } from './learn-view.js';
import { formList, runForm } from './page-forms.js';
import { findApplication } from '../store/application.repository.js';
import { findProgramme, findSession } from '../store/programme.repository.js';
import { AppError } from '../../../core/errors.js';

/** The organiser's pages: the roll call (made for a phone at the door), the dashboard, their programmes. */
export function registerOrganiserPages(app: App, services: Services) {
  app.get('/learn/programmes/:id/attendance', hide, async (request, reply) => {
    requireUser(request);
    const { id } = request.params as { id: string };
    const q = request.query as Record<string, unknown>;
    const r = await rollCall(services, request.actor, id, typeof q.session === 'string' ? q.session : undefined);
    const now = services.now().toISOString();
    const last = r.sessions.reduce((a, b) => (b.ends_at > a.ends_at ? b : a), r.session);
    const courseOver = last.ends_at <= now;
    return sendPage(request, reply, (ctx: PageContext) => {
      const t = learnT(ctx.locale);
      const title = ctx.locale === 'en' && r.programme.title_en ? r.programme.title_en : r.programme.title_ko;
      return {
        title: t('attendance.title', { title }),
        body: html`${learnAssets}${learnNav(ctx, request.actor, '')}
          <h1>${t('attendance.title', { title })}</h1>
          ${q.saved !== undefined ? html`<p class="alert alert-success" role="status">${t('attendance.saved', { n: String(q.saved) })}</p>` : null}
          <form method="get" action="${programmeUrl(id)}/attendance" class="stack">
            <div class="form-group"><label for="f-session">${t('attendance.session')}</label>
            <select id="f-session" name="session">${r.sessions.map((s) => html`<option value="${s.id}"${s.id === r.session.id ? html` selected` : null}>${s.position}. ${ctx.locale === 'en' && s.title_en ? s.title_en : s.title_ko} — ${when(ctx.locale, s.starts_at, s.ends_at)}</option>`)}</select></div>
            <button type="submit" class="btn btn-secondary">${t('attendance.show')}</button></form>
          <h2>${r.session.position}. ${when(ctx.locale, r.session.starts_at, r.session.ends_at)}</h2>
          ${
            r.session.starts_at > now
              ? html`<p class="alert alert-info" role="status" data-not-started>${t('attendance.notStarted', { when: when(ctx.locale, r.session.starts_at, r.session.ends_at) })}</p>`
              : html`<p>${t('attendance.help')}</p>
          ${courseOver ? null : html`<p data-certificates-later>${t('attendance.certificatesLater', { when: when(ctx.locale, last.starts_at, last.ends_at) })}</p>`}
          ${
            r.people.length
              ? html`<form method="post" action="/learn/sessions/${r.session.id}/attendance">${csrfField(ctx)}
            <fieldset><legend>${t('attendance.present')}</legend><ul class="learn-roll">${r.people.map((p) => html`<li><label><input type="checkbox" name="present" value="${p.userId}"${p.present ? html` checked` : null}> ${p.displayName}</label></li>`)}</ul></fieldset>
            <button type="submit" class="btn btn-primary">${t('attendance.save')}</button></form>`
              : html`<p>${t('attendance.none')}</p>`
          }`
          }
          <p><a href="${programmeUrl(id)}">${localized({ ko: r.programme.title_ko, en: r.programme.title_en }, ctx.locale)}</a></p>`,
      };
    });
  });

  app.post('/learn/sessions/:id/attendance', hide, async (request, reply) => {
    requireUser(request);
    const { id } = request.params as { id: string };
    const result = await markAttendance(services, request.actor, { sessionId: id, present: formList(request.body, 'present') });
    const session = await findSession(services.db, id);
    if (!session) throw new AppError('learn.session_not_found', 'No session has this id', 404);
    return redirectTo(reply, `${programmeUrl(session.programme_id)}/attendance?session=${id}&saved=${result.certificatesIssued}`);
  });

  const dashboardPage = async (
    request: Parameters<typeof requireUser>[0],
    id: string,
    sent?: { appId: string; values: Record<string, string>; errors: FieldError[] },
  ) => {
    const d = await buildOrganiserDashboard(services, request.actor, id);
    const p = await findProgramme(services.db, id);
    return (ctx: PageContext) => {
      const t = learnT(ctx.locale);
      const title = ctx.locale === 'en' && p.title_en ? p.title_en : p.title_ko;
      const f = d.feedback;
      return {
        title: t('dashboard.title', { title }),
        body: html`${learnAssets}${learnNav(ctx, request.actor, '')}
          <h1>${t('dashboard.title', { title })}</h1>
          <p><a href="${programmeUrl(id)}">${localized({ ko: p.title_ko, en: p.title_en }, ctx.locale)}</a> · <a href="${programmeUrl(id)}/attendance">${t('programme.attendance')}</a></p>
          <h2>${t('dashboard.registrations')}</h2>
          <dl class="demand-facts" data-dashboard="registrations">
            <dt>${t('dashboard.registered')}</dt><dd>${d.registrations.registered} / ${d.capacity}</dd>
            <dt>${t('dashboard.waitlisted')}</dt><dd>${d.registrations.waitlisted}</dd>
            <dt>${t('dashboard.cancelled')}</dt><dd>${d.registrations.cancelled}</dd>
            <dt>${t('dashboard.promoted')}</dt><dd>${d.registrations.promoted}</dd>
            <dt>${t('dashboard.attendanceRate')}</dt><dd data-dashboard="attendance-rate">${percent(d.attendance.rate)}</dd>
            <dt>${t('dashboard.completion')}</dt><dd data-dashboard="completion">${t('dashboard.completionN', { n: d.completion.certificates, rate: percent(d.completion.rate) })}</dd>
          </dl>
          <h2>${t('programme.sessions')}</h2>
          <ol>${d.attendance.sessions.map((s) => html`<li>${when(ctx.locale, s.startsAt, s.endsAt)} — ${s.marked ? t('dashboard.sessionRow', { present: s.present, absent: s.absent }) : t('dashboard.notMarked')}</li>`)}</ol>
          <h2>${t('dashboard.feedback')}</h2>
          ${
            f.responses
              ? html`<p data-dashboard="feedback">${t('dashboard.responses', { n: f.responses, avg: f.averageRating!.toFixed(1), useful: percent(f.usefulShare) })}</p>
            <table class="table"><caption>${t('feedback.rating')}</caption><thead><tr><th scope="col">${t('feedback.rating')}</th><th scope="col">n</th></tr></thead>
            <tbody>${f.ratingCounts.map((n, i) => html`<tr><th scope="row">${t('dashboard.ratingRow', { n: i + 1 })}</th><td>${n}</td></tr>`)}</tbody></table>
            <ul>${f.comments.map((c) => html`<li>${c.rating} · ${c.comment}</li>`)}</ul>`
              : html`<p>${t('dashboard.noFeedback')}</p>`
          }
          <h2>${t('dashboard.people')}</h2>
          <ul>${d.people.filter((x) => x.state !== 'cancelled').map((x) => html`<li>${x.displayName} · ${t(`state.${x.state}`)}${x.certified ? ` · ${t('dashboard.certified')}` : ''}</li>`)}</ul>
          ${
            d.applications.length
              ? html`<h2>${t('dashboard.applications')}</h2><ul class="stack">${d.applications.map(
                  (a) => html`<li class="card stack" data-application="${a.id}">
            <h3>${a.displayName} · ${t(`app.${a.state}`)}</h3><p class="prewrap">${a.motivation}</p><p class="prewrap">${a.projectIdea}</p>
            ${a.state === 'selected' ? html`<p>${t('dashboard.mentor')}: ${a.mentor} · ${t('dashboard.projectTitle')}: ${a.projectTitle}</p>` : null}
            ${
              a.state === 'applied'
                ? html`<form method="post" action="/learn/applications/${a.id}/decision" class="stack" novalidate>${csrfField(ctx)}
              ${sent?.appId === a.id ? errorSummary(ctx.locale, sent.errors) : null}
              <fieldset class="form-group"><legend>${t('dashboard.decision')}</legend>
                <div class="radio"><input type="radio" id="f-decision" name="decision" value="selected" checked><label for="f-decision">${t('dashboard.select')}</label></div>
                <div class="radio"><input type="radio" id="f-decision-no" name="decision" value="declined"><label for="f-decision-no">${t('dashboard.decline')}</label></div></fieldset>
              ${textField({ name: 'mentor', label: t('dashboard.mentor'), value: sent?.appId === a.id ? sent.values.mentor : '', errors: sent?.appId === a.id ? sent.errors : undefined, locale: ctx.locale })}
              ${textField({ name: 'projectTitle', label: t('dashboard.projectTitle'), value: sent?.appId === a.id ? sent.values.projectTitle : '', errors: sent?.appId === a.id ? sent.errors : undefined, locale: ctx.locale })}
              <button type="submit" class="btn btn-primary">${t('dashboard.decide')}</button></form>`
                : null
            }</li>`,
                )}</ul>`
              : null
          }`,
      };
    };
  };

  app.get('/learn/programmes/:id/dashboard', hide, async (request, reply) => {
    requireUser(request);
    return sendPage(request, reply, await dashboardPage(request, (request.params as { id: string }).id));
  });

  app.post('/learn/applications/:id/decision', hide, async (request, reply) => {
    requireUser(request);
    const { id } = request.params as { id: string };
    const body = formBody(request.body);
    const result = await runForm(request.locale, () =>
      decideApplication(services, request.actor, { applicationId: id, decision: body.decision, mentor: body.mentor, projectTitle: body.projectTitle }),
    );
    const app = await findApplication(services.db, id);
    if (!app) throw new AppError('learn.application_not_found', 'No application has this id', 404);
    if (!result.ok)
      return sendPage(request, reply, await dashboardPage(request, app.programme_id, { appId: id, values: body, errors: result.errors }), result.status);
    return redirectTo(reply, `${programmeUrl(app.programme_id)}/dashboard`);
  });

  app.get('/learn/organise', hide, async (request, reply) => {
    requireUser(request);
    const actor = request.actor;
    const items = await listProgrammes(services, isAdmin(actor) ? {} : { organisedBy: actor.user!.memberships.map((m) => m.organisationId) });
    return sendPage(request, reply, (ctx: PageContext) => {
      const t = learnT(ctx.locale);
      return {
        title: t('organise.title'),
        body: html`${learnAssets}${learnNav(ctx, actor, '/learn/organise')}<h1>${t('organise.title')}</h1>
          ${items.length ? html`<ul class="cards">${items.map((p) => html`${programmeCard(ctx, p)}<li class="card"><a href="${p.url}/dashboard">${t('programme.dashboard')}</a> · <a href="${p.url}/attendance">${t('programme.attendance')}</a></li>`)}</ul>` : html`<p>${t('organise.none')}</p>`}`,
      };
    });
  });
}

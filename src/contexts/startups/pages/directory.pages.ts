import type { App, Services } from '../../../core/context.js';
import { notFound } from '../../../core/errors.js';
import { requireUser } from '../../../core/http/request-context.js';
import { pickLocalized } from '../../../core/i18n/messages.js';
import { html } from '../../../web/html.js';
import { csrfField, errorSummary, type FieldError, type PageContext } from '../../../web/layout.js';
import { formBody } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { readSolutionForm } from '../api/upload.js';
import type { ProfileInput } from '../domain/profile-input.js';
import { startupsPolicy } from '../domain/policy.js';
import { FIELDS, PROGRAMME_DEPARTMENT } from '../domain/vocabularies.js';
import { bookletGaps } from '../domain/booklet-readiness.js';
import { startupsT, type StartupsKey } from '../messages.js';
import { findProfile, solutionImageExists } from '../store/profile.repository.js';
import { programmeDepartmentId } from '../store/organisations.js';
import { addSolution, imageKey } from '../use-cases/add-solution.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { describeActivity } from '../use-cases/describe-activity.js';
import { describeCalls } from '../use-cases/describe-calls.js';
import { describeStartup, describeStartups, startupsOf, type StartupView } from '../use-cases/describe-startups.js';
import { makeBooklet, makeProposalSheet } from '../use-cases/make-booklet.js';
import { registerStartup } from '../use-cases/register-startup.js';
import { removeSolution } from '../use-cases/remove-solution.js';
import { updateStartupProfile } from '../use-cases/update-startup-profile.js';
import { profileForm, solutionForm } from './profile-form.js';
import { exampleBadge, localized, runForm, selectField, startupsNav } from './startups-view.js';

const hide = { schema: { hide: true } };
const FILE = /^[0-9a-f-]{36}\.(png|jpg)$/;

function startupCard(ctx: PageContext, s: StartupView) {
  const t = startupsT(ctx.locale);
  return html`<li class="card stack" data-startup="${s.slug}">
    <h3><a href="${s.url}">${localized(s.name, ctx.locale, s.slug)}</a></h3>
    <p>${t(`field.${s.field}`)} · ${t(`stage.${s.stage}`)} ${s.bodyMember ? html`<span class="badge badge-live">${t('startups.member')}</span>` : null} ${s.example ? exampleBadge(ctx.locale) : null}</p>
    <p>${localized(s.what, ctx.locale)}</p></li>`;
}

const profileValues = (s: StartupView): Record<string, string> => ({
  nameKo: s.name.ko ?? '',
  nameEn: s.name.en ?? '',
  whatKo: s.what.ko ?? '',
  whatEn: s.what.en ?? '',
  field: s.field,
  stage: s.stage,
  teamSize: String(s.teamSize),
  foundersAgeBand: s.foundersAgeBand,
  foundedYear: s.foundedYear ? String(s.foundedYear) : '',
  website: s.website ?? '',
  contactName: s.contact.name ?? '',
  contactEmail: s.contact.email,
  contactPhone: s.contact.phone ?? '',
  references: s.references ?? '',
  teamEn: s.booklet.team ?? '',
  tractionEn: s.booklet.traction ?? '',
  askEn: s.booklet.ask ?? '',
  contactNameEn: s.booklet.contactName ?? '',
});

/** For the founder: whether the English booklet can print this profile, and each English field it still needs. */
function bookletReadiness(ctx: PageContext, s: StartupView) {
  const t = startupsT(ctx.locale);
  const gaps = bookletGaps(s);
  const label = (g: string) => {
    const m = /^solutions\.(\d+)\.(titleEn|descriptionEn)$/.exec(g);
    if (m)
      return `${t(m[2] === 'titleEn' ? 'solution.titleEn' : 'solution.descriptionEn')} (${pickLocalized(s.solutions[Number(m[1])]!.title, ctx.locale).text})`;
    return t(g === 'solutions' ? 'booklet.needsSolution' : (`profile.${g}` as StartupsKey));
  };
  return html`<section aria-labelledby="booklet-ready" data-booklet-ready="${gaps.length ? 'false' : 'true'}"><h2 id="booklet-ready">${t('booklet.readiness')}</h2>
    ${
      gaps.length
        ? html`<div class="alert alert-danger"><p>${t('booklet.missing')}</p><ul data-booklet-gaps>${gaps.map((g) => html`<li data-gap="${g}">${label(g)}</li>`)}</ul></div>`
        : html`<p class="alert alert-success">${t('booklet.ready')}</p>`
    }</section>`;
}

/** /startups (hub and directory), registration, profiles with solutions and images, proposal sheets, the booklet. */
export function registerDirectoryPages(app: App, services: Services) {
  app.get('/startups', hide, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const field = typeof query.field === 'string' && (FIELDS as readonly string[]).includes(query.field) ? query.field : '';
    const [all, mine, programme] = await Promise.all([
      describeStartups(services.db, { field: field || undefined }),
      startupsOf(services.db, request.actor),
      programmeDepartmentId(services.db, PROGRAMME_DEPARTMENT),
    ]);
    const runs = startupsPolicy.canRunProgramme(request.actor, programme);
    const today = kstDate(services.now());
    const open = [
      ...(await describeCalls(services.db, request.actor, 'body', today)),
      ...(await describeCalls(services.db, request.actor, 'opportunity', today)),
    ]
      .filter((c) => c.open)
      .sort((a, b) => a.applyBy.localeCompare(b.applyBy))
      .slice(0, 6);
    return sendPage(request, reply, (ctx) => {
      const t = startupsT(ctx.locale);
      return {
        title: t('hub.title'),
        body: html`${startupsNav(ctx, request.actor, '/startups')}<h1>${t('hub.title')}</h1><p>${t('hub.intro')}</p>
          ${
            runs || request.actor.user?.role === 'official'
              ? html`<section aria-labelledby="manage"><h2 id="manage">${t('manage.title')}</h2><ul>
            ${runs ? html`<li><a href="/startups/calls/new">${t('manage.newCall')}</a></li><li><a href="/startups/meetings/new">${t('manage.newMeeting')}</a></li>` : null}
            <li><a href="/startups/rules/new">${t('manage.newRule')}</a></li></ul></section>`
              : null
          }
          ${
            open.length
              ? html`<section aria-labelledby="open-calls"><h2 id="open-calls">${t('hub.open')}</h2><ul data-open-calls>${open.map((c) => html`<li><a href="${c.url}">${localized(c.title, ctx.locale)}</a> · ${t(`kind.${c.kind}`)} · ${t('hub.applyBy', { date: c.applyBy })}${c.example ? html` ${exampleBadge(ctx.locale)}` : null}</li>`)}</ul>
            <p><a href="/startups/opportunities.ics" type="text/calendar">${t('opps.ical')}</a></p></section>`
              : null
          }
          ${mine.length ? html`<section aria-labelledby="mine"><h2 id="mine">${t('startups.yours')}</h2><ul>${mine.map((p) => html`<li><a href="/startups/${p.slug}">${localized({ ko: p.name_ko, en: p.name_en }, ctx.locale, p.slug)}</a></li>`)}</ul></section>` : null}
          <form method="get" action="/startups" class="demand-filters" role="search" aria-labelledby="filter-title"><h2 id="filter-title">${t('startups.title')}</h2>
            ${selectField({ name: 'field', label: t('profile.field'), value: field, placeholder: t('rules.any'), options: FIELDS.map((f) => ({ value: f, label: t(`field.${f}`) })) })}
            <button type="submit" class="btn btn-secondary">${t('rules.go')}</button></form>
          ${all.length ? html`<ul class="cards" aria-label="${t('startups.title')}">${all.map((s) => startupCard(ctx, s))}</ul>` : html`<p>${t('startups.none')}</p>`}`,
      };
    });
  });

  const registerPage = (
    request: Parameters<typeof sendPage>[0],
    reply: Parameters<typeof sendPage>[1],
    values?: Record<string, string>,
    errors?: FieldError[],
    status = 200,
  ) =>
    sendPage(
      request,
      reply,
      (ctx) => {
        const t = startupsT(ctx.locale);
        return {
          title: t('register.title'),
          body: html`${startupsNav(ctx, request.actor, '/startups/register')}<h1>${t('register.title')}</h1><p>${t('register.intro')}</p>${profileForm(ctx, { action: '/startups/register', submit: t('register.submit'), values, errors })}`,
        };
      },
      status,
    );
  app.get('/startups/register', hide, async (request, reply) => {
    if (!request.actor.user) return redirectTo(reply, encodeURI('/sign-in?next=/startups/register'));
    return registerPage(request, reply);
  });
  app.post('/startups/register', hide, async (request, reply) => {
    requireUser(request);
    const form = formBody(request.body);
    const result = await runForm(request.locale, () => registerStartup(services, request.actor, form as unknown as ProfileInput));
    if (!result.ok) return registerPage(request, reply, form, result.errors, result.status);
    return redirectTo(reply, encodeURI(`/startups/${result.value.slug}`));
  });

  const profilePage = async (
    request: Parameters<typeof sendPage>[0],
    reply: Parameters<typeof sendPage>[1],
    slug: string,
    sent?: { form: 'solution' | 'edit'; values: Record<string, string>; errors: FieldError[]; status: number },
  ) => {
    const s = await describeStartup(services.db, slug);
    const canEdit = startupsPolicy.canActFor(request.actor, { organisation_id: s.organisationId });
    const activity = await describeActivity(services.db, s.id, { withApplications: canEdit });
    return sendPage(
      request,
      reply,
      (ctx) => {
        const t = startupsT(ctx.locale);
        const name = localized(s.name, ctx.locale, s.slug);
        const other = ctx.locale === 'ko' ? s.name.en : s.name.ko;
        return {
          title: (ctx.locale === 'ko' ? s.name.ko : s.name.en) ?? s.name.ko ?? s.name.en ?? s.slug,
          body: html`${startupsNav(ctx, request.actor, '')}${sent ? errorSummary(ctx.locale, sent.errors) : null}
          <h1>${name}</h1>${other ? html`<p class="muted" lang="${ctx.locale === 'ko' ? 'en' : 'ko'}">${other}</p>` : null}
          <p>${s.bodyMember ? html`<span class="badge badge-live">${t('startups.member')}</span>` : null} ${s.example ? html`${exampleBadge(ctx.locale)} ${t('exampleNote')}` : null}</p>
          <dl class="facts">
            <dt>${t('profile.field')}</dt><dd>${t(`field.${s.field}`)}</dd><dt>${t('profile.stage')}</dt><dd>${t(`stage.${s.stage}`)}</dd>
            <dt>${t('profile.teamSize')}</dt><dd>${s.teamSize}</dd><dt>${t('profile.foundersAgeBand')}</dt><dd>${t(`age.${s.foundersAgeBand}`)}</dd>
            ${s.foundedYear ? html`<dt>${t('profile.foundedYear')}</dt><dd>${s.foundedYear}</dd>` : null}
            ${s.website ? html`<dt>${t('profile.website')}</dt><dd><a href="${s.website}" rel="noopener">${s.website}</a></dd>` : null}
            <dt>${t('profile.contact')}</dt><dd>${s.contact.name ? html`${s.contact.name} · ` : null}<a href="mailto:${s.contact.email}">${s.contact.email}</a>${s.contact.phone ? html` · ${s.contact.phone}` : null}</dd></dl>
          ${s.what.ko ? html`<p lang="ko">${s.what.ko}</p>` : null}${s.what.en ? html`<p lang="en">${s.what.en}</p>` : null}
          ${s.references ? html`<h2>${t('profile.references')}</h2><p class="prewrap">${s.references}</p>` : null}
          <h2>${t('profile.solutions')}</h2>
          ${
            s.solutions.length
              ? html`<ul class="cards">${s.solutions.map(
                  (sol) => html`<li class="card stack">
              <h3>${localized(sol.title, ctx.locale)}</h3>
              ${sol.image ? html`<img src="${sol.image}" alt="${sol.imageAlt ?? ''}" width="320" height="200" loading="lazy" style="max-width:100%;height:auto">` : null}
              <p>${localized(sol.description, ctx.locale)}</p>
              ${canEdit ? html`<form method="post" action="/startups/${s.slug}/solutions/${sol.id}/delete">${csrfField(ctx)}<button type="submit" class="btn btn-secondary btn-small" aria-label="${t('profile.removeSolution')}: ${pickLocalized(sol.title, ctx.locale).text}">${t('profile.removeSolution')}</button></form>` : null}</li>`,
                )}</ul>`
              : html`<p>${t('profile.noSolutions')}</p>`
          }
          <p><a href="/startups/${s.slug}/proposal.pdf" type="application/pdf">${t('profile.proposal')}</a></p>
          ${canEdit ? bookletReadiness(ctx, s) : null}
          ${canEdit ? html`<h2>${t('profile.applications')}</h2>${activity.applications.length ? html`<ul data-own-applications>${activity.applications.map((a) => html`<li data-state="${a.state}"><a href="${a.url}">${localized(a.title, ctx.locale)}</a> · ${t(`kind.${a.kind}`)} · <strong>${t(`app.${a.state}`)}</strong>${a.reason ? html` — ${a.reason}` : null}</li>`)}</ul>` : html`<p>${t('call.noApplications')}</p>`}` : null}
          <h2>${t('profile.feedback')}</h2>${activity.feedback.length ? html`<ul data-own-feedback>${activity.feedback.map((f) => html`<li><a href="${f.url}">${f.title}</a> · ${localized(f.rule, ctx.locale)} · <strong data-decision="${f.decision ?? 'none'}">${f.decision ? t(`decision.${f.decision}`) : t('decision.none')}</strong>${f.reviewBy ? html` (${f.reviewBy})` : null}</li>`)}</ul>` : html`<p>${t('feedback.none')}</p>`}
          ${
            canEdit
              ? html`<details${sent?.form === 'solution' ? html` open` : null}><summary>${t('profile.addSolution')}</summary>${solutionForm(ctx, s.slug, sent?.form === 'solution' ? sent : {})}</details>
            <details${sent?.form === 'edit' ? html` open` : null}><summary>${t('profile.edit')}</summary>${profileForm(ctx, { action: `/startups/${s.slug}/edit`, submit: t('profile.save'), values: sent?.form === 'edit' ? sent.values : profileValues(s), errors: sent?.form === 'edit' ? sent.errors : undefined })}</details>`
              : null
          }`,
        };
      },
      sent?.status ?? 200,
    );
  };

  app.get('/startups/:slug', hide, async (request, reply) => profilePage(request, reply, (request.params as { slug: string }).slug));
  app.post('/startups/:slug/edit', hide, async (request, reply) => {
    requireUser(request);
    const slug = (request.params as { slug: string }).slug;
    const form = formBody(request.body);
    const result = await runForm(request.locale, () => updateStartupProfile(services, request.actor, { ...(form as unknown as ProfileInput), startup: slug }));
    if (!result.ok) return profilePage(request, reply, slug, { form: 'edit', values: form, errors: result.errors, status: result.status });
    return redirectTo(reply, encodeURI(`/startups/${slug}`));
  });
  app.post('/startups/:slug/solutions', hide, async (request, reply) => {
    requireUser(request);
    const slug = (request.params as { slug: string }).slug;
    const { fields, image } = await readSolutionForm(request.body);
    const result = await runForm(request.locale, () => addSolution(services, request.actor, { ...fields, image, startup: slug }));
    if (!result.ok) return profilePage(request, reply, slug, { form: 'solution', values: fields, errors: result.errors, status: result.status });
    return redirectTo(reply, encodeURI(`/startups/${slug}`));
  });
  app.post('/startups/:slug/solutions/:id/delete', hide, async (request, reply) => {
    requireUser(request);
    const { slug, id } = request.params as { slug: string; id: string };
    await removeSolution(services, request.actor, { startup: slug, solutionId: id });
    return redirectTo(reply, encodeURI(`/startups/${slug}`));
  });
  app.get('/startups/:slug/images/:file', hide, async (request, reply) => {
    const { slug, file } = request.params as { slug: string; file: string };
    const profile = await findProfile(services.db, slug);
    if (!(FILE.test(file) && (await solutionImageExists(services.db, profile.id, file)))) throw notFound('image');
    const data = await services.files.get(imageKey(file));
    if (!data) throw notFound('image');
    return reply
      .type(file.endsWith('.png') ? 'image/png' : 'image/jpeg')
      .header('cache-control', 'public, max-age=86400')
      .header('content-length', data.size)
      .send(data.body);
  });
  app.get('/startups/:slug/proposal.pdf', hide, async (request, reply) => {
    const { slug, pdf } = await makeProposalSheet(services, { startup: (request.params as { slug: string }).slug });
    return reply.type('application/pdf').header('content-disposition', `inline; filename="proposal-${slug}.pdf"`).send(pdf);
  });

  const bookletPage = async (
    request: Parameters<typeof sendPage>[0],
    reply: Parameters<typeof sendPage>[1],
    errors?: FieldError[],
    status = 200,
    gaps?: Array<{ slug: string; fields: string[] }>,
  ) => {
    const all = await describeStartups(services.db);
    return sendPage(
      request,
      reply,
      (ctx) => {
        const t = startupsT(ctx.locale);
        const error = errors?.find((e) => e.field === 'startups');
        return {
          title: t('booklet.title'),
          body: html`${startupsNav(ctx, request.actor, '/startups/booklet')}<h1>${t('booklet.title')}</h1><p>${t('booklet.intro')}</p>
          ${errorSummary(ctx.locale, errors, () => '#booklet-pick')}
          <form method="get" action="/startups/booklet.pdf" class="stack"><fieldset id="booklet-pick"${error ? html` aria-describedby="booklet-error"` : null}><legend>${t('booklet.pick')}</legend>
            ${error ? html`<div class="field-error" id="booklet-error"><p>${error.message}</p>${gaps?.length ? html`<ul data-booklet-gaps>${gaps.map((g) => html`<li><a href="/startups/${g.slug}#booklet-ready">${localized(all.find((s) => s.slug === g.slug)?.name ?? { ko: g.slug, en: g.slug }, ctx.locale, g.slug)}</a>: ${g.fields.length}</li>`)}</ul>` : null}</div>` : null}
            ${all.map((s) => html`<div><input type="checkbox" id="b-${s.slug}" name="startups" value="${s.slug}"> <label for="b-${s.slug}">${localized(s.name, ctx.locale, s.slug)}${bookletGaps(s).length ? html` <span class="badge badge-coming" data-not-ready>${t('booklet.notReady', { n: bookletGaps(s).length })}</span>` : null}</label></div>`)}</fieldset>
            <button type="submit" class="btn btn-primary">${t('booklet.make')}</button></form>`,
        };
      },
      status,
    );
  };
  app.get('/startups/booklet', hide, async (request, reply) => bookletPage(request, reply));
  app.get('/startups/booklet.pdf', hide, async (request, reply) => {
    const picked = (request.query as Record<string, unknown>).startups;
    const result = await runForm(request.locale, () => makeBooklet(services, { startups: picked }));
    if (!result.ok) {
      const gaps = (result.error?.details as { startups?: Array<{ slug: string; fields: string[] }> } | undefined)?.startups;
      return bookletPage(request, reply, result.errors, result.status, gaps);
    }
    return reply.type('application/pdf').header('content-disposition', 'inline; filename="seoul-youth-startups.pdf"').send(result.value);
  });
}

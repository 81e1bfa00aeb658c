import type { FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import { html } from '../../../web/html.js';
import { csrfField, errorSummary, textArea, textField, type FieldError, type PageContext } from '../../../web/layout.js';
import { formBody, submitForm } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { planPolicy } from '../domain/policy.js';
import { listAttendance, listCommitteeMembers, listMeetings } from '../store/committee.repository.js';
import { listCommitments } from '../store/plan.repository.js';
import { addCommitteeMember, recordMeeting } from '../use-cases/manage-committee.js';
import { freeText, localized, planT } from './plan-view.js';

const hide = { schema: { hide: true } };

export function registerCommitteePages(app: App, services: Services) {
  /** `sent`: the form that came back with problems; its summary and its values are shown with it, not with the other form. */
  const page = async (request: FastifyRequest, sent?: { form: 'member' | 'meeting'; errors: FieldError[]; values: Record<string, string> }) => {
    const [members, meetings, attendance, commitments] = await Promise.all([
      listCommitteeMembers(services.db),
      listMeetings(services.db),
      listAttendance(services.db),
      listCommitments(services.db),
    ]);
    const canManage = planPolicy.canManageCommittee(request.actor);
    // Officials edit their sub-group's members and meetings; admins edit all (the API and the edit page check each).
    const canEdit = request.actor.user?.role === 'admin' || request.actor.user?.role === 'official';
    const errorsOf = (form: 'member' | 'meeting') => (sent?.form === form ? sent.errors : undefined);
    const v = (form: 'member' | 'meeting', name: string) => (sent?.form === form ? sent.values[name] : undefined);
    return (ctx: PageContext) => {
      const t = planT(ctx.locale);
      const group = (id: string | null) => {
        const c = commitments.find((x) => x.id === id);
        return c ? t('plan.commitment', { n: c.number }) : t('committee.noSubgroup');
      };
      const edit = (entity: string, id: string) => (canEdit ? html` <a href="/plan/edit/${entity}/${id}">${t('content.edit')}</a>` : null);
      return {
        title: t('committee.title'),
        body: html`<h1>${t('committee.title')}</h1><p>${t('committee.intro')}</p>
          <h2>${t('committee.members')}</h2>
          ${
            members.length
              ? html`<div class="table-wrap"><table><caption>${t('committee.members')}</caption><thead><tr><th scope="col">${t('committee.name')}</th><th scope="col">${t('committee.affiliation')}</th><th scope="col">${t('committee.sector')}</th><th scope="col">${t('committee.subgroup')}</th></tr></thead>
            <tbody>${members.map((m) => html`<tr><td>${freeText(m.name, ctx.locale)}${edit('committee_member', m.id)}</td><td>${localized({ ko: m.affiliation_ko, en: m.affiliation_en }, ctx.locale, 'span')}</td><td>${t(`committee.${m.sector}`)}</td><td>${group(m.commitment_id)}</td></tr>`)}</tbody></table></div>`
              : html`<p>${t('committee.none')}</p>`
          }
          <h2>${t('committee.meetings')}</h2>
          ${
            meetings.length
              ? meetings.map(
                  (
                    m,
                  ) => html`<article class="card stack" id="meeting-${m.id}"><h3>${m.held_on} · ${localized({ ko: m.title_ko, en: m.title_en }, ctx.locale, 'span')}</h3>
            <p>${t('committee.subgroup')}: ${group(m.commitment_id)}${m.place ? html` · ${t('committee.place')}: ${freeText(m.place, ctx.locale)}` : null}${edit('meeting', m.id)}</p>
            ${m.agenda_ko || m.agenda_en ? html`<h4>${t('committee.agenda')}</h4>${localized({ ko: m.agenda_ko, en: m.agenda_en }, ctx.locale)}` : null}
            ${m.minutes_ko || m.minutes_en ? html`<h4>${t('committee.minutes')}</h4>${localized({ ko: m.minutes_ko, en: m.minutes_en }, ctx.locale)}` : null}
            <p>${t('committee.attendance')}: ${attendance
              .filter((a) => a.meeting_id === m.id)
              .map((a, i) => {
                const who = members.find((x) => x.id === a.member_id);
                return html`${i ? ', ' : ''}${who ? freeText(who.name, ctx.locale) : ''}`;
              })}${attendance.some((a) => a.meeting_id === m.id) ? null : '–'}</p></article>`,
                )
              : html`<p>${t('committee.noMeetings')}</p>`
          }
          <p><a href="/plan/history?entity=meeting">${t('content.history')}</a></p>
          ${
            canManage
              ? html`
            <h2>${t('committee.addMember')}</h2>${errorSummary(ctx.locale, errorsOf('member'))}<form method="post" action="/plan/committee/members" class="stack" novalidate>${csrfField(ctx)}
              ${textField({ name: 'name', label: t('committee.name'), value: v('member', 'name'), required: true, errors: errorsOf('member'), locale: ctx.locale })}
              ${textField({ name: 'affiliationKo', label: `${t('committee.affiliation')} (${t('content.lang.ko')})`, value: v('member', 'affiliationKo'), errors: errorsOf('member'), locale: ctx.locale, ...(ctx.locale === 'ko' ? {} : { lang: 'ko' as const }) })}
              ${textField({ name: 'affiliationEn', label: `${t('committee.affiliation')} (${t('content.lang.en')})`, value: v('member', 'affiliationEn'), errors: errorsOf('member'), locale: ctx.locale, ...(ctx.locale === 'en' ? {} : { lang: 'en' as const }) })}
              <div class="form-group"><label for="f-sector">${t('committee.sector')}</label><select id="f-sector" name="sector"><option value="government">${t('committee.government')}</option><option value="civil_society">${t('committee.civil_society')}</option></select></div>
              <div class="form-group"><label for="f-commitment">${t('committee.subgroup')}</label><select id="f-commitment" name="commitment"><option value="">${t('committee.noSubgroup')}</option>${commitments.map((c) => html`<option value="${c.slug}">${t('plan.commitment', { n: c.number })}</option>`)}</select></div>
              <button type="submit" class="btn btn-primary">${t('committee.addMember')}</button></form>
            <h2>${t('committee.recordMeeting')}</h2>${errorSummary(ctx.locale, errorsOf('meeting'))}<form method="post" action="/plan/committee/meetings" class="stack" novalidate>${csrfField(ctx)}
              ${textField({ name: 'heldOn', label: t('committee.heldOn'), value: v('meeting', 'heldOn'), required: true, errors: errorsOf('meeting'), locale: ctx.locale })}
              ${(['ko', 'en'] as const).map((l) => textField({ name: `title${l === 'ko' ? 'Ko' : 'En'}`, label: `${t('committee.meetingTitle')} (${t(`content.lang.${l}`)})`, value: v('meeting', `title${l === 'ko' ? 'Ko' : 'En'}`), errors: errorsOf('meeting'), locale: ctx.locale, ...(l === ctx.locale ? {} : { lang: l }) }))}
              ${textField({ name: 'place', label: t('committee.place'), value: v('meeting', 'place'), errors: errorsOf('meeting'), locale: ctx.locale })}
              <div class="form-group"><label for="f-subgroup">${t('committee.subgroup')}</label><select id="f-subgroup" name="subgroup"><option value="">${t('committee.noSubgroup')}</option>${commitments.map((c) => html`<option value="${c.slug}">${t('plan.commitment', { n: c.number })}</option>`)}</select></div>
              ${(['ko', 'en'] as const).map((l) => textArea({ name: `agenda${l === 'ko' ? 'Ko' : 'En'}`, label: `${t('committee.agenda')} (${t(`content.lang.${l}`)})`, value: v('meeting', `agenda${l === 'ko' ? 'Ko' : 'En'}`), rows: 3, errors: errorsOf('meeting'), locale: ctx.locale, ...(l === ctx.locale ? {} : { lang: l }) }))}
              ${(['ko', 'en'] as const).map((l) => textArea({ name: `minutes${l === 'ko' ? 'Ko' : 'En'}`, label: `${t('committee.minutes')} (${t(`content.lang.${l}`)})`, value: v('meeting', `minutes${l === 'ko' ? 'Ko' : 'En'}`), rows: 5, errors: errorsOf('meeting'), locale: ctx.locale, ...(l === ctx.locale ? {} : { lang: l }) }))}
              <fieldset id="f-attendees"><legend>${t('committee.attendance')}</legend>${members.map((m) => html`<label><input type="checkbox" name="attendees" value="${m.id}"> ${freeText(m.name, ctx.locale)}</label> `)}</fieldset>
              <button type="submit" class="btn btn-primary">${t('committee.recordMeeting')}</button></form>`
              : null
          }`,
      };
    };
  };
  app.get('/plan/committee', hide, async (request, reply) => sendPage(request, reply, await page(request)));
  const post = (path: string, form: 'member' | 'meeting', run: (request: FastifyRequest) => Promise<unknown>) =>
    app.post(path, hide, async (request, reply) => {
      requireUser(request);
      const result = await submitForm(request.locale, () => run(request));
      if (!result.ok) return sendPage(request, reply, await page(request, { form, errors: result.errors, values: formBody(request.body) }), 422);
      return redirectTo(reply, '/plan/committee');
    });
  post('/plan/committee/members', 'member', (r) => addCommitteeMember(services, r.actor, formBody(r.body)));
  post('/plan/committee/meetings', 'meeting', (r) => recordMeeting(services, r.actor, (r.body ?? {}) as Record<string, unknown>));
}

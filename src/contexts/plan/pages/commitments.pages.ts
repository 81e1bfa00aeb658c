import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { requireUser } from '../../../core/http/request-context.js';
import { html } from '../../../web/html.js';
import { pickLocalized } from '../../../core/i18n/messages.js';
import { csrfField, errorSummary, textArea, textField, type FieldError, type PageContext } from '../../../web/layout.js';
import { formBody, submitForm } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { describeSubject, itemPanel } from '../../accountability/index.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { checkEvidenceFile, EVIDENCE_TYPES } from '../domain/evidence-file.js';
import { isLate, rollUp } from '../domain/progress.js';
import { planPolicy } from '../domain/policy.js';
import { findCommitment, findMilestone, listCommitments, milestonesOf, progressOf } from '../store/plan.repository.js';
import { MILESTONE_STATUSES } from '../store/tables.js';
import { addProgressUpdate, type Evidence } from '../use-cases/add-progress-update.js';
import { assessCommitment, assessmentHistory, IRM_SCALES, OGP_VALUES, type IrmAssessment } from '../use-cases/assess-commitment.js';
import { commentOnCommitment } from '../use-cases/comment-on-commitment.js';
import { field, freeText, isTranslation, localized, monthLabel, planT, progressBar, translationBadge } from './plan-view.js';
import { translationMarks } from '../store/content.repository.js';
import { organisationsByIds } from '../../accounts/index.js';
import { suggestionsAdoptedAs } from '../store/call.repository.js';
import { commentsOfCommitment } from '../store/comment.repository.js';
import { withAuthorNames } from '../use-cases/name-authors.js';
import { canEditContent } from '../use-cases/edit-plan-content.js';

const hide = { schema: { hide: true } };

export function registerCommitmentPages(app: App, services: Services) {
  const today = () => kstDate(services.now());

  app.get('/plan', hide, async (request, reply) => {
    const commitments = await listCommitments(services.db);
    const milestones = await milestonesOf(
      services.db,
      commitments.map((c) => c.id),
    );
    const marks = await translationMarks(
      services.db,
      'commitment',
      commitments.map((c) => c.id),
    );
    return sendPage(request, reply, (ctx) => {
      const t = planT(ctx.locale);
      return {
        title: t('plan.title'),
        body: html`<h1>${t('plan.title')}</h1><p>${t('plan.intro')}</p>
          <p><a href="/plan/calls">${t('calls.title')}</a> · <a href="/plan/committee">${t('committee.title')}</a> · <a href="/accountability">${t('plan.scorecard')}</a></p>
          <ol class="cards">${commitments.map((c) => {
            const ms = milestones.filter((m) => m.commitment_id === c.id);
            const late = ms.filter((m) => isLate(m, today())).length;
            return html`<li class="card stack"><p class="muted">${t('plan.commitment', { n: c.number })}</p>
              <h2><a href="/plan/commitments/${c.slug}">${localized(field(c, 'title'), ctx.locale, 'span')}</a></h2>
              ${isTranslation(field(c, 'title'), ctx.locale, 'title', marks.get(c.id)) ? html`<p>${translationBadge(ctx.locale)}</p>` : null}
              ${progressBar(rollUp(ms), t('plan.progress'))}
              <p>${t('plan.milestones')}: ${ms.length}${late ? html` · <span class="badge badge-late">${t('plan.late')}: ${late}</span>` : null}</p></li>`;
          })}</ol>
          <h2>${t('export.title')}</h2><p><a href="/api/v1/plan/export.json">JSON</a> · <a href="/api/v1/plan/export.csv">CSV</a> · <a href="/plan/progress.atom">Atom</a></p>
          <p><a href="/plan/history">${t('content.history')}</a></p>`,
      };
    });
  });

  const commitmentPage = async (request: FastifyRequest, slug: string, errors?: FieldError[], values: Record<string, string> = {}) => {
    const c = await findCommitment(services.db, slug);
    const ms = await milestonesOf(services.db, [c.id]);
    const progress = await withAuthorNames(
      services.db,
      await progressOf(
        services.db,
        ms.map((m) => m.id),
      ),
    );
    const comments = await withAuthorNames(services.db, await commentsOfCommitment(services.db, c.id));
    const panels = await Promise.all(comments.map((cm) => describeSubject(services.db, 'plan_comment', cm.id, today())));
    const adopted = await suggestionsAdoptedAs(services.db, c.id);
    const irm = JSON.parse(c.irm) as IrmAssessment;
    const history = await assessmentHistory(services.db, [c.id]);
    const actors = JSON.parse(c.other_actors) as { government: string[]; civilSociety: string[] };
    const canReport = planPolicy.canReportProgress(request.actor, c);
    const canAssess = planPolicy.canAssess(request.actor);
    const canEdit = await canEditContent(services.db, request.actor, 'commitment', c as unknown as Record<string, unknown> & { id: string });
    const [org] = c.organisation_id ? await organisationsByIds(services.db, [c.organisation_id]) : [];
    const [marks, msMarks, orgMarks] = await Promise.all([
      translationMarks(services.db, 'commitment', [c.id]),
      translationMarks(
        services.db,
        'milestone',
        ms.map((m) => m.id),
      ),
      translationMarks(services.db, 'organisation', org ? [org.id] : []),
    ]);
    const tr = (name: string) => ({ field: name, translated: marks.get(c.id) });
    return (ctx: PageContext) => {
      const t = planT(ctx.locale);
      const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(ctx.locale === 'ko' ? 'ko-KR' : 'en-GB', { timeZone: 'Asia/Seoul' }) : '–');
      const irmSource = (a: IrmAssessment) =>
        a.source?.kind === 'ogp_page'
          ? t('irm.source.ogp_page', { date: day(a.assessedAt), ref: a.source.ref ?? '' })
          : t('irm.source.reviewer', { date: day(a.assessedAt) });
      const irmRow = (label: string, value: string | null) =>
        html`<tr><th scope="row">${label}</th><td>${value ? t(`irm.${value}` as 'irm.yes') : '–'}</td></tr>`;
      return {
        title: pickLocalized(field(c, 'title'), ctx.locale).text ?? '',
        body: html`<p class="muted">${t('plan.commitment', { n: c.number })}</p><h1>${localized(field(c, 'title'), ctx.locale, 'span')}</h1>
          ${isTranslation(field(c, 'title'), ctx.locale, 'title', marks.get(c.id)) ? html`<p>${translationBadge(ctx.locale)}</p>` : null}
          ${canEdit ? html`<p><a class="btn" href="/plan/edit/commitment/${c.id}">${t('content.edit')}</a></p>` : null}
          ${progressBar(rollUp(ms), t('plan.progress'))}
          ${c.number === 2 ? html`<p class="alert alert-info"><a href="/data">${t('plan.dataLink')}</a></p>` : null}
          <h2>${t('plan.outline')}</h2>${localized(field(c, 'outline'), ctx.locale, 'p', tr('outline'))}
          <h2>${t('plan.objectives')}</h2>${localized(field(c, 'objectives'), ctx.locale, 'p', tr('objectives'))}
          <h2>${t('plan.statusQuo')}</h2>${localized(field(c, 'status_quo'), ctx.locale, 'p', tr('statusQuo'))}
          <h2>${t('plan.description')}</h2>${localized(field(c, 'description'), ctx.locale, 'p', tr('description'))}
          <h2>${t('plan.responsible')}</h2><p>${org ? html`<a href="/accountability/departments/${org.slug}">${localized({ ko: org.name_ko, en: org.name_en }, ctx.locale, 'span', { field: 'name', translated: orgMarks.get(org.id) })}</a>` : html`<span lang="en">${c.department}</span>`}
            · ${c.contact_name ? freeText(c.contact_name, ctx.locale) : '–'} · ${c.contact_phone} · <a href="mailto:${c.contact_email}" lang="en">${c.contact_email}</a>
            ${canEdit && org ? html` · <a href="/plan/edit/organisation/${org.id}">${t('content.edit')}</a>` : null}</p>
          <h2>${t('plan.otherActors')}</h2><p lang="en">${[...actors.government, ...actors.civilSociety].join(', ') || '–'}</p>
          <h2>${t('plan.ogpValues')}</h2><ul>${(JSON.parse(c.ogp_values) as string[]).map((v) => html`<li>${t(`value.${v}` as 'value.transparency')}</li>`)}</ul>
          ${(JSON.parse(c.policy_areas) as string[]).length ? html`<h2>${t('plan.policyAreas')}</h2><p lang="en">${(JSON.parse(c.policy_areas) as string[]).join(', ')}</p>` : null}
          <h2>${t('plan.milestones')}</h2>
          <ol class="stack">${ms.map(
            (m) => html`<li class="card stack" id="milestone-${m.number}">
            <h3><a href="/plan/milestones/${m.id}">${localized(field(m, 'title'), ctx.locale, 'span')}</a></h3>
            ${isTranslation(field(m, 'title'), ctx.locale, 'title', msMarks.get(m.id)) ? html`<p>${translationBadge(ctx.locale)}</p>` : null}
            <p data-weight="${m.weight}">${t('content.field.weight')}: ${m.weight}${canEdit ? html` · <a href="/plan/edit/milestone/${m.id}">${t('content.edit')}</a>` : null}</p>
            <p>${t('plan.period')}: ${monthLabel(m.start_month, ctx.locale)} – ${monthLabel(m.end_month, ctx.locale)} · ${t('plan.status')}: <span data-status="${m.status}">${t(`status.${m.status}`)}</span>
              ${isLate(m, today()) ? html` <span class="badge badge-late">${t('plan.late')}</span>` : null}</p>
            ${progressBar(m.status === 'completed' ? 100 : m.completion, t('plan.progress'))}
            ${localized(field(m, 'activities'), ctx.locale, 'p', { field: 'activities', translated: msMarks.get(m.id) })}</li>`,
          )}</ol>
          <p><a href="/plan/history?entity=commitment&amp;id=${c.id}">${t('content.history')}</a></p>
          <h2>${t('plan.timeline')}</h2>
          ${
            progress.length
              ? html`<ol class="stack timeline">${progress.map((p) => {
                  const m = ms.find((x) => x.id === p.milestone_id)!;
                  return html`<li><p><strong>${p.reported_on}</strong> · ${t('plan.milestone', { n: m.number })} · ${t(`status.${p.status}`)} · ${p.completion}% · ${p.author}</p><p class="prewrap">${p.text}</p>
              ${evidenceList(ctx, p.evidence)}</li>`;
                })}</ol>`
              : html`<p>${t('plan.noProgress')}</p>`
          }
          ${adopted.length ? html`<h2>${t('suggest.trail')}</h2><ul>${adopted.map((s) => html`<li><a href="/plan/suggestions/${s.id}">${s.title}</a></li>`)}</ul>` : null}
          <h2>${t('plan.irm')}</h2>
          ${
            irm.assessedAt
              ? html`<div class="table-wrap"><table><caption>${t('plan.irm')}</caption><tbody>
            ${irmRow(t('irm.verifiable'), irm.verifiable)}
            <tr><th scope="row">${t('irm.relevance')}</th><td>${irm.relevance.map((v) => t(`value.${v}` as 'value.transparency')).join(', ') || '–'}</td></tr>
            ${irmRow(t('irm.ambition'), irm.ambition ?? null)}${irmRow(t('irm.potentialImpact'), irm.potentialImpact)}${irmRow(t('irm.completion'), irm.completion)}${irmRow(t('irm.openedGovernment'), irm.openedGovernment)}
            ${irmRow(t('irm.reportStatus'), irm.reportStatus ?? null)}
            </tbody></table></div>${irm.note ? html`<p class="prewrap">${irm.note}</p>` : null}
            <p class="muted" data-irm-source="${irm.source?.kind ?? 'reviewer'}">${irmSource(irm)}</p>
            ${history.length > 1 ? html`<details><summary>${t('irm.history', { n: history.length })}</summary><ol>${history.map((a) => html`<li>${irmSource(a)} · ${t('irm.verifiable')}: ${a.verifiable ? t(`irm.${a.verifiable}` as 'irm.yes') : '–'} · ${t('irm.ambition')}: ${a.ambition ? t(`irm.${a.ambition}` as 'irm.yes') : '–'} · ${t('irm.completion')}: ${a.completion ? t(`irm.${a.completion}` as 'irm.yes') : '–'}</li>`)}</ol></details>` : null}`
              : html`<p>${t('plan.irmNone')}</p>`
          }
          ${canAssess ? irmForm(ctx, c.slug, irm) : null}
          <h2 id="comments">${t('comments.title')}</h2><p>${t('comments.intro')}</p>
          ${
            comments.length
              ? html`<ol class="stack">${comments.map(
                  (
                    cm,
                    i,
                  ) => html`<li id="comment-${cm.id}" class="stack"><p><strong>${freeText(cm.author, ctx.locale)}</strong> · ${kstDate(new Date(cm.created_at))}</p><p class="prewrap">${freeText(cm.body, ctx.locale)}</p>
            ${panels[i] ? itemPanel(ctx, request.actor, panels[i]!, undefined, { nested: true }) : null}</li>`,
                )}</ol>`
              : html`<p>${t('comments.none')}</p>`
          }
          ${errorSummary(ctx.locale, errors, (f) => (f === 'body' ? '#f-body' : `#irm-${f}`))}
          ${
            ctx.user
              ? html`<form method="post" action="/plan/commitments/${c.slug}/comments" class="stack">${csrfField(ctx)}
            ${textArea({ name: 'body', label: t('comments.body'), value: values.body, rows: 4, required: true, errors, locale: ctx.locale })}
            <button type="submit" class="btn btn-primary">${t('comments.add')}</button></form>`
              : html`<p><a href="/sign-in?next=/plan/commitments/${c.slug}">${t('comments.signIn')}</a></p>`
          }
          ${canReport ? html`<p class="muted">${t('plan.reportProgress')}: ${ms.map((m) => html`<a href="/plan/milestones/${m.id}">${t('plan.milestone', { n: m.number })}</a> `)}</p>` : null}`,
      };
    };
  };

  app.get('/plan/commitments/:slug', hide, async (request, reply) =>
    sendPage(request, reply, await commitmentPage(request, (request.params as { slug: string }).slug)),
  );

  app.post('/plan/commitments/:slug/comments', hide, async (request, reply) => {
    requireUser(request);
    const { slug } = request.params as { slug: string };
    const form = formBody(request.body);
    const result = await submitForm(request.locale, () => commentOnCommitment(services, request.actor, { commitment: slug, body: form.body }));
    if (!result.ok) return sendPage(request, reply, await commitmentPage(request, slug, result.errors, form), 422);
    return redirectTo(reply, `/plan/commitments/${slug}#comment-${result.value.id}`);
  });

  app.post('/plan/commitments/:slug/assessment', hide, async (request, reply) => {
    requireUser(request);
    const { slug } = request.params as { slug: string };
    const body = (request.body ?? {}) as Record<string, unknown>;
    const result = await submitForm(request.locale, () => assessCommitment(services, request.actor, { ...body, commitment: slug }));
    if (!result.ok) return sendPage(request, reply, await commitmentPage(request, slug, result.errors), 422);
    return redirectTo(reply, `/plan/commitments/${slug}`);
  });

  app.get('/plan/milestones/:id', hide, async (request, reply) =>
    sendPage(request, reply, await milestonePage(request, (request.params as { id: string }).id)),
  );

  const milestonePage = async (request: FastifyRequest, id: string, errors?: FieldError[], values: Record<string, string> = {}) => {
    const m = await findMilestone(services.db, id);
    const c = await findCommitment(services.db, m.commitment_id);
    const progress = await withAuthorNames(services.db, await progressOf(services.db, [m.id]));
    const canReport = planPolicy.canReportProgress(request.actor, c);
    const canEdit = await canEditContent(services.db, request.actor, 'milestone', m as unknown as Record<string, unknown> & { id: string });
    const marks = (await translationMarks(services.db, 'milestone', [m.id])).get(m.id);
    return (ctx: PageContext) => {
      const t = planT(ctx.locale);
      return {
        title: pickLocalized(field(m, 'title'), ctx.locale).text ?? '',
        body: html`<p class="muted"><a href="/plan/commitments/${c.slug}">${t('plan.commitment', { n: c.number })}</a> · ${t('plan.milestone', { n: m.number })}</p>
          <h1>${localized(field(m, 'title'), ctx.locale, 'span')}</h1>
          ${isTranslation(field(m, 'title'), ctx.locale, 'title', marks) ? html`<p>${translationBadge(ctx.locale)}</p>` : null}
          <p data-weight="${m.weight}">${t('content.field.weight')}: ${m.weight}${canEdit ? html` · <a href="/plan/edit/milestone/${m.id}">${t('content.edit')}</a>` : null}
            · <a href="/plan/history?entity=milestone&amp;id=${m.id}">${t('content.history')}</a></p>
          <p>${t('plan.period')}: ${monthLabel(m.start_month, ctx.locale)} – ${monthLabel(m.end_month, ctx.locale)} · ${t('plan.status')}: ${t(`status.${m.status}`)}${isLate(m, today()) ? html` <span class="badge badge-late">${t('plan.late')}</span>` : null}</p>
          ${progressBar(m.status === 'completed' ? 100 : m.completion, t('plan.progress'))}
          ${localized(field(m, 'activities'), ctx.locale, 'p', { field: 'activities', translated: marks })}
          <h2>${t('plan.timeline')}</h2>
          ${progress.length ? html`<ol class="stack">${progress.map((p) => html`<li><p><strong>${p.reported_on}</strong> · ${t(`status.${p.status}`)} · ${p.completion}% · ${p.author}</p><p class="prewrap">${p.text}</p>${evidenceList(ctx, p.evidence)}</li>`)}</ol>` : html`<p>${t('plan.noProgress')}</p>`}
          ${
            canReport
              ? html`<h2>${t('plan.reportProgress')}</h2>${errorSummary(ctx.locale, errors)}
            <form method="post" action="/plan/milestones/${m.id}/progress" enctype="multipart/form-data" class="stack">${csrfField(ctx)}
              ${textArea({ name: 'text', label: t('plan.text'), value: values.text, rows: 5, required: true, errors, locale: ctx.locale })}
              ${textField({ name: 'completion', label: t('plan.completion'), type: 'number', value: values.completion ?? String(m.completion), required: true, errors, locale: ctx.locale })}
              <div class="form-group"><label for="f-status">${t('plan.status')}</label><select id="f-status" name="status">${MILESTONE_STATUSES.map((s) => html`<option value="${s}" ${s === (values.status ?? m.status) ? html`selected` : null}>${t(`status.${s}`)}</option>`)}</select></div>
              ${textArea({ name: 'evidenceLinks', label: t('plan.evidenceLinks'), value: values.evidenceLinks, rows: 2, errors, locale: ctx.locale })}
              <div class="form-group"><label for="f-file">${t('plan.evidenceFile')}</label><input id="f-file" name="file" type="file" accept=".pdf,image/png,image/jpeg,image/webp"></div>
              <button type="submit" class="btn btn-primary">${t('plan.save')}</button></form>`
              : null
          }`,
      };
    };
  };

  app.post('/plan/milestones/:id/progress', hide, async (request, reply) => {
    requireUser(request);
    const { id } = request.params as { id: string };
    const form = formBody(request.body);
    const files = await saveEvidenceFiles(services, request.body);
    const removeFiles = () => Promise.all(files.map((f) => services.files.delete(`evidence/${path.posix.basename(f.url)}`)));
    const result = await submitForm(request.locale, () =>
      addProgressUpdate(services, request.actor, {
        milestoneId: id,
        text: form.text,
        completion: form.completion,
        status: form.status,
        evidenceLinks: form.evidenceLinks,
        files,
      }),
    ).catch(async (error: unknown) => {
      await removeFiles(); // nothing is kept from a refused update
      throw error;
    });
    if (!result.ok) {
      await removeFiles();
      return sendPage(request, reply, await milestonePage(request, id, result.errors, form), 422);
    }
    return redirectTo(reply, `/plan/milestones/${id}`);
  });

  app.get('/plan/evidence/:file', hide, async (request, reply) => {
    const { file } = request.params as { file: string };
    if (!/^[\w-]+\.(pdf|png|jpg|webp)$/.test(file)) throw new AppError('evidence.not_found', 'evidence not found', 404);
    const data = await services.files.get(`evidence/${file}`);
    if (!data) throw new AppError('evidence.not_found', 'evidence not found', 404);
    const type = Object.entries(EVIDENCE_TYPES).find(([, ext]) => file.endsWith(ext))?.[0] ?? 'application/octet-stream';
    return reply
      .type(type)
      .header('content-disposition', 'inline')
      .header('x-content-type-options', 'nosniff')
      .header('content-length', data.size)
      .send(data.body);
  });

  function evidenceList(ctx: PageContext, evidence: string) {
    const items = JSON.parse(evidence) as Evidence[];
    if (!items.length) return null;
    return html`<p>${planT(ctx.locale)('plan.evidence')}: ${items.map((e) => html`<a href="${e.url}" rel="noopener">${e.label}</a> `)}</p>`;
  }

  function irmForm(ctx: PageContext, slug: string, irm: IrmAssessment) {
    const t = planT(ctx.locale);
    const select = (name: keyof typeof IRM_SCALES, label: string) => html`<div class="form-group"><label for="irm-${name}">${label}</label>
      <select id="irm-${name}" name="${name}"><option value="">–</option>${IRM_SCALES[name].map((v) => html`<option value="${v}" ${irm[name] === v ? html`selected` : null}>${t(`irm.${v}` as 'irm.yes')}</option>`)}</select></div>`;
    return html`<details><summary>${t('plan.irmEdit')}</summary><form method="post" action="/plan/commitments/${slug}/assessment" class="stack">${csrfField(ctx)}
      ${select('verifiable', t('irm.verifiable'))}
      <fieldset id="irm-relevance"><legend>${t('irm.relevance')}</legend>${OGP_VALUES.map((v) => html`<label><input type="checkbox" name="relevance" value="${v}" ${irm.relevance.includes(v) ? html`checked` : null}> ${t(`value.${v}`)}</label> `)}</fieldset>
      ${select('ambition', t('irm.ambition'))}${select('potentialImpact', t('irm.potentialImpact'))}${select('completion', t('irm.completion'))}${select('openedGovernment', t('irm.openedGovernment'))}
      ${select('reportStatus', t('irm.reportStatus'))}
      <div class="form-group"><label for="irm-note">${t('irm.note')}</label><textarea id="irm-note" name="note" rows="3">${irm.note ?? ''}</textarea></div>
      <button type="submit" class="btn btn-primary">${t('plan.save')}</button></form></details>`;
  }
}

/** Stores uploaded evidence (PDF, or an image checked by decoding it) in the file store under evidence/; returns links to it. */
async function saveEvidenceFiles(services: Services, body: unknown): Promise<Evidence[]> {
  const part = (body as Record<string, unknown> | undefined)?.file as { filename?: string; mimetype?: string; toBuffer?: () => Promise<Buffer> } | undefined;
  if (!part?.toBuffer || !part.filename) return [];
  const data = await part.toBuffer();
  if (data.length === 0) return [];
  const file = await checkEvidenceFile(data, part.mimetype);
  const name = `${randomUUID()}${file.ext}`;
  await services.files.put(`evidence/${name}`, file.data, { contentType: file.type });
  return [{ label: part.filename.slice(0, 120), url: `/plan/evidence/${name}` }];
}

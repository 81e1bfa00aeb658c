import type { FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import { pickLocalized } from '../../../core/i18n/messages.js';
import { html } from '../../../web/html.js';
import { csrfField, errorSummary, textArea, textField, type FieldError, type PageContext } from '../../../web/layout.js';
import { formBody } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { assertAllowed, organisationNames } from '../../accounts/index.js';
import { projectPolicy } from '../domain/policy.js';
import { civicT } from '../messages.js';
import { datasetChoices } from '../../data/index.js';
import { projectUrl } from '../store/tables.js';
import { describeProject, type ProjectView } from '../use-cases/describe-projects.js';
import { proposeProject } from '../use-cases/propose-project.js';
import { loadTeam } from '../use-cases/team.js';
import { editProject } from '../use-cases/update-project.js';
import { selectField } from '../../../web/forms.js';
import { civicAssets, civicNav, datasetBoxes } from './civic-view.js';
import { formList, runForm } from './page-forms.js';

const hide = { schema: { hide: true } };
type Values = Record<string, string> & { datasets?: string[] };

const valuesOf = (p: ProjectView): Values => ({
  title: p.title,
  question: p.question,
  description: p.description,
  organisation: p.organisation?.id ?? '',
  repoUrl: p.links.repo ?? '',
  resultsUrl: p.links.results ?? '',
  results: p.results ?? '',
  datasets: p.datasets.map((d) => d.id) as never,
});

/** /projects/new and /projects/:id/edit: one form, post/redirect/get, field errors shown in place. */
export function registerProjectFormPages(app: App, services: Services) {
  const form = async (request: FastifyRequest, s: { project?: ProjectView; values?: Values; errors?: FieldError[] }) => {
    const datasets = await datasetChoices(services.db);
    const memberships = request.actor.user?.memberships.map((m) => m.organisationId) ?? [];
    const orgIds = [...new Set([...memberships, ...(s.project?.organisation ? [s.project.organisation.id] : [])])];
    const orgs = await organisationNames(services.db, orgIds);
    return (ctx: PageContext) => {
      const t = civicT(ctx.locale);
      const v = s.values ?? (s.project ? valuesOf(s.project) : {});
      const action = s.project ? `${projectUrl(s.project.id)}/edit` : '/projects';
      const title = s.project ? t('form.editTitle') : t('form.newTitle');
      const f = (name: string, label: string, required = false) => textField({ name, label, value: v[name], required, errors: s.errors, locale: ctx.locale });
      const body = !ctx.user
        ? html`<p><a href="/sign-in?next=/projects/new">${t('form.signIn')}</a></p>`
        : html`
        ${errorSummary(ctx.locale, s.errors)}
        <form method="post" action="${action}" class="stack" novalidate>${csrfField(ctx)}
          ${f('title', t('form.title'), true)}
          ${textArea({ name: 'question', label: t('form.question'), value: v.question, rows: 3, required: true, errors: s.errors, locale: ctx.locale })}
          ${textArea({ name: 'description', label: t('form.description'), value: v.description, rows: 6, required: true, errors: s.errors, locale: ctx.locale })}
          ${datasetBoxes(ctx, { legend: t('form.datasets'), datasets, checked: (v.datasets as string[] | undefined) ?? [], errors: s.errors, allowRestricted: true })}
          ${selectField({
            name: 'organisation',
            label: t('form.organisation'),
            value: v.organisation,
            errors: s.errors,
            placeholder: t('form.noOrganisation'),
            options: orgs.map((o) => {
              const n = pickLocalized({ ko: o.name_ko, en: o.name_en }, ctx.locale);
              return { value: o.id, label: n.text || o.slug, lang: n.lang };
            }),
          })}
          ${f('repoUrl', t('form.repoUrl'))}${f('resultsUrl', t('form.resultsUrl'))}
          ${s.project ? textArea({ name: 'results', label: t('form.results'), value: v.results, rows: 6, errors: s.errors, locale: ctx.locale }) : null}
          <button type="submit" class="btn btn-primary">${s.project ? t('form.save') : t('form.submit')}</button></form>`;
      return { title, body: html`${civicAssets}${civicNav(ctx, request.actor, s.project ? '' : '/projects/new')}<h1>${title}</h1>${body}` };
    };
  };

  const read = (request: FastifyRequest) => {
    const b = formBody(request.body);
    const datasets = formList(request.body, 'datasets');
    return { values: { ...b, datasets } as Values, input: { ...b, datasets } };
  };

  app.get('/projects/new', hide, async (request, reply) => sendPage(request, reply, await form(request, {})));
  app.post('/projects', hide, async (request, reply) => {
    requireUser(request);
    const { values, input } = read(request);
    const result = await runForm(request.locale, () => proposeProject(services, request.actor, input as never));
    if (!result.ok) return sendPage(request, reply, await form(request, { values, errors: result.errors }), result.status);
    return redirectTo(reply, projectUrl(result.value.id));
  });

  const editable = async (request: FastifyRequest) => {
    requireUser(request);
    const project = await describeProject(services.db, (request.params as { id: string }).id);
    assertAllowed(request.actor, projectPolicy.canEdit(request.actor, await loadTeam(services.db, project.id)), 'edit this project');
    return { project };
  };
  app.get('/projects/:id/edit', hide, async (request, reply) => {
    const { project } = await editable(request);
    return sendPage(request, reply, await form(request, { project }));
  });
  app.post('/projects/:id/edit', hide, async (request, reply) => {
    const { project } = await editable(request);
    const { values, input } = read(request);
    const result = await runForm(request.locale, () => editProject(services, request.actor, project.id, input as never));
    if (!result.ok) return sendPage(request, reply, await form(request, { project, values, errors: result.errors }), result.status);
    return redirectTo(reply, projectUrl(project.id));
  });
}

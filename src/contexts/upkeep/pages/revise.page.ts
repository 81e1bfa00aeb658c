import type { App, Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { html } from '../../../web/html.js';
import { csrfField, type PageContext } from '../../../web/layout.js';
import { formBody } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import type { ChangeOp } from '../use-cases/change-ops.js';
import { describeProposal } from '../use-cases/describe-upkeep.js';
import { reviseProposal } from '../use-cases/revise-proposal.js';
import { revisableFields, revisedOps } from './revise-form.js';
import { fieldLabel, hide, problemsBlock, tryForm, upkeepAssets, upT, type Problem } from './upkeep-view.js';
import { diffWithComments, volT, type Proposal } from './volunteers-view.js';

function revisePage(ctx: PageContext, p: Proposal, s: { values?: Record<string, string>; problems?: Problem[] }) {
  const t = upT(ctx.locale);
  const vt = volT(ctx.locale);
  const v = s.values ?? {};
  const fields = revisableFields(p.ops as ChangeOp[]);
  const label = (field: string) => `${fieldLabel(field, ctx.locale)}${field === 'maxSlope' ? ' (%)' : ''}`;
  return {
    title: vt('vol.reviseTitle', { title: p.title }),
    body: html`${upkeepAssets}<p><a href="/transit/proposals/${p.id}">${t('prop.title', { title: p.title })}</a></p>
      <h1>${vt('vol.reviseTitle', { title: p.title })}</h1>
      <p>${vt('vol.reviseIntro', { n: p.revision + 1 })}</p>
      ${problemsBlock(t, s.problems, ctx.locale)}
      ${diffWithComments(t, vt, ctx.locale, p, t('prop.diff'))}
      <form method="post" action="/transit/proposals/${p.id}/revise" class="stack" novalidate>${csrfField(ctx)}
        <h2>${vt('vol.values')}</h2>
        ${
          fields.length
            ? fields.map(
                (f) => html`<div class="form-group"><label for="f-${f.input}">${label(f.field)} <code class="muted">${f.target}</code></label>
          <input id="f-${f.input}" name="${f.input}" type="text" ${f.kind === 'number' ? html`inputmode="decimal"` : html`maxlength="120"`} value="${v[f.input] ?? f.value}"></div>`,
              )
            : html`<p>${vt('vol.noValues')}</p>`
        }
        <div class="form-group"><label for="f-title">${vt('vol.proposalTitle')}</label><input id="f-title" name="title" type="text" maxlength="200" required value="${v.title ?? p.title}"></div>
        <div class="form-group"><label for="f-note">${vt('vol.note')}</label><textarea id="f-note" name="note" rows="3" maxlength="5000">${v.note ?? p.evidence.note ?? ''}</textarea></div>
        <button type="submit" class="btn btn-primary">${vt('vol.resubmit')}</button>
      </form>`,
  };
}

/** Revise and resubmit, without script: the author, while changes are requested. Others get a clear 403 or 409. */
export function registerRevisePage(app: App, services: Services) {
  const load = async (id: string, user: string | undefined) => {
    const p = await describeProposal(services, id);
    if (!user) throw new AppError('auth.required', 'Sign in first', 401);
    if (p.author.id !== user) throw new AppError('auth.forbidden', 'Only the author of a proposal may revise it', 403);
    if (p.status !== 'changes_requested')
      throw new AppError(
        'transit.proposal_not_revisable',
        `This proposal is ${p.status.replace('_', ' ')}; only one sent back with changes requested can be revised`,
        409,
      );
    return p;
  };

  app.get('/transit/proposals/:id/revise', hide, async (request, reply) => {
    const id = (request.params as { id: string }).id;
    if (!request.actor.user) return redirectTo(reply, `/sign-in?next=${encodeURIComponent(`/transit/proposals/${id}/revise`)}`);
    const p = await load(id, request.actor.user.id);
    return sendPage(request, reply, (ctx) => revisePage(ctx, p, {}));
  });

  app.post('/transit/proposals/:id/revise', hide, async (request, reply) => {
    const id = (request.params as { id: string }).id;
    const p = await load(id, request.actor.user?.id);
    const form = formBody(request.body);
    const { ops, unreadable } = revisedOps(p.ops as ChangeOp[], form);
    const result = unreadable.length
      ? { ok: false as const, status: 400, problems: unreadable.map((input) => ({ path: input, message: 'must be a number' })) }
      : await tryForm(() => reviseProposal(services, request.actor, { proposalId: id, ops, title: form.title, note: form.note ?? '' }));
    if (result.ok) return redirectTo(reply, `/transit/proposals/${id}?notice=revised`);
    return sendPage(request, reply, (ctx) => revisePage(ctx, p, { values: form, problems: result.problems }), result.status);
  });
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import { isAdmin } from '../../../core/auth/actor.js';
import type { App, Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import type { Locale } from '../../../core/i18n/messages.js';
import { html } from '../../../web/html.js';
import { csrfField, type PageContext } from '../../../web/layout.js';
import { formBody } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { ATTRIBUTES, type Attribute } from '../use-cases/change-ops.js';
import { removeStationSteward, setStationSteward, stewardCandidates, stewardsAt } from '../use-cases/manage-stewards.js';
import { hide, kst, problemsBlock, tryForm, upkeepAssets, upT, type Problem } from './upkeep-view.js';
import { volNotice, volT } from './volunteers-view.js';

type Rows = Awaited<ReturnType<typeof stewardsAt>>;
type Orgs = Awaited<ReturnType<typeof stewardCandidates>>;
const orgName = (o: { nameKo: string | null; nameEn: string | null; slug: string }, l: Locale) =>
  (l === 'en' ? (o.nameEn ?? o.nameKo) : (o.nameKo ?? o.nameEn)) ?? o.slug;

function stewardsPage(ctx: PageContext, key: string, rows: Rows, orgs: Orgs, notice: ReturnType<typeof volNotice>, problems?: Problem[]) {
  const t = upT(ctx.locale);
  const vt = volT(ctx.locale);
  const attr = (a: Attribute) => t(`prop.attr.${a}`);
  return {
    title: vt('stw.title'),
    wide: true,
    body: html`${upkeepAssets}<p><a href="/transit/upkeep">${t('cov.title')}</a></p><h1>${vt('stw.title')}</h1>${notice}<p>${vt('stw.intro')}</p>
      ${problemsBlock(t, problems, ctx.locale)}
      <form method="get" action="/transit/stewards" class="stw-pick"><div class="form-group"><label for="f-station">${vt('stw.station')}</label>
        <input id="f-station" name="station" type="text" maxlength="100" value="${key === '*' ? '' : key}" autocomplete="off"></div>
        <button type="submit" class="btn btn-secondary">${vt('stw.show')}</button></form>
      <h2 id="stw-h">${key === '*' ? vt('stw.defaults') : key}</h2>
      <div class="table-wrap"><table aria-labelledby="stw-h"><thead><tr><th scope="col">${vt('stw.attribute')}</th><th scope="col">${vt('stw.organisation')}</th>
        <th scope="col">${vt('stw.assign')}</th></tr></thead>
        <tbody>${rows.map(
          (r) => html`<tr><th scope="row">${attr(r.attribute)}</th>
          <td>${
            r.own
              ? html`${orgName(r.own, ctx.locale)} <span class="muted">(${key === '*' ? vt('stw.defaults') : vt('stw.thisStation')} · ${kst(r.own.since, ctx.locale)})</span>`
              : r.inherited
                ? html`${orgName(r.inherited, ctx.locale)} <span class="muted">(${vt('stw.inherited')})</span>`
                : vt('stw.none')
          }</td>
          <td><form method="post" action="/transit/stewards" class="stw-row">${csrfField(ctx)}<input type="hidden" name="station" value="${key}"><input type="hidden" name="attribute" value="${r.attribute}">
            <select id="o-${r.attribute}" name="organisationId" aria-label="${vt('stw.assignTo', { attribute: attr(r.attribute) })}"><option value="">${vt('stw.choose')}</option>${orgs.map((o) => html`<option value="${o.id}" ${r.own?.id === o.id ? html`selected` : null}>${orgName({ nameKo: o.name_ko, nameEn: o.name_en, slug: o.slug }, ctx.locale)}</option>`)}</select>
            <button type="submit" name="action" value="assign" class="btn btn-primary btn-small">${vt('stw.assign')}</button>
            ${r.own ? html`<button type="submit" name="action" value="remove" class="btn btn-secondary btn-small" aria-label="${vt('stw.removeLabel', { attribute: attr(r.attribute) })}">${vt('stw.remove')}</button>` : null}
          </form></td></tr>`,
        )}</tbody></table></div>`,
  };
}

/** Anonymous visitors are sent to sign in (a form post gets 401); signed-in non-admins get 403 (the API says the same). */
function gate(request: FastifyRequest, reply: FastifyReply): boolean {
  if (!request.actor.user && request.method !== 'GET') throw new AppError('auth.required', 'Sign in first', 401);
  if (!request.actor.user) {
    void redirectTo(reply, `/sign-in?next=${encodeURIComponent(request.url)}`);
    return false;
  }
  if (!isAdmin(request.actor)) throw new AppError('auth.forbidden', 'You may not assign stewards (admins only)', 403);
  return true;
}

/** Admins assign and remove stewards per station or for every station ('*'), audited by the use cases. */
export function registerStewardsPage(app: App, services: Services) {
  const keyOf = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 100) : '*');

  app.get('/transit/stewards', hide, async (request, reply) => {
    if (!gate(request, reply)) return reply;
    const key = keyOf((request.query as { station?: string }).station);
    const [rows, orgs] = [await stewardsAt(services, key), await stewardCandidates(services)];
    return sendPage(request, reply, (ctx) => stewardsPage(ctx, key, rows, orgs, volNotice(volT(ctx.locale), request)));
  });

  app.post('/transit/stewards', hide, async (request, reply) => {
    if (!gate(request, reply)) return reply;
    const form = formBody(request.body);
    const key = keyOf(form.station);
    const attribute = form.attribute as Attribute;
    const result = await tryForm(async () => {
      if (!ATTRIBUTES.includes(attribute))
        throw new AppError('validation.failed', 'attribute: Choose one of the options.', 400, [{ path: 'attribute', message: 'Choose one of the options.' }]);
      if (form.action === 'remove') return removeStationSteward(services, request.actor, { stationKey: key, attribute });
      if (!form.organisationId)
        throw new AppError('validation.failed', 'organisationId: This is required.', 400, [{ path: `o-${attribute}`, message: 'This is required.' }]);
      return setStationSteward(services, request.actor, { stationKey: key, attribute, organisationId: form.organisationId });
    });
    const back = `/transit/stewards?${key === '*' ? '' : `station=${encodeURIComponent(key)}&`}notice=${form.action === 'remove' ? 'stewardRemoved' : 'stewardSet'}`;
    if (result.ok) return redirectTo(reply, back);
    const shown = await stewardsAt(services, key).then(
      (rows) => ({ key, rows }),
      async () => ({ key: '*', rows: await stewardsAt(services, '*') }),
    ); // an unknown station: the defaults
    const orgs = await stewardCandidates(services);
    return sendPage(request, reply, (ctx) => stewardsPage(ctx, shown.key, shown.rows, orgs, null, result.problems), result.status);
  });
}

import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import { html } from '../../../web/html.js';
import { csrfField } from '../../../web/layout.js';
import { formBody } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { ITEM_NOTICES } from '../domain/notice-kinds.js';
import { listNoticePreferences } from '../use-cases/list-notice-preferences.js';
import { setNoticePreferences } from '../use-cases/set-notice-preferences.js';
import { accT } from './item-panel.js';

const hide = { schema: { hide: true } };

/** The page where a signed-in reader chooses the notices they get, per kind of event and per channel. */
export function registerNoticePages(app: App, services: Services) {
  app.get('/accountability/notices', hide, async (request, reply) => {
    if (!request.actor.user) return redirectTo(reply, '/sign-in?next=/accountability/notices');
    const rows = await listNoticePreferences(services, request.actor);
    const saved = (request.query as { saved?: string }).saved === '1';
    return sendPage(request, reply, (ctx) => {
      const t = accT(ctx.locale);
      const box = (notice: string, key: 'inApp' | 'byMail', checked: boolean, label: string) =>
        html`<input type="checkbox" id="n-${notice}-${key}" name="${notice}.${key}" value="1" ${checked ? html`checked` : null} aria-label="${label}">`;
      return {
        title: t('notices.title'),
        body: html`<h1>${t('notices.title')}</h1><p>${t('notices.intro')}</p>
          ${saved ? html`<p class="alert alert-success" role="status">${t('notices.saved')}</p>` : null}
          <form method="post" action="/accountability/notices" class="stack">${csrfField(ctx)}
            <div class="table-wrap"><table><caption>${t('notices.title')}</caption>
              <thead><tr><th scope="col">${t('notices.kind')}</th><th scope="col">${t('notices.inApp')}</th><th scope="col">${t('notices.byMail')}</th></tr></thead>
              <tbody>${rows.map(
                (r) => html`<tr data-notice="${r.notice}"><th scope="row">${r.name[ctx.locale]}</th>
                <td>${box(r.notice, 'inApp', r.inApp, `${r.name[ctx.locale]}: ${t('notices.inApp')}`)}</td>
                <td>${box(r.notice, 'byMail', r.byMail, `${r.name[ctx.locale]}: ${t('notices.byMail')}`)}</td></tr>`,
              )}</tbody></table></div>
            <button type="submit" class="btn btn-primary">${t('notices.save')}</button></form>
          <p>${t('notices.unfollow')}</p>`,
      };
    });
  });

  app.post('/accountability/notices', hide, async (request, reply) => {
    requireUser(request);
    const form = formBody(request.body);
    const choices = Object.fromEntries(ITEM_NOTICES.map((n) => [n, { inApp: form[`${n}.inApp`] === '1', byMail: form[`${n}.byMail`] === '1' }]));
    await setNoticePreferences(services, request.actor, { choices });
    return redirectTo(reply, '/accountability/notices?saved=1');
  });
}

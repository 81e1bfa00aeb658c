import type { App, ContextManifest } from '../../../core/context.js';
import { translator } from '../../../core/i18n/messages.js';
import { html } from '../../../web/html.js';
import { sendPage } from '../../../web/page.js';
import { homeMessages } from '../messages.js';

/** The contexts the action plan asks for, in the order a visitor meets them. */
const PLANNED = ['plan', 'accountability', 'transit', 'data', 'demand', 'analyses', 'learn', 'startups'] as const;

export function registerHomePage(app: App, manifests: ContextManifest[]) {
  app.get('/', { schema: { hide: true } }, async (request, reply) =>
    sendPage(request, reply, (ctx) => {
      const t = translator(homeMessages, ctx.locale);
      const card = (title: string, desc: string, href: string | null) => html`<li class="card">
        <h3>${href ? html`<a href="${href}">${title}</a>` : title}</h3>
        <p><span class="badge ${href ? 'badge-live' : 'badge-coming'}">${href ? t('home.live') : t('home.coming')}</span></p>
        <p>${desc}</p>${href ? null : html`<p class="muted">${t('home.comingNote')}</p>`}</li>`;
      const planned = PLANNED.map((name) => {
        const entry = manifests.find((m) => m.name === name)?.entry;
        return card(t(`ctx.${name}`), t(`ctx.${name}.desc`), entry?.path ?? null);
      });
      return {
        title: t('home.title'),
        body: html`<h1>${t('home.title')}</h1><p class="lead">${t('home.lead')}</p>
          <form method="get" action="/search" role="search" class="stack">
            <label for="home-q">${t('search.label')}</label>
            <input id="home-q" name="q" type="search" aria-describedby="home-q-hint">
            <p class="hint" id="home-q-hint">${t('search.hint')}</p>
            <button type="submit" class="btn btn-primary">${t('search.submit')}</button></form>
          <h2>${t('home.sections')}</h2>
          <ul class="cards">${planned}
            ${card(t('ctx.organisations'), t('ctx.organisations.desc'), '/organisations')}
            ${card(t('ctx.api'), t('ctx.api.desc'), '/api/docs')}</ul>`,
      };
    }),
  );
}

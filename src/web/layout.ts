import { translator, type Locale } from '../core/i18n/messages.js';
import { html, type Html } from './html.js';
import { layoutMessages } from './messages.js';

/** What every page needs to know about the request it answers. */
export interface PageContext {
  locale: Locale;
  path: string;
  csrfToken: string;
  user: { displayName: string; role: string } | null;
}

export interface Page {
  title: string;
  body: Html;
  /** Optional: extra class for <main>. */
  wide?: boolean;
  /** Optional: extra <link>s for <head> (a web app manifest …). */
  head?: Html;
}

export const layoutT = (locale: Locale) => translator(layoutMessages, locale);

export const csrfField = (ctx: PageContext) => html`<input type="hidden" name="_csrf" value="${ctx.csrfToken}">`;

function languageSwitch(ctx: PageContext) {
  const t = layoutT(ctx.locale);
  const link = (to: Locale, label: string, lang: string) =>
    ctx.locale === to
      ? html`<li><span aria-current="true" lang="${lang}">${label}</span></li>`
      : html`<li><a href="/lang/${to}?next=${encodeURIComponent(ctx.path)}" lang="${lang}" hreflang="${lang}">${label}</a></li>`;
  return html`<nav class="lang-switch" aria-label="${t('layout.language')}"><ul>${link('ko', '한국어', 'ko')}${link('en', 'English', 'en')}</ul></nav>`;
}

function accountMenu(ctx: PageContext) {
  const t = layoutT(ctx.locale);
  if (!ctx.user) {
    return html`<nav class="account-menu" aria-label="${t('layout.account')}"><ul>
      <li><a href="/sign-in">${t('layout.signIn')}</a></li>
      <li><a href="/sign-up" class="btn btn-primary btn-small">${t('layout.signUp')}</a></li></ul></nav>`;
  }
  return html`<nav class="account-menu" aria-label="${t('layout.account')}"><ul>
    ${ctx.user.role === 'admin' ? html`<li><a href="/admin">${t('layout.admin')}</a></li>` : null}
    <li><a href="/account">${t('layout.myAccount')}</a></li>
    <li><form method="post" action="/sign-out">${csrfField(ctx)}<button type="submit" class="btn btn-secondary btn-small">${t('layout.signOut')}</button></form></li></ul></nav>`;
}

export function renderLayout(ctx: PageContext, page: Page): string {
  const t = layoutT(ctx.locale);
  return `<!doctype html>${html`<html lang="${ctx.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title === t('site.name') ? page.title : `${page.title} | ${t('site.name')}`}</title>
<link rel="preload" href="/assets/fonts/Pretendard-Regular.woff2" as="font" type="font/woff2" crossorigin>
<link rel="stylesheet" href="/assets/krds/krds_tokens.css">
<link rel="stylesheet" href="/assets/site.css">
${page.head ?? null}
</head>
<body>
<a class="skip-link" href="#main">${t('layout.skip')}</a>
<header class="site-header">
  <div class="container header-inner">
    <a class="brand" href="/"><svg class="brand-mark" aria-hidden="true" focusable="false" viewBox="0 0 20 20" width="20" height="20"><circle cx="10" cy="10" r="8.5" fill="none" stroke="currentColor" stroke-width="2"/><circle cx="10" cy="10" r="4" fill="none" stroke="currentColor" stroke-width="2"/></svg> ${t('site.name')}</a>
    ${languageSwitch(ctx)}
    ${accountMenu(ctx)}
  </div>
</header>
<main id="main" tabindex="-1" class="container${page.wide ? ' wide' : ''}">
${page.body}
</main>
<footer class="site-footer">
  <div class="container">
    <p>${t('layout.footerOgp')}</p>
    <p>${t('layout.footerLicence')}</p>
    <p>${t('layout.footerAttribution')}</p>
    <p><a href="/api/docs">${t('layout.apiDocs')}</a> · <a href="/api/openapi.json">OpenAPI</a> · <a href="/about/performance">${t('layout.performance')}</a></p>
  </div>
</footer>
</body>
</html>`}`;
}

export function renderErrorPage(ctx: PageContext, message: string, code: string): string {
  const t = layoutT(ctx.locale);
  return renderLayout(ctx, {
    title: t('error.title'),
    body: html`<h1>${t('error.title')}</h1>
      <div class="alert alert-danger" role="alert"><p>${message}</p><p class="muted">${code}</p></div>
      <p><a href="/">${t('error.home')}</a></p>`,
  });
}

export interface FieldError {
  field: string;
  message: string;
}

/** A text input in KRDS form style, with its label, hint and error wired for screen readers. */
export function textField(opts: {
  name: string;
  label: string;
  type?: string;
  value?: string;
  hint?: string;
  required?: boolean;
  autocomplete?: string;
  errors?: FieldError[];
  locale: Locale;
  /** The language of what is typed, when it differs from the page's (an English field on a Korean page). */
  lang?: Locale;
}) {
  const id = `f-${opts.name}`;
  const error = opts.errors?.find((e) => e.field === opts.name);
  const describedBy = [opts.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const t = layoutT(opts.locale);
  return html`<div class="form-group${error ? ' has-error' : ''}">
    <label for="${id}">${opts.label}${opts.required ? html` <span class="req">(${t('form.required')})</span>` : null}</label>
    ${opts.hint ? html`<p class="hint" id="${id}-hint">${opts.hint}</p>` : null}
    ${error ? html`<p class="field-error" id="${id}-error">${error.message}</p>` : null}
    <input id="${id}" name="${opts.name}" type="${opts.type ?? 'text'}" value="${opts.value ?? ''}"
      ${opts.required ? html`required` : null} ${opts.autocomplete ? html`autocomplete="${opts.autocomplete}"` : null} ${opts.lang ? html`lang="${opts.lang}"` : null}
      ${describedBy ? html`aria-describedby="${describedBy}"` : null} ${error ? html`aria-invalid="true"` : null}>
  </div>`;
}

/** A textarea in the same style as textField: label, problem tied to it for screen readers, what was typed kept. */
export function textArea(opts: {
  name: string;
  label: string;
  value?: string;
  rows?: number;
  required?: boolean;
  errors?: FieldError[];
  locale: Locale;
  id?: string;
  lang?: Locale;
}) {
  const id = opts.id ?? `f-${opts.name}`;
  const error = opts.errors?.find((e) => e.field === opts.name);
  const t = layoutT(opts.locale);
  return html`<div class="form-group${error ? ' has-error' : ''}">
    <label for="${id}">${opts.label}${opts.required ? html` <span class="req">(${t('form.required')})</span>` : null}</label>
    ${error ? html`<p class="field-error" id="${id}-error">${error.message}</p>` : null}
    <textarea id="${id}" name="${opts.name}" rows="${opts.rows ?? 4}" ${opts.required ? html`required` : null} ${opts.lang ? html`lang="${opts.lang}"` : null}
      ${error ? html`aria-describedby="${id}-error" aria-invalid="true"` : null}>${opts.value ?? ''}</textarea>
  </div>`;
}

/** `href` says where each problem's link goes, for fields whose id is not `f-<name>` (several forms on one page). */
export function errorSummary(locale: Locale, errors: FieldError[] | undefined, href: (field: string) => string = (f) => `#f-${f}`) {
  if (!errors?.length) return null;
  const t = layoutT(locale);
  // autofocus: without any script, the summary gets focus when the page with errors loads, so keyboard and
  // screen-reader users start from it (its links then take them to each field).
  return html`<div class="alert alert-danger" role="alert" tabindex="-1" id="error-summary" autofocus>
    <h2>${t('form.errors')}</h2>
    <ul>${errors.map((e) => html`<li><a href="${href(e.field)}">${e.message}</a></li>`)}</ul></div>`;
}

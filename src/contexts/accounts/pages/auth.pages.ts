import type { App, Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { cookieOptions, SESSION_COOKIE } from '../../../core/http/request-context.js';
import { translator } from '../../../core/i18n/messages.js';
import { html } from '../../../web/html.js';
import { csrfField, errorSummary, textField, type FieldError } from '../../../web/layout.js';
import { formBody, submitForm } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { accountsMessages } from '../messages.js';
import { SESSION_DAYS } from '../store/session.repository.js';
import { requestPasswordReset } from '../use-cases/request-password-reset.js';
import { findResetToken, resetPassword } from '../use-cases/reset-password.js';
import { signIn } from '../use-cases/sign-in.js';
import { signOut } from '../use-cases/sign-out.js';
import { signUp } from '../use-cases/sign-up.js';
import { safeLocalPath } from '../../../core/http/safe-redirect.js';

const hide = { schema: { hide: true } };

export function registerAuthPages(app: App, services: Services) {
  const setSession = (reply: Parameters<typeof redirectTo>[0], token: string) =>
    reply.setCookie(SESSION_COOKIE, token, cookieOptions(services.config, SESSION_DAYS * 86_400));

  const signUpPage = (values: Record<string, string>, errors?: FieldError[]) => (ctx: Parameters<typeof csrfField>[0]) => {
    const t = translator(accountsMessages, ctx.locale);
    return {
      title: t('signUp.title'),
      body: html`<h1>${t('signUp.title')}</h1><p>${t('signUp.intro')}</p>${errorSummary(ctx.locale, errors)}
        <form method="post" action="/sign-up" novalidate>${csrfField(ctx)}
          ${textField({ name: 'email', label: t('field.email'), type: 'email', value: values.email, required: true, autocomplete: 'email', errors, locale: ctx.locale })}
          ${textField({ name: 'displayName', label: t('field.displayName'), value: values.displayName, required: true, autocomplete: 'nickname', errors, locale: ctx.locale })}
          ${textField({ name: 'password', label: t('field.password'), type: 'password', hint: t('field.passwordHint'), required: true, autocomplete: 'new-password', errors, locale: ctx.locale })}
          <button type="submit" class="btn btn-primary">${t('signUp.submit')}</button>
        </form>
        <p>${t('signUp.haveAccount')} <a href="/sign-in">${t('signIn.title')}</a></p>`,
    };
  };
  app.get('/sign-up', hide, async (request, reply) => sendPage(request, reply, signUpPage({})));
  app.post('/sign-up', hide, async (request, reply) => {
    const form = formBody(request.body);
    const result = await submitForm(request.locale, () =>
      signUp(services, request.actor, { email: form.email, displayName: form.displayName, password: form.password, locale: request.locale }),
    );
    if (!result.ok) return sendPage(request, reply, signUpPage(form, result.errors), 422);
    setSession(reply, result.value.sessionToken);
    return redirectTo(reply, '/account?welcome=1');
  });

  const signInPage =
    (values: Record<string, string>, failed = false, waitSeconds = 0) =>
    (ctx: Parameters<typeof csrfField>[0]) => {
      const t = translator(accountsMessages, ctx.locale);
      return {
        title: t('signIn.title'),
        body: html`<h1>${t('signIn.title')}</h1>
        ${failed ? html`<div class="alert alert-danger" role="alert" id="error-summary"><p>${t('signIn.failed')}</p></div>` : null}
        ${waitSeconds ? html`<div class="alert alert-danger" role="alert" id="error-summary"><p>${t('signIn.throttled', { seconds: waitSeconds })}</p></div>` : null}
        <form method="post" action="/sign-in">${csrfField(ctx)}
          ${textField({ name: 'email', label: t('field.email'), type: 'email', value: values.email, required: true, autocomplete: 'username', locale: ctx.locale })}
          ${textField({ name: 'password', label: t('field.password'), type: 'password', required: true, autocomplete: 'current-password', locale: ctx.locale })}
          <input type="hidden" name="next" value="${values.next ?? ''}">
          <button type="submit" class="btn btn-primary">${t('signIn.submit')}</button>
        </form>
        <p><a href="/password-reset">${t('signIn.forgot')}</a></p>
        <p>${t('signIn.noAccount')} <a href="/sign-up">${t('signUp.title')}</a></p>`,
      };
    };
  app.get('/sign-in', hide, async (request, reply) => {
    const next = (request.query as { next?: string }).next;
    return sendPage(request, reply, signInPage({ next: safeLocalPath(next, '') }));
  });
  app.post('/sign-in', hide, async (request, reply) => {
    const form = formBody(request.body);
    try {
      const { sessionToken } = await signIn(services, request.actor, { email: form.email, password: form.password, client: request.ip });
      setSession(reply, sessionToken);
      return redirectTo(reply, safeLocalPath(form.next, '/account'));
    } catch (error) {
      if (error instanceof AppError && error.code === 'auth.invalid_credentials') {
        return sendPage(request, reply, signInPage({ email: form.email ?? '', next: safeLocalPath(form.next, '') }, true), 401);
      }
      if (error instanceof AppError && error.code === 'auth.throttled') {
        const seconds = (error.details as { retryAfterSeconds: number }).retryAfterSeconds;
        reply.header('retry-after', String(seconds));
        return sendPage(request, reply, signInPage({ email: form.email ?? '', next: safeLocalPath(form.next, '') }, false, seconds), 429);
      }
      throw error;
    }
  });

  app.post('/sign-out', hide, async (request, reply) => {
    await signOut(services, request.actor, request.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return redirectTo(reply, '/');
  });

  const resetRequestPage = (values: Record<string, string>, opts: { errors?: FieldError[]; sent?: boolean }) => (ctx: Parameters<typeof csrfField>[0]) => {
    const t = translator(accountsMessages, ctx.locale);
    return {
      title: t('reset.title'),
      body: html`<h1>${t('reset.title')}</h1>
        ${opts.sent ? html`<div class="alert alert-success" role="status"><p>${t('reset.sent')}</p></div>` : html`<p>${t('reset.intro')}</p>`}
        ${errorSummary(ctx.locale, opts.errors)}
        <form method="post" action="/password-reset" novalidate>${csrfField(ctx)}
          ${textField({ name: 'email', label: t('field.email'), type: 'email', value: values.email, required: true, autocomplete: 'email', errors: opts.errors, locale: ctx.locale })}
          <button type="submit" class="btn btn-primary">${t('reset.submit')}</button>
        </form>`,
    };
  };
  app.get('/password-reset', hide, async (request, reply) => sendPage(request, reply, resetRequestPage({}, {})));
  app.post('/password-reset', hide, async (request, reply) => {
    const form = formBody(request.body);
    const result = await submitForm(request.locale, () => requestPasswordReset(services, request.actor, { email: form.email, locale: request.locale }));
    if (!result.ok) return sendPage(request, reply, resetRequestPage(form, { errors: result.errors }), 422);
    return sendPage(request, reply, resetRequestPage({}, { sent: true }));
  });

  const newPasswordPage = (token: string, opts: { errors?: FieldError[]; invalid?: boolean }) => (ctx: Parameters<typeof csrfField>[0]) => {
    const t = translator(accountsMessages, ctx.locale);
    if (opts.invalid) {
      return {
        title: t('reset.newTitle'),
        body: html`<h1>${t('reset.newTitle')}</h1><div class="alert alert-danger" role="alert"><p>${t('reset.invalid')}</p></div><p><a href="/password-reset">${t('reset.title')}</a></p>`,
      };
    }
    return {
      title: t('reset.newTitle'),
      body: html`<h1>${t('reset.newTitle')}</h1>${errorSummary(ctx.locale, opts.errors)}
        <form method="post" action="/password-reset/${token}" novalidate>${csrfField(ctx)}
          ${textField({ name: 'password', label: t('field.newPassword'), type: 'password', hint: t('field.passwordHint'), required: true, autocomplete: 'new-password', errors: opts.errors, locale: ctx.locale })}
          <button type="submit" class="btn btn-primary">${t('reset.save')}</button>
        </form>`,
    };
  };
  app.get('/password-reset/:token', hide, async (request, reply) => {
    const { token } = request.params as { token: string };
    const live = await findResetToken(services, token);
    return sendPage(request, reply, newPasswordPage(token, { invalid: !live }), live ? 200 : 400);
  });
  app.post('/password-reset/:token', hide, async (request, reply) => {
    const { token } = request.params as { token: string };
    const form = formBody(request.body);
    try {
      const result = await submitForm(request.locale, () => resetPassword(services, request.actor, { token, password: form.password }));
      if (!result.ok) return sendPage(request, reply, newPasswordPage(token, { errors: result.errors }), 422);
    } catch (error) {
      if (error instanceof AppError && error.code === 'auth.reset_link_invalid')
        return sendPage(request, reply, newPasswordPage(token, { invalid: true }), 400);
      throw error;
    }
    return redirectTo(reply, '/sign-in?reset=1');
  });
}

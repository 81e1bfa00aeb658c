import type { App, Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import QRCode from 'qrcode';
import { html, raw } from '../../../web/html.js';
import type { PageContext } from '../../../web/layout.js';
import { sendPage } from '../../../web/page.js';
import { learnT } from '../messages.js';
import { renderCertificatePdf } from '../use-cases/render-certificate-pdf.js';
import { verifyCertificate, type CertificateView } from '../use-cases/verify-certificate.js';
import { hide, learnAssets, learnNav, localized, seoulDay } from './learn-view.js';

/**
 * /learn/certificates/:id: anyone holding the link sees whether the certificate is real; a forged or unknown
 * number gets a clear 404 page that says so. /learn/certificates/:id/pdf: the certificate itself.
 */
export function registerCertificatePages(app: App, services: Services) {
  app.get('/learn/certificates/:id', hide, async (request, reply) => {
    const { id } = request.params as { id: string };
    let c: CertificateView | null = null;
    try {
      c = await verifyCertificate(services, id);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'learn.certificate_unknown')) throw error;
    }
    const qrSvg = c ? await QRCode.toString(c.verifyUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) : null;
    return sendPage(
      request,
      reply,
      (ctx: PageContext) => {
        const t = learnT(ctx.locale);
        return {
          title: t('certificate.title'),
          body: html`${learnAssets}${learnNav(ctx, request.actor, '')}<h1>${t('certificate.title')}</h1>
          ${
            !c
              ? html`<p class="alert alert-danger" role="alert" data-verified="false">${t('certificate.unknown')}</p>`
              : html`
          <p class="alert alert-success" role="status" data-verified="true">${t('certificate.valid')}</p>
          <dl class="demand-facts">
            <dt>${t('certificate.holder')}</dt><dd data-holder>${c.holder}</dd>
            <dt>${t('certificate.programme')}</dt><dd><a href="${c.programme.url}">${localized(c.programme.title, ctx.locale)}</a></dd>
            <dt>${t('certificate.dates')}</dt><dd data-course-dates>${c.programme.firstDay ? seoulDay(c.programme.firstDay) : '—'} – ${c.programme.lastDay ? seoulDay(c.programme.lastDay) : '—'}</dd>
            <dt>${t('certificate.issuer')}</dt><dd data-issuer>${localized(c.programme.organisation, ctx.locale, c.programme.organisation.slug)} · ${t('certificate.openSeoul')}</dd>
            <dt>${t('certificate.sessions')}</dt><dd>${t('certificate.sessionsN', { n: c.sessionsAttended })}</dd>
            <dt>${t('certificate.issued')}</dt><dd>${seoulDay(c.issuedAt)}</dd>
            <dt>${t('certificate.number')}</dt><dd><code>${c.id}</code></dd>
          </dl>
          <figure class="learn-qr" data-qr><div role="img" aria-label="${t('certificate.qr')}">${raw(qrSvg!)}</div><figcaption><code>${c.verifyUrl}</code></figcaption></figure>
          <p><a class="btn btn-primary" href="${c.pdfUrl}">${t('certificate.pdf')}</a></p>`
          }`,
        };
      },
      c ? 200 : 404,
    );
  });

  app.get('/learn/certificates/:id/pdf', hide, async (request, reply) => {
    const c = await verifyCertificate(services, (request.params as { id: string }).id);
    const pdf = await renderCertificatePdf(c);
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="certificate-${c.id.slice(0, 8)}.pdf"`)
      .header('cache-control', 'private, max-age=300')
      .send(pdf);
  });
}

import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { isSignedCertificateId } from '../domain/certificate-token.js';
import { certificateUrl, programmeUrl } from '../store/tables.js';
import { findCertificateWithProgramme } from '../store/certificate.repository.js';
import { courseDates } from '../store/programme.repository.js';
import { findOrganisationById } from '../../accounts/index.js';
import { translatedOrganisationNames } from '../../plan/index.js';

export interface CertificateView {
  id: string;
  valid: true;
  holder: string;
  issuedAt: string;
  sessionsAttended: number;
  verifyUrl: string;
  pdfUrl: string;
  programme: {
    id: string;
    url: string;
    kind: string;
    title: { ko: string; en: string | null };
    organisation: { ko: string | null; en: string | null; slug: string };
    firstDay: string | null;
    lastDay: string | null;
  };
}

/**
 * What a certificate id proves. A forged or altered id fails its signature and is refused without a lookup;
 * a well-signed id that was never issued (or was withdrawn) is refused too. Both are 404 with a clear code.
 */
export async function verifyCertificate(services: Services, id: string): Promise<CertificateView> {
  const unknown = () => new AppError('learn.certificate_unknown', 'This is not a certificate number Open Seoul issued', 404);
  if (!isSignedCertificateId(services.config.secret, id)) throw unknown();
  const row = await findCertificateWithProgramme(services.db, id);
  const org = row ? await findOrganisationById(services.db, row.organisation_id) : undefined;
  if (!row || !org) throw unknown();
  const c = { ...row, name_ko: org.name_ko, name_en: org.name_en, slug: org.slug };
  // The dates kept on the certificate when it was issued; certificates from before they were kept fall back to the sessions.
  const days = c.course_starts_at && c.course_ends_at ? { first: c.course_starts_at, last: c.course_ends_at } : await courseDates(services.db, c.programme_id);
  // A certificate names its issuer in the city's own words: a Korean name that is only our translation is left off.
  const ownKo = (await translatedOrganisationNames(services.db)).has(c.slug) && c.name_en ? null : c.name_ko;
  return {
    id: c.id,
    valid: true,
    holder: c.holder_name,
    issuedAt: c.issued_at,
    sessionsAttended: Number(c.sessions_attended),
    verifyUrl: `${services.config.publicUrl}${certificateUrl(c.id)}`,
    pdfUrl: `${certificateUrl(c.id)}/pdf`,
    programme: {
      id: c.programme_id,
      url: programmeUrl(c.programme_id),
      kind: c.kind,
      title: { ko: c.title_ko, en: c.title_en },
      organisation: { ko: ownKo, en: c.name_en, slug: c.slug },
      firstDay: days.first,
      lastDay: days.last,
    },
  };
}

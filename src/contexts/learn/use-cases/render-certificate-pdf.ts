import PDFDocument from 'pdfkit';
import { pdfBytes, pdfFontFiles } from '../../../core/pdf/pdf.js';
import QRCode from 'qrcode';
import type { CertificateView } from './verify-certificate.js';

const day = (iso: string | null) =>
  iso ? new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso)) : '—';

/** The certificate of completion: one A4 page, Korean first and English under it, with the verification address. */
export async function renderCertificatePdf(c: CertificateView): Promise<Buffer> {
  const fonts = pdfFontFiles();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    lang: 'ko-KR',
    displayTitle: true,
    font: fonts.regular,
    info: {
      Title: `수료증 Certificate of completion — ${c.programme.title.ko}`,
      Author: 'Open Seoul',
      Creator: 'Open Seoul',
      Subject: c.holder,
      CreationDate: new Date(c.issuedAt),
    },
  });
  doc.registerFont('R', fonts.regular);
  doc.registerFont('B', fonts.bold);
  const bytes = pdfBytes(doc);
  const width = doc.page.width - 112;
  const org = c.programme.organisation;
  doc
    .rect(28, 28, doc.page.width - 56, doc.page.height - 56)
    .lineWidth(2)
    .stroke('#003675');
  doc.moveDown(3);
  doc.font('B').fontSize(34).fillColor('#003675').text('수료증', { align: 'center', width });
  doc.font('R').fontSize(14).fillColor('#444444').text('Certificate of completion', { align: 'center', width });
  doc.moveDown(3);
  doc.font('B').fontSize(24).fillColor('#111111').text(c.holder, { align: 'center', width });
  doc.moveDown(1.5);
  doc
    .font('R')
    .fontSize(13)
    .fillColor('#111111')
    .text(`위 사람은 「${c.programme.title.ko}」 과정을 ${c.sessionsAttended}회 참석하여 수료하였음을 증명합니다.`, { align: 'center', width });
  doc.moveDown(0.5);
  doc
    .fontSize(11)
    .fillColor('#444444')
    .text(
      `This certifies that the person named above completed “${c.programme.title.en || c.programme.title.ko}”, attending ${c.sessionsAttended} session${c.sessionsAttended === 1 ? '' : 's'}.`,
      { align: 'center', width },
    );
  doc.moveDown(2);
  doc
    .fontSize(12)
    .fillColor('#111111')
    .text(`교육 기간 Course dates: ${day(c.programme.firstDay)} – ${day(c.programme.lastDay)}`, { align: 'center', width });
  doc.text(`발급 Issued by: 열린 서울 Open Seoul · ${org.ko ?? org.en ?? org.slug}`, { align: 'center', width });
  if (org.en && org.ko) doc.fontSize(10).fillColor('#444444').text(org.en, { align: 'center', width }).fontSize(12).fillColor('#111111');
  doc.text(`발급일 Issued: ${day(c.issuedAt)}`, { align: 'center', width });
  doc.moveDown(1.5);
  const qrSize = 110;
  doc.image(await QRCode.toBuffer(c.verifyUrl, { type: 'png', margin: 1, width: 330, errorCorrectionLevel: 'M' }), (doc.page.width - qrSize) / 2, doc.y, {
    width: qrSize,
  });
  doc.y += qrSize + 8;
  doc.fontSize(10).fillColor('#444444').text('진위 확인 Verify this certificate (QR):', 56, doc.y, { align: 'center', width });
  doc.fillColor('#003675').text(c.verifyUrl, { align: 'center', width, link: c.verifyUrl, underline: true });
  doc.fillColor('#444444').text(`수료증 번호 Certificate no. ${c.id}`, { align: 'center', width });
  doc.moveDown(2);
  doc.fontSize(9).text('열린 서울 · Open Seoul — 데이터 리터러시 교육 (OGP 서울 실행계획 2018–2020, 공약 ②)', { align: 'center', width });
  doc.end();
  return bytes;
}

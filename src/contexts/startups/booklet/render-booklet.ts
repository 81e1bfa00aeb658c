import path from 'node:path';
import PDFDocument from 'pdfkit';
import { pdfBytes, pdfFontFiles } from '../../../core/pdf/pdf.js';
import QRCode from 'qrcode';
import { startupsCatalog } from '../messages.js';
import type { StartupView } from '../use-cases/describe-startups.js';

const REGULAR = 'Pretendard';
const BOLD = 'Pretendard-Bold';
const MARGIN = 50;
const A4 = { w: 595.28, h: 841.89 };
const INK = '#1d1d1d';
const MUTED = '#555555';
const ACCENT = '#0b50d0';

export interface BookletInput {
  startups: StartupView[];
  /** Where the profile pages are (config.publicUrl), for the QR codes and links. */
  publicUrl: string;
  /** A solution image's bytes by its file name (from the file store), or null. */
  readImage(file: string): Promise<Buffer | null>;
  generatedOn: string;
}

const en = (key: keyof typeof startupsCatalog) => startupsCatalog[key].en;
const TITLE = 'Seoul Youth Smart-City Startups';

async function newDoc(title: string) {
  const fonts = pdfFontFiles();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: 'en-GB',
    displayTitle: true,
    font: fonts.regular,
    autoFirstPage: false,
    bufferPages: true,
    info: { Title: title, Author: 'Open Seoul', Creator: 'Open Seoul' },
  });
  doc.registerFont(REGULAR, fonts.regular);
  doc.registerFont(BOLD, fonts.bold);
  const done = pdfBytes(doc);
  return { doc, done };
}

/** A stored solution image, if it is one pdfkit can embed (a corrupt PNG would fail the whole PDF later, asynchronously). */
async function readImage(read: BookletInput['readImage'], url: string | null) {
  if (!url) return null;
  // Stored images were decoded and encoded again by sharp on upload (domain/image.ts), so pdfkit can read them.
  return read(path.posix.basename(url)).catch(() => null);
}

const qr = (url: string) => QRCode.toBuffer(url, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });
const WIDTH = A4.w - 2 * MARGIN;

/** A heading and a bounded block of text under it (never spilling onto another page). */
function block(doc: PDFKit.PDFDocument, heading: string, text: string, height: number) {
  doc
    .font(BOLD)
    .fontSize(12)
    .fillColor(ACCENT)
    .text(heading, MARGIN, doc.y + 8, { width: WIDTH });
  doc
    .font(REGULAR)
    .fontSize(10)
    .fillColor(INK)
    .text(text, MARGIN, doc.y + 2, { width: WIDTH, height, ellipsis: true });
}

/**
 * One A4 page for one startup, in English only (the booklet refuses a profile whose English is missing, see
 * booklet-readiness): name, facts, what it does, the team, its solutions with images, traction, what it seeks,
 * and the contact with the name in roman letters; a QR code to the profile.
 */
async function startupPage(doc: PDFKit.PDFDocument, s: StartupView, input: BookletInput, opts: { heading: string }) {
  doc.addPage();
  const url = `${input.publicUrl}${s.url}`;
  doc
    .font(REGULAR)
    .fontSize(9)
    .fillColor(ACCENT)
    .text(opts.heading.toUpperCase(), MARGIN, MARGIN, { width: WIDTH - 110, characterSpacing: 1 });
  doc
    .font(BOLD)
    .fontSize(24)
    .fillColor(INK)
    .text(s.name.en ?? '', MARGIN, doc.y + 6, { width: WIDTH - 110 });
  doc.image(await qr(url), A4.w - MARGIN - 90, MARGIN, { width: 90 });
  doc
    .font(REGULAR)
    .fontSize(7)
    .fillColor(MUTED)
    .text('Scan for the profile', A4.w - MARGIN - 90, MARGIN + 92, { width: 90, align: 'center' });
  const facts = [
    `${en('profile.field')}: ${startupsCatalog[`field.${s.field}`].en}`,
    `${en('profile.stage')}: ${startupsCatalog[`stage.${s.stage}`].en}`,
    `Team of ${s.teamSize}`,
    s.foundedYear ? `Founded ${s.foundedYear}` : '',
    s.bodyMember ? 'Member, Youth Startup Consultative Body' : '',
  ]
    .filter(Boolean)
    .join('  ·  ');
  doc
    .font(REGULAR)
    .fontSize(10)
    .fillColor(INK)
    .text(facts, MARGIN, Math.max(doc.y + 6, MARGIN + 70), { width: WIDTH - 110 });
  if (s.example)
    doc
      .fontSize(8)
      .fillColor(MUTED)
      .text('Example (demo) profile: the company and its figures are fictional.', { width: WIDTH - 110 });
  doc.y = Math.max(doc.y, MARGIN + 112);
  block(doc, 'What we do', s.what.en ?? '', 58);
  block(doc, 'Team', s.booklet.team ?? '', 44);
  doc
    .font(BOLD)
    .fontSize(12)
    .fillColor(ACCENT)
    .text(s.solutions.length > 1 ? 'Solutions' : 'Solution', MARGIN, doc.y + 8, { width: WIDTH });
  for (const sol of s.solutions.slice(0, 2)) {
    const top = doc.y + 4;
    const image = await readImage(input.readImage, sol.image);
    const textX = image ? MARGIN + 150 : MARGIN;
    if (image) {
      try {
        doc.image(image, MARGIN, top, { fit: [140, 92] });
      } catch {
        /* an unreadable image leaves the space empty */
      }
    }
    doc
      .font(BOLD)
      .fontSize(11)
      .fillColor(INK)
      .text(sol.title.en ?? '', textX, top, { width: WIDTH - (textX - MARGIN) });
    doc
      .font(REGULAR)
      .fontSize(9.5)
      .fillColor(INK)
      .text(sol.description.en ?? '', { width: WIDTH - (textX - MARGIN), height: 70, ellipsis: true });
    doc.y = Math.max(doc.y, image ? top + 96 : doc.y) + 4;
    doc.x = MARGIN;
  }
  if (s.solutions.length > 2)
    doc
      .font(REGULAR)
      .fontSize(9)
      .fillColor(MUTED)
      .text(`${s.solutions.length - 2} more on the profile.`, MARGIN, doc.y, { width: WIDTH });
  block(doc, 'Traction', s.booklet.traction ?? '', 44);
  block(doc, 'What we seek', s.booklet.ask ?? '', 44);
  const contactTop = A4.h - MARGIN - 78;
  doc
    .moveTo(MARGIN, contactTop - 8)
    .lineTo(A4.w - MARGIN, contactTop - 8)
    .lineWidth(0.5)
    .strokeColor('#cccccc')
    .stroke();
  doc.font(BOLD).fontSize(11).fillColor(INK).text(en('profile.contact'), MARGIN, contactTop, { width: WIDTH });
  const contact = [s.booklet.contactName, s.contact.email, s.contact.phone, s.website].filter(Boolean).join('  ·  ');
  doc.font(REGULAR).fontSize(10).text(contact, { width: WIDTH });
  doc.fontSize(8).fillColor(MUTED).text(url, { width: WIDTH, link: url });
}

/** The city's introduction of its programme (page 2). */
function introductionPage(doc: PDFKit.PDFDocument, count: number) {
  doc.addPage();
  doc.font(BOLD).fontSize(22).fillColor(INK).text('Seoul’s youth startup programme', MARGIN, MARGIN, { width: WIDTH });
  const paragraphs = [
    'The Seoul Metropolitan Government works with young founders to solve city problems with technology. Under its Open Government Partnership action plan (2018–2020, commitment 3), the city set up a Youth Startup Consultative Body: startups led by founders aged 39 or under who meet city departments, test their solutions in Seoul, and tell the city which rules hold them back.',
    'Through Open Seoul, the city’s open-government platform, these startups keep public profiles, apply to the city’s calls and to opportunities at exhibitions and conferences abroad, comment on the rules that affect them, and see each department’s answers and deadlines in public.',
    `This booklet presents ${count} of these startups, one page each: what they do, their team, their solutions, their traction so far and what they are looking for. Every page has a QR code to the startup’s live profile, where the details are kept up to date by the founders themselves.`,
    'The content of each page is written by the startup in English. Profiles marked as examples are fictional demonstrations of the format.',
  ];
  doc.font(REGULAR).fontSize(11.5).fillColor(INK);
  for (const p of paragraphs) doc.text(p, MARGIN, doc.y + 12, { width: WIDTH, lineGap: 3 });
  doc
    .font(BOLD)
    .fontSize(12)
    .fillColor(ACCENT)
    .text('Contact the programme', MARGIN, doc.y + 20, { width: WIDTH });
  doc
    .font(REGULAR)
    .fontSize(10.5)
    .fillColor(INK)
    .text('Seoul Metropolitan Government, through the Open Seoul platform: the startups’ pages, calls and opportunities are at the address on each page.', {
      width: WIDTH,
    });
}

/** The contents (page 3): each startup and the page it is on. */
function contentsPage(doc: PDFKit.PDFDocument, startups: StartupView[], firstPage: number) {
  doc.addPage();
  doc.font(BOLD).fontSize(22).fillColor(INK).text('Contents', MARGIN, MARGIN, { width: WIDTH });
  doc.moveDown(0.8);
  const line = (label: string, page: number) => {
    const y = doc.y + 4;
    doc
      .font(REGULAR)
      .fontSize(11)
      .fillColor(INK)
      .text(label, MARGIN, y, { width: WIDTH - 40, lineBreak: false, ellipsis: true, height: 14 });
    doc.text(String(page), A4.w - MARGIN - 40, y, { width: 40, align: 'right', lineBreak: false });
    doc.y = y + 18;
  };
  line('Seoul’s youth startup programme', 2);
  startups.forEach((s, i) => line(`${s.name.en} — ${startupsCatalog[`field.${s.field}`].en}`, firstPage + i));
}

/** Page numbers at the foot of every page but the cover ("Seoul Youth Smart-City Startups · 4 / 8"). */
function numberPages(doc: PDFKit.PDFDocument) {
  const range = doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing in the margin must not start a new page
    doc
      .font(REGULAR)
      .fontSize(8)
      .fillColor(MUTED)
      .text(`${TITLE}  ·  ${i + 1} / ${range.count}`, MARGIN, A4.h - 30, { width: WIDTH, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/** The English booklet: a cover, the city's introduction, the contents, then one numbered page per startup. */
export async function renderBooklet(input: BookletInput): Promise<Buffer> {
  const { doc, done } = await newDoc(TITLE);
  doc.addPage();
  doc.rect(0, 0, A4.w, 300).fill(ACCENT);
  doc.font(BOLD).fontSize(34).fillColor('#ffffff').text('Seoul Youth\nSmart-City Startups', MARGIN, 110, { width: WIDTH });
  doc
    .fillColor(INK)
    .font(REGULAR)
    .fontSize(12)
    .text(
      'Presented by the Seoul Metropolitan Government with the Youth Startup Consultative Body (Seoul OGP action plan 2018–2020, commitment 3).',
      MARGIN,
      340,
      { width: WIDTH },
    );
  doc
    .moveDown(1)
    .font(BOLD)
    .fontSize(13)
    .text(`${input.startups.length} startup${input.startups.length === 1 ? '' : 's'}, one page each`, { width: WIDTH });
  doc
    .fontSize(9)
    .font(REGULAR)
    .fillColor(MUTED)
    .text(`Generated on ${input.generatedOn} from the profiles at ${input.publicUrl}/startups`, MARGIN, A4.h - MARGIN - 20, { width: WIDTH });
  introductionPage(doc, input.startups.length);
  contentsPage(doc, input.startups, 4);
  for (const s of input.startups) await startupPage(doc, s, input, { heading: 'Seoul youth smart-city startup' });
  numberPages(doc);
  doc.end();
  return done;
}

/** A one-page proposal sheet for one startup, to hand to partners abroad. */
export async function renderProposalSheet(s: StartupView, input: Omit<BookletInput, 'startups'>): Promise<Buffer> {
  const { doc, done } = await newDoc(`${s.name.en ?? ''}: proposal`);
  await startupPage(doc, s, { ...input, startups: [s] }, { heading: 'Proposal · Seoul youth smart-city startup' });
  doc.end();
  return done;
}

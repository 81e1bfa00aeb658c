import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
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

function fontFiles() {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('pretendard/package.json')), 'dist/public/static/alternative');
  return { regular: join(dir, 'Pretendard-Regular.ttf'), bold: join(dir, 'Pretendard-Bold.ttf') };
}

export interface BookletInput {
  startups: StartupView[];
  /** Where the profile pages are (config.publicUrl), for the QR codes and links. */
  publicUrl: string;
  /** The directory holding the solution images. */
  imageDir: string;
  generatedOn: string;
}

const en = (key: keyof typeof startupsCatalog) => startupsCatalog[key].en;
const both = (v: { ko: string | null; en: string | null }) => ({ main: v.en ?? v.ko ?? '', ko: v.ko && v.ko !== v.en ? v.ko : null });

async function newDoc(title: string) {
  const fonts = fontFiles();
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, lang: 'en-GB', displayTitle: true, font: fonts.regular, autoFirstPage: false, info: { Title: title, Author: 'Open Seoul', Creator: 'Open Seoul' } });
  doc.registerFont(REGULAR, fonts.regular);
  doc.registerFont(BOLD, fonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => { doc.on('end', () => resolve(Buffer.concat(chunks))); doc.on('error', reject); });
  return { doc, done };
}

async function readImage(dir: string, url: string | null) {
  if (!url) return null;
  const file = path.join(dir, path.basename(url));
  return fs.readFile(file).catch(() => null);
}

const qr = (url: string) => QRCode.toBuffer(url, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });

/** One A4 page for one startup: name in English and Korean, facts, what it makes, solutions with images, contacts, QR. */
async function startupPage(doc: PDFKit.PDFDocument, s: StartupView, input: BookletInput, opts: { heading: string }) {
  doc.addPage();
  const width = A4.w - 2 * MARGIN;
  const url = `${input.publicUrl}${s.url}`;
  const name = both(s.name);
  doc.font(REGULAR).fontSize(9).fillColor(ACCENT).text(opts.heading.toUpperCase(), MARGIN, MARGIN, { width, characterSpacing: 1 });
  doc.font(BOLD).fontSize(24).fillColor(INK).text(name.main, MARGIN, doc.y + 6, { width: width - 110 });
  if (name.ko) doc.font(REGULAR).fontSize(14).fillColor(MUTED).text(name.ko, { width: width - 110 });
  doc.image(await qr(url), A4.w - MARGIN - 90, MARGIN, { width: 90 });
  doc.font(REGULAR).fontSize(7).fillColor(MUTED).text('Profile / 프로필', A4.w - MARGIN - 90, MARGIN + 92, { width: 90, align: 'center' });
  const facts = [
    `${en('profile.field')}: ${startupsCatalog[`field.${s.field}`].en}`, `${en('profile.stage')}: ${startupsCatalog[`stage.${s.stage}`].en}`,
    `Team: ${s.teamSize}`, s.foundedYear ? `Founded ${s.foundedYear}` : '', s.bodyMember ? 'Member, Youth Startup Consultative Body' : '',
  ].filter(Boolean).join('  ·  ');
  doc.moveDown(0.6).font(REGULAR).fontSize(10).fillColor(INK).text(facts, MARGIN, Math.max(doc.y, MARGIN + 110), { width });
  if (s.example) doc.fontSize(8).fillColor(MUTED).text('Example (demo) profile · 예시 프로필', { width });
  const what = s.what.en ?? s.what.ko ?? '';
  doc.moveDown(0.6).fontSize(11).fillColor(INK).text(what, { width, height: 130, ellipsis: true });
  if (s.what.en && s.what.ko) doc.moveDown(0.3).fontSize(9).fillColor(MUTED).text(s.what.ko, { width, height: 60, ellipsis: true });
  doc.moveDown(0.8).font(BOLD).fontSize(13).fillColor(INK).text(en('profile.solutions'), { width });
  const solutions = s.solutions.slice(0, 2);
  for (const sol of solutions) {
    const top = doc.y + 6;
    const image = await readImage(input.imageDir, sol.image);
    const textX = image ? MARGIN + 150 : MARGIN;
    if (image) {
      try { doc.image(image, MARGIN, top, { fit: [140, 100] }); } catch { /* an unreadable image leaves the space empty */ }
    }
    const title = both(sol.title);
    doc.font(BOLD).fontSize(11).fillColor(INK).text(title.main + (title.ko ? ` (${title.ko})` : ''), textX, top, { width: width - (textX - MARGIN) });
    doc.font(REGULAR).fontSize(9.5).fillColor(INK).text(sol.description.en ?? sol.description.ko ?? '', { width: width - (textX - MARGIN), height: 80, ellipsis: true });
    doc.y = Math.max(doc.y, image ? top + 106 : doc.y) + 4;
    doc.x = MARGIN;
  }
  if (!solutions.length) doc.font(REGULAR).fontSize(10).fillColor(MUTED).text(en('profile.noSolutions'), { width });
  if (s.references) doc.moveDown(0.6).font(BOLD).fontSize(11).fillColor(INK).text(en('profile.references'), MARGIN, doc.y, { width })
    .font(REGULAR).fontSize(9).text(s.references, { width, height: 60, ellipsis: true });
  const contactTop = A4.h - MARGIN - 70;
  doc.moveTo(MARGIN, contactTop - 8).lineTo(A4.w - MARGIN, contactTop - 8).lineWidth(0.5).strokeColor('#cccccc').stroke();
  doc.font(BOLD).fontSize(11).fillColor(INK).text(en('profile.contact'), MARGIN, contactTop, { width });
  const contact = [s.contact.name, s.contact.email, s.contact.phone, s.website].filter(Boolean).join('  ·  ');
  doc.font(REGULAR).fontSize(10).text(contact, { width });
  doc.fontSize(8).fillColor(MUTED).text(url, { width, link: url });
}

/** The English booklet: a cover, then one page per startup. */
export async function renderBooklet(input: BookletInput): Promise<Buffer> {
  const { doc, done } = await newDoc('Seoul Youth Smart-City Startups / 서울 청년 스마트시티 스타트업');
  doc.addPage();
  const width = A4.w - 2 * MARGIN;
  doc.rect(0, 0, A4.w, 300).fill(ACCENT);
  doc.font(BOLD).fontSize(34).fillColor('#ffffff').text('Seoul Youth\nSmart-City Startups', MARGIN, 110, { width });
  doc.font(REGULAR).fontSize(18).text('서울 청년 스마트시티 스타트업', MARGIN, doc.y + 8, { width });
  doc.fillColor(INK).fontSize(12).text('Presented by the Seoul Metropolitan Government with the Youth Startup Consultative Body (Seoul OGP action plan 2018–2020, commitment 3).', MARGIN, 340, { width });
  doc.moveDown(1).font(BOLD).fontSize(13).text(`${input.startups.length} startups`, { width });
  doc.font(REGULAR).fontSize(11);
  for (const s of input.startups) {
    const n = both(s.name);
    doc.text(`•  ${n.main}${n.ko ? ` (${n.ko})` : ''} — ${startupsCatalog[`field.${s.field}`].en}`, { width });
  }
  doc.fontSize(9).fillColor(MUTED).text(`Generated on ${input.generatedOn} from the profiles at ${input.publicUrl}/startups`, MARGIN, A4.h - MARGIN - 20, { width });
  for (const s of input.startups) await startupPage(doc, s, input, { heading: 'Seoul youth smart-city startup' });
  doc.end();
  return done;
}

/** A one-page proposal sheet for one startup, to hand to partners abroad. */
export async function renderProposalSheet(s: StartupView, input: Omit<BookletInput, 'startups'>): Promise<Buffer> {
  const { doc, done } = await newDoc(`${s.name.en ?? s.name.ko ?? ''}: proposal`);
  await startupPage(doc, s, { ...input, startups: [s] }, { heading: 'Proposal · Seoul youth smart-city startup' });
  doc.end();
  return done;
}

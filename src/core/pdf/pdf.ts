import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Pretendard (the Korean font of every PDF we print) from the npm package, found from this file, not the working directory. */
export function pdfFontFiles(): { regular: string; bold: string } {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('pretendard/package.json')), 'dist/public/static/alternative');
  return { regular: join(dir, 'Pretendard-Regular.ttf'), bold: join(dir, 'Pretendard-Bold.ttf') };
}

/**
 * The bytes of a pdfkit document: call it right after creating the document (before anything is drawn), then
 * `doc.end()`, then await the promise. It rejects if pdfkit reports an error while writing.
 */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

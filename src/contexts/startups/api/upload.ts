import { formBody } from '../../../web/forms.js';

type FilePart = { type?: string; filename?: string; toBuffer?: () => Promise<Buffer> };

/** A multipart solution form: its text fields and the `image` file (null when none was chosen). */
export async function readSolutionForm(body: unknown): Promise<{ fields: Record<string, string>; image: Buffer | null }> {
  const part = (body as Record<string, unknown> | undefined)?.image as FilePart | undefined;
  const image = part && typeof part.toBuffer === 'function' && part.filename ? await part.toBuffer() : null;
  return { fields: formBody(body), image: image?.length ? image : null };
}

import { langOfText, type Locale } from '../core/i18n/messages.js';

/**
 * Server-side HTML with escaping by default: `html\`<p>${userText}</p>\`` escapes userText;
 * nest fragments (also `Html`) and arrays of them freely; `raw()` is for trusted markup only.
 */
export class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

type Part = Html | string | number | boolean | null | undefined | Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false || part === true) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < parts.length; i++) out += render(parts[i]) + strings[i + 1]!;
  return new Html(out);
}

export const raw = (trusted: string) => new Html(trusted);

/**
 * Text someone typed, in one language only (a title, a name, a comment): marked with the language its
 * letters tell when that is not the page's, so a Korean page never shows English without `lang="en"`.
 */
export function userText(text: string, locale: Locale): Html | string {
  const lang = langOfText(text);
  return lang === locale ? text : html`<span lang="${lang}">${text}</span>`;
}

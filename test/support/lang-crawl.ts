/**
 * Finds English text on a page that is not marked `lang="en"`: each text node (and each alt, title,
 * aria-label or placeholder) is read in the language of its nearest element with a `lang`. A small
 * tokenizer is enough: the pages are the server's own, well-formed HTML.
 */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const RAW = new Set(['script', 'style']);
const ATTRS = ['alt', 'title', 'aria-label', 'placeholder'];
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
const decode = (s: string) => s.replace(/&(#?\w+);/g, (m, e: string) => ENTITIES[e] ?? (e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : m));

/**
 * Identifiers that stay in roman letters in Korean text: formats, acronyms, licence and font names
 * (AGPL-3.0, SIL OFL 1.1, Pretendard), the OpenAPI specification. Not prose, so not "English content".
 */
const ALLOWED =
  /\b(JSON|CSV|Atom|API|APIs|OpenAPI|OGP|IRM|ICT|MWC|4YFN|PDF|PNG|JPEG|WebP|RSS|GIS|KST|URL|QR|ID|SNS|IT|KRDS|KOGL|AGPL|SIL|OFL|Pretendard|YYYY-MM-DD|YYYY|MM|DD)\b/g;

/** Does this text read as English (two roman words in a row, or one of four letters or more)? */
export function looksEnglish(text: string): boolean {
  const t = text
    .replace(/\S+@\S+\.\w+/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[\w.-]*\/[\w./#?=&%-]*/g, ' ')
    .replace(ALLOWED, ' ');
  return /[A-Za-z]{2,}(?:[\s'’,.:&()/-]+[A-Za-z]{2,})+/.test(t) || /[A-Za-z]{4,}/.test(t);
}

export interface Finding {
  text: string;
  path: string;
}

export function englishWithoutLang(html: string, pageLang = 'ko'): Finding[] {
  const stack: Array<{ tag: string; lang: string | null }> = [];
  const out: Finding[] = [];
  const langNow = () => [...stack].reverse().find((e) => e.lang)?.lang ?? pageLang;
  const where = () => stack.map((e) => e.tag).join('>');
  const check = (text: string) => {
    const s = decode(text).trim();
    // <title> cannot hold a marked span: the browser tab shows it as text, whatever its language.
    if (stack.some((e) => e.tag === 'title')) return;
    if (s && langNow().startsWith('ko') && looksEnglish(s)) out.push({ text: s.slice(0, 120), path: where() });
  };
  const re = /<!--[\s\S]*?-->|<!doctype[^>]*>|<(\/?)([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/gi;
  let last = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    check(html.slice(last, m.index));
    last = re.lastIndex;
    const [, closing, rawTag, attrs = '', selfClosing] = m;
    if (!rawTag) continue;
    const tag = rawTag.toLowerCase();
    if (closing) {
      const i = stack.map((e) => e.tag).lastIndexOf(tag);
      if (i >= 0) stack.length = i;
      continue;
    }
    const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(attrs);
    const lang = attr('lang');
    const entry = { tag, lang: lang ? (lang[1] ?? lang[2] ?? null) : null };
    stack.push(entry);
    for (const a of ATTRS) {
      const v = attr(a);
      if (v) check(v[1] ?? v[2] ?? '');
    }
    if (tag === 'input' && /type\s*=\s*"(text|search)?"|^(?![\s\S]*type=)/i.test(attrs)) {
      const v = attr('value');
      if (v) check(v[1] ?? v[2] ?? '');
    }
    if (VOID.has(tag) || selfClosing) stack.pop();
    else if (RAW.has(tag)) {
      const end = html.toLowerCase().indexOf(`</${tag}`, last);
      last = end < 0 ? html.length : end;
      re.lastIndex = last;
    }
  }
  check(html.slice(last));
  return out;
}

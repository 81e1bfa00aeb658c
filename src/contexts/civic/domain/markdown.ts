import { escapeHtml } from '../../../web/html.js';

/**
 * A strict Markdown subset for progress posts and results, rendered to safe HTML by construction: raw HTML is
 * dropped (tags, comments, and the content of script/style/iframe/object/embed elements), every text is escaped,
 * and only the markup built here is emitted — paragraphs, headings (shifted under the page's own headings),
 * lists, block quotes, fenced code, `code`, **strong**, *emphasis*, and links to http(s), mailto or site-relative
 * addresses. No attribute comes from the text except a checked href, so no event handler can get through.
 */
const DROPPED_ELEMENTS = /<\s*(script|style|iframe|object|embed|template|noscript|svg|math)\b[^>]*>[\s\S]*?<\s*\/\s*\1\s*>/gi;
const TAG = /<!--[\s\S]*?-->|<\s*\/?\s*[a-zA-Z][^>]*>?/g;

export const stripHtml = (text: string) => text.replace(DROPPED_ELEMENTS, '').replace(TAG, '');

/** An address a link may point to; anything else (javascript:, data:, vbscript:, protocol-relative) is not linked. */
export function safeHref(href: string): string | null {
  const h = href.trim();
  if (/^\/(?!\/)/.test(h) || h.startsWith('#')) return h;
  try {
    const u = new URL(h);
    return ['http:', 'https:', 'mailto:'].includes(u.protocol) ? u.toString() : null;
  } catch {
    return null;
  }
}

function inline(text: string): string {
  // Code spans first: their content is shown as typed (escaped), never formatted.
  return text.split(/(`[^`\n]+`)/).map((part) => {
    if (/^`[^`\n]+`$/.test(part)) return `<code>${escapeHtml(part.slice(1, -1))}</code>`;
    let s = escapeHtml(stripHtml(part));
    s = s.replace(/\[([^\]\n]{1,300})\]\(([^)\s]{1,2000})\)/g, (_m, label: string, href: string) => {
      const safe = safeHref(href.replace(/&amp;/g, '&'));
      return safe ? `<a href="${escapeHtml(safe)}" rel="nofollow ugc noopener">${label}</a>` : label;
    });
    s = s.replace(/\*\*([^*\n]+)\*\*/g, '<strong>$1</strong>').replace(/(^|[^*])\*([^*\n]+)\*/g, '$1<em>$2</em>');
    return s;
  }).join('');
}

/** Renders the subset; `headingBase` is the level a "#" heading becomes (3: # → h3, ## → h4, …, at most h6). */
export function renderMarkdown(source: string, headingBase = 3): string {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let paragraph: string[] = [];
  let list: { tag: 'ul' | 'ol'; items: string[] } | null = null;
  let quote: string[] = [];
  const flush = () => {
    if (paragraph.length) out.push(`<p>${paragraph.map(inline).join('<br>')}</p>`);
    if (list) out.push(`<${list.tag}>${list.items.map((i) => `<li>${inline(i)}</li>`).join('')}</${list.tag}>`);
    if (quote.length) out.push(`<blockquote><p>${quote.map(inline).join('<br>')}</p></blockquote>`);
    paragraph = [];
    list = null;
    quote = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*```/.test(line)) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !/^\s*```/.test(lines[i]!); i++) code.push(lines[i]!);
      out.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
      continue;
    }
    if (!line.trim()) { flush(); continue; }
    const heading = /^(#{1,6})\s+(.+)$/.exec(line);
    if (heading) {
      flush();
      const level = Math.min(6, headingBase + heading[1]!.length - 1);
      out.push(`<h${level}>${inline(heading[2]!.replace(/\s+#+\s*$/, ''))}</h${level}>`);
      continue;
    }
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d{1,9}[.)]\s+(.*)$/.exec(line);
    if (bullet || numbered) {
      const tag = bullet ? 'ul' : 'ol';
      if (paragraph.length || quote.length || (list && list.tag !== tag)) flush();
      list ??= { tag, items: [] };
      list.items.push((bullet ?? numbered)![1]!);
      continue;
    }
    const quoted = /^\s*>\s?(.*)$/.exec(line);
    if (quoted) {
      if (paragraph.length || list) flush();
      quote.push(quoted[1]!);
      continue;
    }
    if (list || quote.length) flush();
    paragraph.push(line.trim());
  }
  flush();
  return out.join('\n');
}

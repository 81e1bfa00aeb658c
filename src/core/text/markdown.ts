import MarkdownIt from 'markdown-it';

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

/**
 * Markdown written by people (progress posts, results, lesson text, narratives), rendered by markdown-it. Raw
 * HTML is never emitted: a tag someone typed is dropped (its text stays), so no script, style or event handler
 * reaches the page. A link to anything but http(s), mailto or this site keeps only its text; the others get
 * rel="nofollow ugc noopener". Images are not loaded (their alt text becomes a link to them). A line break in a
 * paragraph is kept.
 */
function renderer(headingBase: number) {
  const md = new MarkdownIt('commonmark', { html: true, linkify: false, breaks: true, xhtmlOut: false });
  md.disable(['image']);
  md.validateLink = () => true; // every link is parsed, so that an unsafe one can be shown as its text only
  md.renderer.rules.html_inline = () => '';
  // A block that starts with a tag keeps its text, as Markdown, without the tags (never emitted as HTML).
  md.renderer.rules.html_block = (tokens, i) => {
    const text = tokens[i]!.content.replace(/<\/?[a-zA-Z][^>]*>|<!--[\s\S]*?-->/g, ' ').trim();
    return text ? `<p>${md.renderInline(text)}</p>\n` : '';
  };
  md.core.ruler.push('unsafe_links_as_text', (state) => {
    for (const block of state.tokens) {
      const open: boolean[] = [];
      for (const token of block.children ?? []) {
        if (token.type === 'link_open') {
          const unsafe = safeHref(token.attrGet('href') ?? '') === null;
          open.push(unsafe);
          if (unsafe) Object.assign(token, { type: 'text', tag: '', content: '', attrs: null });
        } else if (token.type === 'link_close' && open.pop()) Object.assign(token, { type: 'text', tag: '', content: '' });
      }
    }
  });
  const shift = (tag: string) => `h${Math.min(6, headingBase + Number(tag.slice(1)) - 1)}`;
  md.renderer.rules.heading_open = (tokens, i) => `<${shift(tokens[i]!.tag)}>`;
  md.renderer.rules.heading_close = (tokens, i) => `</${shift(tokens[i]!.tag)}>\n`;
  md.renderer.rules.link_open = (tokens, i, options, _env, self) => {
    tokens[i]!.attrSet('rel', 'nofollow ugc noopener');
    return self.renderToken(tokens, i, options);
  };
  return md;
}

const renderers = new Map<number, MarkdownIt>();

/** Renders Markdown to safe HTML; `headingBase` is the level a "#" heading becomes (3: # → h3, ## → h4, …, at most h6). */
export function renderMarkdown(source: string, headingBase = 3): string {
  let md = renderers.get(headingBase);
  if (!md) renderers.set(headingBase, (md = renderer(headingBase)));
  return md.render(source).trim();
}

import { Feed } from 'feed';
import { escapeHtml } from './html.js';

/**
 * Atom feeds (RFC 4287) through the `feed` library: every feed of the site is built here, so each is well formed
 * and has what Atom requires (id, title, updated, an author, a self link). Entry titles and contents are HTML in
 * the library's output (type="html"): plain text given here is escaped first, so a reader shows it as written.
 */
export const ATOM_TYPE = 'application/atom+xml; charset=utf-8';

export interface AtomEntry {
  /** An IRI: the entry's page, or a urn: of its own. */
  id: string;
  title: string;
  link: string;
  updated: string | Date;
  published?: string | Date;
  author?: string;
  category?: { term: string; label?: string };
  /** Plain text: escaped, line breaks kept. */
  text?: string;
  /** HTML already made safe (rendered Markdown). */
  html?: string;
  /** A plain-text summary. */
  summary?: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  /** The feed's own address. */
  self: string;
  /** The page the feed follows, if any. */
  alternate?: string;
  updated: string | Date;
  /** The language of the feed's text (xml:lang on <feed>); English text inside carries its own words. */
  lang?: 'ko' | 'en';
  entries: AtomEntry[];
}

const date = (d: string | Date) => (d instanceof Date ? d : new Date(d));
/** Plain text as HTML: escaped, paragraphs at blank lines, line breaks within. */
export const textAsHtml = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');

export function atomFeed(doc: AtomFeed): string {
  const feed = new Feed({
    id: doc.id,
    title: doc.title,
    updated: date(doc.updated),
    generator: 'Open Seoul',
    author: { name: 'Open Seoul' },
    feed: doc.self,
    ...(doc.alternate ? { link: doc.alternate } : {}),
  });
  for (const e of doc.entries) {
    const content = e.html ?? (e.text !== undefined ? textAsHtml(e.text) : undefined);
    feed.addItem({
      id: e.id,
      title: escapeHtml(e.title),
      link: e.link,
      date: date(e.updated),
      ...(e.published ? { published: date(e.published) } : {}),
      ...(e.author ? { author: [{ name: e.author }] } : {}),
      ...(e.category ? { category: [{ term: e.category.term, ...(e.category.label ? { name: e.category.label } : {}) }] } : {}),
      ...(content !== undefined ? { content } : {}),
      ...(e.summary ? { description: escapeHtml(e.summary) } : {}),
    });
  }
  const xml = feed.atom1();
  return doc.lang ? xml.replace('<feed xmlns="http://www.w3.org/2005/Atom">', `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${doc.lang}">`) : xml;
}

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';

/** An entry of an Atom feed as a reader sees it: HTML titles and contents decoded to text where they are text. */
export interface ParsedEntry {
  id: string;
  title: string;
  updated: string;
  link: string;
  content: string;
  summary: string;
  author: string | null;
  categories: Array<{ term: string; label?: string }>;
}
export interface ParsedFeed {
  lang: string | null;
  id: string;
  title: string;
  updated: string;
  self: string;
  alternate: string | null;
  author: string;
  entries: ParsedEntry[];
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const unescapeHtml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
type Node = Record<string, unknown>;
const text = (v: unknown): string => (typeof v === 'object' && v !== null ? String((v as Node)['#text'] ?? '') : String(v ?? ''));
/** A text construct (RFC 4287 §3.1): type="html" is decoded once, as a reader would. */
const textConstruct = (v: unknown) => (typeof v === 'object' && v !== null && (v as Node)['@_type'] === 'html' ? unescapeHtml(text(v)) : text(v));
const links = (v: unknown) => [v ?? []].flat() as Node[];

/**
 * Parses an Atom document with a real XML parser, checks that it is well formed and has what RFC 4287 requires
 * (feed: id, title, updated, author, a self link; each entry: id, title, updated, a link; dates in RFC 3339),
 * and returns it in plain fields for assertions.
 */
export function parseAtom(body: string): ParsedFeed {
  expect(XMLValidator.validate(body)).toBe(true);
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    isArray: (name) => ['entry', 'link', 'category'].includes(name),
  }).parse(body) as Node;
  const feed = doc.feed as Node;
  expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
  const fl = links(feed.link);
  const self = fl.find((l) => l['@_rel'] === 'self')?.['@_href'] as string;
  const parsed: ParsedFeed = {
    lang: (feed['@_xml:lang'] as string | undefined) ?? null,
    id: text(feed.id),
    title: textConstruct(feed.title),
    updated: text(feed.updated),
    self,
    alternate: (fl.find((l) => (l['@_rel'] ?? 'alternate') === 'alternate')?.['@_href'] as string | undefined) ?? null,
    author: text((feed.author as Node | undefined)?.name),
    entries: [feed.entry ?? []].flat().map((e) => {
      const entry = e as Node;
      return {
        id: text(entry.id),
        title: textConstruct(entry.title),
        updated: text(entry.updated),
        link: String(links(entry.link).find((l) => (l['@_rel'] ?? 'alternate') === 'alternate')?.['@_href'] ?? ''),
        content: textConstruct(entry.content),
        summary: textConstruct(entry.summary),
        author: entry.author ? text((entry.author as Node).name) : null,
        categories: links(entry.category).map((c) => ({ term: String(c['@_term']), ...(c['@_label'] ? { label: String(c['@_label']) } : {}) })),
      };
    }),
  };
  expect(parsed.id).not.toBe('');
  expect(parsed.title).not.toBe('');
  expect(parsed.updated).toMatch(RFC3339);
  expect(parsed.self).toMatch(/^https?:\/\/.+\.atom$/);
  expect(parsed.author).not.toBe(''); // entries without an author of their own take the feed's
  for (const e of parsed.entries) {
    expect(e.id).toMatch(/^(https?|urn):/);
    expect(e.title).not.toBe('');
    expect(e.updated).toMatch(RFC3339);
    expect(e.link).toMatch(/^https?:\/\//);
  }
  return parsed;
}

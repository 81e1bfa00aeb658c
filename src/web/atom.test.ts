import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { atomFeed, textAsHtml } from './atom.js';

const parse = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, isArray: (n) => ['entry', 'link', 'category'].includes(n) }).parse(
    xml,
  ).feed;

describe('atomFeed', () => {
  const xml = atomFeed({
    id: 'https://open.seoul.example/x.atom',
    title: '열린 서울 & <소식>',
    self: 'https://open.seoul.example/x.atom',
    alternate: 'https://open.seoul.example/x',
    updated: '2026-12-01T09:00:00+09:00',
    lang: 'ko',
    entries: [
      {
        id: 'urn:open-seoul:test:1',
        title: 'a < b & "c" ]]> d',
        link: 'https://open.seoul.example/1?a=1&b=2',
        updated: '2026-12-01T00:00:00Z',
        category: { term: 'answered', label: 'Answered' },
        text: '첫 줄\n둘째 줄\n\n<b>문단</b>',
      },
      {
        id: 'https://open.seoul.example/2',
        title: '둘',
        link: 'https://open.seoul.example/2',
        updated: new Date('2026-11-30T00:00:00Z'),
        published: '2026-11-01T00:00:00Z',
        author: '김 & 이',
        html: '<p><strong>굵게</strong></p>',
        summary: 'S < s',
      },
    ],
  });

  it('is well-formed Atom with the required fields, the language and the self link', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = parse(xml);
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed['@_xml:lang']).toBe('ko');
    expect([feed.id, feed.title, feed.updated, feed.author.name]).toEqual([
      'https://open.seoul.example/x.atom',
      '열린 서울 & <소식>',
      '2026-12-01T00:00:00.000Z',
      'Open Seoul',
    ]);
    expect(feed.link.map((l: Record<string, string>) => [l['@_rel'], l['@_href']])).toEqual([
      ['alternate', 'https://open.seoul.example/x'],
      ['self', 'https://open.seoul.example/x.atom'],
    ]);
  });

  it('keeps plain text as text (escaped inside HTML, even a CDATA end), HTML as given, and categories', () => {
    const [one, two] = parse(xml).entry;
    expect(one.title['@_type']).toBe('html');
    expect(one.title['#text']).toBe('a &lt; b &amp; &quot;c&quot; ]]&gt; d'); // a reader shows exactly the text
    expect(one.link[0]['@_href']).toBe('https://open.seoul.example/1?a=1&b=2');
    expect(one.content['#text']).toBe('<p>첫 줄<br>둘째 줄</p><p>&lt;b&gt;문단&lt;/b&gt;</p>');
    expect(one.category[0]).toEqual({ '@_label': 'Answered', '@_term': 'answered' });
    expect([two.content['#text'], two.summary['#text'], two.author.name, two.published]).toEqual([
      '<p><strong>굵게</strong></p>',
      'S &lt; s',
      '김 & 이',
      '2026-11-01T00:00:00.000Z',
    ]);
  });

  it('writes plain text as paragraphs and line breaks', () => {
    expect(textAsHtml('a & b\nc\n\n\nd')).toBe('<p>a &amp; b<br>c</p><p>d</p>');
  });
});

/**
 * Reads the logical structure of a tagged PDF from its bytes, for the tests: the catalog's /MarkInfo and
 * /Lang, and the structure tree from /StructTreeRoot down, in order (the reading order), with each element's
 * type, language, alt text and whether it holds content. A small parser of PDF object syntax (no streams:
 * pdfkit writes its dictionaries in plain text), written apart from the renderer so it checks the bytes.
 */
export type PdfValue = number | boolean | null | string | { name: string } | { ref: number } | PdfValue[] | { [key: string]: PdfValue };
export interface StructNode {
  type: string;
  lang: string | null;
  alt: string | null;
  content: boolean;
  children: StructNode[];
}
export interface PdfStructure {
  marked: boolean;
  lang: string | null;
  root: StructNode[];
}

const DELIM = new Set(['(', ')', '<', '>', '[', ']', '/', '%', '{', '}']);
const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\f' || c === '\0';

function decodeBytes(bytes: number[]): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let s = '';
    for (let i = 2; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
    return s;
  }
  return String.fromCharCode(...bytes);
}

class Reader {
  i = 0;
  constructor(private readonly s: string) {}

  private skip() {
    while (this.i < this.s.length && isSpace(this.s[this.i]!)) this.i++;
  }

  value(): PdfValue {
    this.skip();
    const s = this.s;
    const c = s[this.i]!;
    if (c === '<' && s[this.i + 1] === '<') {
      this.i += 2;
      const dict: Record<string, PdfValue> = {};
      for (;;) {
        this.skip();
        if (s.startsWith('>>', this.i)) {
          this.i += 2;
          return dict;
        }
        const key = this.value() as { name: string };
        dict[key.name] = this.value();
      }
    }
    if (c === '[') {
      this.i++;
      const arr: PdfValue[] = [];
      for (;;) {
        this.skip();
        if (s[this.i] === ']') {
          this.i++;
          return arr;
        }
        arr.push(this.value());
      }
    }
    if (c === '/') {
      let j = this.i + 1;
      while (j < s.length && !isSpace(s[j]!) && !DELIM.has(s[j]!)) j++;
      const name = s.slice(this.i + 1, j).replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
      this.i = j;
      return { name };
    }
    if (c === '(') return this.literal();
    if (c === '<') {
      const end = s.indexOf('>', this.i);
      const hex = s.slice(this.i + 1, end).replace(/\s/g, '');
      this.i = end + 1;
      return decodeBytes(hex.match(/../g)?.map((h) => parseInt(h, 16)) ?? []);
    }
    const word = /^[^\s()<>[\]/%{}]+/.exec(s.slice(this.i, this.i + 40))![0];
    this.i += word.length;
    if (word === 'true' || word === 'false') return word === 'true';
    if (word === 'null') return null;
    const ref = /^\s+(\d+)\s+R(?![A-Za-z])/.exec(s.slice(this.i, this.i + 20));
    if (ref) {
      this.i += ref[0].length;
      return { ref: Number(word) };
    }
    return Number(word);
  }

  private literal(): string {
    const s = this.s;
    const bytes: number[] = [];
    let depth = 0;
    this.i++;
    for (;;) {
      const c = s[this.i++]!;
      if (c === '\\') {
        const e = s[this.i++]!;
        const map: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
        if (e in map) bytes.push(map[e]!);
        else if (/[0-7]/.test(e)) {
          let oct = e;
          while (oct.length < 3 && /[0-7]/.test(s[this.i]!)) oct += s[this.i++];
          bytes.push(parseInt(oct, 8));
        }
        continue;
      }
      if (c === '(') depth++;
      if (c === ')' && depth-- === 0) return decodeBytes(bytes);
      bytes.push(c.charCodeAt(0));
    }
  }
}

/** Every indirect object's value (streams' dictionaries only). */
export function pdfObjects(pdf: Buffer): Map<number, PdfValue> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfValue>();
  for (const m of text.matchAll(/(?:^|\n)(\d+) 0 obj\s*/g)) {
    const r = new Reader(text);
    r.i = m.index! + m[0].length;
    objects.set(Number(m[1]), r.value());
  }
  return objects;
}

export function pdfStructure(pdf: Buffer): PdfStructure {
  const objects = pdfObjects(pdf);
  const get = (v: PdfValue | undefined): PdfValue | undefined => (v && typeof v === 'object' && 'ref' in v ? objects.get((v as { ref: number }).ref) : v);
  const dict = (v: PdfValue | undefined) => (get(v) ?? {}) as Record<string, PdfValue>;
  const catalog = [...objects.values()].find(
    (o) => o && typeof o === 'object' && !Array.isArray(o) && (o as { Type?: { name: string } }).Type?.name === 'Catalog',
  ) as Record<string, PdfValue>;
  const kids = (k: PdfValue | undefined): PdfValue[] => (k === undefined || k === null ? [] : Array.isArray(k) ? k : [k]);
  const node = (v: PdfValue): StructNode | null => {
    const d = dict(v);
    if (typeof d.S !== 'object' || d.S === null || !('name' in d.S)) return null;
    const children = kids(get(d.K)).map((k) => get(k));
    return {
      type: (d.S as { name: string }).name,
      lang: typeof d.Lang === 'string' ? d.Lang : null,
      alt: typeof d.Alt === 'string' ? d.Alt : null,
      // A marked-content id (a number, or a dictionary with /MCID) is content drawn on the page.
      content: children.some((c) => typeof c === 'number' || (c !== null && typeof c === 'object' && !Array.isArray(c) && 'MCID' in c)),
      children: children
        .map((c) => (c !== null && typeof c === 'object' && !Array.isArray(c) && 'S' in c ? node(c as PdfValue) : null))
        .filter((c): c is StructNode => c !== null),
    };
  };
  const root = catalog?.StructTreeRoot ? dict(catalog.StructTreeRoot) : null;
  return {
    marked: dict(catalog?.MarkInfo).Marked === true,
    lang: typeof catalog?.Lang === 'string' ? catalog.Lang : null,
    root: root
      ? kids(get(root.K))
          .map((k) => node(k))
          .filter((n): n is StructNode => n !== null)
      : [],
  };
}

/** The elements in reading order (depth first), each with its text-bearing descendants. */
export function flatten(nodes: StructNode[]): StructNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

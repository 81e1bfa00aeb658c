import { DataFactory, Writer } from 'n3';

/**
 * A small RDF graph model with two serialisations of the same nodes: JSON-LD (compact IRIs under one inline
 * @context, no remote context to fetch) and Turtle (written by n3). Every node has an IRI (no blank nodes),
 * so both serialisations give exactly the same triples, which the tests check.
 */
export const PREFIXES = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  locn: 'http://www.w3.org/ns/locn#',
  spdx: 'http://spdx.org/rdf/terms#',
  adms: 'http://www.w3.org/ns/adms#',
} as const;
export type Prefix = keyof typeof PREFIXES;
/** A compact IRI such as `dct:title`. */
export type Curie = `${Prefix}:${string}`;

export type RdfObject = { iri: string } | { value: string; lang?: string; datatype?: Curie };

export interface RdfNode {
  id: string;
  types: Curie[];
  props: Array<[Curie, RdfObject]>;
}

export function expand(curie: Curie): string {
  const at = curie.indexOf(':');
  return PREFIXES[curie.slice(0, at) as Prefix] + curie.slice(at + 1);
}

/**
 * An IRI that Turtle and JSON-LD both accept: parsed and serialised as a URL (which percent-encodes most
 * unsafe characters), then the few characters Turtle's IRIREF still forbids encoded too; not a URL → null.
 */
export function safeIri(iri: string): string | null {
  let href: string;
  try {
    href = new URL(iri).href;
  } catch {
    return null;
  }
  return href.replace(/[<>"{}|\\^`\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Builds a node fluently; null, undefined and empty values are skipped so optional fields stay optional. */
export class NodeBuilder {
  readonly node: RdfNode;
  constructor(id: string, ...types: Curie[]) {
    this.node = { id: safeIri(id) ?? id, types, props: [] };
  }
  iri(p: Curie, iri: string | null | undefined) {
    const safe = iri ? safeIri(iri) : null;
    if (safe) this.node.props.push([p, { iri: safe }]);
    return this;
  }
  text(p: Curie, value: string | null | undefined, lang?: string) {
    if (value) this.node.props.push([p, lang ? { value, lang } : { value }]);
    return this;
  }
  typed(p: Curie, value: string | number | null | undefined, datatype: Curie) {
    if (value !== null && value !== undefined && value !== '') this.node.props.push([p, { value: String(value), datatype }]);
    return this;
  }
}

function jsonLdValue(o: RdfObject): unknown {
  if ('iri' in o) return { '@id': o.iri };
  if (o.lang) return { '@value': o.value, '@language': o.lang };
  if (o.datatype) return { '@value': o.value, '@type': o.datatype };
  return o.value;
}

/** JSON-LD 1.1 with every node in `@graph`; property values are always arrays (unambiguous to read). */
export function toJsonLd(nodes: RdfNode[]) {
  return {
    '@context': { ...PREFIXES },
    '@graph': nodes.map((n) => {
      const out: Record<string, unknown> = { '@id': n.id, '@type': n.types };
      for (const [p, o] of n.props) ((out[p] ??= []) as unknown[]).push(jsonLdValue(o));
      return out;
    }),
  };
}

const { namedNode, literal, quad } = DataFactory;
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

export function toTurtle(nodes: RdfNode[]): Promise<string> {
  const writer = new Writer({ prefixes: { ...PREFIXES } });
  for (const n of nodes) {
    const subject = namedNode(n.id);
    for (const t of n.types) writer.addQuad(quad(subject, namedNode(RDF_TYPE), namedNode(expand(t))));
    for (const [p, o] of n.props) {
      const object = 'iri' in o ? namedNode(o.iri) : literal(o.value, o.lang ?? (o.datatype ? namedNode(expand(o.datatype)) : undefined));
      writer.addQuad(quad(subject, namedNode(expand(p)), object));
    }
  }
  return new Promise((resolve, reject) => writer.end((error, result: string) => (error ? reject(error) : resolve(result))));
}

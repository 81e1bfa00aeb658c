/**
 * Open311 GeoReport v2 documents in the spec's two formats: JSON, and XML (the one FixMyStreet's client reads:
 * `services.xml`, `requests.xml`). Element names are the spec's; errors are `[{code, description}]` /
 * `<errors><error><code/><description/></error></errors>`.
 */
export type Open311Format = 'json' | 'xml';
type Value = string | number | boolean | null | undefined | Value[] | { [k: string]: Value };

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function element(name: string, value: Value, itemName: string): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) return `<${name}>${value.map((v) => element(itemName, v, itemName)).join('')}</${name}>`;
  if (typeof value === 'object')
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => element(k, v, k.endsWith('s') ? k.slice(0, -1) : k))
      .join('')}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A list document: `<root><item>…</item>…</root>` in XML, the array itself in JSON. */
export function open311Body(format: Open311Format, root: string, item: string, list: Array<Record<string, Value>>): { type: string; body: string } {
  if (format === 'json') return { type: 'application/json; charset=utf-8', body: JSON.stringify(list) };
  return { type: 'text/xml; charset=utf-8', body: `<?xml version="1.0" encoding="utf-8"?>\n${element(root, list, item)}` };
}

/** One object (a service definition, the discovery file). */
export function open311Object(format: Open311Format, root: string, value: Record<string, Value>): { type: string; body: string } {
  if (format === 'json') return { type: 'application/json; charset=utf-8', body: JSON.stringify(value) };
  return { type: 'text/xml; charset=utf-8', body: `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value, root)}` };
}

export const open311Errors = (format: Open311Format, errors: Array<{ code: number; description: string }>) => open311Body(format, 'errors', 'error', errors);

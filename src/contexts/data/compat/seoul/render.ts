import { SEOUL_CODES, type SeoulCode } from './codes.js';
import type { SeoulAnswer } from './seoul-request.js';

/**
 * The Plaza's two envelopes. Success: `{SERVICE: {list_total_count, RESULT: {CODE, MESSAGE}, row: […]}}`, or
 * `<SERVICE><list_total_count/><RESULT>…</RESULT><row>…</row>…</SERVICE>`; failure: `{RESULT: {CODE, MESSAGE}}`
 * or `<RESULT>…</RESULT>`. JSON keeps column names as they are; XML element names are made valid
 * (characters other than letters, digits, `_`, `-`, `.` become `_`; a name cannot start with a digit).
 */
const OK: SeoulCode = 'INFO-000';

export function seoulJson(answer: SeoulAnswer) {
  return { [answer.service]: { list_total_count: answer.total, RESULT: { CODE: OK, MESSAGE: SEOUL_CODES[OK] }, row: answer.rows } };
}

export const seoulJsonError = (code: SeoulCode, message: string) => ({ RESULT: { CODE: code, MESSAGE: message } });

const escapeXml = (s: string) =>
  s
    .replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!)
    // Characters XML 1.0 cannot carry at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

export function xmlName(name: string): string {
  const cleaned = name.replace(/[^\p{L}\p{N}_.-]/gu, '_');
  return /^[\p{L}_]/u.test(cleaned) ? cleaned : `_${cleaned}`;
}

const xmlValue = (v: unknown) => (v === null || v === undefined ? '' : escapeXml(typeof v === 'object' ? JSON.stringify(v) : String(v)));
const HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function seoulXml(answer: SeoulAnswer): string {
  const root = xmlName(answer.service);
  const names = new Map<string, string>();
  const tag = (column: string) => {
    let n = names.get(column);
    if (!n) names.set(column, (n = xmlName(column)));
    return n;
  };
  const rows = answer.rows.map(
    (row) =>
      `<row>${Object.entries(row)
        .map(([k, v]) => `<${tag(k)}>${xmlValue(v)}</${tag(k)}>`)
        .join('')}</row>`,
  );
  return `${HEADER}<${root}><list_total_count>${answer.total}</list_total_count><RESULT><CODE>${OK}</CODE><MESSAGE>${escapeXml(SEOUL_CODES[OK])}</MESSAGE></RESULT>${rows.join('\n')}</${root}>\n`;
}

export const seoulXmlError = (code: SeoulCode, message: string) => `${HEADER}<RESULT><CODE>${code}</CODE><MESSAGE>${escapeXml(message)}</MESSAGE></RESULT>\n`;

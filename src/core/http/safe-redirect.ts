/**
 * The one check for every redirect target that came from outside (`next=` of sign-in and the language switch,
 * stored URLs): only a path on this site is kept, decided by parsing, never by a prefix test. Refused: schemes
 * and hosts (`https://x`, `//x`), backslashes (`/\x`, which browsers read as `//x`), control characters and
 * whitespace (`/%09/x`), and the same tricks percent-encoded (`/%5Cx`, `/%2F%2Fx`). Anything refused becomes
 * `fallback`.
 */
const BASE = 'http://same-origin.invalid';

const unsafe = (text: string) => /[\\\u0000-\u0020\u007f-\u009f\u2028\u2029]/.test(text) || !text.startsWith('/') || text.startsWith('//');

export function safeLocalPath(raw: unknown, fallback: string): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return fallback;
  // Check the text and each decoding of it: a browser or a proxy may decode once more than we do.
  let text = raw;
  for (let i = 0; i < 3; i++) {
    if (unsafe(text)) return fallback;
    let decoded: string;
    try {
      decoded = decodeURIComponent(text);
    } catch {
      return fallback;
    }
    if (decoded === text) break;
    text = decoded;
  }
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return unsafe(path) ? fallback : path;
}

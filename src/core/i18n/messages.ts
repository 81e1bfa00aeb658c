/** Message catalogs: every user-facing string, Korean first, English second, side by side. */
export const LOCALES = ['ko', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type Message = { ko: string; en: string };
export type Catalog = Record<string, Message>;

export const isLocale = (value: unknown): value is Locale => value === 'ko' || value === 'en';

/** Declares a catalog and keeps its keys as a type, so `t('unknown.key')` fails to compile. */
export const defineMessages = <C extends Catalog>(catalog: C): C => catalog;

export type Translate<K extends string = string> = (key: K, vars?: Record<string, string | number>) => string;

export function translator<C extends Catalog>(catalog: C, locale: Locale): Translate<Extract<keyof C, string>> {
  return (key, vars) => {
    const message = catalog[key];
    if (!message) throw new Error(`Missing message ${key}`);
    const text = message[locale];
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
  };
}

/** Picks a locale from an explicit choice, then Accept-Language, Korean by default. */
/** Accept-Language values already ranked (a browser sends the same one with every request); cleared when full. */
const negotiated = new Map<string, Locale>();

export function negotiateLocale(cookie: string | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(cookie)) return cookie;
  if (!acceptLanguage) return 'ko'; // apps calling the API rarely send one
  let locale = negotiated.get(acceptLanguage);
  if (locale === undefined) {
    locale = rankAcceptLanguage(acceptLanguage);
    if (negotiated.size >= 500) negotiated.clear();
    negotiated.set(acceptLanguage, locale);
  }
  return locale;
}

function rankAcceptLanguage(acceptLanguage: string): Locale {
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? 1);
      return { lang: tag.toLowerCase().slice(0, 2), q: Number.isFinite(q) ? q : 0 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  const first = ranked.find((x) => isLocale(x.lang));
  return first ? (first.lang as Locale) : 'ko';
}

/** Bilingual content stored in the database: either side may be missing; show the other one then. */
export type Localized = { ko: string | null; en: string | null };

/** The language a free text is written in, as far as its letters tell: any Hangul is Korean, otherwise English. */
export const langOfText = (text: string): Locale => (/[\uAC00-\uD7A3\u3131-\u318E]/.test(text) || !/[A-Za-z]/.test(text) ? 'ko' : 'en');

export function pickLocalized(value: Localized, locale: Locale): { text: string; lang: Locale } {
  const other: Locale = locale === 'ko' ? 'en' : 'ko';
  const own = value[locale];
  if (own) return { text: own, lang: locale };
  return { text: value[other] ?? '', lang: other };
}

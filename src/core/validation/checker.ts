import { ORGANISATION_TYPES, PLATFORM_ROLES, MEMBERSHIP_ROLES, type OrganisationType, type PlatformRole, type MembershipRole } from '../auth/actor.js';
import { AppError } from '../errors.js';
import { validationMessages, type ValidationKey } from './messages.js';

/** A field-level problem: a stable code (a key of the validation catalog) and its English text. */
export interface FieldIssue {
  field: string;
  code: ValidationKey;
  message: string;
}

export class ValidationFailed extends AppError {
  constructor(readonly issues: FieldIssue[]) {
    super('validation.failed', issues.map((i) => `${i.field}: ${i.message}`).join('; '), 422, issues);
  }
}

/**
 * Markup that would run in a browser if it were ever shown unescaped: refused outright (all other text is
 * escaped when shown). Elements that run or load code (script, iframe, frame, object, embed, applet, style, svg,
 * math, base, meta, link, form, template), any tag carrying an on…= handler (quoted or not: `<img src=x
 * onerror=alert(1)>`), and javascript:, vbscript: or data:text/html URLs (also with spaces or tabs inside).
 * Plain prose with "<", "=" or "on" stays allowed ("a < b", "one = 1").
 */
export const ACTIVE_CONTENT = new RegExp(
  [
    String.raw`<\s*\/?\s*(script|iframe|frame|frameset|object|embed|applet|style|svg|math|base|meta|link|form|template)\b`,
    String.raw`<[a-z!][^>]*[\s/"'\x60]on[a-z]+\s*=`,
    String.raw`\b(j\s*a\s*v\s*a|v\s*b)\s*s\s*c\s*r\s*i\s*p\s*t\s*:`,
    String.raw`\bdata\s*:\s*text\/html`,
  ].join('|'),
  'i',
);

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Collects every problem of an input at once, then fails with all of them (never the first only). */
export class Checker {
  readonly issues: FieldIssue[] = [];
  add(field: string, code: ValidationKey) {
    this.issues.push({ field, code, message: validationMessages[code].en });
  }
  done() {
    if (this.issues.length) throw new ValidationFailed(this.issues);
  }
  text(field: string, value: unknown, opts: { min?: number; max: number; required?: boolean }): string | null {
    const s = typeof value === 'string' ? value.trim() : '';
    if (!s) {
      if (opts.required !== false) this.add(field, 'validation.required');
      return null;
    }
    // NUL and the other control characters (not tab or line breaks): PostgreSQL cannot store NUL in text.
    if (CONTROL.test(s)) this.add(field, 'validation.control');
    else if (ACTIVE_CONTENT.test(s)) this.add(field, 'validation.script');
    else if (s.length > opts.max) this.add(field, 'validation.tooLong');
    else if (opts.min && s.length < opts.min) this.add(field, 'validation.tooShort');
    return s;
  }
  email(field: string, value: unknown): string {
    const s = typeof value === 'string' ? value.trim().toLowerCase() : '';
    if (!s) this.add(field, 'validation.required');
    else if (!EMAIL.test(s) || s.length > 254) this.add(field, 'validation.email');
    return s;
  }
  password(field: string, value: unknown): string {
    const s = typeof value === 'string' ? value : '';
    if (Array.from(s).length < 10) this.add(field, 'validation.passwordShort');
    else if (s.length > 200) this.add(field, 'validation.tooLong');
    return s;
  }
  oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
    if (!(allowed as readonly unknown[]).includes(value)) this.add(field, 'validation.choice');
    return value as T;
  }
  url(field: string, value: unknown): string | null {
    const s = typeof value === 'string' ? value.trim() : '';
    if (!s) return null;
    try {
      const u = new URL(s);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('protocol');
    } catch {
      this.add(field, 'validation.url');
    }
    return s;
  }
}

/** Throws a single-field validation failure. */
export function failField(field: string, code: ValidationKey): never {
  const c = new Checker();
  c.add(field, code);
  c.done();
  throw new Error('unreachable');
}

export const checkPlatformRole = (c: Checker, field: string, v: unknown): PlatformRole => c.oneOf(field, v, PLATFORM_ROLES);
export const checkMembershipRole = (c: Checker, field: string, v: unknown): MembershipRole => c.oneOf(field, v, MEMBERSHIP_ROLES);
export const checkOrganisationType = (c: Checker, field: string, v: unknown): OrganisationType => c.oneOf(field, v, ORGANISATION_TYPES);

/** URL-safe identifier from a name: letters (Hangul included) and digits kept, the rest dashes. */
export function slugify(name: string): string {
  return (
    name
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'org'
  );
}

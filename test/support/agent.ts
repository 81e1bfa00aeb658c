import type { App } from '../../src/core/context.js';

type InjectResponse = Awaited<ReturnType<App['inject']>>;

/** A browser-like client over app.inject: keeps cookies and fills in the CSRF field of forms. */
export class Agent {
  private cookies = new Map<string, string>();
  private csrf = '';

  constructor(private readonly app: App) {}

  private remember(res: InjectResponse) {
    for (const c of res.cookies) {
      if (c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0) || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
    if (token) this.csrf = token;
    return res;
  }

  get cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** Another client sharing this one's cookies (same session) from now on. */
  clone(): Agent {
    const copy = new Agent(this.app);
    copy.cookies = new Map(this.cookies);
    copy.csrf = this.csrf;
    return copy;
  }

  setCookie(name: string, value: string) {
    this.cookies.set(name, value);
  }

  async get(url: string, headers: Record<string, string> = {}) {
    return this.remember(await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader, accept: 'text/html', ...headers } }));
  }

  /** Posts a form like a browser would; fetches a page first when no CSRF token is known yet. */
  async post(url: string, form: Record<string, string>, opts: { csrf?: string | null; accept?: string } = {}) {
    if (!this.csrf) await this.get('/sign-in');
    const body = new URLSearchParams(form);
    const csrf = opts.csrf === undefined ? this.csrf : opts.csrf;
    if (csrf !== null) body.set('_csrf', csrf);
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        payload: body.toString(),
        headers: { cookie: this.cookieHeader, 'content-type': 'application/x-www-form-urlencoded', accept: opts.accept ?? 'text/html' },
      }),
    );
  }

  /** JSON API call with the session cookie and the CSRF header (as a client-side island would send). */
  async api(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
    if (!this.csrf) await this.get('/sign-in');
    return this.remember(
      await this.app.inject({
        method,
        url,
        ...(payload === undefined ? {} : { payload: payload as object }),
        headers: { cookie: this.cookieHeader, 'x-csrf-token': this.csrf },
      }),
    );
  }

  async signUp(email: string, password = 'correct horse battery', displayName = '시민') {
    const res = await this.post('/sign-up', { email, password, displayName });
    if (res.statusCode !== 303) throw new Error(`sign-up failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res;
  }

  async signIn(email: string, password = 'correct horse battery') {
    const res = await this.post('/sign-in', { email, password });
    if (res.statusCode !== 303) throw new Error(`sign-in failed: ${res.statusCode}`);
    return res;
  }
}

// Service worker of the field survey (served at /transit/survey-sw.js, scope /transit/). It answers only the
// survey form of a station, that station's interior data and the few files the form needs: network first, so an
// online volunteer always gets today's form, and the copy kept on the device when there is no signal. Nothing else
// under /transit/ is touched (those requests go to the network as if there were no worker). Sends (POST) are
// never cached or replayed here: the page's outbox sends each draft once, with its idempotency key.
// Bundled by src/web/islands.ts (served at /assets/survey-sw.js, and by survey-app.ts at /transit/survey-sw.js).

// The worker's own types (TypeScript's WebWorker library cannot sit beside the DOM one the islands share).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
  readonly ports: readonly MessagePort[];
}
interface WorkerScope {
  readonly location: Location;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}
const sw = self as unknown as WorkerScope;

const CACHE = 'open-seoul-survey-v1';
const SHELL = [
  '/assets/site.css',
  '/assets/krds/krds_tokens.css',
  '/assets/transit.css',
  '/assets/upkeep.css',
  '/assets/field-survey.js',
  '/assets/fonts/Pretendard-Regular.woff2',
  '/assets/fonts/Pretendard-Bold.woff2',
  '/assets/survey-icon-192.png',
];
const SURVEY = /^\/transit\/stations\/([^/]+)\/survey$/;
const INTERIOR = /^\/api\/v1\/transit\/stations\/[^/]+\/interior$/;

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('open-seoul-survey-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim()),
  );
});

async function networkFirst(request: Request, also?: string) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && !response.redirected) {
      // a sign-in page reached by a redirect is not the form
      await cache.put(request, response.clone());
      if (also) cache.add(also).catch(() => undefined); // the station's data, for later
    }
    return response;
  } catch (error) {
    const kept = await cache.match(request, { ignoreVary: true });
    if (kept) return kept;
    if (request.mode === 'navigate') {
      return new Response(
        '<!doctype html><html lang="ko"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>오프라인</title>' +
          '<p>이 역의 조사 양식은 아직 이 기기에 없습니다. 신호가 있을 때 한 번 열어 두면 신호 없이도 열 수 있습니다.</p>' +
          '<p lang="en">This station\'s survey form is not on this device yet. Open it once with signal; after that it opens without.</p></html>',
        { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } },
      );
    }
    throw error;
  }
}

// The page asks, once the worker is ready, to keep the form it shows (it was loaded before the worker existed):
// it is told when the form and the station's data are on the device, and only then says so to the volunteer.
sw.addEventListener('message', (event) => {
  const data = (event.data || {}) as { type?: string; url?: string };
  const url = data.type === 'keep-survey' && typeof data.url === 'string' ? data.url : null;
  const survey = url ? SURVEY.exec(new URL(url, sw.location.origin).pathname) : null;
  if (!url || !survey) return;
  const reply = (answer: string) => event.ports[0]?.postMessage(answer);
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => Promise.all([cache.add(url), cache.add(`/api/v1/transit/stations/${survey[1]}/interior`), cache.addAll(SHELL)]))
      .then(
        () => reply('kept'),
        () => reply('failed'),
      ),
  );
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  const survey = SURVEY.exec(url.pathname);
  if (survey) {
    event.respondWith(networkFirst(request, `/api/v1/transit/stations/${survey[1]}/interior`));
  } else if (INTERIOR.test(url.pathname) || SHELL.includes(url.pathname)) {
    event.respondWith(networkFirst(request));
  }
});

export {}; // a module: its names stay its own

// Field survey island: keeps the draft on the device while typing, and when there is no signal keeps the
// whole survey (photos too) in an outbox on the device and sends it once online. The page works without it.
// Each draft has its own id, sent as Idempotency-Key: the server makes one proposal per id, and the device
// remembers the ids it has sent, so an outbox item is sent once and a sent draft never comes back (not even
// from the copy of the form the service worker keeps, whose id is replaced by a fresh one on every opening).
// Bundled by src/web/islands.ts, served at /assets/field-survey.js (the service worker keeps that URL).

/** A photo kept on the device until it is sent (a data: URL: local storage holds text). */
interface Photo {
  dataUrl: string;
  name: string;
  type: string;
}
type Entry = [name: string, value: string | Photo];
interface OutboxItem {
  id?: string;
  station?: string;
  action: string;
  csrf: string;
  entries: Entry[];
  savedAt?: string;
}
interface SentMark {
  id: string;
  url?: string;
  at: string;
}
interface Problem {
  path: string;
  message: string;
}
/** What the island reads of the survey's POST answer (a local type until the generated API client is wired in). */
interface SurveyAnswer {
  url?: string;
  problems?: Problem[];
  error?: { message?: string };
}
type SendResult = { ok: true; url: string } | { ok: false; status: number; problems: Problem[] };

(() => {
  const formEl = document.querySelector<HTMLFormElement>('form[data-survey]');
  const statusEl = document.getElementById('survey-status');
  if (!formEl || !statusEl) return;
  const form = formEl;
  const status = statusEl;
  const station = form.dataset.station;
  const input = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
  const DRAFT = `open-seoul:survey-draft:${station}`;
  const OUTBOX = 'open-seoul:survey-outbox';
  const SENT = 'open-seoul:survey-sent';
  const newId = () =>
    crypto.randomUUID ? crypto.randomUUID() : [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const readSent = (): SentMark[] => {
    try {
      return JSON.parse(localStorage.getItem(SENT) || '[]') as SentMark[];
    } catch {
      return [];
    }
  };
  const markSent = (id: string, url?: string) =>
    localStorage.setItem(SENT, JSON.stringify([{ id, url, at: new Date().toISOString() }, ...readSent().filter((x) => x.id !== id)].slice(0, 50)));
  const wasSent = (id: string) => readSent().some((x) => x.id === id);
  const msg = (key: string, n?: number) => (form.dataset[key] || '').replace('{n}', String(n ?? ''));
  const say = (text: string, extra?: Node) => {
    status.textContent = text;
    if (extra) status.append(extra);
  };
  const readOutbox = (): OutboxItem[] => {
    try {
      return JSON.parse(localStorage.getItem(OUTBOX) || '[]') as OutboxItem[];
    } catch {
      return [];
    }
  };
  const writeOutbox = (list: OutboxItem[]) => localStorage.setItem(OUTBOX, JSON.stringify(list));

  // Draft: text fields only, saved as they change, restored when the page opens empty.
  const fields = () => ([...form.elements] as HTMLInputElement[]).filter((e) => e.name && e.type !== 'file' && e.type !== 'hidden' && e.type !== 'submit');
  const clientId = input('clientId');
  clientId.value = newId();
  const saveDraft = () =>
    localStorage.setItem(DRAFT, JSON.stringify({ ...Object.fromEntries(fields().map((e) => [e.name, e.value])), _clientId: clientId.value }));
  try {
    const draft = JSON.parse(localStorage.getItem(DRAFT) || 'null') as Record<string, string> | null;
    const empty = !input('startStopId').value;
    if (draft?._clientId && wasSent(draft._clientId))
      localStorage.removeItem(DRAFT); // sent already: never restored
    else if (draft && empty && Object.values(draft).some((v) => v)) {
      for (const e of fields()) if (e.name in draft) e.value = draft[e.name] ?? '';
      if (draft._clientId) clientId.value = draft._clientId;
      say(msg('msgRestored'));
    }
  } catch {
    /* a broken draft is ignored */
  }
  form.addEventListener('input', saveDraft);
  form.addEventListener('change', saveDraft);

  const toDataUrl = (file: File) =>
    new Promise<Photo>((resolve, reject) => {
      const r = new FileReader();
      r.onload = () => resolve({ dataUrl: String(r.result), name: file.name, type: file.type });
      r.onerror = () => reject(r.error);
      r.readAsDataURL(file);
    });
  async function serialize() {
    const out: Entry[] = [];
    for (const [name, value] of new FormData(form)) {
      if (value instanceof File) {
        if (value.size) out.push([name, await toDataUrl(value)]);
      } else out.push([name, value]);
    }
    return out;
  }
  async function rebuild(entries: Entry[]) {
    const data = new FormData();
    for (const [name, value] of entries) {
      if (typeof value === 'object') data.append(name, await (await fetch(value.dataUrl)).blob(), value.name);
      else data.append(name, value);
    }
    return data;
  }
  const csrf = () => input('_csrf').value;

  /** Sends one survey; resolves to { ok, url } or { problems } or throws on no network. */
  async function send(action: string, data: FormData, token: string, id: string): Promise<SendResult> {
    const res = await fetch(action, {
      method: 'POST',
      body: data,
      headers: { 'x-open-seoul-outbox': '1', 'x-csrf-token': token, 'idempotency-key': id },
      credentials: 'same-origin',
    });
    const body = (await res.json().catch(() => ({}))) as SurveyAnswer;
    if (res.status === 201) return { ok: true, url: body.url ?? '' };
    return { ok: false, status: res.status, problems: body.problems || [{ path: '', message: body.error?.message || `HTTP ${res.status}` }] };
  }

  function showProblems(problems: Problem[]) {
    const list = document.createElement('ul');
    for (const p of problems) {
      const li = document.createElement('li');
      li.textContent = p.path ? `${p.path}: ${p.message}` : p.message;
      list.append(li);
    }
    say(msg('msgError'), list);
    status.setAttribute('tabindex', '-1');
    status.focus();
  }

  const itemId = (item: OutboxItem) => item.id || String(item.entries.find(([name]) => name === 'clientId')?.[1] ?? '');
  const sentLink = (url: string) => {
    const a = document.createElement('a');
    a.href = url;
    a.textContent = url;
    return a;
  };

  // Sends what the outbox holds, once: items already sent are dropped unsent; one flush at a time (and one tab
  // at a time where the browser has Web Locks).
  let flushing = false;
  const keptHere = new Set<string>();
  async function flushOnce(): Promise<void> {
    const list = readOutbox();
    if (!list.length || !navigator.onLine) return showOutbox();
    const left: OutboxItem[] = [];
    let open: string | null = null;
    for (const item of list) {
      const id = itemId(item);
      if (id && wasSent(id)) continue;
      try {
        const result = await send(item.action, await rebuild(item.entries), item.csrf, id);
        if (result.ok) {
          markSent(id, result.url);
          // Only the survey sent from this very page, while its form is still empty, opens its proposal; a
          // leftover from another visit is reported with a link and never takes the volunteer anywhere.
          if (keptHere.has(id) && !input('startStopId').value) open = result.url;
          else if (item.station === station) say(`${msg('msgOutboxSent')} `, sentLink(result.url));
        } else if (result.status === 401 || result.status === 403) left.push(item);
        else if (item.station === station) showProblems(result.problems);
      } catch {
        left.push(item);
      }
    }
    // Items kept while this ran (a survey saved meanwhile) stay.
    const now = readOutbox().filter((x) => !list.some((y) => itemId(y) === itemId(x)));
    writeOutbox([...left, ...now]);
    if (open) {
      say(msg('msgSent'));
      location.assign(open);
    } else showOutbox();
  }
  async function flush() {
    if (flushing) return;
    flushing = true;
    try {
      if (navigator.locks) await navigator.locks.request('open-seoul-survey-outbox', flushOnce);
      else await flushOnce();
    } finally {
      flushing = false;
    }
  }

  function showOutbox() {
    const n = readOutbox().length;
    if (!n) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn btn-secondary btn-small';
    button.textContent = msg('msgSend');
    button.addEventListener('click', () => void flush());
    say(`${msg('msgOutbox', n)} `, button);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const id = clientId.value;
    const entries = await serialize();
    const next = () => {
      // the next survey starts empty, with an id of its own
      form.reset();
      clientId.value = newId();
    };
    const keep = () => {
      const item: OutboxItem = { id, station, action: form.action, csrf: csrf(), entries, savedAt: new Date().toISOString() };
      try {
        writeOutbox([...readOutbox().filter((x) => itemId(x) !== id), item]);
      } catch {
        // The device's storage is full (photos are large): keep the measurements without the photos.
        item.entries = entries.filter(([, v]) => typeof v !== 'object');
        writeOutbox([...readOutbox().filter((x) => itemId(x) !== id), item]);
      }
      localStorage.removeItem(DRAFT);
      keptHere.add(id);
      next();
      say(msg('msgOffline'));
      status.setAttribute('tabindex', '-1');
      status.focus();
    };
    if (wasSent(id)) return;
    if (!navigator.onLine) return keep();
    try {
      const result = await send(form.action, await rebuild(entries), csrf(), id);
      if (result.ok) {
        markSent(id, result.url);
        localStorage.removeItem(DRAFT);
        say(msg('msgSent'));
        location.assign(result.url);
      } else showProblems(result.problems);
    } catch {
      keep(); // no network after all
    }
  });
  window.addEventListener('online', () => void flush());
  void flush();

  // The installable offline app: the service worker keeps this form and the station's data on the device.
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker
      .register('/transit/survey-sw.js', { scope: '/transit/' })
      .then(() => navigator.serviceWorker.ready)
      .then(
        (registration) =>
          new Promise<void>((resolve, reject) => {
            const channel = new MessageChannel();
            channel.port1.onmessage = (event) => (event.data === 'kept' ? resolve() : reject(new Error('not kept')));
            registration.active?.postMessage({ type: 'keep-survey', url: location.pathname + location.search }, [channel.port2]);
          }),
      )
      .then(() => {
        document.documentElement.dataset.surveyOffline = 'ready';
        if (!status.textContent) say(msg('msgReady'));
      })
      .catch(() => undefined); // without a worker the form still works online, and the outbox still keeps drafts
  }
})();

export {}; // a module: its names stay its own

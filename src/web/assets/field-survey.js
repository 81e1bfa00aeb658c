// Field survey island: keeps the draft on the device while typing, and when there is no signal keeps the
// whole survey (photos too) in an outbox on the device and sends it once online. The page works without it.
(() => {
  const form = document.querySelector('form[data-survey]');
  if (!form) return;
  const status = document.getElementById('survey-status');
  const station = form.dataset.station;
  const DRAFT = `open-seoul:survey-draft:${station}`;
  const OUTBOX = 'open-seoul:survey-outbox';
  const msg = (key, n) => (form.dataset[key] || '').replace('{n}', String(n ?? ''));
  const say = (text, extra) => {
    status.textContent = text;
    if (extra) status.append(extra);
  };
  const readOutbox = () => { try { return JSON.parse(localStorage.getItem(OUTBOX) || '[]'); } catch { return []; } };
  const writeOutbox = (list) => localStorage.setItem(OUTBOX, JSON.stringify(list));

  // Draft: text fields only, saved as they change, restored when the page opens empty.
  const fields = () => [...form.elements].filter((e) => e.name && e.type !== 'file' && e.type !== 'hidden' && e.type !== 'submit');
  const saveDraft = () => localStorage.setItem(DRAFT, JSON.stringify(Object.fromEntries(fields().map((e) => [e.name, e.value]))));
  try {
    const draft = JSON.parse(localStorage.getItem(DRAFT) || 'null');
    const empty = !form.elements.startStopId.value;
    if (draft && empty && Object.values(draft).some((v) => v)) {
      for (const e of fields()) if (e.name in draft) e.value = draft[e.name];
      say(msg('msgRestored'));
    }
  } catch { /* a broken draft is ignored */ }
  form.addEventListener('input', saveDraft);
  form.addEventListener('change', saveDraft);

  const toDataUrl = (file) => new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve({ dataUrl: r.result, name: file.name, type: file.type });
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
  async function serialize() {
    const out = [];
    for (const [name, value] of new FormData(form)) {
      if (value instanceof File) { if (value.size) out.push([name, await toDataUrl(value)]); }
      else out.push([name, value]);
    }
    return out;
  }
  async function rebuild(entries) {
    const data = new FormData();
    for (const [name, value] of entries) {
      if (value && typeof value === 'object') data.append(name, await (await fetch(value.dataUrl)).blob(), value.name);
      else data.append(name, value);
    }
    return data;
  }
  const csrf = () => form.elements._csrf.value;

  /** Sends one survey; resolves to { ok, url } or { problems } or throws on no network. */
  async function send(action, data, token) {
    const res = await fetch(action, { method: 'POST', body: data, headers: { 'x-open-seoul-outbox': '1', 'x-csrf-token': token }, credentials: 'same-origin' });
    const body = await res.json().catch(() => ({}));
    if (res.status === 201) return { ok: true, url: body.url };
    return { ok: false, status: res.status, problems: body.problems || [{ path: '', message: (body.error && body.error.message) || `HTTP ${res.status}` }] };
  }

  function showProblems(problems) {
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

  async function flush() {
    const list = readOutbox();
    if (!list.length || !navigator.onLine) return showOutbox();
    const left = [];
    for (const item of list) {
      try {
        const result = await send(item.action, await rebuild(item.entries), item.csrf);
        if (result.ok) {
          if (item.station === station) { localStorage.removeItem(DRAFT); say(msg('msgSent')); writeOutbox([...left, ...list.slice(list.indexOf(item) + 1)]); location.assign(result.url); return; }
        } else if (result.status === 401 || result.status === 403) left.push(item);
        else if (item.station === station) showProblems(result.problems);
      } catch { left.push(item); }
    }
    writeOutbox(left);
    showOutbox();
  }

  function showOutbox() {
    const n = readOutbox().length;
    if (!n) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn btn-secondary btn-small';
    button.textContent = msg('msgSend');
    button.addEventListener('click', flush);
    say(`${msg('msgOutbox', n)} `, button);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const entries = await serialize();
    const keep = () => {
      const item = { station, action: form.action, csrf: csrf(), entries, savedAt: new Date().toISOString() };
      try {
        writeOutbox([...readOutbox(), item]);
      } catch {
        // The device's storage is full (photos are large): keep the measurements without the photos.
        item.entries = entries.filter(([, v]) => !(v && typeof v === 'object'));
        writeOutbox([...readOutbox(), item]);
      }
      localStorage.removeItem(DRAFT);
      say(msg('msgOffline'));
      status.setAttribute('tabindex', '-1');
      status.focus();
    };
    if (!navigator.onLine) return keep();
    try {
      const result = await send(form.action, await rebuild(entries), csrf());
      if (result.ok) { localStorage.removeItem(DRAFT); say(msg('msgSent')); location.assign(result.url); }
      else showProblems(result.problems);
    } catch {
      keep(); // no network after all
    }
  });
  window.addEventListener('online', flush);
  flush();
})();

// Similar data requests and datasets while a request's title is typed (the form marked data-similar-form).
// Progressive enhancement: without this script the server shows them after a first send; with it, they appear
// in a polite live region under the title, and the form is marked as checked (confirmed=1) once they were shown
// for what is typed, so the server does not ask again. Bundled by src/web/islands.ts, served at /assets/demand-similar.js.

/** What the island reads of GET /api/v1/demand/similar (a local type until the generated API client is wired in). */
interface Similar {
  requests: { url: string; title: string; supporters: number }[];
  datasets: { url: string; title: { ko?: string | null; en?: string | null } }[];
}

(() => {
  const form = document.querySelector<HTMLFormElement>('form[data-similar-form]');
  const live = document.getElementById('similar-live');
  const title = form?.querySelector<HTMLInputElement>('#f-title');
  if (!form || !live || !title) return;
  const lang = document.documentElement.lang === 'en' ? 'en' : 'ko';
  let confirmed = form.querySelector<HTMLInputElement>('input[name=confirmed]');
  if (!confirmed) {
    confirmed = document.createElement('input');
    confirmed.type = 'hidden';
    confirmed.name = 'confirmed';
    confirmed.value = '';
    form.appendChild(confirmed);
  }
  const mark = confirmed;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: AbortController | null = null;
  let checked: string | null = null;
  const pick = (localized: Similar['datasets'][number]['title']) => localized[lang] || localized[lang === 'en' ? 'ko' : 'en'] || '';
  function section<T>(label: string | undefined, items: T[], render: (item: T) => HTMLElement) {
    if (!items.length) return null;
    const wrap = document.createElement('div');
    const h = document.createElement('h2');
    h.textContent = label ?? '';
    wrap.appendChild(h);
    const ul = document.createElement('ul');
    for (const item of items) ul.appendChild(render(item));
    wrap.appendChild(ul);
    return wrap;
  }
  function link(href: string, text: string, extra?: string) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    li.appendChild(a);
    if (extra) li.appendChild(document.createTextNode(` · ${extra}`));
    return li;
  }
  function show(body: Similar) {
    live!.textContent = '';
    const requests = section(live!.dataset.labelRequests, body.requests, (r) =>
      link(r.url, r.title, (live!.dataset.labelSupporters ?? '').replace('{n}', String(r.supporters))),
    );
    const datasets = section(live!.dataset.labelDatasets, body.datasets, (d) => link(d.url, pick(d.title)));
    if (requests) live!.appendChild(requests);
    if (datasets) live!.appendChild(datasets);
  }
  function lookup() {
    const q = title!.value.trim();
    if (q === checked) return;
    if (q.length < 2) {
      live!.textContent = '';
      checked = q;
      mark.value = '';
      return;
    }
    pending?.abort();
    pending = new AbortController();
    fetch(`/api/v1/demand/similar?limit=5&q=${encodeURIComponent(q)}`, { signal: pending.signal, headers: { accept: 'application/json' } })
      .then((r) => (r.ok ? (r.json() as Promise<Similar>) : { requests: [], datasets: [] }))
      .then((body) => {
        show(body);
        checked = q;
        mark.value = title!.value.trim() === q ? '1' : '';
      })
      .catch(() => {
        /* offline or aborted: the server checks on send */
      });
  }
  title.addEventListener('input', () => {
    mark.value = '';
    clearTimeout(timer);
    timer = setTimeout(lookup, 300);
  });
})();

export {}; // a module: its names stay its own

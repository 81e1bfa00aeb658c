// Similar data requests and datasets while a request's title is typed (the form marked data-similar-form).
// Progressive enhancement: without this script the server shows them after a first send; with it, they appear
// in a polite live region under the title, and the form is marked as checked (confirmed=1) once they were shown
// for what is typed, so the server does not ask again.
(() => {
  
  var form = document.querySelector('form[data-similar-form]');
  var live = document.getElementById('similar-live');
  var title = form?.querySelector('#f-title');
  if (!form || !live || !title) return;
  var lang = document.documentElement.lang === 'en' ? 'en' : 'ko';
  var confirmed = form.querySelector('input[name=confirmed]');
  if (!confirmed) {
    confirmed = document.createElement('input');
    confirmed.type = 'hidden';
    confirmed.name = 'confirmed';
    confirmed.value = '';
    form.appendChild(confirmed);
  }
  var timer = 0;
  var pending = null;
  var checked = null;
  function pick(localized) { return (localized[lang] || localized[lang === 'en' ? 'ko' : 'en'] || ''); }
  function section(label, items, render) {
    if (!items.length) return null;
    var wrap = document.createElement('div');
    var h = document.createElement('h2');
    h.textContent = label;
    wrap.appendChild(h);
    var ul = document.createElement('ul');
    items.forEach((item) => { ul.appendChild(render(item)); });
    wrap.appendChild(ul);
    return wrap;
  }
  function link(href, text, extra) {
    var li = document.createElement('li');
    var a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    li.appendChild(a);
    if (extra) li.appendChild(document.createTextNode(` · ${extra}`));
    return li;
  }
  function show(body) {
    live.textContent = '';
    var requests = section(live.dataset.labelRequests, body.requests, (r) => link(r.url, r.title, live.dataset.labelSupporters.replace('{n}', String(r.supporters))));
    var datasets = section(live.dataset.labelDatasets, body.datasets, (d) => link(d.url, pick(d.title)));
    if (requests) live.appendChild(requests);
    if (datasets) live.appendChild(datasets);
  }
  function lookup() {
    var q = title.value.trim();
    if (q === checked) return;
    if (q.length < 2) { live.textContent = ''; checked = q; confirmed.value = ''; return; }
    if (pending) pending.abort();
    pending = new AbortController();
    fetch(`/api/v1/demand/similar?limit=5&q=${encodeURIComponent(q)}`, { signal: pending.signal, headers: { accept: 'application/json' } })
      .then((r) => r.ok ? r.json() : { requests: [], datasets: [] })
      .then((body) => {
        show(body);
        checked = q;
        confirmed.value = title.value.trim() === q ? '1' : '';
      })
      .catch(() => { /* offline or aborted: the server checks on send */ });
  }
  title.addEventListener('input', () => {
    confirmed.value = '';
    clearTimeout(timer);
    timer = setTimeout(lookup, 300);
  });
})();

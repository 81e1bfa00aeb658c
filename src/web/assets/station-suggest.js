// Station name suggestions for inputs marked data-station-suggest (the journey form). Progressive enhancement:
// the form works without this script (the server resolves typed names); with it, a native <datalist> offers
// matching stations from GET /api/v1/transit/stations?q=, which browsers expose to screen readers as a combobox.
(() => {
  
  var lang = document.documentElement.lang === 'en' ? 'en' : 'ko';
  var inputs = document.querySelectorAll('input[data-station-suggest]');
  Array.prototype.forEach.call(inputs, (input) => {
    var list = document.createElement('datalist');
    list.id = `${input.id}-suggestions`;
    input.insertAdjacentElement('afterend', list);
    input.setAttribute('list', list.id);
    var timer = 0;
    var pending = null;
    var last = '';
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        var q = input.value.trim();
        if (q.length < 1 || q === last) return;
        last = q;
        if (pending) pending.abort();
        pending = new AbortController();
        fetch(`/api/v1/transit/stations?limit=8&q=${encodeURIComponent(q)}`, { signal: pending.signal, headers: { accept: 'application/json' } })
          .then((r) => r.ok ? r.json() : { items: [] })
          .then((body) => {
            list.textContent = '';
            body.items.forEach((s) => {
              var option = document.createElement('option');
              option.value = (lang === 'en' && s.names.en) || s.names.ko || s.id;
              var other = lang === 'en' ? s.names.ko : s.names.en;
              option.label = [other, s.lines.join(', ')].filter(Boolean).join(' · ');
              list.appendChild(option);
            });
          })
          .catch(() => { /* offline or aborted: the server still resolves what was typed */ });
      }, 200);
    });
  });
})();

// Station name suggestions for inputs marked data-station-suggest (the journey form). Progressive enhancement:
// the form works without this script (the server resolves typed names); with it, a native <datalist> offers
// matching stations from GET /api/v1/transit/stations?q=, which browsers expose to screen readers as a combobox.
// Bundled by src/web/islands.ts, served at /assets/station-suggest.js.

/** What the island reads of GET /api/v1/transit/stations (a local type until the generated API client is wired in). */
interface StationList {
  items: { id: string; names: { ko?: string | null; en?: string | null }; lines: string[] }[];
}

(() => {
  const lang = document.documentElement.lang === 'en' ? 'en' : 'ko';
  document.querySelectorAll<HTMLInputElement>('input[data-station-suggest]').forEach((input) => {
    const list = document.createElement('datalist');
    list.id = `${input.id}-suggestions`;
    input.insertAdjacentElement('afterend', list);
    input.setAttribute('list', list.id);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pending: AbortController | null = null;
    let last = '';
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const q = input.value.trim();
        if (q.length < 1 || q === last) return;
        last = q;
        pending?.abort();
        pending = new AbortController();
        fetch(`/api/v1/transit/stations?limit=8&q=${encodeURIComponent(q)}`, { signal: pending.signal, headers: { accept: 'application/json' } })
          .then((r) => (r.ok ? (r.json() as Promise<StationList>) : { items: [] }))
          .then((body) => {
            list.textContent = '';
            for (const s of body.items) {
              const option = document.createElement('option');
              option.value = (lang === 'en' && s.names.en) || s.names.ko || s.id;
              const other = lang === 'en' ? s.names.ko : s.names.en;
              option.label = [other, s.lines.join(', ')].filter(Boolean).join(' · ');
              list.appendChild(option);
            }
          })
          .catch(() => {
            /* offline or aborted: the server still resolves what was typed */
          });
      }, 200);
    });
  });
})();

export {}; // a module: its names stay its own

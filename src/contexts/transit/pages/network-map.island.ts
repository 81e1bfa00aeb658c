// The network map island (/transit/map): zoom and pan by pointer, pinch, wheel and keyboard, and a station's
// card on selection. Without it the page still shows the whole map and the list by line with every fact.
// Bundled by src/web/islands.ts, served at /assets/network-map.js.

interface Station {
  id: string;
  x: number;
  y: number;
}
interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
/** What the island reads of GET /api/v1/transit/network-map/drawn (a local type until the generated API client is wired in). */
interface Drawn {
  drawn?: string | null;
}

(() => {
  const frame = document.querySelector<HTMLElement>('.nm-frame');
  const svg = document.getElementById('nm-svg') as SVGSVGElement | null;
  const card = document.getElementById('nm-card');
  const body = card?.querySelector('.nm-card-body');
  if (!frame || !svg || !card || !body) return;
  const W = Number(svg.dataset.w),
    H = Number(svg.dataset.h);
  const full: Box = { x: 0, y: 0, w: W, h: H };
  let vb: Box = { ...full };
  const NS = 'http://www.w3.org/2000/svg';
  const stations = [...svg.querySelectorAll<SVGUseElement>('use[data-s]')].map(
    (u): Station => ({ id: u.dataset.s ?? '', x: Number(u.getAttribute('x')), y: Number(u.getAttribute('y')) }),
  );

  frame.classList.add('nm-live');
  frame.tabIndex = 0;
  frame.setAttribute('role', 'region');
  frame.setAttribute('aria-label', frame.dataset.label ?? '');
  frame.setAttribute('aria-describedby', 'nm-svg-d');
  const help = document.querySelector<HTMLElement>('.nm-help');
  if (help) help.hidden = false;
  const cross = document.createElement('span');
  cross.className = 'nm-cross';
  frame.append(cross);
  const tools = document.createElement('div');
  tools.className = 'nm-tools';
  const button = (label: string | undefined, text: string | undefined, act: () => void) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'btn btn-secondary';
    b.textContent = text ?? '';
    b.setAttribute('aria-label', label ?? '');
    b.addEventListener('click', act);
    tools.append(b);
    return b;
  };
  button(frame.dataset.in, '+', () => zoom(1.6));
  button(frame.dataset.out, '−', () => zoom(1 / 1.6));
  button(frame.dataset.reset, frame.dataset.reset, () => {
    vb = { ...full };
    apply();
  });
  frame.before(tools);

  const apply = () => svg.setAttribute('viewBox', `${vb.x.toFixed(1)} ${vb.y.toFixed(1)} ${vb.w.toFixed(1)} ${vb.h.toFixed(1)}`);
  /** Zoom by `f` around a point in map units (the centre by default). */
  function zoom(f: number, cx = vb.x + vb.w / 2, cy = vb.y + vb.h / 2) {
    const w = Math.min(W * 1.2, Math.max(W / 60, vb.w / f));
    const k = w / vb.w;
    vb = { x: cx - (cx - vb.x) * k, y: cy - (cy - vb.y) * k, w, h: vb.h * k };
    apply();
  }
  const toMap = (clientX: number, clientY: number) => {
    const m = svg.getScreenCTM();
    if (!m) return { x: 0, y: 0 };
    const p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
    return { x: p.x, y: p.y };
  };
  /** Map units per screen pixel. */
  const unit = () => {
    const m = svg.getScreenCTM();
    return m ? 1 / m.a : 1;
  };
  const nearest = (x: number, y: number, within: number) => {
    let best: Station | null = null,
      d = within;
    for (const s of stations) {
      const e = Math.hypot(s.x - x, s.y - y);
      if (e <= d) {
        d = e;
        best = s;
      }
    }
    return best;
  };

  // Card: the same facts as the list item(s) of the station, with links to the station page and the planner.
  const select = (s: Station) => {
    let ring = document.getElementById('nm-sel') as SVGCircleElement | null;
    if (!ring) {
      ring = document.createElementNS(NS, 'circle') as SVGCircleElement;
      ring.id = 'nm-sel';
      ring.setAttribute('r', '12');
      ring.setAttribute('fill', 'none');
      ring.setAttribute('stroke', '#1e2124');
      ring.setAttribute('stroke-width', '3');
      svg.append(ring);
    }
    ring.setAttribute('cx', String(s.x));
    ring.setAttribute('cy', String(s.y));
    svg.querySelectorAll('use.nm-on').forEach((u) => u.classList.remove('nm-on'));
    const links = [...document.querySelectorAll<HTMLAnchorElement>(`#nm-list a[href="/transit/stations/${CSS.escape(s.id)}"]`)];
    body.replaceChildren();
    const title = document.createElement('p');
    const strong = document.createElement('strong');
    const first = links[0];
    strong.append(...(first ? [...first.cloneNode(true).childNodes] : [document.createTextNode(s.id)]));
    title.append(strong);
    body.append(title);
    if (first) {
      // The group heading says what is known about the lifts; the rest of the item adds outages and the interior.
      const group = first.closest<HTMLElement>('ul[data-k]');
      const heading = group?.previousElementSibling;
      const facts = document.createElement('p');
      facts.dataset.facts = group ? group.dataset.k : '';
      const words = heading
        ? [...heading.childNodes]
            .filter((n) => !(n instanceof Element && n.getAttribute('aria-hidden')))
            .map((n) => n.textContent)
            .join('')
            .replace(/\s*\(\d+\)\s*$/, '')
            .trim()
        : '';
      facts.textContent = words + (first.parentElement?.textContent ?? '').slice((first.textContent ?? '').length);
      body.append(facts);
      const lines = links.map((a) => a.closest('section')?.querySelector('h3 > span[lang]')?.textContent).filter(Boolean);
      const lp = document.createElement('p');
      lp.textContent = `${card.dataset.lines}: ${lines.join(', ')}`;
      body.append(lp);
    }
    const ul = document.createElement('ul');
    const link = (href: string, text: string | undefined) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = href;
      a.textContent = text ?? '';
      li.append(a);
      ul.append(li);
    };
    const id = encodeURIComponent(s.id);
    link(`/transit/stations/${id}`, card.dataset.station);
    link(`/transit/journey?from=${id}`, card.dataset.from);
    link(`/transit/journey?to=${id}`, card.dataset.to);
    body.append(ul);
    card.hidden = false;
    card.dataset.selected = s.id;
  };

  // Pointer: drag to pan, pinch to zoom, a tap selects the nearest station.
  const pointers = new Map<number, { x: number; y: number }>();
  let moved = 0,
    pinch = 0;
  frame.addEventListener('pointerdown', (e) => {
    frame.setPointerCapture(e.pointerId);
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    moved = pointers.size > 1 ? 99 : 0;
    if (pointers.size === 2) {
      const [a, b] = [...pointers.values()] as [{ x: number; y: number }, { x: number; y: number }];
      pinch = Math.hypot(a.x - b.x, a.y - b.y);
    }
  });
  frame.addEventListener('pointermove', (e) => {
    const last = pointers.get(e.pointerId);
    if (!last) return;
    if (pointers.size === 1) {
      const u = unit();
      vb.x -= (e.clientX - last.x) * u;
      vb.y -= (e.clientY - last.y) * u;
      moved += Math.abs(e.clientX - last.x) + Math.abs(e.clientY - last.y);
      apply();
    }
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pointers.size === 2) {
      const [a, b] = [...pointers.values()] as [{ x: number; y: number }, { x: number; y: number }];
      const d = Math.hypot(a.x - b.x, a.y - b.y);
      if (pinch > 0 && d > 0) {
        const c = toMap((a.x + b.x) / 2, (a.y + b.y) / 2);
        zoom(d / pinch, c.x, c.y);
      }
      pinch = d;
    }
  });
  const up = (e: PointerEvent) => {
    if (!pointers.has(e.pointerId)) return;
    pointers.delete(e.pointerId);
    if (e.type === 'pointerup' && moved < 8 && pointers.size === 0) {
      const p = toMap(e.clientX, e.clientY);
      const s = nearest(p.x, p.y, 22 * unit());
      if (s) select(s);
    }
    if (pointers.size < 2) pinch = 0;
  };
  frame.addEventListener('pointerup', up);
  frame.addEventListener('pointercancel', up);
  frame.addEventListener(
    'wheel',
    (e) => {
      e.preventDefault();
      const p = toMap(e.clientX, e.clientY);
      zoom(e.deltaY < 0 ? 1.25 : 0.8, p.x, p.y);
    },
    { passive: false },
  );

  // Live: every 30 s (while the page is seen) ask whether what the map shows changed; if so, take the new
  // stations, legend and list from the same address, keeping the view and the selection.
  let drawn = frame.dataset.drawn;
  const refresh = async () => {
    if (document.hidden) return;
    try {
      const now = (await (await fetch('/api/v1/transit/network-map/drawn', { headers: { accept: 'application/json' } })).json()) as Drawn;
      if (!now.drawn || now.drawn === drawn) return;
      const focused = document.activeElement?.closest('#nm-list') ? document.activeElement.getAttribute('href') : null;
      const doc = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
      for (const sel of ['#nm-stations', '.nm-legend ul', '#nm-list']) {
        const fresh = doc.querySelector(sel);
        const old = document.querySelector(sel);
        if (fresh && old) old.replaceWith(document.importNode(fresh, true));
      }
      if (focused) document.querySelector<HTMLElement>(`#nm-list a[href="${CSS.escape(focused)}"]`)?.focus();
      drawn = now.drawn;
      frame.dataset.drawn = drawn;
      const ring = document.getElementById('nm-sel');
      if (ring) svg.append(ring);
      if (card.dataset.selected) {
        const s = stations.find((x) => x.id === card.dataset.selected);
        if (s) select(s);
      }
    } catch {
      /* offline for a moment: the next round tries again */
    }
  };
  setInterval(refresh, 30000);
  document.addEventListener('visibilitychange', refresh); // coming back to the page checks at once

  // Keyboard: arrows pan, + and - zoom, 0 the whole network, Enter or Space select the station in the centre.
  frame.addEventListener('keydown', (e) => {
    const step = vb.w * 0.1;
    const keys: Record<string, () => void> = {
      ArrowLeft: () => {
        vb.x -= step;
        apply();
      },
      ArrowRight: () => {
        vb.x += step;
        apply();
      },
      ArrowUp: () => {
        vb.y -= step;
        apply();
      },
      ArrowDown: () => {
        vb.y += step;
        apply();
      },
      '+': () => zoom(1.6),
      '=': () => zoom(1.6),
      '-': () => zoom(1 / 1.6),
      '0': () => {
        vb = { ...full };
        apply();
      },
      Enter: () => {
        const s = nearest(vb.x + vb.w / 2, vb.y + vb.h / 2, Math.max(vb.w, vb.h) / 8);
        if (s) select(s);
      },
    };
    keys[' '] = keys.Enter!;
    const act = keys[e.key];
    if (act) {
      e.preventDefault();
      act();
    }
  });
})();

export {}; // a module: its names stay its own

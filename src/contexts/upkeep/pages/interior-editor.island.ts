// Interior editor island (/transit/stations/:id/edit). Progressive enhancement: without this script the page
// shows each level as a picture and a table form of pathway attributes. With it, the levels become editable
// drawings: select, add, move (drag, click-then-click, or arrow keys) and connect places, edit attributes in
// the side panel; every edit is an operation of a change proposal, checked by the server's validator
// (POST …/proposals/preview) 400 ms after the last edit. Strings, styles and the interior come from the page
// (<script type="application/json" id="ed-data">, typed EditorIslandData); the geometry is editor-geometry.ts,
// the module the server draws the levels with. Bundled by src/web/islands.ts, served at /assets/interior-editor.js.
import { applyOpsTo } from '../use-cases/apply-ops.js';
import type { EdgeView, NodeView } from '../use-cases/interior-model.js';
import { type EditorIslandData, levelBox, PX_PER_M, type Point, toLatLon, toPoint } from './editor-geometry.js';

type Node = EditorIslandData['nodes'][number];
type Edge = EdgeView;
type NodeSet = Partial<Pick<NodeView, 'name' | 'locationType' | 'levelId' | 'lat' | 'lon'>>;
type EdgeSet = Partial<Pick<EdgeView, 'mode' | 'bidirectional' | NumField>>;
type NumField = 'length' | 'minWidth' | 'maxSlope' | 'stepHeightCm' | 'stairCount';
type NewNode = Pick<NodeView, 'stopId' | 'name' | 'locationType'> & { levelId: string; lat: number; lon: number };
type NewEdge = Pick<EdgeView, 'pathwayId' | 'from' | 'to' | 'mode' | 'bidirectional'>;
/** An operation of a change proposal, as POST …/proposals takes it. */
type Op =
  | { op: 'add_node'; node: NewNode }
  | { op: 'update_node'; stopId: string; set: NodeSet }
  | { op: 'remove_node'; stopId: string }
  | { op: 'add_edge'; edge: NewEdge }
  | { op: 'update_edge'; pathwayId: string; set: EdgeSet }
  | { op: 'remove_edge'; pathwayId: string };
interface Note {
  kind: Op['op'] | 'move_node';
  label: string;
}
interface Selection {
  type: 'node' | 'edge';
  id: string;
}
interface Problem {
  path?: string;
  message?: string;
}
/** What the island reads of the API's answers (local types until the generated API client is wired in). */
interface ErrorBody {
  error?: { code?: string; message?: string; details?: Problem[] };
}
interface PreviewAnswer extends ErrorBody {
  attributes?: string[];
  diff?: unknown[];
}
interface ProposalAnswer extends ErrorBody {
  id?: string;
}

(() => {
  const dataEl = document.getElementById('ed-data');
  const appEl = document.getElementById('ed-app');
  if (!dataEl || !appEl) return;
  const app = appEl;
  const D = JSON.parse(dataEl.textContent ?? '') as EditorIslandData;
  const M = D.messages;
  const SVG = 'http://www.w3.org/2000/svg';
  const t = (key: string, vars?: Record<string, string | number | null>) =>
    String(M[key] ?? key).replace(/\{(\w+)\}/g, (m, k: string) => (vars && k in vars ? String(vars[k]) : m));
  /** The island's controls, rendered by the page (editor.page.ts islandShell): present whenever #ed-app is. */
  const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
  const csrf = app.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '';
  const canvas = $('ed-canvas');
  const status = $('ed-status');
  const modes = new Map(D.modes.map((m) => [m.mode, m]));
  const levels = new Map(D.levels.map((l) => [l.levelId, l]));
  const r2 = (v: number) => Math.round(v * 100) / 100;
  const at = (lat: number, lon: number) => toPoint(D.origin, lat, lon);
  const latLon = (x: number, y: number) => toLatLon(D.origin, { x, y });
  const newId = () => {
    const bytes = new Uint8Array(6);
    crypto.getRandomValues(bytes);
    return `${D.stationId}:edit:${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
  };

  /** The proposal being built: operations as the API takes them, and what each one is, for the list. */
  const ops: Op[] = [];
  const notes: Note[] = [];
  let nodes = new Map<string, Node>();
  let edges = new Map<string, Edge>();
  let tool = 'select';
  let selected: Selection | null = null;
  let pending: string | null = null; // the first place of a connection, or the place to move on the next click
  let added = 0;

  /**
   * The interior as edited: the page's, with every operation applied in order by the server's own code
   * (apply-ops.ts, which change-ops.ts applyOps runs too); what the server would refuse is left as it was.
   */
  function replay() {
    nodes = new Map(D.nodes.map((n) => [n.stopId, { ...n }]));
    edges = new Map(D.edges.map((e) => [e.pathwayId, { ...e }]));
    applyOpsTo({ nodes, edges }, ops, {
      newNode: (n) => ({
        name: null,
        parentStopId: null,
        platformCode: null,
        wheelchairBoarding: null,
        boarding: null,
        photos: [],
        ...n,
        lat: n.lat ?? null,
        lon: n.lon ?? null,
        label: n.name ?? n.stopId,
        ...at(n.lat!, n.lon!),
      }),
      updated: (n, set) => {
        if ('lat' in set && n.lat !== null && n.lon !== null) Object.assign(n, at(n.lat, n.lon));
        if ('name' in set) n.label = set.name || n.stopId;
      },
    });
    if (selected && !(selected.type === 'node' ? nodes : edges).has(selected.id)) selected = null;
    if (pending && !nodes.has(pending)) pending = null;
  }

  const levelName = (id: string | null) => {
    const l = id === null ? undefined : levels.get(id);
    return l ? (l.levelName ?? l.levelId) : '?';
  };
  const nodeName = (id: string) => nodes.get(id)?.label ?? id;
  const nodeLabel = (n: Node) => t('editor.nodeLabel', { name: n.label, kind: t(`editor.kind.${n.locationType}`), level: levelName(n.levelId) });
  const edgeLabel = (e: Pick<Edge, 'mode' | 'from' | 'to'>) =>
    t('editor.edgeLabel', { mode: t(`editor.mode.${e.mode}`), from: nodeName(e.from), to: nodeName(e.to) });

  function el<T extends SVGElement = SVGElement>(name: string, attrs: Record<string, string | number | null | undefined>, parent?: Element): T {
    const x = document.createElementNS(SVG, name) as T;
    for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) x.setAttribute(k, String(v));
    if (parent) parent.appendChild(x);
    return x;
  }
  function stroke(mode: string) {
    const s = (modes.get(mode) ?? modes.get('walkway'))!;
    return { stroke: s.color, 'stroke-width': s.width, 'stroke-dasharray': s.dash, 'stroke-linecap': 'round', class: 'ed-line' };
  }
  function shape(kind: number, g: Element) {
    if (kind === 0) return el('rect', { x: -40, y: -16, width: 80, height: 32, rx: 4, class: 'ed-shape', stroke: '#0b0c0c', 'stroke-width': 2 }, g);
    if (kind === 2) return el('polygon', { points: '0,-20 20,0 0,20 -20,0', class: 'ed-shape', stroke: '#00703c', 'stroke-width': 3 }, g);
    if (kind === 4) return el('rect', { x: -22, y: -12, width: 44, height: 24, rx: 12, class: 'ed-shape', stroke: '#1d70b8', 'stroke-width': 2 }, g);
    return el('circle', { r: 15, class: 'ed-shape', stroke: '#0b0c0c', 'stroke-width': 2 }, g);
  }
  /** The target around a pathway: a band 24 units wide (a stroked line has no area for hit tests and layout). */
  function band(x1: number, y1: number, x2: number, y2: number, half: number) {
    const len = Math.hypot(x2 - x1, y2 - y1) || 1;
    const nx = (-(y2 - y1) / len) * half;
    const ny = ((x2 - x1) / len) * half;
    return [
      [x1 + nx, y1 + ny],
      [x2 + nx, y2 + ny],
      [x2 - nx, y2 - ny],
      [x1 - nx, y1 - ny],
    ]
      .map((p) => p.map(r2).join(','))
      .join(' ');
  }
  function focusable(g: SVGElement, key: string, label: string, isSelected: boolean) {
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    g.setAttribute('aria-label', label);
    g.setAttribute('aria-pressed', isSelected ? 'true' : 'false');
    g.dataset.key = key;
    if (isSelected) g.classList.add('is-selected');
  }

  function renderLevel(level: EditorIslandData['levels'][number]) {
    const here = [...nodes.values()].filter((n) => n.levelId === level.levelId && n.locationType !== 1);
    const ids = new Set(here.map((n) => n.stopId));
    const touching = [...edges.values()].filter((e) => ids.has(e.from) || ids.has(e.to));
    const b = levelBox(here);
    const figure = document.createElement('figure');
    figure.className = 'ed-level';
    const caption = document.createElement('figcaption');
    const h = document.createElement('h3');
    h.textContent = t('editor.levelHeading', { level: levelName(level.levelId) });
    const add = document.createElement('button');
    add.type = 'button';
    add.className = 'btn btn-secondary btn-small';
    add.textContent = t('editor.addHere', { level: levelName(level.levelId) });
    add.dataset.addLevel = level.levelId;
    add.dataset.key = `add:${level.levelId}`;
    caption.append(h, add);
    figure.appendChild(caption);
    const wrap = document.createElement('div');
    wrap.className = 'ed-scroll';
    figure.appendChild(wrap);
    const tid = `ed-edit-${level.levelId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    const svg = el<SVGSVGElement>(
      'svg',
      {
        role: 'group',
        'aria-labelledby': `${tid}-t`,
        'aria-describedby': `${tid}-d`,
        viewBox: `${b.x} ${b.y} ${b.w} ${b.h}`,
        width: b.w,
        height: b.h,
        class: 'ed-svg',
      },
      wrap,
    );
    svg.dataset.level = level.levelId;
    el('title', { id: `${tid}-t` }, svg).textContent = t('editor.levelTitle', { station: D.stationName, level: levelName(level.levelId) });
    el('desc', { id: `${tid}-d` }, svg).textContent = t('editor.levelDesc', { nodes: here.length, edges: touching.length });
    el('rect', { x: b.x, y: b.y, width: b.w, height: b.h, class: 'ed-bg' }, svg);
    const stubs = new Map<string, number>();
    for (const e of touching) {
      const a = ids.has(e.from) ? nodes.get(e.from) : null;
      const z = ids.has(e.to) ? nodes.get(e.to) : null;
      const isSel = selected?.type === 'edge' && selected.id === e.pathwayId;
      const g = el<SVGGElement>('g', { class: 'ed-edge' }, svg);
      g.dataset.pathway = e.pathwayId;
      let x1: number,
        y1: number,
        x2: number,
        y2: number,
        text: { x: number; y: number; s: string } | null = null;
      if (a && z) {
        x1 = a.x;
        y1 = a.y;
        x2 = z.x;
        y2 = z.y;
      } else {
        const p = (a ?? z)!;
        const far = nodes.get(a ? e.to : e.from);
        const farLevel = far?.levelId ? levels.get(far.levelId) : undefined;
        const up = (farLevel?.levelIndex ?? 0) > level.levelIndex;
        const k = stubs.get(`${p.stopId}|${up}`) ?? 0;
        stubs.set(`${p.stopId}|${up}`, k + 1);
        const dx = (k % 2 ? 1 : -1) * (14 + 28 * Math.floor(k / 2));
        x1 = p.x + dx;
        y1 = p.y;
        x2 = x1;
        y2 = up ? p.y - 52 : p.y + 52;
        text = { x: x2, y: up ? y2 - 4 : y2 + 12, s: `${up ? '↑' : '↓'}${farLevel ? levelName(farLevel.levelId) : '?'}` };
      }
      focusable(g, `e:${e.pathwayId}`, edgeLabel(e) + (text ? ` (${text.s})` : ''), isSel);
      el('line', { x1, y1, x2, y2, class: 'ed-ring' }, g);
      el('line', { x1, y1, x2, y2, ...stroke(e.mode) }, g);
      el('polygon', { points: band(x1, y1, x2, y2, 12), class: 'ed-hit' }, g);
      if (text) el('text', { x: text.x, y: text.y, 'font-size': 11, 'text-anchor': 'middle', class: 'ed-stub' }, g).textContent = text.s;
    }
    for (const n of here) {
      const isSel = selected?.type === 'node' && selected.id === n.stopId;
      const g = el<SVGGElement>('g', { class: `ed-node${pending === n.stopId ? ' is-pending' : ''}`, transform: `translate(${n.x} ${n.y})` }, svg);
      g.dataset.stop = n.stopId;
      focusable(g, `n:${n.stopId}`, nodeLabel(n), isSel);
      el('circle', { r: 27, class: 'ed-ring' }, g);
      shape(n.locationType, g);
      el('circle', { r: 18, class: 'ed-hit' }, g);
      el('text', { x: n.locationType === 0 ? 46 : 26, y: 4, 'font-size': 13, class: 'ed-label' }, g).textContent = n.label;
    }
    return figure;
  }

  function render() {
    const active = document.activeElement?.closest<HTMLElement | SVGElement>('[data-key]')?.dataset.key;
    canvas.textContent = '';
    for (const l of D.levels) canvas.appendChild(renderLevel(l));
    if (active) canvas.querySelector<HTMLElement | SVGElement>(`[data-key="${CSS.escape(active)}"]`)?.focus();
    renderOps();
    renderPanel();
  }

  function renderOps() {
    const list = $('ed-ops');
    list.textContent = '';
    notes.forEach((n) => {
      const li = document.createElement('li');
      li.textContent = t(`editor.op.${n.kind}`, { name: n.label });
      list.appendChild(li);
    });
  }

  // ---- the side panel ----
  const nodeForm = $('ed-node-form');
  const edgeForm = $('ed-edge-form');
  const NUMS: NumField[] = ['length', 'minWidth', 'maxSlope', 'stepHeightCm', 'stairCount'];
  const levelSelect = $<HTMLSelectElement>('ed-node-level');
  for (const l of D.levels) levelSelect.add(new Option(levelName(l.levelId), l.levelId));
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

  function renderPanel() {
    const what = $('ed-panel-what');
    const node = selected?.type === 'node' ? nodes.get(selected.id) : null;
    const edge = selected?.type === 'edge' ? edges.get(selected.id) : null;
    nodeForm.hidden = !node;
    edgeForm.hidden = !edge;
    if (node) {
      what.textContent = t('editor.panel.node', { name: node.label });
      if (nodeForm.dataset.for !== node.stopId) {
        nodeForm.dataset.for = node.stopId;
        $<HTMLInputElement>('ed-node-name').value = text(node.name);
        $<HTMLSelectElement>('ed-node-kind').value = String(node.locationType);
        levelSelect.value = node.levelId ?? '';
      }
    } else if (edge) {
      what.textContent = t('editor.panel.edge', { from: nodeName(edge.from), to: nodeName(edge.to) });
      if (edgeForm.dataset.for !== edge.pathwayId) {
        edgeForm.dataset.for = edge.pathwayId;
        $<HTMLSelectElement>('ed-edge-mode').value = edge.mode;
        $<HTMLInputElement>('ed-edge-bidirectional').checked = !!edge.bidirectional;
        for (const f of NUMS) setFieldError($<HTMLInputElement>(`ed-edge-${f}`), null).value = text(edge[f]);
      }
    } else what.textContent = t('editor.panel.none');
    if (!node) delete nodeForm.dataset.for;
    if (!edge) delete edgeForm.dataset.for;
  }

  function setFieldError<T extends HTMLInputElement>(input: T, message: string | null) {
    const id = `${input.id}-error`;
    document.getElementById(id)?.remove();
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
    if (message) {
      const p = document.createElement('p');
      p.className = 'field-error';
      p.id = id;
      p.textContent = message;
      input.before(p);
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', id);
    }
    return input;
  }

  function readNumber(s: string) {
    const v = s.trim().replace(/,/g, '.');
    if (v === '') return null;
    if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(v)) return undefined;
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }

  nodeForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const node = selected?.type === 'node' ? nodes.get(selected.id) : null;
    if (!node) return;
    const set: NodeSet = {};
    const name = $<HTMLInputElement>('ed-node-name').value.trim();
    if ((name || null) !== node.name) set.name = name || null;
    const kind = Number($<HTMLSelectElement>('ed-node-kind').value);
    if (kind !== node.locationType) set.locationType = kind;
    if (levelSelect.value !== node.levelId) set.levelId = levelSelect.value;
    if (!Object.keys(set).length) return;
    push({ op: 'update_node', stopId: node.stopId, set }, { kind: 'update_node', label: node.label });
    delete nodeForm.dataset.for;
    render();
  });

  edgeForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const edge = selected?.type === 'edge' ? edges.get(selected.id) : null;
    if (!edge) return;
    const set: EdgeSet = {};
    let bad: HTMLInputElement | null = null;
    const mode = $<HTMLSelectElement>('ed-edge-mode').value as Edge['mode'];
    if (mode !== edge.mode) set.mode = mode;
    const both = $<HTMLInputElement>('ed-edge-bidirectional').checked;
    if (both !== !!edge.bidirectional) set.bidirectional = both;
    for (const f of NUMS) {
      const input = $<HTMLInputElement>(`ed-edge-${f}`);
      const v = readNumber(input.value);
      setFieldError(input, v === undefined ? t('editor.error.number', { label: t(`editor.field.${f}`) }) : null);
      if (v === undefined) bad = bad ?? input;
      else if (v !== edge[f]) set[f] = v;
    }
    if (bad) {
      bad.focus();
      return;
    }
    if (!Object.keys(set).length) return;
    push({ op: 'update_edge', pathwayId: edge.pathwayId, set }, { kind: 'update_edge', label: edgeLabel(edge) });
    delete edgeForm.dataset.for;
    render();
  });

  // ---- operations ----
  function push(op: Op, note: Note) {
    ops.push(op);
    notes.push(note);
    replay();
    schedule();
  }

  function select(type: Selection['type'], id: string | undefined) {
    selected = id ? { type, id } : null;
    render();
  }

  function addNode(levelId: string, x: number, y: number) {
    added += 1;
    const name = t('editor.newName', { n: added });
    const stopId = newId();
    push({ op: 'add_node', node: { stopId, name, locationType: 3, levelId, ...latLon(x, y) } }, { kind: 'add_node', label: name });
    selected = { type: 'node', id: stopId };
    render();
    canvas.querySelector<SVGElement>(`[data-key="${CSS.escape(`n:${stopId}`)}"]`)?.focus();
  }

  function connect(from: string, to: string) {
    const mode = $<HTMLSelectElement>('ed-new-mode').value as Edge['mode'];
    const pathwayId = newId();
    const edge: NewEdge = { pathwayId, from, to, mode, bidirectional: mode !== 'exit_gate' };
    push({ op: 'add_edge', edge }, { kind: 'add_edge', label: edgeLabel({ ...edge }) });
    selected = { type: 'edge', id: pathwayId };
    announcePending('');
    render();
  }

  /** Moves a place; successive moves of the same place make one operation. */
  function moveNode(stopId: string, x: number, y: number, levelId?: string) {
    const n = nodes.get(stopId);
    if (!n) return;
    const set: NodeSet = latLon(x, y);
    if (levelId && levelId !== n.levelId) set.levelId = levelId;
    const last = ops[ops.length - 1];
    if (last && last.op === 'update_node' && last.stopId === stopId && notes[notes.length - 1]?.kind === 'move_node') {
      Object.assign(last.set, set);
      replay();
      schedule();
    } else push({ op: 'update_node', stopId, set }, { kind: 'move_node', label: n.label });
    render();
  }

  function removeSelected() {
    if (!selected) return;
    if (selected.type === 'node') push({ op: 'remove_node', stopId: selected.id }, { kind: 'remove_node', label: nodeName(selected.id) });
    else push({ op: 'remove_edge', pathwayId: selected.id }, { kind: 'remove_edge', label: edgeLabel(edges.get(selected.id)!) });
    selected = null;
    render();
  }

  function undo() {
    if (!ops.length) return;
    ops.pop();
    notes.pop();
    replay();
    delete nodeForm.dataset.for;
    delete edgeForm.dataset.for;
    schedule();
    render();
  }

  // ---- the validator, as you edit ----
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;
  function schedule() {
    clearTimeout(timer);
    if (!ops.length) {
      seq++;
      done();
      showStatus([t('editor.status.idle')]);
      return;
    }
    timer = setTimeout(check, 400);
  }

  function showStatus(lines: string[], problems?: Problem[]) {
    status.textContent = '';
    for (const line of lines) {
      const p = document.createElement('p');
      p.textContent = line;
      status.appendChild(p);
    }
    status.classList.toggle('is-invalid', !!problems?.length);
    if (problems?.length) {
      const ul = document.createElement('ul');
      for (const d of problems) {
        const li = document.createElement('li');
        const code = document.createElement('code');
        code.textContent = d.path || '';
        li.append(code, document.createTextNode(` ${d.message ?? ''}`));
        ul.appendChild(li);
      }
      status.appendChild(ul);
    }
  }

  const errorOf = (body: ErrorBody | null) => body?.error ?? {};
  const post = (path: string, body: unknown) =>
    fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify(body),
    });

  function done() {
    status.removeAttribute('aria-busy');
    $('ed-checking').textContent = '';
  }

  async function check() {
    const mine = ++seq;
    // The live region is busy (not read out) until the answer is in; "checking" is for the eyes only.
    status.setAttribute('aria-busy', 'true');
    $('ed-checking').textContent = t('editor.status.checking');
    try {
      const res = await post(`/api/v1/transit/stations/${encodeURIComponent(D.stationId)}/proposals/preview`, { ops });
      const body = (await res.json().catch(() => null)) as PreviewAnswer | null;
      if (mine !== seq) return;
      done();
      if (res.ok) {
        const attributes = (body?.attributes ?? []).map((a) => t(`editor.attr.${a}`)).join(', ');
        showStatus([t('editor.status.valid', { n: (body?.diff ?? []).length, attributes })]);
      } else {
        const err = errorOf(body);
        const details: Problem[] =
          Array.isArray(err.details) && err.details.length ? err.details : [{ path: err.code || String(res.status), message: err.message || res.statusText }];
        showStatus([t('editor.status.invalid', { n: details.length })], details);
      }
    } catch {
      if (mine === seq) {
        done();
        showStatus([t('editor.status.offline')]);
      }
    }
  }

  // ---- pointer and keyboard ----
  function svgPoint(svg: SVGSVGElement, ev: { clientX: number; clientY: number }): Point {
    const pt = svg.createSVGPoint();
    pt.x = ev.clientX;
    pt.y = ev.clientY;
    const p = pt.matrixTransform(svg.getScreenCTM()?.inverse());
    return { x: r2(p.x), y: r2(p.y) };
  }
  function announcePending(message: string) {
    $('ed-pending').textContent = message;
  }

  function activate(target: Element, ev: MouseEvent | null) {
    const nodeEl = target.closest<SVGGElement>('.ed-node');
    const edgeEl = target.closest<SVGGElement>('.ed-edge');
    const svg = target.closest<SVGSVGElement>('svg.ed-svg');
    if (nodeEl) {
      const id = nodeEl.dataset.stop ?? '';
      if (tool === 'connect') {
        if (!pending) {
          pending = id;
          selected = { type: 'node', id };
          announcePending(t('editor.connectFrom', { name: nodeName(id) }));
          render();
        } else if (pending !== id) {
          const from = pending;
          pending = null;
          connect(from, id);
        }
        return;
      }
      if (tool === 'move') {
        pending = pending === id ? null : id;
        announcePending(pending ? t('editor.moveFrom', { name: nodeName(id) }) : '');
      }
      select('node', id);
      return;
    }
    if (edgeEl) {
      select('edge', edgeEl.dataset.pathway);
      return;
    }
    if (!svg || !ev) return;
    const p = svgPoint(svg, ev);
    if (tool === 'add') addNode(svg.dataset.level ?? '', p.x, p.y);
    else if (tool === 'move' && pending) {
      const id = pending;
      pending = null;
      announcePending('');
      moveNode(id, p.x, p.y, svg.dataset.level);
    }
  }

  let drag: { g: SVGGElement; svg: SVGSVGElement; id: string; start: Point; at: Point | null } | null = null;
  let dragged = false;
  let dragEnded = 0; // the click that ends a drag is not a click
  canvas.addEventListener('pointerdown', (ev) => {
    const g = (ev.target as Element).closest<SVGGElement>('.ed-node');
    const svg = g?.closest('svg');
    if (tool !== 'move' || !g || !svg || ev.button !== 0) return;
    drag = { g, svg, id: g.dataset.stop ?? '', start: svgPoint(svg, ev), at: null };
    dragged = false;
    g.setPointerCapture(ev.pointerId);
  });
  canvas.addEventListener('pointermove', (ev) => {
    if (!drag) return;
    const p = svgPoint(drag.svg, ev);
    if (!dragged && Math.hypot(p.x - drag.start.x, p.y - drag.start.y) < 4) return;
    dragged = true;
    drag.at = p;
    drag.g.setAttribute('transform', `translate(${p.x} ${p.y})`);
    for (const g of drag.svg.querySelectorAll<SVGGElement>('.ed-edge')) {
      const e = edges.get(g.dataset.pathway ?? '');
      if (!e) continue;
      const ends = e.from === drag.id ? ['x1', 'y1'] : e.to === drag.id ? ['x2', 'y2'] : null;
      const other = nodes.get(e.from === drag.id ? e.to : e.from);
      if (!ends || !other || other.levelId !== nodes.get(drag.id)?.levelId) continue;
      for (const line of g.querySelectorAll('line')) {
        line.setAttribute(ends[0]!, String(p.x));
        line.setAttribute(ends[1]!, String(p.y));
      }
      const l = g.querySelector('line');
      const c = (name: string) => Number(l?.getAttribute(name));
      if (l) g.querySelector('.ed-hit')?.setAttribute('points', band(c('x1'), c('y1'), c('x2'), c('y2'), 12));
    }
  });
  const endDrag = () => {
    if (!drag) return;
    const d = drag;
    drag = null;
    if (dragged && d.at) {
      dragEnded = performance.now();
      pending = null;
      announcePending('');
      selected = { type: 'node', id: d.id };
      moveNode(d.id, d.at.x, d.at.y);
    }
  };
  canvas.addEventListener('pointerup', endDrag);
  canvas.addEventListener('pointercancel', endDrag);

  canvas.addEventListener('click', (ev) => {
    if (performance.now() - dragEnded < 400) return;
    const add = (ev.target as Element).closest<HTMLElement>('[data-add-level]');
    if (add) {
      const level = add.dataset.addLevel ?? '';
      const here = [...nodes.values()].filter((n) => n.levelId === level);
      const y = here.length ? Math.max(...here.map((n) => n.y)) + 130 : 0;
      addNode(level, 0, y);
      return;
    }
    activate(ev.target as Element, ev);
  });

  canvas.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && pending) {
      pending = null;
      announcePending('');
      render();
      return;
    }
    const g = (ev.target as Element).closest<SVGGElement>('.ed-node, .ed-edge');
    if (!g) return;
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      activate(g, null);
      return;
    }
    if (ev.key === 'Delete' || ev.key === 'Backspace') {
      ev.preventDefault();
      selected = g.classList.contains('ed-node') ? { type: 'node', id: g.dataset.stop ?? '' } : { type: 'edge', id: g.dataset.pathway ?? '' };
      removeSelected();
      $('ed-undo').focus(); // the place or pathway is gone: focus the way back
      return;
    }
    const step = ({ ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] } as Record<string, [number, number]>)[ev.key];
    if (!step || !g.classList.contains('ed-node')) return;
    ev.preventDefault();
    const id = g.dataset.stop ?? '';
    const n = nodes.get(id);
    if (!n) return;
    const metres = ev.shiftKey ? 10 : 1;
    selected = { type: 'node', id };
    moveNode(id, r2(n.x + step[0] * metres * PX_PER_M), r2(n.y + step[1] * metres * PX_PER_M));
  });

  for (const radio of app.querySelectorAll<HTMLInputElement>('input[name="ed-tool"]')) {
    radio.addEventListener('change', () => {
      tool = radio.value;
      pending = null;
      announcePending('');
      canvas.dataset.tool = tool;
      $('ed-help').textContent = t(`editor.help.${tool}`);
      render();
    });
  }
  $('ed-delete').addEventListener('click', removeSelected);
  $('ed-undo').addEventListener('click', undo);

  // ---- sending the proposal ----
  $('ed-submit').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const out = $('ed-submit-status');
    const title = $<HTMLInputElement>('ed-title');
    const say = (lead: string, problems?: Problem[]) => {
      out.textContent = '';
      const p = document.createElement('p');
      p.textContent = lead;
      out.appendChild(p);
      if (problems?.length) {
        const ul = document.createElement('ul');
        for (const d of problems) {
          const li = document.createElement('li');
          li.textContent = `${d.path ?? ''}: ${d.message ?? ''}`;
          ul.appendChild(li);
        }
        out.appendChild(ul);
      }
    };
    setFieldError(title, null);
    if (!ops.length) {
      say(t('editor.nothingToSend'));
      return;
    }
    if (title.value.trim().length < 3) {
      setFieldError(title, t('editor.titleRequired'));
      title.focus();
      return;
    }
    say(t('editor.submitting'));
    try {
      const note = $<HTMLTextAreaElement>('ed-note').value.trim();
      const res = await post(`/api/v1/transit/stations/${encodeURIComponent(D.stationId)}/proposals`, {
        title: title.value.trim(),
        ops,
        ...(note ? { note } : {}),
      });
      const body = (await res.json().catch(() => null)) as ProposalAnswer | null;
      if (res.status === 201 && body?.id) {
        window.location.assign(`/transit/proposals/${encodeURIComponent(body.id)}`);
        return;
      }
      const err = errorOf(body);
      say(
        t('editor.submitFailed'),
        Array.isArray(err.details) && err.details.length ? err.details : [{ path: err.code ?? String(res.status), message: err.message ?? '' }],
      );
    } catch {
      say(t('editor.status.offline'));
    }
  });

  // ---- start ----
  app.hidden = false;
  for (const id of ['ed-static', 'ed-fallback']) {
    const x = $(id);
    if (x) x.hidden = true;
  }
  canvas.dataset.tool = tool;
  replay();
  render();
})();

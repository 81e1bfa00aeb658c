import { band, svgPoint } from './editor-drawing.client.js';
import { PX_PER_M, type Point } from './editor-geometry.js';
import type { EditorEdge } from './editor-session.js';
import type { EditorUi } from './editor-ui.client.js';

/**
 * The interior editor's pointer and keyboard: the tools (select, add, move, connect), click or Enter on a place
 * or pathway, dragging a place (its pathways follow), arrow keys to move a place by 1 m (10 m with Shift),
 * Delete to remove, Escape to drop a pending connection or move; the delete and undo buttons. Browser-only.
 */
export function setUpInput(ui: EditorUi) {
  const { app, canvas, $, session: s } = ui;
  const t = s.t;
  const r2 = (v: number) => Math.round(v * 100) / 100;
  let tool = 'select';

  function select(type: 'node' | 'edge', id: string | undefined) {
    s.selected = id ? { type, id } : null;
    ui.render();
  }

  function addNode(levelId: string, x: number, y: number) {
    const stopId = s.addNode(levelId, x, y);
    ui.changed();
    ui.render();
    canvas.querySelector<SVGElement>(`[data-key="${CSS.escape(`n:${stopId}`)}"]`)?.focus();
  }

  function connect(from: string, to: string) {
    s.connect(from, to, $<HTMLSelectElement>('ed-new-mode').value as EditorEdge['mode']);
    ui.changed();
    ui.announcePending('');
    ui.render();
  }

  function moveNode(stopId: string, x: number, y: number, levelId?: string) {
    if (!s.moveNode(stopId, x, y, levelId)) return;
    ui.changed();
    ui.render();
  }

  function removeSelected() {
    if (!s.removeSelected()) return;
    ui.changed();
    ui.render();
  }

  function undo() {
    if (!s.undo()) return;
    ui.resetPanel();
    ui.changed();
    ui.render();
  }

  function activate(target: Element, ev: MouseEvent | null) {
    const nodeEl = target.closest<SVGGElement>('.ed-node');
    const edgeEl = target.closest<SVGGElement>('.ed-edge');
    const svg = target.closest<SVGSVGElement>('svg.ed-svg');
    if (nodeEl) {
      const id = nodeEl.dataset.stop ?? '';
      if (tool === 'connect') {
        if (!s.pending) {
          s.pending = id;
          s.selected = { type: 'node', id };
          ui.announcePending(t('editor.connectFrom', { name: s.nodeName(id) }));
          ui.render();
        } else if (s.pending !== id) {
          const from = s.pending;
          s.pending = null;
          connect(from, id);
        }
        return;
      }
      if (tool === 'move') {
        s.pending = s.pending === id ? null : id;
        ui.announcePending(s.pending ? t('editor.moveFrom', { name: s.nodeName(id) }) : '');
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
    else if (tool === 'move' && s.pending) {
      const id = s.pending;
      s.pending = null;
      ui.announcePending('');
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
      const e = s.edges.get(g.dataset.pathway ?? '');
      if (!e) continue;
      const ends = e.from === drag.id ? ['x1', 'y1'] : e.to === drag.id ? ['x2', 'y2'] : null;
      const other = s.nodes.get(e.from === drag.id ? e.to : e.from);
      if (!ends || !other || other.levelId !== s.nodes.get(drag.id)?.levelId) continue;
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
      s.pending = null;
      ui.announcePending('');
      s.selected = { type: 'node', id: d.id };
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
      const here = [...s.nodes.values()].filter((n) => n.levelId === level);
      const y = here.length ? Math.max(...here.map((n) => n.y)) + 130 : 0;
      addNode(level, 0, y);
      return;
    }
    activate(ev.target as Element, ev);
  });

  canvas.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && s.pending) {
      s.pending = null;
      ui.announcePending('');
      ui.render();
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
      s.selected = g.classList.contains('ed-node') ? { type: 'node', id: g.dataset.stop ?? '' } : { type: 'edge', id: g.dataset.pathway ?? '' };
      removeSelected();
      $('ed-undo').focus(); // the place or pathway is gone: focus the way back
      return;
    }
    const step = ({ ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] } as Record<string, [number, number]>)[ev.key];
    if (!step || !g.classList.contains('ed-node')) return;
    ev.preventDefault();
    const id = g.dataset.stop ?? '';
    const n = s.nodes.get(id);
    if (!n) return;
    const metres = ev.shiftKey ? 10 : 1;
    s.selected = { type: 'node', id };
    moveNode(id, r2(n.x + step[0] * metres * PX_PER_M), r2(n.y + step[1] * metres * PX_PER_M));
  });

  for (const radio of app.querySelectorAll<HTMLInputElement>('input[name="ed-tool"]')) {
    radio.addEventListener('change', () => {
      tool = radio.value;
      s.pending = null;
      ui.announcePending('');
      canvas.dataset.tool = tool;
      $('ed-help').textContent = t(`editor.help.${tool}`);
      ui.render();
    });
  }
  $('ed-delete').addEventListener('click', removeSelected);
  $('ed-undo').addEventListener('click', undo);
  canvas.dataset.tool = tool;
}

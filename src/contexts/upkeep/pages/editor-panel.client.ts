import { type EdgeSet, type EditorEdge, NUM_FIELDS, type NodeSet, readNumber } from './editor-session.js';
import type { EditorUi } from './editor-ui.client.js';

/** Shows (or clears) an input's error above it, tied to it by aria-describedby. Returns the input. */
export function setFieldError<T extends HTMLInputElement>(input: T, message: string | null) {
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

/**
 * The side panel: the attributes of the selected place (name, kind, level) or pathway (mode, direction,
 * measures), applied as one operation. A form is filled when the selection changes, not on every redraw, so
 * what the steward is typing stays. Returns the panel's render and reset.
 */
export function setUpPanel(ui: EditorUi) {
  const { $, session: s } = ui;
  const t = s.t;
  const nodeForm = $('ed-node-form');
  const edgeForm = $('ed-edge-form');
  const levelSelect = $<HTMLSelectElement>('ed-node-level');
  for (const l of s.data.levels) levelSelect.add(new Option(s.levelName(l.levelId), l.levelId));
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

  function render() {
    const what = $('ed-panel-what');
    const node = s.selected?.type === 'node' ? s.nodes.get(s.selected.id) : null;
    const edge = s.selected?.type === 'edge' ? s.edges.get(s.selected.id) : null;
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
      what.textContent = t('editor.panel.edge', { from: s.nodeName(edge.from), to: s.nodeName(edge.to) });
      if (edgeForm.dataset.for !== edge.pathwayId) {
        edgeForm.dataset.for = edge.pathwayId;
        $<HTMLSelectElement>('ed-edge-mode').value = edge.mode;
        $<HTMLInputElement>('ed-edge-bidirectional').checked = !!edge.bidirectional;
        for (const f of NUM_FIELDS) setFieldError($<HTMLInputElement>(`ed-edge-${f}`), null).value = text(edge[f]);
      }
    } else what.textContent = t('editor.panel.none');
    if (!node) delete nodeForm.dataset.for;
    if (!edge) delete edgeForm.dataset.for;
  }

  function reset() {
    delete nodeForm.dataset.for;
    delete edgeForm.dataset.for;
  }

  nodeForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const node = s.selected?.type === 'node' ? s.nodes.get(s.selected.id) : null;
    if (!node) return;
    const set: NodeSet = {};
    const name = $<HTMLInputElement>('ed-node-name').value.trim();
    if ((name || null) !== node.name) set.name = name || null;
    const kind = Number($<HTMLSelectElement>('ed-node-kind').value);
    if (kind !== node.locationType) set.locationType = kind;
    if (levelSelect.value !== node.levelId) set.levelId = levelSelect.value;
    if (!Object.keys(set).length) return;
    s.push({ op: 'update_node', stopId: node.stopId, set }, { kind: 'update_node', label: node.label });
    ui.changed();
    delete nodeForm.dataset.for;
    ui.render();
  });

  edgeForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const edge = s.selected?.type === 'edge' ? s.edges.get(s.selected.id) : null;
    if (!edge) return;
    const set: EdgeSet = {};
    let bad: HTMLInputElement | null = null;
    const mode = $<HTMLSelectElement>('ed-edge-mode').value as EditorEdge['mode'];
    if (mode !== edge.mode) set.mode = mode;
    const both = $<HTMLInputElement>('ed-edge-bidirectional').checked;
    if (both !== !!edge.bidirectional) set.bidirectional = both;
    for (const f of NUM_FIELDS) {
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
    s.push({ op: 'update_edge', pathwayId: edge.pathwayId, set }, { kind: 'update_edge', label: s.edgeLabel(edge) });
    ui.changed();
    delete edgeForm.dataset.for;
    ui.render();
  });

  return { render, reset };
}

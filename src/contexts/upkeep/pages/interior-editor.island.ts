// Interior editor island (/transit/stations/:id/edit). Progressive enhancement: without this script the page
// shows each level as a picture and a table form of pathway attributes. With it, the levels become editable
// drawings: select, add, move (drag, click-then-click, or arrow keys) and connect places, edit attributes in
// the side panel; every edit is an operation of a change proposal, checked by the server's validator
// (POST …/proposals/preview) 400 ms after the last edit. Strings, styles and the interior come from the page
// (<script type="application/json" id="ed-data">, typed EditorIslandData). Bundled by src/web/islands.ts,
// served at /assets/interior-editor.js. Its parts:
// - editor-session.ts: the proposal being built (operations, their notes, undo), the interior as edited
//   (replayed by the server's apply-ops.ts) and the selection; pure, unit-tested;
// - editor-geometry.ts: where places go, the module the server draws the levels with;
// - editor-drawing.client.ts: the levels' SVG drawings and the list of changes;
// - editor-panel.client.ts: the side panel's forms;
// - editor-input.client.ts: the tools, pointer and keyboard;
// - editor-proposal.client.ts: the validator as you edit, and sending the proposal.
import { drawLevels, drawOps } from './editor-drawing.client.js';
import type { EditorIslandData } from './editor-geometry.js';
import { setUpInput } from './editor-input.client.js';
import { setUpPanel } from './editor-panel.client.js';
import { setUpSubmit, setUpValidator } from './editor-proposal.client.js';
import { EditorSession } from './editor-session.js';
import type { EditorUi } from './editor-ui.client.js';

(() => {
  const dataEl = document.getElementById('ed-data');
  const app = document.getElementById('ed-app');
  if (!dataEl || !app) return;
  const data = JSON.parse(dataEl.textContent ?? '') as EditorIslandData;
  const newId = () => {
    const bytes = new Uint8Array(6);
    crypto.getRandomValues(bytes);
    return `${data.stationId}:edit:${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
  };
  const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
  const csrf = app.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '';
  let panel: ReturnType<typeof setUpPanel> | undefined;
  let schedule: (() => void) | undefined;
  const ui: EditorUi = {
    session: new EditorSession(data, newId),
    app,
    canvas: $('ed-canvas'),
    $,
    render() {
      drawLevels(ui);
      drawOps(ui);
      panel?.render();
    },
    changed: () => schedule?.(),
    resetPanel: () => panel?.reset(),
    announcePending(message) {
      $('ed-pending').textContent = message;
    },
    post: (path, body) =>
      fetch(path, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify(body),
      }),
  };
  panel = setUpPanel(ui);
  schedule = setUpValidator(ui);
  setUpInput(ui);
  setUpSubmit(ui);

  // ---- start ----
  app.hidden = false;
  for (const id of ['ed-static', 'ed-fallback']) {
    const x = $(id);
    if (x) x.hidden = true;
  }
  ui.render();
})();

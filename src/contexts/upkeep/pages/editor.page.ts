import type { App, Services } from '../../../core/context.js';
import { AppError, notFound } from '../../../core/errors.js';
import { translator, type Locale } from '../../../core/i18n/messages.js';
import { html, raw, type Html } from '../../../web/html.js';
import { csrfField, errorSummary, textArea, textField, type FieldError, type PageContext } from '../../../web/layout.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { describeCurrentInterior } from '../use-cases/describe-upkeep.js';
import { EDGE_MODES } from '../use-cases/interior-model.js';
import { proposeChange } from '../use-cases/propose-change.js';
import { findStationNames, stationText, transitAssets } from '../../transit/index.js';
import { opsFromTable, TABLE_FIELDS } from './editor-form.js';
import type { EditorIslandData } from './editor-geometry.js';
import { legend, levelFigures, MODE_STROKE, pathwayTable, placeInterior, type EditorLayout, type EditorT } from './editor-view.js';
import { editorMessages } from './editor.messages.js';

const hide = { schema: { hide: true } };
const str = (v: unknown) => (typeof v === 'string' ? v : '');

interface EditorData {
  station: { id: string; ko: string | null; en: string | null };
  baseVersion: number;
  interior: Awaited<ReturnType<typeof describeCurrentInterior>>['interior'];
}

async function loadEditor(services: Services, stationId: string): Promise<EditorData> {
  const current = await describeCurrentInterior(services, stationId); // 404 for an unknown station
  const s = await findStationNames(services.db, stationId);
  if (!s) throw notFound('station');
  return { station: { id: s.id, ko: s.name_ko, en: s.name_en }, baseVersion: current.baseVersion, interior: current.interior };
}

function layoutOf(data: EditorData, locale: Locale): EditorLayout {
  const root = data.interior.nodes.find((n) => n.locationType === 1 && n.lat !== null && n.lon !== null);
  const measured = data.interior.nodes.find((n) => n.lat !== null && n.lon !== null);
  const origin = { lat: root?.lat ?? measured?.lat ?? 37.5665, lon: root?.lon ?? measured?.lon ?? 126.978 };
  return placeInterior(data.interior, origin, locale);
}

/** What the island needs: the interior as laid out, the drawing styles and its strings in the page's language. */
function islandData(t: EditorT, data: EditorData, layout: EditorLayout, stationName: string): Html {
  const messages = Object.fromEntries(Object.keys(editorMessages).map((k) => [k, t(k as keyof typeof editorMessages)]));
  const island: EditorIslandData = {
    stationId: data.station.id,
    stationName,
    baseVersion: data.baseVersion,
    origin: layout.origin,
    levels: layout.levels,
    nodes: layout.nodes,
    edges: layout.edges,
    modes: EDGE_MODES.map((m) => ({ mode: m, ...MODE_STROKE[m] })),
    messages,
  };
  const json = JSON.stringify(island);
  return raw(
    `<script type="application/json" id="ed-data">${json
      .replace(/</g, '\\u003c')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029')}</script>`,
  );
}

/** The island's controls, rendered here so their labels come from the catalog; hidden until the script runs. */
function islandShell(t: EditorT, ctx: PageContext): Html {
  const num = (field: string, label: string) => html`<div class="form-group"><label for="ed-edge-${field}">${label}</label>
    <input type="text" inputmode="decimal" id="ed-edge-${field}" name="${field}"></div>`;
  return html`<section id="ed-app" class="ed-app" hidden aria-labelledby="ed-app-h">
    <h2 id="ed-app-h">${t('editor.app.title')}</h2>
    <div class="ed-toolbar">
      <fieldset class="ed-tools"><legend>${t('editor.tools')}</legend>
        ${(['select', 'add', 'move', 'connect'] as const).map((tool) => html`<label class="ed-tool"><input type="radio" name="ed-tool" value="${tool}" ${tool === 'select' ? html`checked` : null}> ${t(`editor.tool.${tool}`)}</label>`)}
      </fieldset>
      <div class="form-group ed-newmode"><label for="ed-new-mode">${t('editor.newMode')}</label>
        <select id="ed-new-mode">${EDGE_MODES.map((m) => html`<option value="${m}">${t(`editor.mode.${m}`)}</option>`)}</select></div>
      <div class="ed-actions"><button type="button" class="btn btn-danger btn-small" id="ed-delete">${t('editor.delete')}</button>
        <button type="button" class="btn btn-secondary btn-small" id="ed-undo">${t('editor.undo')}</button></div>
    </div>
    <p id="ed-help" class="hint">${t('editor.help.select')}</p>
    <p id="ed-pending" class="hint" aria-live="polite"></p>
    <div class="ed-grid">
      <div class="ed-canvas" id="ed-canvas"></div>
      <aside class="ed-panel" aria-labelledby="ed-panel-h">
        <h3 id="ed-panel-h">${t('editor.panel')}</h3>
        <p id="ed-panel-what">${t('editor.panel.none')}</p>
        <form id="ed-node-form" hidden>
          <div class="form-group"><label for="ed-node-name">${t('editor.field.name')}</label><input type="text" id="ed-node-name" name="name" maxlength="120"></div>
          <div class="form-group"><label for="ed-node-kind">${t('editor.field.locationType')}</label><select id="ed-node-kind" name="locationType">
            ${[0, 2, 3, 4].map((k) => html`<option value="${k}">${t(`editor.kind.${k}` as 'editor.kind.0')}</option>`)}</select></div>
          <div class="form-group"><label for="ed-node-level">${t('editor.field.level')}</label><select id="ed-node-level" name="levelId"></select></div>
          <button type="submit" class="btn btn-primary btn-small">${t('editor.apply')}</button>
        </form>
        <form id="ed-edge-form" hidden>
          <div class="form-group"><label for="ed-edge-mode">${t('editor.field.mode')}</label><select id="ed-edge-mode" name="mode">
            ${EDGE_MODES.map((m) => html`<option value="${m}">${t(`editor.mode.${m}`)}</option>`)}</select></div>
          <div class="form-group ed-check"><input type="checkbox" id="ed-edge-bidirectional" name="bidirectional"> <label for="ed-edge-bidirectional">${t('editor.field.bidirectional')}</label></div>
          ${TABLE_FIELDS.filter((f) => f !== 'mode').map((f) => num(f, t(`editor.field.${f}`)))}
          <button type="submit" class="btn btn-primary btn-small">${t('editor.apply')}</button>
        </form>
      </aside>
    </div>
    <p id="ed-checking" class="hint" aria-hidden="true"></p>
    <div id="ed-status" class="ed-status" role="status" aria-live="polite" aria-atomic="true"><p>${t('editor.status.idle')}</p></div>
    <h3 id="ed-ops-h">${t('editor.changes')}</h3>
    <ol id="ed-ops" class="ed-ops" aria-labelledby="ed-ops-h"></ol>
    <form id="ed-submit" class="ed-submit" novalidate>
      ${csrfField(ctx)}
      <div class="form-group"><label for="ed-title">${t('editor.proposalTitle')}</label><p class="hint" id="ed-title-hint">${t('editor.proposalTitleHint')}</p>
        <input type="text" id="ed-title" name="title" maxlength="200" aria-describedby="ed-title-hint"></div>
      <div class="form-group"><label for="ed-note">${t('editor.note')}</label><textarea id="ed-note" name="note" rows="3"></textarea></div>
      <div id="ed-submit-status" aria-live="polite"></div>
      <button type="submit" class="btn btn-primary">${t('editor.submit')}</button>
    </form>
  </section>`;
}

interface FormState {
  values?: Record<string, unknown>;
  errors?: FieldError[];
}

function editorPage(ctx: PageContext, data: EditorData, state: FormState = {}) {
  const t = translator(editorMessages, ctx.locale);
  const names = { ko: data.station.ko, en: data.station.en };
  const station = stationText(names, data.station.id, ctx.locale);
  const layout = layoutOf(data, ctx.locale);
  const errors = state.errors ?? [];
  const hasInterior = layout.nodes.length > 0 && layout.levels.length > 0;
  const signIn = `/sign-in?next=${encodeURIComponent(`/transit/stations/${data.station.id}/edit`)}`;
  return {
    title: t('editor.title', { station }),
    wide: true,
    body: html`${transitAssets}<link rel="stylesheet" href="/assets/interior-editor.css">
      <p><a href="/transit/stations/${data.station.id}">${t('editor.back')}</a></p>
      <h1>${t('editor.title', { station })}</h1>
      <p>${t('editor.intro')}</p>
      <p class="muted">${t('editor.base', { version: data.baseVersion })}</p>
      ${errorSummary(ctx.locale, errors, (f) => (f ? `#f-${f}` : '#ed-table-h'))}
      ${
        !hasInterior
          ? html`<p>${t('editor.none')}</p>`
          : html`
        ${ctx.user ? islandShell(t, ctx) : html`<div class="alert alert-info"><p>${t('editor.signIn')} <a href="${signIn}">${t('editor.signInLink')}</a></p></div>`}
        <section id="ed-static" aria-labelledby="ed-levels-h"><h2 id="ed-levels-h">${t('editor.levels')}</h2>${levelFigures(t, station, layout)}</section>
        ${legend(t)}
        ${
          ctx.user
            ? html`<section id="ed-fallback" aria-labelledby="ed-table-h"><h2 id="ed-table-h" tabindex="-1">${t('editor.table.title')}</h2>
          <p>${t('editor.table.intro')}</p>
          <form method="post" action="/transit/stations/${data.station.id}/edit" class="ed-table-form">
            ${csrfField(ctx)}
            ${pathwayTable(t, ctx.locale, layout, state.values, errors)}
            ${textField({ name: 'title', label: t('editor.proposalTitle'), hint: t('editor.proposalTitleHint'), value: str(state.values?.title), required: true, errors, locale: ctx.locale })}
            ${textArea({ name: 'note', label: t('editor.note'), value: str(state.values?.note), rows: 3, errors, locale: ctx.locale })}
            <button type="submit" class="btn btn-primary">${t('editor.submit')}</button>
          </form></section>`
            : null
        }
        ${ctx.user ? html`${islandData(t, data, layout, station)}<script src="/assets/interior-editor.js" defer></script>` : null}`
      }`,
  };
}

/** A refused proposal's problems, each tied to the input it came from when there is one. */
function problemsOf(t: EditorT, error: AppError, inputs: Map<string, string>): FieldError[] {
  const details = Array.isArray(error.details) ? (error.details as Array<{ path?: unknown; message?: unknown }>) : [];
  if (!details.length) return [{ field: '', message: error.message }];
  return details.map((d) => {
    const path = typeof d.path === 'string' ? d.path : '';
    const field = path === 'title' || path === 'note' ? path : (inputs.get(path) ?? inputs.get(path.replace(/\.set\..*$/, '')) ?? '');
    return { field, message: t('editor.error.problem', { path, message: String(d.message ?? '') }) };
  });
}

export function registerEditorPage(app: App, services: Services) {
  app.get('/transit/stations/:id/edit', hide, async (request, reply) => {
    const data = await loadEditor(services, (request.params as { id: string }).id);
    return sendPage(request, reply, (ctx) => editorPage(ctx, data));
  });

  app.post('/transit/stations/:id/edit', hide, async (request, reply) => {
    const data = await loadEditor(services, (request.params as { id: string }).id);
    const form = (request.body ?? {}) as Record<string, unknown>;
    const t = translator(editorMessages, request.locale);
    if (!request.actor.user) return sendPage(request, reply, (ctx) => editorPage(ctx, data), 401);
    const table = opsFromTable(data.interior.edges, form);
    const errors: FieldError[] = table.unreadable.map((name) => {
      const field = TABLE_FIELDS.find((f) => name.endsWith(`-${f}`))!;
      return { field: name, message: t(field === 'mode' ? 'editor.error.mode' : 'editor.error.number', { label: t(`editor.field.${field}`) }) };
    });
    if (!errors.length && !table.ops.length) errors.push({ field: '', message: t('editor.error.noChanges') });
    if (!errors.length) {
      try {
        const row = await proposeChange(services, request.actor, {
          stationId: data.station.id,
          title: form.title,
          note: form.note,
          ops: table.ops,
          source: 'editor',
        });
        return redirectTo(reply, `/transit/proposals/${row.id}`);
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        errors.push(...problemsOf(t, error, table.inputs));
      }
    }
    return sendPage(request, reply, (ctx) => editorPage(ctx, data, { values: form, errors }), 400);
  });
}

import { randomUUID } from 'node:crypto';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { idempotencyKey } from '../../../core/http/idempotency.js';

import { html, type Html } from '../../../web/html.js';
import { csrfField, type PageContext } from '../../../web/layout.js';
import { formBody } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { describeCurrentInterior } from '../use-cases/describe-upkeep.js';
import { reencodePhoto, type CleanPhoto } from '../use-cases/reencode-photo.js';
import type { Interior } from '../use-cases/interior-model.js';
import { proposalSentBefore } from '../use-cases/propose-change.js';
import { SURVEY_STEP_KINDS, submitSurvey, type SurveyStep } from '../use-cases/submit-survey.js';
import { PHOTO_MAX_BYTES, uploadPhoto } from '../use-cases/upload-photo.js';
import { surveyAppHead } from './survey-app.js';
import { volT } from './volunteers-view.js';
import { hide, problemsBlock, stationName, stationOf, tryForm, upkeepAssets, upT, type Problem, type UpT } from './upkeep-view.js';

/** Steps on the form without JavaScript (the island adds more). */
export const FORM_STEPS = 5;
const MAX_STEPS = 20;

const levelName = (interior: Interior, levelId: string | null) => interior.levels.find((l) => l.levelId === levelId)?.levelName ?? levelId ?? '';
const places = (interior: Interior) =>
  interior.nodes
    .filter((n) => n.locationType !== 1)
    .sort(
      (a, b) =>
        interior.levels.findIndex((l) => l.levelId === a.levelId) - interior.levels.findIndex((l) => l.levelId === b.levelId) ||
        (a.name ?? '').localeCompare(b.name ?? '', 'ko'),
    );

function placeOptions(interior: Interior, selected: string | undefined): Html[] {
  return places(interior).map(
    (n) =>
      html`<option value="${n.stopId}" ${selected === n.stopId ? html`selected` : null}>${levelName(interior, n.levelId)} · ${n.name ?? n.stopId}</option>`,
  );
}

function stepFieldset(t: UpT, interior: Interior, i: number, v: Record<string, string>): Html {
  const id = (f: string) => `s${i}-${f}`;
  const name = (f: string) => `s${i}_${f}`;
  const num = (f: string, label: string, step: string, hint?: string) => html`<div class="form-group survey-num"><label for="${id(f)}">${label}</label>
    <input id="${id(f)}" name="${name(f)}" type="number" inputmode="decimal" step="${step}" min="0" value="${v[name(f)] ?? ''}" ${hint ? html`aria-describedby="${id(f)}-hint"` : null}>
    ${hint ? html`<p class="hint" id="${id(f)}-hint">${hint}</p>` : null}</div>`;
  return html`<fieldset class="survey-step" data-step="${i}"><legend>${t('survey.step', { n: i })}</legend>
    <div class="form-group"><label for="${id('kind')}">${t('survey.kind')}</label>
      <select id="${id('kind')}" name="${name('kind')}"><option value="">–</option>${SURVEY_STEP_KINDS.map((k) => html`<option value="${k}" ${v[name('kind')] === k ? html`selected` : null}>${t(`kind.${k}`)}</option>`)}</select></div>
    <div class="form-group"><label for="${id('to')}">${t('survey.to')}</label>
      <select id="${id('to')}" name="${name('to')}"><option value="">${t('survey.newPlace')}</option>${placeOptions(interior, v[name('to')])}</select></div>
    <div class="survey-new">
      <div class="form-group"><label for="${id('newName')}">${t('survey.newPlaceName')}</label><input id="${id('newName')}" name="${name('newName')}" type="text" maxlength="120" value="${v[name('newName')] ?? ''}"></div>
      <div class="form-group"><label for="${id('newLevel')}">${t('survey.newPlaceLevel')}</label>
        <select id="${id('newLevel')}" name="${name('newLevel')}"><option value="">–</option>${interior.levels.map((l) => html`<option value="${l.levelId}" ${v[name('newLevel')] === l.levelId ? html`selected` : null}>${l.levelName ?? l.levelId}</option>`)}</select></div>
    </div>
    <div class="survey-grid">
      ${num('length', t('survey.length'), '0.1')}${num('width', t('survey.width'), '0.01')}${num('slope', t('survey.slope'), '0.1')}
      ${num('stepHeight', t('survey.stepHeight'), '0.5')}${num('stairs', t('survey.stairs'), '1')}${num('door', t('survey.door'), '1')}
    </div>
    <div class="form-group"><label for="${id('photo')}">${t('survey.photo')}</label><input id="${id('photo')}" name="${name('photo')}" type="file" accept="image/png,image/jpeg,image/webp" capture="environment"></div>
  </fieldset>`;
}

interface SurveyState {
  values?: Record<string, string>;
  problems?: Problem[];
}

function surveyPage(ctx: PageContext, station: { id: string; name_ko: string | null; name_en: string | null }, interior: Interior, s: SurveyState) {
  const t = upT(ctx.locale);
  const v = s.values ?? {};
  const name = stationName(station, ctx.locale);
  const steps = Math.min(MAX_STEPS, Math.max(FORM_STEPS, ...Object.keys(v).map((k) => Number(/^s(\d+)_kind$/.exec(k)?.[1] ?? 0))));
  const now = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 16); // Korean time, for datetime-local
  const body = !ctx.user
    ? html`<p><a href="/sign-in?next=${encodeURIComponent(`/transit/stations/${station.id}/survey`)}">${t('up.signIn')}</a></p>`
    : html`
    ${problemsBlock(t, s.problems, ctx.locale)}
    <div id="survey-status" role="status" aria-live="polite" class="survey-status"></div>
    <form method="post" action="/transit/stations/${station.id}/survey" enctype="multipart/form-data" class="stack survey-form" novalidate
      data-survey data-station="${station.id}" data-msg-offline="${t('survey.offlineSaved')}" data-msg-outbox="${t('survey.outbox', { n: '{n}' })}"
      data-msg-send="${t('survey.sendNow')}" data-msg-sent="${t('survey.sent')}" data-msg-restored="${t('survey.draftRestored')}" data-msg-error="${t('up.error')}" data-msg-ready="${volT(ctx.locale)('survey.offlineReady')}" data-msg-outbox-sent="${volT(ctx.locale)('survey.sentFromOutbox')}">
      ${csrfField(ctx)}<input type="hidden" name="clientId" value="${v.clientId ?? randomUUID()}">
      <div class="form-group"><label for="f-start">${t('survey.start')}</label>
        <select id="f-start" name="startStopId" required><option value="">${t('survey.choose')}</option>${placeOptions(interior, v.startStopId)}</select></div>
      <p class="hint">${t('survey.stepHint')}</p>
      ${Array.from({ length: steps }, (_, i) => stepFieldset(t, interior, i + 1, v))}
      <div class="form-group"><label for="f-note">${t('survey.note')}</label><textarea id="f-note" name="note" rows="3" maxlength="5000">${v.note ?? ''}</textarea></div>
      <div class="form-group"><label for="f-when">${t('survey.when')}</label><input id="f-when" name="surveyedAt" type="datetime-local" value="${v.surveyedAt ?? now}"></div>
      <button type="submit" class="btn btn-primary btn-large">${t('survey.submit')}</button>
    </form><script src="/assets/field-survey.js" defer></script>`;
  return {
    title: t('survey.title', { station: name }),
    head: surveyAppHead(station.id),
    body: html`${upkeepAssets}<p><a href="/transit/stations/${station.id}">${t('up.back')}</a></p>
    <h1>${t('survey.title', { station: name })}</h1><p>${t('survey.intro')}</p>${body}`,
  };
}

const numField = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : Number(v));
/** Korean local time from a datetime-local field (no zone) → ISO. */
const kstIso = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v) ? new Date(`${v.slice(0, 16)}:00+09:00`).toISOString() : undefined);

/** The steps of the form: those with a kind, in order. */
export function stepsFromForm(form: Record<string, string>): Array<{ index: number; step: SurveyStep }> {
  const out: Array<{ index: number; step: SurveyStep }> = [];
  for (let i = 1; i <= MAX_STEPS; i++) {
    const kind = form[`s${i}_kind`];
    if (!kind) continue;
    out.push({
      index: i,
      step: {
        kind: kind as SurveyStep['kind'],
        toStopId: form[`s${i}_to`] || null,
        newPlace: form[`s${i}_to`] ? null : { name: form[`s${i}_newName`] ?? '', levelId: form[`s${i}_newLevel`] ?? '' },
        lengthM: numField(form[`s${i}_length`]),
        widthM: numField(form[`s${i}_width`]),
        slopePercent: numField(form[`s${i}_slope`]),
        stepHeightCm: numField(form[`s${i}_stepHeight`]),
        stairCount: numField(form[`s${i}_stairs`]),
        doorWidthCm: numField(form[`s${i}_door`]),
        photos: [],
      },
    });
  }
  return out;
}

export function registerSurveyPage(app: App, services: Services) {
  app.get('/transit/stations/:id/survey', hide, async (request, reply) => {
    const station = await stationOf(services, (request.params as { id: string }).id);
    const { interior } = await describeCurrentInterior(services, station.id);
    return sendPage(request, reply, (ctx) => surveyPage(ctx, station, interior, {}));
  });

  app.post(
    '/transit/stations/:id/survey',
    {
      ...hide,
      bodyLimit: (MAX_STEPS + 1) * PHOTO_MAX_BYTES,
      config: { multipartOptions: { limits: { fileSize: PHOTO_MAX_BYTES, files: MAX_STEPS, fields: 20 * MAX_STEPS + 20 } } },
    },
    async (request: FastifyRequest, reply: FastifyReply) => {
      const station = await stationOf(services, (request.params as { id: string }).id);
      const outbox = request.headers['x-open-seoul-outbox'] === '1';
      const form = formBody(request.body);
      // The outbox sends its draft id as Idempotency-Key too: one draft makes one proposal however often it is sent.
      form.clientId = idempotencyKey(request) ?? form.clientId ?? '';
      const body = (request.body ?? {}) as Record<string, unknown>;
      const result = await tryForm(async () => {
        if (!request.actor.user) throw new AppError('auth.required', 'Sign in first', 401);
        const again = await proposalSentBefore(services, request.actor.user.id, form.clientId); // and no second set of photos
        if (again) return again;
        const steps = stepsFromForm(form);
        // Every photo is decoded and re-encoded (metadata stripped) before any is kept, so a bad one leaves nothing behind.
        const files: Array<{ index: number; clean: CleanPhoto }> = [];
        for (const { index } of steps) {
          const part = body[`s${index}_photo`] as MultipartFile | undefined;
          if (!part?.toBuffer || !part.filename) continue;
          const data = await part.toBuffer();
          if (data.length) files.push({ index, clean: await reencodePhoto(data, `s${index}_photo`) });
        }
        for (const f of files) {
          const photo = await uploadPhoto(services, request.actor, { stationId: station.id, clean: f.clean });
          steps.find((s) => s.index === f.index)!.step.photos!.push(photo.id);
        }
        return submitSurvey(services, request.actor, {
          stationId: station.id,
          startStopId: form.startStopId,
          steps: steps.map((s) => s.step),
          note: form.note,
          surveyedAt: kstIso(form.surveyedAt),
          clientId: form.clientId || null,
        });
      });
      if (result.ok) {
        const url = `/transit/proposals/${result.value.id}?notice=submitted`;
        return outbox ? reply.status(201).send({ id: result.value.id, url }) : redirectTo(reply, url);
      }
      if (outbox) return reply.status(result.status).send({ problems: result.problems });
      const { interior } = await describeCurrentInterior(services, station.id);
      return sendPage(request, reply, (ctx) => surveyPage(ctx, station, interior, { values: form, problems: result.problems }), result.status);
    },
  );
}

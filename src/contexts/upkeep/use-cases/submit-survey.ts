import { randomBytes } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import type { Services } from '../../../core/context.js';
import { unauthenticated } from '../../../core/errors.js';
import { ProposalInvalid, type ChangeOp, type EdgeFields, type OpIssue } from './change-ops.js';
import { toInterior } from './interior-model.js';
import { ensureBaseline, snapshotOf } from './interior-store.js';
import { proposalSentBefore, proposeChange } from './propose-change.js';

export const SURVEY_STEP_KINDS = ['walkway', 'ramp', 'stairs', 'escalator', 'elevator', 'fare_gate', 'door'] as const;
export type SurveyStepKind = (typeof SURVEY_STEP_KINDS)[number];

/** One step a volunteer walked and measured, from the previous place to the next. */
export interface SurveyStep {
  kind: SurveyStepKind;
  /** An existing place of the station, or a new one (a name and a level). */
  toStopId?: string | null;
  newPlace?: { name: string; levelId: string } | null;
  lengthM?: number | null;
  widthM?: number | null;
  slopePercent?: number | null;
  stepHeightCm?: number | null;
  stairCount?: number | null;
  doorWidthCm?: number | null;
  photos?: string[];
}

export interface SurveyInput {
  stationId: string;
  startStopId: unknown;
  steps: unknown;
  title?: unknown;
  note?: unknown;
  photos?: unknown;
  surveyedAt?: unknown;
  clientId?: string | null;
}

const shortId = () => randomBytes(4).toString('hex');
const numOrNull = (v: unknown) => (v === null || v === undefined || v === '' ? null : typeof v === 'number' ? v : Number.isFinite(Number(v)) ? Number(v) : NaN);

/**
 * A field survey (a route walked step by step with measurements and photos) becomes a change proposal: each
 * step updates the pathway between the two places, or adds one (and the new place) when there is none.
 */
export async function submitSurvey(services: Services, actor: Actor, input: SurveyInput) {
  if (!actor.user) throw unauthenticated();
  const again = await proposalSentBefore(services, actor.user.id, input.clientId);
  if (again) return again;
  const base = await services.db.transaction().execute((tx) => ensureBaseline(tx, input.stationId, services.now().toISOString()));
  const interior = toInterior(snapshotOf(base));
  const nodes = new Map(interior.nodes.map((n) => [n.stopId, n]));
  const levels = new Map(interior.levels.map((l) => [l.levelId, l]));
  const issues: OpIssue[] = [];
  const start = typeof input.startStopId === 'string' ? input.startStopId : '';
  if (!nodes.has(start) || nodes.get(start)!.locationType === 1) issues.push({ path: 'startStopId', message: 'choose the place where you started' });
  const steps = Array.isArray(input.steps) ? (input.steps as SurveyStep[]) : [];
  if (!steps.length) issues.push({ path: 'steps', message: 'record at least one step' });
  if (steps.length > 50) issues.push({ path: 'steps', message: 'at most 50 steps in one survey' });
  const ops: ChangeOp[] = [];
  const allPhotos: string[] = [];
  let from = start;
  const levelIndexOf = (stopId: string) => {
    const l = nodes.get(stopId)?.levelId;
    return l ? (levels.get(l)?.levelIndex ?? null) : null;
  };
  steps.forEach((step, i) => {
    const path = `steps[${i}]`;
    if (!step || typeof step !== 'object' || !SURVEY_STEP_KINDS.includes(step.kind)) {
      issues.push({ path: `${path}.kind`, message: `must be one of ${SURVEY_STEP_KINDS.join(', ')}` });
      return;
    }
    let to = typeof step.toStopId === 'string' && step.toStopId ? step.toStopId : '';
    if (to && !nodes.has(to)) issues.push({ path: `${path}.toStopId`, message: `no place "${to}" in this station` });
    if (!to) {
      const name = typeof step.newPlace?.name === 'string' ? step.newPlace.name.trim() : '';
      const levelId = step.newPlace?.levelId ?? '';
      if (!name) {
        issues.push({ path: `${path}.toStopId`, message: 'choose where this step ends, or name a new place' });
        return;
      }
      if (!levels.has(levelId)) {
        issues.push({ path: `${path}.newPlace.levelId`, message: 'choose the level of the new place' });
        return;
      }
      to = `${input.stationId}:survey:${shortId()}`;
      ops.push({ op: 'add_node', node: { stopId: to, name: name.slice(0, 120), locationType: 3, levelId } });
      nodes.set(to, {
        stopId: to,
        name,
        locationType: 3,
        levelId,
        parentStopId: input.stationId,
        platformCode: null,
        lat: null,
        lon: null,
        wheelchairBoarding: null,
        boarding: null,
        photos: [],
      });
    }
    if (to === from) {
      issues.push({ path: `${path}.toStopId`, message: 'a step must end somewhere else than where it starts' });
      return;
    }
    const measured: Partial<EdgeFields> = { mode: step.kind === 'door' ? 'walkway' : step.kind };
    const length = numOrNull(step.lengthM);
    const width = numOrNull(step.widthM);
    const slope = numOrNull(step.slopePercent);
    const stepH = numOrNull(step.stepHeightCm);
    const stairs = numOrNull(step.stairCount);
    const door = numOrNull(step.doorWidthCm);
    for (const [k, v] of Object.entries({ lengthM: length, widthM: width, slopePercent: slope, stepHeightCm: stepH, stairCount: stairs, doorWidthCm: door })) {
      if (Number.isNaN(v)) issues.push({ path: `${path}.${k}`, message: 'must be a number' });
    }
    const existing = interior.edges.find((e) => (e.from === from && e.to === to) || (e.bidirectional && e.from === to && e.to === from));
    const reversed = existing ? existing.from !== from : false;
    if (length !== null && !Number.isNaN(length)) measured.length = length;
    const widths = [width, door !== null && !Number.isNaN(door) ? door / 100 : null].filter((w): w is number => w !== null && !Number.isNaN(w));
    if (widths.length) measured.minWidth = Math.min(...widths);
    if (slope !== null && !Number.isNaN(slope)) measured.maxSlope = Math.abs(slope) / 100;
    if (stepH !== null && !Number.isNaN(stepH)) measured.stepHeightCm = stepH;
    if (door !== null && !Number.isNaN(door)) measured.doorWidthCm = door;
    if (step.kind === 'stairs' && stairs !== null && !Number.isNaN(stairs) && stairs !== 0) {
      const a = levelIndexOf(from);
      const b = levelIndexOf(to);
      const up = a !== null && b !== null ? b > a : true;
      measured.stairCount = Math.abs(stairs) * (up !== reversed ? 1 : -1);
    }
    const photos = Array.isArray(step.photos) ? step.photos.filter((p): p is string => typeof p === 'string') : [];
    allPhotos.push(...photos);
    if (existing) {
      if (photos.length) measured.photos = [...existing.photos, ...photos];
      ops.push({ op: 'update_edge', pathwayId: existing.pathwayId, set: measured });
    } else {
      ops.push({
        op: 'add_edge',
        edge: {
          pathwayId: `${input.stationId}:survey:${shortId()}`,
          from,
          to,
          bidirectional: step.kind !== 'escalator',
          photos,
          ...measured,
          mode: measured.mode!,
        },
      });
    }
    from = to;
  });
  if (issues.length) throw new ProposalInvalid(issues);
  const title = typeof input.title === 'string' && input.title.trim().length >= 3 ? input.title : `현장 조사 · Field survey (${steps.length})`;
  const extra = Array.isArray(input.photos) ? input.photos.filter((p): p is string => typeof p === 'string') : [];
  return proposeChange(services, actor, {
    stationId: input.stationId,
    title,
    ops,
    note: input.note,
    photos: [...allPhotos, ...extra],
    surveyedAt: input.surveyedAt,
    source: 'survey',
    clientId: input.clientId ?? null,
  });
}

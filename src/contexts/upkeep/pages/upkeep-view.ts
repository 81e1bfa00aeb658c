import type { FastifyRequest } from 'fastify';
import type { Services } from '../../../core/context.js';
import { AppError, notFound } from '../../../core/errors.js';
import { findStationNames } from '../../transit/index.js';
import { translator, type Locale } from '../../../core/i18n/messages.js';
import { html, type Html } from '../../../web/html.js';
import { upkeepMessages } from './upkeep.messages.js';
import type { DiffEntry } from '../use-cases/interior-diff.js';

export const upT = (l: Locale) => translator(upkeepMessages, l);
export type UpT = ReturnType<typeof upT>;
export const hide = { schema: { hide: true } };
export const upkeepAssets = html`<link rel="stylesheet" href="/assets/transit.css"><link rel="stylesheet" href="/assets/upkeep.css">`;

export async function stationOf(services: Services, id: string) {
  const s = await findStationNames(services.db, id);
  if (!s) throw notFound('station');
  return s;
}
export const stationName = (s: { id: string; name_ko: string | null; name_en: string | null }, l: Locale) =>
  (l === 'en' ? (s.name_en ?? s.name_ko) : s.name_ko) ?? s.id;

/** A use case's refusal (4xx) as problems to show on the form; anything else goes to the error handler. */
export interface Problem {
  path: string;
  message: string;
}
export async function tryForm<T>(run: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; problems: Problem[]; status: number }> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof AppError && error.status < 500) {
      const details = Array.isArray(error.details) ? (error.details as Array<{ path?: string; field?: string; message?: string }>) : [];
      const problems = details.length
        ? details.map((d) => ({ path: d.path ?? d.field ?? '', message: d.message ?? error.message }))
        : [{ path: '', message: error.message }];
      return {
        ok: false,
        problems,
        status:
          error.status === 401 || error.status === 403 || error.status === 409 || error.status === 413 || error.status === 415 || error.status === 422
            ? error.status
            : 400,
      };
    }
    throw error;
  }
}

/** Korean for the problems volunteers meet most on the survey and report forms; the rest stays English, marked as such. */
const PROBLEM_KO: Record<string, string> = {
  'choose the place where you started': '출발한 곳을 고르세요.',
  'record at least one step': '한 단계 이상 기록해 주세요.',
  'choose where this step ends, or name a new place': '이 단계가 끝나는 곳을 고르거나 새 장소 이름을 적어 주세요.',
  'choose the level of the new place': '새 장소의 층을 고르세요.',
  'a step must end somewhere else than where it starts': '출발한 곳과 다른 곳에서 끝나야 합니다.',
  'must be a number': '숫자를 입력해 주세요.',
  'the file is not a PNG, JPEG or WebP image': 'PNG, JPEG, WebP 사진만 올릴 수 있습니다.',
  'Choose one of the options.': '목록에서 골라 주세요.',
  'This is required.': '꼭 입력해 주세요.',
  'say why, in at least 5 characters': '사유를 5자 이상 적어 주세요.',
  'Sign in first': '먼저 로그인해 주세요.',
};

export function problemsBlock(t: UpT, problems: Problem[] | undefined, locale: Locale = 'ko'): Html | null {
  if (!problems?.length) return null;
  const message = (m: string) => {
    if (locale !== 'ko') return m;
    const ko = PROBLEM_KO[m];
    return ko ? html`${ko}` : html`<span lang="en">${m}</span>`;
  };
  return html`<div class="alert alert-error" role="alert" tabindex="-1" id="problems"><h2>${t('up.error')}</h2>
    <ul>${problems.map((p) => html`<li>${p.path ? html`<code>${p.path}</code>: ` : null}${message(p.message)}</li>`)}</ul></div>`;
}

export function noticeBlock(t: UpT, request: FastifyRequest): Html | null {
  const n = (request.query as { notice?: string }).notice;
  const key = `notice.${n}` as Parameters<UpT>[0];
  return n && key in upkeepMessages ? html`<p class="alert alert-success" role="status">${t(key)}</p>` : null;
}

const FIELD_KO: Record<string, string> = {
  mode: '종류',
  length: '길이(m)',
  minWidth: '폭(m)',
  maxSlope: '경사',
  stepHeightCm: '턱(cm)',
  stairCount: '계단 수',
  doorWidthCm: '문 폭(cm)',
  traversalTime: '걸리는 시간(초)',
  bidirectional: '양방향',
  wideGate: '넓은 개찰구',
  handrail: '손잡이',
  tactile: '점자블록',
  signpostedAs: '안내 문구',
  reversedSignpostedAs: '반대 방향 안내',
  photos: '사진',
  name: '이름',
  levelId: '층',
  lat: '위도',
  lon: '경도',
  boarding: '타는 위치',
  wheelchairBoarding: '휠체어 승차',
  facilityId: '시설',
  from: '출발',
  to: '도착',
  locationType: '장소 종류',
  platformCode: '승강장 번호',
};

/** A pathway or place field as people read it (Korean labels; the field name in English). */
export const fieldLabel = (field: string, locale: Locale) => (locale === 'ko' ? (FIELD_KO[field] ?? field) : field);

const show = (v: unknown, field: string | null): string => {
  if (v === null || v === undefined) return '–';
  if (field === 'maxSlope' && typeof v === 'number') return `${(v * 100).toFixed(1)}%`;
  if (Array.isArray(v)) return v.length ? String(v.length) : '–';
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('car' in o && 'door' in o) return `${String(o.car)}-${String(o.door)}`;
    return String(o.name ?? o.levelName ?? o.pathwayId ?? o.stopId ?? o.levelId ?? '…');
  }
  return String(v);
};

/** A diff as a table a steward can read: element, field, before, after. */
export function diffTable(t: UpT, locale: Locale, diff: DiffEntry[] | null, caption: string): Html {
  if (!diff?.length) return html`<p>${t('prop.noDiff')}</p>`;
  return html`<div class="table-wrap"><table class="diff-table"><caption>${caption}</caption>
    <thead><tr><th scope="col">${t('prop.what')}</th><th scope="col">${t('prop.field')}</th><th scope="col">${t('prop.before')}</th><th scope="col">${t('prop.after')}</th></tr></thead>
    <tbody>${diff.map(
      (d) => html`<tr class="diff-${d.change}"><th scope="row"><span lang="ko">${d.label}</span> <code class="muted">${d.id}</code></th>
      <td>${d.field ? (locale === 'ko' ? (FIELD_KO[d.field] ?? d.field) : d.field) : t(d.change === 'added' ? 'prop.added' : 'prop.removed')}</td>
      <td>${d.change === 'added' ? '–' : d.field ? show(d.before, d.field) : show(d.before, null)}</td>
      <td>${d.change === 'removed' ? '–' : d.field ? show(d.after, d.field) : show(d.after, null)}</td></tr>`,
    )}</tbody></table></div>`;
}

export const kst = (iso: string | null, locale: Locale) =>
  iso ? new Date(iso).toLocaleString(locale === 'ko' ? 'ko-KR' : 'en-GB', { timeZone: 'Asia/Seoul', dateStyle: 'medium', timeStyle: 'short' }) : '–';

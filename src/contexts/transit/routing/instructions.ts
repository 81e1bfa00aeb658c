import { josa } from 'es-hangul';
import type { StepMode, Text } from './route-types.js';
import { changesLevel, type PathEdge, type PathNode } from './station-graph.js';

/**
 * One spoken-style sentence per step, Korean and English, for screen readers: whole sentences, no arrows or
 * symbols, the destination named as signed, the level said in words, lengths rounded.
 */
const place = (n: PathNode) => n.name ?? n.id;

/**
 * English for the Korean place names the derived interiors use ("2호선 승강장 (강남 방면)" → "Line 2 platform
 * (towards 강남)"); station names stay as signed. Names already in English pass through.
 */
export function englishPlace(name: string): string {
  return name
    .replace(/(\d+)호선/g, 'Line $1')
    .replace(/승강장 연결 지점/g, 'platform access point')
    .replace(/승강장/g, 'platform')
    .replace(/([^\s(]+) 방면/g, 'towards $1')
    .replace(/(B\d+|\d+F) 대합실/g, '$1 concourse')
    .replace(/(B\d+|\d+F) 연결 지점/g, '$1 junction')
    .replace(/연결 지점/g, 'junction')
    .replace(/(\d+(?:[_,]\d+)*)번 출구/g, 'Exit $1')
    .replace(/엘리베이터 출구/g, 'elevator exit')
    .replace(/에스컬레이터 출구/g, 'escalator exit')
    .replace(/(\d+)번째 칸/g, 'car $1')
    .replace(/엘리베이터 내부\s*#?(\d+)/g, 'inside elevator $1')
    .replace(/엘리베이터 외부\s*#?(\d+)/g, 'street elevator $1')
    .replace(/엘리베이터/g, 'elevator')
    .replace(/에스컬레이터\s*(\d*)/g, (_m, n: string) => (n ? `escalator ${n}` : 'escalator'))
    .replace(/휠체어리프트/g, 'wheelchair lift');
}
const levelKo = (n: PathNode) => (n.levelName ? `${n.levelName}층` : null);
const levelEn = (n: PathNode) => (n.levelName ? `level ${n.levelName}` : null);
const about = (m: number | null) => (m !== null && m > 0 ? Math.max(5, Math.round(m / 5) * 5) : null);

export function stepInstruction(mode: StepMode, edge: PathEdge, reversed: boolean, from: PathNode, to: PathNode, unknown: string[]): Text {
  const target = place(to);
  const targetEn = englishPlace(target);
  const sign = reversed ? edge.reversedSignpostedAs : edge.signpostedAs;
  const up = from.levelIndex !== null && to.levelIndex !== null ? to.levelIndex > from.levelIndex : null;
  const upKo = up === null ? '' : up ? '올라 ' : '내려 ';
  const upEn = up === null ? '' : up ? ' up' : ' down';
  const lvKo = levelKo(to);
  const lvEn = levelEn(to);
  const m = about(edge.lengthM);
  let ko: string;
  let en: string;
  switch (mode) {
    case 'elevator':
      ko = `엘리베이터를 타고 ${lvKo ? `${lvKo} ` : ''}${josa(target, '으로/로')} ${up === null ? '이동' : up ? '올라가' : '내려가'}세요.`;
      en = `Take the elevator${upEn}${lvEn ? ` to ${lvEn}` : ''}, ${targetEn}.`;
      break;
    case 'escalator':
      ko = `에스컬레이터를 타고 ${upKo}${josa(target, '으로/로')} 가세요.`;
      en = `Take the escalator${upEn} to ${targetEn}.`;
      break;
    case 'stairs': {
      const steps = edge.stairCount !== null ? Math.abs(edge.stairCount) : null;
      ko = `계단${steps ? ` ${steps}칸` : ''}을 ${up === false ? '내려' : '올라'}가 ${josa(target, '으로/로')} 가세요.`;
      en = `Walk ${up === false ? 'down' : 'up'} the stairs${steps ? ` (${steps} steps)` : ''} to ${targetEn}.`;
      break;
    }
    case 'stair_lift':
      ko = `휠체어리프트로 ${josa(target, '으로/로')} 이동하세요. 역무원의 도움이 필요합니다${edge.assistancePhone ? ` (전화 ${edge.assistancePhone})` : ''}.`;
      en = `Use the wheelchair stair lift to ${targetEn}. Station staff must operate it${edge.assistancePhone ? ` (call ${edge.assistancePhone})` : ''}.`;
      break;
    case 'fare_gate':
      ko = `개찰구를 통과하세요${edge.wideGate ? ' (넓은 개찰구 이용)' : ''}.`;
      en = `Pass through the fare gates${edge.wideGate ? ' (use the wide gate)' : ''}.`;
      break;
    case 'exit_gate':
      ko = '출구 게이트를 통과하세요.';
      en = 'Pass through the exit gate.';
      break;
    case 'travelator':
      ko = `무빙워크를 타고 ${josa(target, '으로/로')} 가세요.`;
      en = `Take the moving walkway to ${targetEn}.`;
      break;
    case 'ramp':
      ko = `경사로를 따라 ${upKo}${josa(target, '으로/로')} 가세요.`;
      en = `Follow the ramp${upEn} to ${targetEn}.`;
      break;
    default:
      if (edge.platformBoarding) {
        ko = to.locationType === 4 ? `승강장을 따라 ${josa(target, '으로/로')} 가세요.` : `${josa(target, '으로/로')} 가세요.`;
        en = `Go along the platform to ${targetEn}.`;
      } else {
        ko = `${sign ? `'${sign}' 표지를 따라 ` : ''}${josa(target, '으로/로')} 가세요${m ? ` (약 ${m}미터)` : ''}.`;
        en = `${sign ? `Follow the signs "${sign}" to` : 'Go to'} ${targetEn}${m ? ` (about ${m} metres)` : ''}.`;
      }
  }
  // A step between levels says so, for every traveller: elevators, escalators and stairs in their verb, every
  // other mode (walkway, ramp, moving walkway, stair lift, gate) in a sentence of its own.
  let said: string[] = [];
  const verbSaysIt = (mode === 'elevator' || mode === 'escalator' || mode === 'stairs') && up !== null;
  if (!verbSaysIt && !edge.platformBoarding && changesLevel(from, to)) {
    const change = levelChange(from, to, up);
    ko += ` ${change.ko}`;
    en += ` ${change.en}`;
    if (mode === 'walkway' && edge.stairCount === null && edge.maxSlope === null) {
      ko += ' 계단이 있는지, 경사가 얼마인지는 자료에 없습니다.';
      en += ' Whether it has steps, and how steep it is, is not in the data.';
      said = ['stair_count', 'max_slope'];
    }
  }
  const rest = unknown.filter((u) => !said.includes(u));
  if (rest.length) {
    ko += ` 확인되지 않은 정보: ${rest.map((u) => UNKNOWN_WORDS[u]?.ko ?? u).join(', ')}.`;
    en += ` Not yet verified: ${rest.map((u) => UNKNOWN_WORDS[u]?.en ?? u).join(', ')}.`;
  }
  return { ko, en };
}

/** "B2층에서 B3층으로 내려갑니다." / "It goes down from level B2 to level B3." */
export function levelChange(from: PathNode, to: PathNode, up: boolean | null): Text {
  const a = levelKo(from);
  const b = levelKo(to);
  const verbKo = up === null ? '층이 바뀝니다' : up ? '올라갑니다' : '내려갑니다';
  const verbEn = up === null ? 'changes level' : up ? 'goes up' : 'goes down';
  const ko =
    a && b
      ? `${a}에서 ${josa(b, '으로/로')} ${up === null ? '이동합니다' : verbKo}.`
      : up === null
        ? `${verbKo}.`
        : `${up ? '위층으로' : '아래층으로'} ${verbKo}.`;
  const fromEn = levelEn(from);
  const toEn = levelEn(to);
  const en = fromEn && toEn ? `It ${verbEn} from ${fromEn} to ${toEn}.` : up === null ? `It ${verbEn}.` : `It ${verbEn} a level.`;
  return { ko, en };
}

export const UNKNOWN_WORDS: Record<string, Text> = {
  min_width: { ko: '통로 폭', en: 'passage width' },
  max_slope: { ko: '경사', en: 'slope' },
  status: { ko: '승강기 운행 상태', en: 'whether the lift is working' },
  audio: { ko: '음성 안내', en: 'audio announcements' },
  wide_gate: { ko: '넓은 개찰구', en: 'a wide fare gate' },
  stair_count: { ko: '계단 수', en: 'number of steps' },
  handrail_tactile: { ko: '손잡이·점자블록', en: 'handrails and tactile paving' },
};

export const BLOCK_REASONS: Record<string, Text> = {
  stairs: { ko: '계단', en: 'stairs' },
  escalator: { ko: '에스컬레이터', en: 'an escalator' },
  out_of_service: { ko: '운행이 중단된 승강기', en: 'a lift out of service' },
  slope: { ko: '가파른 경사로', en: 'a slope too steep' },
  width: { ko: '좁은 통로', en: 'a passage too narrow' },
  step: { ko: '턱', en: 'a step or threshold' },
  gate: { ko: '넓은 개찰구 없음', en: 'no wide fare gate' },
  stair_lift: { ko: '휠체어리프트', en: 'a stair lift' },
  level_change_unknown: { ko: '층이 바뀌는데 계단 여부가 확인되지 않은 통로', en: 'a passage between levels not known to be step-free' },
};

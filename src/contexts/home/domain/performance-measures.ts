import type { Message } from '../../../core/i18n/messages.js';
import type { BenchMeasure } from './bench-record.js';

/** A goal on a bench line: its ratio or its value at least / at most a target, and where the goal was set. */
export interface MeasureGoal {
  on: 'ratio' | 'value';
  op: 'atLeast' | 'atMost';
  target: number;
  source: string;
}

export interface MeasureDefinition {
  /** The bench group that emits it (BENCH_ONLY), so a partial run says "not run" rather than "missing". */
  group: 'api' | 'routing' | 'search' | 'query' | 'ingest' | 'soak';
  what: Message;
  peer: Message;
  goal: MeasureGoal | null;
}

const ISSUE_22 = 'issue 22';

/**
 * Every bench line the page explains, in the order it shows them: what it measures, what it is compared with,
 * and its goal where one was set. A line the bench prints that is not here is still shown, without words.
 */
export const MEASURES: Record<string, MeasureDefinition> = {
  'api.health.vsHello': {
    group: 'api',
    what: { ko: '전체 앱이 동작 확인 요청(GET /health)을 초당 처리하는 건수', en: 'Liveness requests (GET /health) per second served by the whole app' },
    peer: {
      ko: '같은 기계에서 아무 일도 하지 않는 Fastify hello 경로의 초당 처리 건수',
      en: 'A bare Fastify hello route on the same machine, requests per second',
    },
    goal: { on: 'ratio', op: 'atLeast', target: 0.5, source: ISSUE_22 },
  },
  'api.ready.vsHello': {
    group: 'api',
    what: {
      ko: '준비 확인 요청(GET /ready: 데이터베이스, 데이터 폴더, 파일 저장소 쓰기)의 초당 처리 건수',
      en: 'Readiness requests (GET /ready: the database, the data folder, a write to the file store) per second',
    },
    peer: { ko: 'Fastify hello 경로의 초당 처리 건수', en: 'The Fastify hello route, requests per second' },
    goal: null,
  },
  'api.routes.vsHello': {
    group: 'api',
    what: {
      ko: '교대역 휠체어 환승 경로 API(승강장 → 승강장)의 초당 처리 건수',
      en: 'Wheelchair transfer routes at 교대 (platform → platform) through the API, requests per second',
    },
    peer: { ko: 'Fastify hello 경로의 초당 처리 건수', en: 'The Fastify hello route, requests per second' },
    goal: { on: 'ratio', op: 'atLeast', target: 0.4, source: ISSUE_22 },
  },
  'journeys.vsHello': {
    group: 'api',
    what: {
      ko: '교대 → 여의도 휠체어 여정 전체(승차, 환승, 양 끝 점검) API의 초당 처리 건수',
      en: 'The whole wheelchair journey 교대 → 여의도 (rides, transfers, checks at both ends) through the API, requests per second',
    },
    peer: { ko: 'Fastify hello 경로의 초당 처리 건수', en: 'The Fastify hello route, requests per second' },
    goal: null,
  },
  'maps.pdf.p50ms': {
    group: 'api',
    what: { ko: '캐시에 있는 환승 지도 PDF를 내려받는 시간의 중앙값(ms)', en: 'Median time to fetch a transfer-map PDF from the cache (ms)' },
    peer: { ko: '같은 PDF를 캐시 없이 새로 그리는 시간의 중앙값', en: 'The same PDF rendered without the cache, median' },
    goal: null,
  },
  'maps.network.p50ms': {
    group: 'api',
    what: {
      ko: '노선도 페이지(/transit/map, 역 650곳)를 받는 시간의 중앙값(ms)',
      en: 'Median time to fetch the network map page (/transit/map, 650 stations) (ms)',
    },
    peer: { ko: '교통 검색 페이지(/transit)를 받는 시간의 중앙값', en: 'The transit search page (/transit), median' },
    goal: null,
  },
  'maps.network.bytes': {
    group: 'api',
    what: { ko: '노선도 페이지의 크기(바이트)', en: 'Size of the network map page (bytes)' },
    peer: { ko: '정해 둔 예산 150 KB', en: 'Its budget, 150 KB' },
    goal: { on: 'ratio', op: 'atMost', target: 1, source: 'bench/maps.ts (budget)' },
  },
  'search.bigram.vsLike': {
    group: 'search',
    what: {
      ko: '통합 검색(두 글자 색인)이 초당 답하는 질의 수(역 이름으로 만든 문서 2만 건)',
      en: 'Platform search (bigram index) queries per second, over 20,000 documents built from station names',
    },
    peer: {
      ko: '색인 없이 LIKE로 같은 질문(총 건수와 첫 페이지)에 답하는 속도',
      en: 'A LIKE scan answering the same query (total and first page), without the index',
    },
    goal: null,
  },
  'routing.station.speedup': {
    group: 'routing',
    what: {
      ko: '역 안 경로 찾기(600곳 가상 역사, 휠체어)가 비교 대상보다 몇 배 빠른가',
      en: 'How many times faster our in-station routing is (a synthetic 600-place station, wheelchair)',
    },
    peer: { ko: 'ngraph.path의 NBA* 탐색, 같은 그래프와 같은 비용', en: 'ngraph.path NBA* on the same graph and costs' },
    goal: null,
  },
  'routing.network.speedup': {
    group: 'routing',
    what: { ko: '서울 전체 노선망 경로 찾기가 비교 대상보다 몇 배 빠른가', en: 'How many times faster our routing over the whole Seoul network is' },
    peer: { ko: 'graphology의 양방향 다익스트라, 모든 역 내부를 펼친 그래프', en: 'graphology bidirectional Dijkstra with every station interior expanded' },
    goal: null,
  },
  'query.rows.p50ms': {
    group: 'query',
    what: {
      ko: '1천만 행 데이터셋의 첫 페이지(100행, 정확한 총 건수 포함)를 받는 시간의 중앙값(ms)',
      en: 'Median time for the first page (100 rows, with the exact total) of a 10-million-row dataset (ms)',
    },
    peer: {
      ko: '같은 Parquet 파일에 DuckDB SQL로 같은 페이지를 묻는 시간(총 건수 없이)',
      en: 'Plain DuckDB SQL asking the same page of the same Parquet file (without the total)',
    },
    goal: { on: 'value', op: 'atMost', target: 50, source: ISSUE_22 },
  },
  'query.groupby.p50ms': {
    group: 'query',
    what: {
      ko: '1천만 행 데이터셋을 노선별로 묶어 세고 평균 내는 시간의 중앙값(ms)',
      en: 'Median time to group a 10-million-row dataset by line with count and average (ms)',
    },
    peer: { ko: '같은 질의를 DuckDB SQL로 직접 실행한 시간', en: 'The same query as plain DuckDB SQL' },
    goal: null,
  },
  'ingest.csv1m.vsDuckdbRaw': {
    group: 'ingest',
    what: {
      ko: '한국어 CSV 100만 행을 올리는 속도(인코딩 감지, 형식 추론, 검증, Parquet 쓰기, 프로파일, 목록 등록), 초당 행 수',
      en: 'Ingest of a 1-million-row Korean CSV (encoding, schema, validation, Parquet, profile, catalogue), rows per second',
    },
    peer: { ko: 'DuckDB만으로 같은 파일을 Parquet로 옮기는 속도', en: 'DuckDB alone copying the same file to Parquet' },
    goal: { on: 'ratio', op: 'atLeast', target: 0.8, source: ISSUE_22 },
  },
  'soak.rss.peakMb': {
    group: 'soak',
    what: {
      ko: '여러 요청을 섞어 3분 동안 보낼 때 앱 한 대의 최대 상주 메모리(MB)',
      en: 'Peak resident memory of one app replica through a mixed 3-minute soak (MB)',
    },
    peer: { ko: '같은 앱이 요청 없이 쉴 때의 상주 메모리', en: "The same replica's resident memory at rest" },
    goal: { on: 'value', op: 'atMost', target: 600, source: ISSUE_22 },
  },
};

export type GoalStatus = 'met' | 'not_met' | 'no_goal';

/** Whether one measured line meets its goal (compared on the figure as recorded). */
export function goalStatus(goal: MeasureGoal | null, measure: Pick<BenchMeasure, 'value' | 'ratio'>): GoalStatus {
  if (!goal) return 'no_goal';
  const figure = goal.on === 'ratio' ? measure.ratio : measure.value;
  return (goal.op === 'atLeast' ? figure >= goal.target : figure <= goal.target) ? 'met' : 'not_met';
}

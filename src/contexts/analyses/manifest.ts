import type { ContextManifest } from '../../core/context.js';
import { registerAnalysesApi } from './api/routes.api.js';
import { analysesMessages } from './messages.js';
import { analysesInit } from './migrations/2026-11-22-60-analyses-init.js';
import { registerAnalysesPages } from './pages/analyses.pages.js';
import { exampleAnalysisSeed } from './seeds/example-analysis.seed.js';

/**
 * Analyses (commitment ②): saved, reproducible SQL over the data lake, pinned to dataset versions, with a chart
 * and a narrative; re-run on the latest versions to see what changed; publish, fork, comment.
 */
export const analyses: ContextManifest = {
  name: 'analyses',
  migrations: [analysesInit],
  seeds: [exampleAnalysisSeed],
  messages: analysesMessages,
  entry: {
    path: '/analyses',
    title: { ko: '데이터 분석', en: 'Analyses' },
    description: {
      ko: '데이터셋 버전에 고정된 SQL 분석을 만들고, 최신 데이터로 다시 실행해 무엇이 바뀌었는지 보세요.',
      en: 'Make SQL analyses pinned to dataset versions, and re-run them on the latest data to see what changed.',
    },
  },
  routes(app, services) {
    registerAnalysesApi(app, services);
    registerAnalysesPages(app, services);
  },
};

import type { ContextManifest } from '../../core/context.js';
import { registerProjectFeeds } from './api/feed.api.js';
import { registerProjectsApi } from './api/projects.api.js';
import { registerShowcaseApi } from './api/showcase.api.js';
import { civicMessages } from './messages.js';
import { civicInit } from './migrations/2026-11-22-55-civic-init.js';
import { registerCivicPages } from './pages/civic.pages.js';
import { addDatasetPageSection } from '../data/index.js';
import { reusesSection } from './pages/civic-view.js';
import { reusesOfDataset } from './use-cases/list-reuses.js';
import { exampleProjectsSeed } from './seeds/example-projects.seed.js';

/**
 * Everyday civic hacking (commitment ②): projects that CSOs, universities and citizens propose on the catalogue's
 * datasets, with a team, progress posts and results; and the showcase of reuses linked from dataset pages.
 */
export const civic: ContextManifest = {
  name: 'civic',
  migrations: [civicInit],
  seeds: [exampleProjectsSeed],
  messages: civicMessages,
  entry: {
    path: '/projects',
    title: { ko: '시민 데이터 분석 프로젝트', en: 'Civic data projects' },
    description: {
      ko: '공공데이터로 풀고 싶은 질문을 제안하고, 팀을 꾸려 분석하고, 활용 사례를 나누세요.',
      en: 'Propose a question to answer with open data, analyse it as a team, and share reuses of the data.',
    },
  },
  routes(app, services) {
    registerProjectsApi(app, services);
    registerShowcaseApi(app, services);
    registerProjectFeeds(app, services);
    registerCivicPages(app, services);
    // The dataset page shows the dataset's published reuses (data offers the port, so it does not depend on civic).
    addDatasetPageSection(services, {
      name: 'civic.reuses',
      load: async (s, datasetId) => {
        const reuses = await reusesOfDataset(s.db, datasetId);
        return (locale) => reusesSection(locale, reuses, datasetId);
      },
    });
  },
};

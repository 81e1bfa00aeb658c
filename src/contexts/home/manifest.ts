import type { ContextManifest } from '../../core/context.js';
import { registerPerformanceApi } from './api/performance.api.js';
import { registerSearchApi } from './api/routes.api.js';
import { homeMessages } from './messages.js';
import { registerHomePage } from './pages/home.page.js';
import { registerPerformancePage } from './pages/performance.page.js';
import { registerSearchPage } from './pages/search.page.js';

/** Home: the front page (built from the other manifests' entries) and platform-wide search. */
export function home(others: ContextManifest[]): ContextManifest {
  return {
    name: 'home',
    messages: homeMessages,
    routes(app, services) {
      registerHomePage(app, others);
      registerSearchPage(app, services);
      registerSearchApi(app, services);
      registerPerformancePage(app, services);
      registerPerformanceApi(app, services);
    },
  };
}

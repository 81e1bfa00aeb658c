import { sandboxFor } from '../../src/contexts/data/query/sandbox/sandbox-pool.js';
import type { Services } from '../../src/core/context.js';

/** A query run in the shared sandbox's process itself, without the parse-tree check: its error message, or 'ran'. */
export const directSandboxQuery = (services: Services, text: string) =>
  new Promise<string>((resolve) =>
    sandboxFor(services).run({
      start: { type: 'query', sql: text, maxRows: 10, maxBytes: 10_000 },
      timeoutMs: 5000,
      onMessage: (m) => {
        resolve(m.type === 'error' ? String(m.message) : 'ran');
        return true;
      },
      onAbort: (e) => resolve(e.message),
    }),
  );

/**
 * Context boundaries (issue 23): a context is reached from another only through its front door,
 * `src/contexts/<name>/index.ts`; shared code (src/core, src/web) never depends on a context.
 * Run: `npm run lint:boundaries` (exits non-zero on a violation). ARCHITECTURE.md explains the rule.
 *
 * Tests: a unit test (src/**\/*.test.ts) lives inside its context and may import its own context freely, like any
 * other module of that context; reaching another context's private module is a violation for it too.
 * Integration and browser tests (test/, e2e/) are outside the rule: they drive the whole platform from outside.
 * TypeScript 7 has no JavaScript API, so modules are parsed with swc; `tsPreCompilationDeps` keeps type-only imports.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-private-cross-context',
      comment: "A context imports another context only through that context's index.ts (its front door).",
      severity: 'error',
      from: { path: '^src/contexts/([^/]+)/' },
      to: { path: '^src/contexts/([^/]+)/', pathNot: ['^src/contexts/$1/', '^src/contexts/[^/]+/index\\.ts$'] },
    },
    {
      name: 'no-query-builder-outside-store',
      comment:
        'SQL lives in repositories (store/): in the contexts whose queries have moved, nothing else imports kysely (sql``, expressions; swc does not tell type-only imports apart, and table types belong in store/ too). The builder reached through `db` needs no import: src/contexts/sql-in-repositories.test.ts checks that.',
      severity: 'error',
      from: {
        path: '^src/contexts/(accountability|plan|demand|learn|startups|accounts|analyses|civic|transit|data|upkeep)/',
        pathNot: '^src/contexts/[^/]+/(store|migrations|seeds)/',
      },
      to: { path: '(^|/)node_modules/kysely/' },
    },
    {
      name: 'no-query-builder-outside-store-elsewhere',
      comment: 'The same rule for the contexts whose queries have not moved yet: a warning until they have (then join the rule above).',
      severity: 'warn',
      from: {
        path: '^src/contexts/',
        pathNot: [
          '^src/contexts/(accountability|plan|demand|learn|startups|accounts|analyses|civic|transit|data|upkeep)/',
          '^src/contexts/[^/]+/(store|migrations|seeds)/',
        ],
      },
      to: { path: '(^|/)node_modules/kysely/' },
    },
    {
      name: 'no-context-in-shared',
      comment: 'src/core and src/web are shared by every context: they never import one.',
      severity: 'error',
      from: { path: '^src/(core|web)/' },
      to: { path: '^src/contexts/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|test|e2e)/' },
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};

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

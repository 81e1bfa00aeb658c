import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialect } from '../support/test-app.js';
import { accountsCases } from './policy-matrix/accounts.cases.js';
import { accountabilityPlanCases } from './policy-matrix/accountability-plan.cases.js';
import { dataCases } from './policy-matrix/data.cases.js';
import { demandCases } from './policy-matrix/demand.cases.js';
import { civicAnalysesCases } from './policy-matrix/civic-analyses.cases.js';
import { startupsCases } from './policy-matrix/startups.cases.js';
import { learnCases } from './policy-matrix/learn.cases.js';
import { transitUpkeepCases } from './policy-matrix/transit-upkeep.cases.js';
import { agents, type Case, ROLES, setUpMatrix, t, tearDownMatrix } from './policy-matrix/fixture.js';

/**
 * Walks every mutating route with every role and asserts who may and who may not.
 * A new mutating route without a row here fails the "covers every route" test.
 */
beforeAll(setUpMatrix);
afterAll(tearDownMatrix);

/** In this order: some cases change shared state the later ones meet. */
const CASES: Case[] = [
  ...accountsCases,
  ...accountabilityPlanCases,
  ...dataCases,
  ...demandCases,
  ...civicAnalysesCases,
  ...startupsCases,
  ...learnCases,
  ...transitUpkeepCases,
];

describe(`every mutating route with every role (${dialect})`, () => {
  it('covers every mutating route the app registers', () => {
    const mutating = t.app.routeTable.filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method)).map((r) => `${r.method} ${r.url}`);
    const covered = new Set(CASES.map((c) => `${c.method} ${c.route}`));
    expect(mutating.filter((r) => !covered.has(r))).toEqual([]);
  });

  for (const c of CASES) {
    it(`${c.method} ${c.route}${c.label ? ` (${c.label})` : ''}: allowed for ${c.allowed.join(', ') || 'nobody here'}`, async () => {
      const outcome: Record<string, number> = {};
      for (const role of ROLES) outcome[role] = (await c.send(agents[role].clone(), role)).statusCode;
      const expected = Object.fromEntries(ROLES.map((role) => [role, c.allowed.includes(role) ? 'ok' : role === 'anonymous' ? 401 : 403]));
      const actual = Object.fromEntries(ROLES.map((role) => [role, outcome[role]! < 400 ? 'ok' : outcome[role]]));
      expect(actual).toEqual(expected);
    });
  }
});

import type { Actor } from '../../../core/auth/actor.js';
import type { DbOrTx } from '../../../core/db/database.js';
import { Checker } from '../../../core/validation/checker.js';
import { findOrganisation } from '../../accounts/index.js';
import { datasetSummaries } from '../../data/index.js';
import { projectPolicy } from './policy.js';

export interface ProjectInput {
  title: unknown;
  question: unknown;
  description: unknown;
  /** Dataset ids of the catalogue: an array, or one text with ids separated by commas, spaces or lines. */
  datasets: unknown;
  /** An organisation id or slug the proposer is a member of; empty for none. */
  organisation?: unknown;
  repoUrl?: unknown;
  resultsUrl?: unknown;
  /** Results so far (Markdown); usually added when editing. */
  results?: unknown;
}

export const datasetIdList = (v: unknown): string[] => [
  ...new Set((Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []).flatMap((s) => s.split(/[\s,]+/)).filter(Boolean)),
];

/** Markdown text is rendered safely, so markup in it is dropped on display instead of refused here. */
export function markdownText(c: Checker, field: string, value: unknown, max: number, required = true): string | null {
  const s = typeof value === 'string' ? value.trim() : '';
  if (!s) {
    if (required) c.add(field, 'validation.required');
    return null;
  }
  if (s.length > max) c.add(field, 'validation.tooLong');
  return s;
}

/** Checks a project form, every problem at once and by field: unknown datasets, an organisation the proposer is not in. */
export async function checkProjectInput(db: DbOrTx, actor: Actor, input: ProjectInput) {
  const c = new Checker();
  const title = c.text('title', input.title, { min: 4, max: 200 }) ?? '';
  const question = c.text('question', input.question, { min: 10, max: 1000 }) ?? '';
  const description = c.text('description', input.description, { max: 5000 }) ?? '';
  const repoUrl = c.url('repoUrl', input.repoUrl);
  const resultsUrl = c.url('resultsUrl', input.resultsUrl);
  const results = markdownText(c, 'results', input.results, 10000, false);
  const datasetIds = datasetIdList(input.datasets);
  if (!datasetIds.length) c.add('datasets', 'validation.required');
  else if (datasetIds.length > 20) c.add('datasets', 'validation.tooLong');
  else {
    const found = new Set((await datasetSummaries(db, datasetIds)).map((d) => d.id));
    if (datasetIds.some((id) => !found.has(id))) c.add('datasets', 'validation.choice');
  }
  const wanted = typeof input.organisation === 'string' ? input.organisation.trim() : '';
  const organisation = wanted ? await findOrganisation(db, wanted) : undefined;
  if (wanted && (!organisation || !projectPolicy.canProposeFor(actor, organisation.id))) c.add('organisation', 'validation.choice');
  c.done();
  return { title, question, description, repoUrl, resultsUrl, results, datasetIds, organisationId: organisation?.id ?? null };
}

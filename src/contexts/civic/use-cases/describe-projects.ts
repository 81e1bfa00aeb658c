import type { DbOrTx } from '../../../core/db/database.js';
import type { Localized } from '../../../core/i18n/messages.js';
import { findOrganisation, organisationNames, userDisplayNames } from '../../accounts/index.js';
import { datasetSummaries } from '../../data/index.js';
import type { MemberState, ProjectStatus, TeamRole } from '../domain/vocabularies.js';
import { countPostsOfProjects, datasetLinksOfProjects, findProject, listProjectRows, membersOf } from '../store/project.repository.js';
import { listPosts } from './list-posts.js';
import { projectUrl, type ProjectRow } from '../store/tables.js';

export interface ProjectView {
  id: string;
  url: string;
  title: string;
  question: string;
  description: string;
  status: ProjectStatus;
  example: boolean;
  organisation: { id: string; slug: string; name: Localized } | null;
  datasets: Array<{ id: string; title: Localized; restricted: boolean; url: string | null }>;
  team: Array<{ userId: string; displayName: string; role: TeamRole; state: MemberState; message: string; since: string }>;
  links: { repo: string | null; results: string | null };
  results: string | null;
  posts: number;
  createdAt: string;
  updatedAt: string;
}

async function describe(db: DbOrTx, rows: ProjectRow[]): Promise<ProjectView[]> {
  const ids = rows.map((r) => r.id);
  const [links, members, orgs, postCounts] = await Promise.all([
    datasetLinksOfProjects(db, ids),
    membersOf(db, ids),
    organisationNames(db, [...new Set(rows.flatMap((r) => (r.organisation_id ? [r.organisation_id] : [])))]),
    countPostsOfProjects(db, ids),
  ]);
  // The datasets (ordered by id) and the team's names come from their own contexts, in one query each.
  const [summaries, names] = await Promise.all([
    datasetSummaries(db, [...new Set(links.map((l) => l.dataset_id))]),
    userDisplayNames(
      db,
      members.map((m) => m.user_id),
    ),
  ]);
  const datasets = summaries.flatMap((d) => links.filter((l) => l.dataset_id === d.id).map((l) => ({ ...d, project_id: l.project_id })));
  return rows.map((r) => {
    const org = orgs.find((o) => o.id === r.organisation_id);
    return {
      id: r.id,
      url: projectUrl(r.id),
      title: r.title,
      question: r.question,
      description: r.description,
      status: r.status,
      example: r.example === 1,
      organisation: org ? { id: org.id, slug: org.slug, name: { ko: org.name_ko, en: org.name_en } } : null,
      datasets: datasets
        .filter((d) => d.project_id === r.id)
        .map((d) => ({
          id: d.id,
          restricted: d.restricted === 1,
          // A restricted dataset is only mentioned: its title and page are not public.
          title: d.restricted ? { ko: null, en: null } : { ko: d.title_ko, en: d.title_en },
          url: d.restricted ? null : `/data/datasets/${d.id}`,
        })),
      team: members
        .filter((m) => m.project_id === r.id)
        .map((m) => ({
          userId: m.user_id,
          displayName: names.get(m.user_id) ?? '',
          role: m.role,
          state: m.state,
          message: m.message,
          since: m.accepted_at ?? m.created_at,
        })),
      links: { repo: r.repo_url, results: r.results_url },
      results: r.results,
      posts: Number(postCounts.find((p) => p.project_id === r.id)?.n ?? 0),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

export async function describeProject(db: DbOrTx, id: string): Promise<ProjectView> {
  return (await describe(db, [await findProject(db, id)]))[0]!;
}

export const projectPosts = (db: DbOrTx, projectId: string) => listPosts(db, { projectId, limit: 200 });

export interface ProjectFilter {
  status?: string;
  dataset?: string;
  organisation?: string;
  limit?: number;
  offset?: number;
}

/** Projects, most recently changed first, filtered by status, dataset and organisation (id or slug). */
export async function listProjects(db: DbOrTx, f: ProjectFilter) {
  const organisation = f.organisation ? await findOrganisation(db, f.organisation) : undefined;
  const rows = f.organisation && !organisation ? [] : await listProjectRows(db, { status: f.status, datasetId: f.dataset, organisationId: organisation?.id });
  const limit = f.limit ?? 50;
  const offset = f.offset ?? 0;
  return { total: rows.length, limit, offset, items: await describe(db, rows.slice(offset, offset + limit)) };
}

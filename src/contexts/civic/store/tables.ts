import type { MemberState, ProjectStatus, ReuseState, ReuseType, TeamRole } from '../domain/vocabularies.js';

export interface ProjectRow {
  id: string;
  title: string;
  question: string;
  description: string;
  organisation_id: string | null;
  created_by: string | null;
  status: ProjectStatus;
  example: number;
  repo_url: string | null;
  results_url: string | null;
  results: string | null;
  created_at: string;
  updated_at: string;
}
export interface ProjectDatasetRow {
  project_id: string;
  dataset_id: string;
}
export interface MemberRow {
  project_id: string;
  user_id: string;
  role: TeamRole;
  state: MemberState;
  message: string;
  accepted_by: string | null;
  accepted_at: string | null;
  created_at: string;
}
export interface PostRow {
  id: string;
  project_id: string;
  author_id: string | null;
  body: string;
  created_at: string;
}
export interface ReuseRow {
  id: string;
  title: string;
  type: ReuseType;
  url: string;
  description: string;
  image_url: string | null;
  author: string;
  submitted_by: string | null;
  state: ReuseState;
  reject_reason: string | null;
  moderated_by: string | null;
  moderated_at: string | null;
  created_at: string;
  updated_at: string;
}
export interface ReuseDatasetRow {
  reuse_id: string;
  dataset_id: string;
}

declare module '../../../core/db/types.js' {
  interface Database {
    civic_project: ProjectRow;
    civic_project_dataset: ProjectDatasetRow;
    civic_member: MemberRow;
    civic_post: PostRow;
    civic_reuse: ReuseRow;
    civic_reuse_dataset: ReuseDatasetRow;
  }
}

export const projectUrl = (id: string) => `/projects/${id}`;
export const SHOWCASE_URL = '/showcase';

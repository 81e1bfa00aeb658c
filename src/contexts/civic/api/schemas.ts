import { Type, type TSchema } from '@sinclair/typebox';
import { Body, component, LocalizedSchema, Page, PagingQuery } from '../../../core/http/schemas.js';
import { JOIN_ROLES, MODERATIONS, PROJECT_STATUSES, REUSE_STATES, REUSE_TYPES, TEAM_ROLES } from '../domain/vocabularies.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const OneOf = <T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
const DatasetIds = Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50, description: 'Dataset ids of the catalogue (/api/v1/data/datasets/{id})' });

export const ProjectSchema = component(
  'CivicProject',
  Type.Object(
    {
      id: Type.String(),
      url: Type.String(),
      title: Type.String(),
      question: Type.String(),
      description: Type.String(),
      status: OneOf(PROJECT_STATUSES),
      example: Type.Boolean({ description: 'A seeded example of the action plan; it has no results' }),
      organisation: Nullable(Type.Object({ id: Type.String(), slug: Type.String(), name: LocalizedSchema })),
      datasets: Type.Array(
        Type.Object({
          id: Type.String(),
          title: LocalizedSchema,
          restricted: Type.Boolean({ description: 'Restricted datasets are only mentioned: no title, no link' }),
          url: Nullable(Type.String()),
        }),
      ),
      team: Type.Array(
        Type.Object({ userId: Type.String(), displayName: Type.String(), role: OneOf(TEAM_ROLES), state: OneOf(['pending', 'active']), since: Type.String() }),
      ),
      links: Type.Object({ repo: Nullable(Type.String()), results: Nullable(Type.String()) }),
      results: Nullable(Type.String({ description: 'Markdown' })),
      posts: Type.Integer(),
      createdAt: Type.String(),
      updatedAt: Type.String(),
    },
    { description: 'A civic data project: the question it asks, the datasets it uses, its team and results' },
  ),
);
export const ProjectListQuery = Type.Object({
  status: Type.Optional(OneOf(PROJECT_STATUSES)),
  dataset: Type.Optional(Type.String({ maxLength: 100 })),
  organisation: Type.Optional(Type.String({ maxLength: 100, description: 'Organisation id or slug' })),
  ...PagingQuery,
});
export const ProjectPage = Page(ProjectSchema);

const projectFields = {
  title: Type.String({ maxLength: 300 }),
  question: Type.String({ maxLength: 2000 }),
  description: Type.String({ maxLength: 6000 }),
  datasets: DatasetIds,
  organisation: Type.Optional(Nullable(Type.String({ maxLength: 100, description: 'Id or slug of an organisation you are a member of' }))),
  repoUrl: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  resultsUrl: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  results: Type.Optional(Nullable(Type.String({ maxLength: 12000, description: 'Markdown' }))),
};
export const CreateProjectBody = Body(projectFields);
export const JoinBody = Body({
  role: Type.String({ maxLength: 40, description: JOIN_ROLES.join(', ') }),
  message: Type.Optional(Type.String({ maxLength: 1200 })),
});
export const AcceptBody = Body({ userId: Type.String({ maxLength: 100 }) });
export const PostBody = Body({ body: Type.String({ maxLength: 24000, description: 'Markdown (a safe subset; raw HTML is dropped)' }) });
export const StatusBody = Body({ status: Type.String({ maxLength: 40, description: PROJECT_STATUSES.join(', ') }) });
export const MemberSchema = Type.Object({
  projectId: Type.String(),
  userId: Type.String(),
  role: OneOf(TEAM_ROLES),
  state: OneOf(['pending', 'active']),
  createdAt: Type.String(),
});
export const PostSchema = Type.Object({
  id: Type.String(),
  projectId: Type.String(),
  body: Type.String(),
  html: Type.String({ description: 'The body rendered to safe HTML' }),
  createdAt: Type.String(),
});
export const PostList = Type.Object({ items: Type.Array(Type.Intersect([PostSchema, Type.Object({ author: Nullable(Type.String()) })])) });

export const ReuseSchema = component(
  'Reuse',
  Type.Object(
    {
      id: Type.String(),
      title: Type.String(),
      type: OneOf(REUSE_TYPES),
      url: Type.String(),
      description: Type.String(),
      imageUrl: Nullable(Type.String()),
      author: Type.String(),
      state: OneOf(REUSE_STATES),
      rejectReason: Nullable(Type.String()),
      createdAt: Type.String(),
      moderatedAt: Nullable(Type.String()),
      datasets: Type.Array(Type.Object({ id: Type.String(), title: LocalizedSchema, url: Type.String() })),
    },
    { description: 'A reuse of open data in the showcase (an app, a story, a visualisation) and its moderation' },
  ),
);
export const ReuseListQuery = Type.Object({
  state: Type.Optional(OneOf(REUSE_STATES, 'pending and rejected: admins only')),
  dataset: Type.Optional(Type.String({ maxLength: 100 })),
  ...PagingQuery,
});
export const ReusePage = Page(ReuseSchema);
export const CreateReuseBody = Body({
  title: Type.String({ maxLength: 300 }),
  type: Type.String({ maxLength: 40, description: REUSE_TYPES.join(', ') }),
  url: Type.String({ maxLength: 2000 }),
  description: Type.String({ maxLength: 4000 }),
  imageUrl: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  author: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  datasets: DatasetIds,
});
export const ModerateBody = Body({
  decision: Type.String({ maxLength: 20, description: MODERATIONS.join(', ') }),
  reason: Type.Optional(Type.String({ maxLength: 1200 })),
});

/** Where a project stands. Any status may follow any other (a paused project resumes, a completed one reopens). */
export const PROJECT_STATUSES = ['proposed', 'active', 'completed', 'paused'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** What a team member does. The lead proposed the project (or was made lead) and accepts the others. */
export const TEAM_ROLES = ['lead', 'analyst', 'developer', 'designer', 'domain_expert', 'member'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
/** The roles someone may ask for when joining (lead is not one of them). */
export const JOIN_ROLES = TEAM_ROLES.filter((r) => r !== 'lead');

/** pending: asked to join, waiting for the lead; active: on the team. */
export type MemberState = 'pending' | 'active';

/** What kind of reuse of the data a showcase entry is (uData's reuse types, trimmed). */
export const REUSE_TYPES = ['app', 'article', 'visualisation', 'research', 'other'] as const;
export type ReuseType = (typeof REUSE_TYPES)[number];

export const REUSE_STATES = ['pending', 'published', 'rejected'] as const;
export type ReuseState = (typeof REUSE_STATES)[number];
export const MODERATIONS = ['publish', 'reject'] as const;

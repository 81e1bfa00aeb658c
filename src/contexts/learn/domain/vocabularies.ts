/** The kinds of programme commitment ② plans, who they are for, and the states a registration goes through. */
export const PROGRAMME_KINDS = ['course', 'seminar', 'forum', 'mentoring_day', 'fellowship', 'specialised_track'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];
export const AUDIENCES = ['general_public', 'teachers', 'public_and_teachers', 'cso', 'job_seekers', 'everyone'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export type Level = (typeof LEVELS)[number];
export const PROGRAMME_STATUSES = ['open', 'closed', 'cancelled'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];
export const REGISTRATION_STATES = ['registered', 'waitlisted', 'cancelled'] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];
export const APPLICATION_STATES = ['applied', 'selected', 'declined'] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];
export const DECISIONS = ['selected', 'declined'] as const;
export type Decision = (typeof DECISIONS)[number];
/** Organisations that may organise programmes: the city's departments, civil society and universities. */
export const ORGANISER_TYPES = ['city_department', 'ngo', 'university'] as const;

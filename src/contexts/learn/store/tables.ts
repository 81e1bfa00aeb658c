import type { ApplicationState, Audience, Level, ProgrammeKind, ProgrammeStatus, RegistrationState } from '../domain/vocabularies.js';

export interface ProgrammeRow {
  id: string;
  kind: ProgrammeKind;
  title_ko: string;
  title_en: string | null;
  summary_ko: string;
  summary_en: string | null;
  audience: Audience;
  level: Level;
  place_ko: string;
  place_en: string | null;
  online: number;
  capacity: number;
  seats_taken: number;
  queue_counter: number;
  sessions_required: number;
  materials: string;
  organisation_id: string;
  status: ProgrammeStatus;
  example: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  calendar_sequence: number;
}
export interface SessionRow {
  id: string;
  programme_id: string;
  position: number;
  title_ko: string;
  title_en: string | null;
  starts_at: string;
  ends_at: string;
  reminded_at: string | null;
}
export interface RegistrationRow {
  id: string;
  programme_id: string;
  user_id: string;
  state: RegistrationState;
  queue_no: number;
  created_at: string;
  promoted_at: string | null;
  cancelled_at: string | null;
  calendar_sequence: number;
}
export interface AttendanceRow {
  session_id: string;
  user_id: string;
  present: number;
  marked_by: string | null;
  marked_at: string;
}
export interface CertificateRow {
  id: string;
  programme_id: string;
  user_id: string;
  holder_name: string;
  sessions_attended: number;
  issued_at: string;
  /** The course dates certified (first session start, last session end); null only on certificates issued before they were kept. */
  course_starts_at: string | null;
  course_ends_at: string | null;
}
export interface FeedbackRow {
  programme_id: string;
  user_id: string;
  rating: number;
  useful: number;
  comment: string;
  created_at: string;
}
export interface ApplicationRow {
  id: string;
  programme_id: string;
  user_id: string;
  motivation: string;
  project_idea: string;
  state: ApplicationState;
  mentor: string | null;
  project_title: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}
export interface LessonRow {
  slug: string;
  position: number;
  level: string;
  title_ko: string;
  title_en: string;
  summary_ko: string;
  summary_en: string;
  datasets: string;
  source: string;
  updated_at: string;
}
export interface ProgressRow {
  user_id: string;
  lesson_slug: string;
  exercise_id: string;
  solved: number;
  last_correct: number;
  attempts: number;
  last_answer: string;
  last_feedback: string | null;
  answered_at: string;
}
export interface CompletionRow {
  user_id: string;
  lesson_slug: string;
  completed_at: string;
}

declare module '../../../core/db/types.js' {
  interface Database {
    learn_programme: ProgrammeRow;
    learn_session: SessionRow;
    learn_registration: RegistrationRow;
    learn_attendance: AttendanceRow;
    learn_certificate: CertificateRow;
    learn_feedback: FeedbackRow;
    learn_application: ApplicationRow;
    learn_lesson: LessonRow;
    learn_progress: ProgressRow;
    learn_completion: CompletionRow;
  }
}

export const programmeUrl = (id: string) => `/learn/programmes/${id}`;
export const lessonUrl = (slug: string) => `/learn/lessons/${slug}`;
export const certificateUrl = (id: string) => `/learn/certificates/${id}`;

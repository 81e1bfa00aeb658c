import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../../core/db/database.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { insertFollower } from '../store/follower.repository.js';
import { insertItem, loadKind } from '../store/item.repository.js';
import type { AnsweredBy } from '../store/tables.js';
import { recordEvent } from './record-event.js';

export interface ReceiveInput {
  kindId: string;
  subjectType: string;
  subjectId: string;
  title: string;
  url: string;
  authorId: string | null;
  organisationId: string;
  receivedAt: Date;
  /** `members`: any member of the organisation answers at the first stage (default: its officials). */
  answeredBy?: AnsweredBy;
}

/** Starts the answer clock for a public input; call it in the transaction that stores the input. */
export async function receiveInput(db: DbOrTx, input: ReceiveInput): Promise<string> {
  await loadKind(db, input.kindId);
  const id = randomUUID();
  const at = input.receivedAt.toISOString();
  const on = kstDate(input.receivedAt);
  await insertItem(db, {
    id,
    kind_id: input.kindId,
    subject_type: input.subjectType,
    subject_id: input.subjectId,
    title: input.title.slice(0, 300),
    url: input.url,
    author_id: input.authorId,
    organisation_id: input.organisationId,
    assignee_id: null,
    state: 'received',
    escalation_level: 0,
    answered_by: input.answeredBy ?? 'officials',
    received_at: at,
    received_on: on,
    extension_days: 0,
    extension_reason: null,
    answered_on: null,
    answered_on_time: null,
    business_days_to_answer: null,
    dispute_reason: null,
    created_at: at,
    updated_at: at,
  });
  if (input.authorId) await insertFollower(db, id, input.authorId);
  await recordEvent(db, { id, kind_id: input.kindId }, { type: 'received', on, stage: 0, actorId: input.authorId });
  return id;
}

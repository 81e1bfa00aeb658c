import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { isUniqueViolation } from '../../../core/db/database.js';
import { AppError, unauthenticated } from '../../../core/errors.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed, notifyUsers } from '../../accounts/index.js';
import { programmePolicy } from '../domain/policy.js';
import { DECISIONS, type Decision } from '../domain/vocabularies.js';
import { decidePendingApplication, findApplication, insertApplication } from '../store/application.repository.js';
import { assertOpenForRegistration, findProgramme, findRegistration, insertRegistration, nextQueueNo, takeSeat } from '../store/programme.repository.js';
import { seatRegistration } from '../store/registration.repository.js';
import { programmeUrl, type ApplicationRow } from '../store/tables.js';
import { programmeTitle } from './programme-text.js';

/** The open data fellowship takes applications: why, and the project the applicant would carry out with open data. */
export async function applyForFellowship(
  services: Services,
  actor: Actor,
  input: { programmeId: string; motivation: unknown; projectIdea: unknown },
): Promise<ApplicationRow> {
  if (!actor.user) throw unauthenticated();
  const programme = await findProgramme(services.db, input.programmeId);
  if (programme.kind !== 'fellowship') throw new AppError('learn.not_a_fellowship', 'Only the fellowship takes applications; register instead', 409);
  await assertOpenForRegistration(services.db, programme, services.now());
  const c = new Checker();
  const motivation = c.text('motivation', input.motivation, { max: 4000, min: 10 }) ?? '';
  const projectIdea = c.text('projectIdea', input.projectIdea, { max: 4000, min: 10 }) ?? '';
  c.done();
  const already = () => new AppError('learn.already_applied', 'You have already applied to this fellowship', 409);
  const row: ApplicationRow = {
    id: randomUUID(),
    programme_id: programme.id,
    user_id: actor.user.id,
    motivation,
    project_idea: projectIdea,
    state: 'applied',
    mentor: null,
    project_title: null,
    decided_by: null,
    decided_at: null,
    created_at: services.now().toISOString(),
  };
  await services.db.transaction().execute(async (tx) => {
    await insertApplication(tx, row).catch((error: unknown) => {
      throw isUniqueViolation(error) ? already() : error;
    });
    await recordAudit(tx, actor, { action: 'learn.apply_fellowship', entityType: 'learn_programme', entityId: programme.id, after: { id: row.id } });
  });
  return row;
}

/**
 * The organiser selects (naming a mentor and the fellow's project) or declines an application. A selected fellow
 * takes a seat like a registration (so attendance and the certificate work the same); there must be one free.
 */
export async function decideApplication(
  services: Services,
  actor: Actor,
  input: { applicationId: string; decision: unknown; mentor?: unknown; projectTitle?: unknown },
) {
  const app = await findApplication(services.db, input.applicationId);
  if (!app) throw new AppError('learn.application_not_found', 'No application has this id', 404);
  const programme = await findProgramme(services.db, app.programme_id);
  assertAllowed(actor, programmePolicy.canOrganise(actor, programme), 'decide fellowship applications');
  const c = new Checker();
  const decision = c.oneOf<Decision>('decision', input.decision, DECISIONS);
  const mentor = c.text('mentor', input.mentor, { max: 200, required: decision === 'selected' });
  const projectTitle = c.text('projectTitle', input.projectTitle, { max: 300, required: decision === 'selected' });
  c.done();
  if (app.state !== 'applied') throw new AppError('learn.already_decided', 'This application has already been decided', 409);
  const at = services.now().toISOString();
  await services.db.transaction().execute(async (tx) => {
    const decided = await decidePendingApplication(tx, app.id, {
      state: decision,
      mentor,
      project_title: projectTitle,
      decided_by: actor.user?.id ?? null,
      decided_at: at,
    });
    if (!decided) throw new AppError('learn.already_decided', 'This application has already been decided', 409);
    if (decision === 'selected') {
      const queueNo = await nextQueueNo(tx, programme.id);
      if (!(await takeSeat(tx, programme.id))) throw new AppError('learn.programme_full', 'Every fellowship place is taken', 409);
      const existing = await findRegistration(tx, programme.id, app.user_id);
      if (existing) await seatRegistration(tx, existing.id, queueNo);
      else
        await insertRegistration(tx, {
          id: randomUUID(),
          programme_id: programme.id,
          user_id: app.user_id,
          state: 'registered',
          queue_no: queueNo,
          created_at: at,
          promoted_at: null,
          cancelled_at: null,
          calendar_sequence: 0,
        });
    }
    await recordAudit(tx, actor, {
      action: 'learn.decide_application',
      entityType: 'learn_application',
      entityId: app.id,
      before: app,
      after: { decision, mentor, projectTitle },
    });
  });
  const title = programmeTitle(programme);
  await notifyUsers(
    services,
    [app.user_id],
    decision === 'selected'
      ? {
          title: { ko: `펠로우 선정: ${title.ko}`, en: `Selected as a fellow: ${title.en}` },
          body: { ko: `멘토: ${mentor}. 프로젝트: ${projectTitle}.`, en: `Mentor: ${mentor}. Project: ${projectTitle}.` },
          url: programmeUrl(programme.id),
        }
      : {
          title: { ko: `펠로우십 결과: ${title.ko}`, en: `Fellowship decision: ${title.en}` },
          body: { ko: '이번에는 선정되지 않았습니다. 지원해 주셔서 고맙습니다.', en: 'You were not selected this time. Thank you for applying.' },
          url: programmeUrl(programme.id),
        },
  );
  return { id: app.id, state: decision, mentor, projectTitle };
}

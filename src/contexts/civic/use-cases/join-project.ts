import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { isUniqueViolation } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed, notifyUsers } from '../../accounts/index.js';
import { projectPolicy } from '../domain/policy.js';
import { JOIN_ROLES, type TeamRole } from '../domain/vocabularies.js';
import { findMember, findProject, insertMember } from '../store/project.repository.js';
import { projectUrl, type MemberRow } from '../store/tables.js';
import { loadTeam } from './team.js';

/** Asks to join a project's team in a role; the lead accepts (or an admin). The lead is notified. */
export async function requestToJoin(services: Services, actor: Actor, input: { projectId: string; role: unknown; message?: unknown }): Promise<MemberRow> {
  assertAllowed(actor, projectPolicy.canJoin(actor), 'join a project');
  const project = await findProject(services.db, input.projectId);
  const c = new Checker();
  const role = c.oneOf<TeamRole>('role', input.role, JOIN_ROLES);
  const message = c.text('message', input.message, { max: 1000, required: false }) ?? '';
  c.done();
  const already = () => new AppError('civic.already_member', 'You are already on this team or have asked to join', 409);
  if (await findMember(services.db, project.id, actor.user!.id)) throw already();
  const at = services.now().toISOString();
  const row: MemberRow = {
    project_id: project.id,
    user_id: actor.user!.id,
    role,
    state: 'pending',
    message,
    accepted_by: null,
    accepted_at: null,
    created_at: at,
  };
  await services.db.transaction().execute(async (tx) => {
    await insertMember(tx, row).catch((error: unknown) => {
      throw isUniqueViolation(error) ? already() : error;
    });
    await recordAudit(tx, actor, { action: 'civic.request_to_join', entityType: 'civic_project', entityId: project.id, after: row });
  });
  const leads = (await loadTeam(services.db, project.id)).members.filter((m) => m.role === 'lead' && m.state === 'active').map((m) => m.userId);
  await notifyUsers(services, leads, {
    title: { ko: `팀 참여 요청: ${project.title}`, en: `Request to join: ${project.title}` },
    body: { ko: `${actor.user!.displayName} 님이 팀에 참여하고 싶어 합니다.`, en: `${actor.user!.displayName} asks to join the team.` },
    url: `${projectUrl(project.id)}#team-title`,
  });
  return row;
}

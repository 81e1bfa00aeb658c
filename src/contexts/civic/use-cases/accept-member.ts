import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { assertAllowed, notifyUsers } from '../../accounts/index.js';
import { projectPolicy } from '../domain/policy.js';
import { findMember, findProject, updateMember } from '../store/project.repository.js';
import { projectUrl } from '../store/tables.js';
import { loadTeam } from './team.js';

/** The lead (or an admin) accepts a pending request to join; the new member is notified. */
export async function acceptMember(services: Services, actor: Actor, input: { projectId: string; userId: string }) {
  const project = await findProject(services.db, input.projectId);
  assertAllowed(actor, projectPolicy.canAccept(actor, await loadTeam(services.db, project.id)), 'accept team members');
  const member = await findMember(services.db, project.id, input.userId);
  if (member?.state !== 'pending') throw new AppError('civic.no_pending_request', 'This person has no pending request to join', 409);
  const at = services.now().toISOString();
  await services.db.transaction().execute(async (tx) => {
    await updateMember(tx, project.id, input.userId, { state: 'active', accepted_by: actor.user?.id ?? null, accepted_at: at });
    await recordAudit(tx, actor, {
      action: 'civic.accept_member',
      entityType: 'civic_project',
      entityId: project.id,
      before: member,
      after: { ...member, state: 'active', accepted_at: at },
    });
  });
  await notifyUsers(services, [input.userId], {
    title: { ko: `팀에 합류했습니다: ${project.title}`, en: `You joined the team: ${project.title}` },
    body: { ko: '이제 진행 소식을 올릴 수 있습니다.', en: 'You can now post progress updates.' },
    url: projectUrl(project.id),
  });
}

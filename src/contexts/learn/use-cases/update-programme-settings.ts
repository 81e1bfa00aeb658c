import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/index.js';
import { programmePolicy } from '../domain/policy.js';
import { PROGRAMME_STATUSES, type ProgrammeStatus } from '../domain/vocabularies.js';
import { findProgramme, saveProgrammeSettings } from '../store/programme.repository.js';
import { userIdsInState } from '../store/registration.repository.js';
import { notifyPromoted, promoteFromWaitlist } from './cancel-registration.js';
import { notifyWithCalendar } from './notify-with-calendar.js';
import { programmeTitle } from './programme-text.js';

/**
 * The organiser opens or closes registration, cancels the programme (everyone registered or waiting is told), posts
 * materials (Markdown), or changes the capacity: never below the seats already taken; more seats go at once to the head of the waitlist.
 */
export async function updateProgrammeSettings(
  services: Services,
  actor: Actor,
  input: { programmeId: string; status?: unknown; capacity?: unknown; materials?: unknown },
) {
  const programme = await findProgramme(services.db, input.programmeId);
  assertAllowed(actor, programmePolicy.canOrganise(actor, programme), 'change this programme');
  const c = new Checker();
  const status = input.status === undefined || input.status === '' ? programme.status : c.oneOf<ProgrammeStatus>('status', input.status, PROGRAMME_STATUSES);
  let capacity = programme.capacity;
  if (input.capacity !== undefined && input.capacity !== '') {
    capacity = typeof input.capacity === 'number' ? input.capacity : Number(String(input.capacity).trim());
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > 10000) c.add('capacity', 'validation.range');
  }
  const materials = input.materials === undefined ? programme.materials : (c.text('materials', input.materials, { max: 12000, required: false }) ?? '');
  c.done();
  const at = services.now().toISOString();
  // Cancelling or reopening changes what every calendar shows of the sessions: their SEQUENCE goes up.
  const calendarChanges = (status === 'cancelled') !== (programme.status === 'cancelled');
  const promoted = await services.db.transaction().execute(async (tx) => {
    // Lower the capacity only as far as the seats taken at this instant (the WHERE holds on the locked row).
    const changed = await saveProgrammeSettings(tx, programme.id, { status, capacity, materials, updated_at: at }, { raiseCalendarSequence: calendarChanges });
    if (!changed) {
      const v = new Checker();
      v.add('capacity', 'validation.range');
      v.done();
    }
    const up = status === 'open' ? await promoteFromWaitlist(tx, programme.id, at) : [];
    await recordAudit(tx, actor, {
      action: 'learn.update_programme',
      entityType: 'learn_programme',
      entityId: programme.id,
      before: { status: programme.status, capacity: programme.capacity, materials: programme.materials },
      after: { status, capacity, materials, promoted: up },
    });
    return up;
  });
  await notifyPromoted(services, programme, promoted);
  if (status === 'cancelled' && programme.status !== 'cancelled') {
    const people = await userIdsInState(services.db, programme.id, ['registered', 'waitlisted']);
    const title = programmeTitle(programme);
    await notifyWithCalendar(services, people, programme, {
      title: { ko: `프로그램 취소: ${title.ko}`, en: `Programme cancelled: ${title.en}` },
      body: {
        ko: '주관 기관이 이 프로그램을 취소했습니다. 아래 일정은 열리지 않습니다. 첨부한 달력 파일을 열면 달력에서도 취소로 바뀝니다. 불편을 드려 죄송합니다.',
        en: 'The organiser cancelled this programme: the sessions below will not take place. Opening the attached calendar file marks them cancelled in your calendar. We are sorry for the inconvenience.',
      },
    });
  }
  return { programmeId: programme.id, status, capacity, promoted: promoted.length };
}

import type { DbOrTx } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import { findOrganisationBySlug } from '../../accounts/index.js';
import { listWaitingItems } from '../store/item.repository.js';
import type { Ymd } from '../../../core/calendar/korean-calendar.js';
import { respondersOf } from './find-responders.js';
import { currentClocks } from './current-clocks.js';

/** A department's overdue inputs, most overdue first (Alaveteli's "long overdue"), and whether anyone there can answer. */
export async function listDepartmentOverdue(db: DbOrTx, slug: string, today: Ymd) {
  const org = await findOrganisationBySlug(db, slug);
  if (!org) throw notFound('organisation');
  const items = await listWaitingItems(db, { organisationId: org.id });
  const clocks = await currentClocks(db, items, today);
  const overdue = items
    .flatMap((item) => {
      const clock = clocks.get(item.id);
      return clock?.kind === 'overdue'
        ? [
            {
              id: item.id,
              title: item.title,
              url: item.url,
              kind: item.kind_id,
              level: item.escalation_level,
              dueOn: clock.dueOn,
              businessDaysLate: clock.businessDaysLate,
              veryOverdue: clock.veryOverdue,
            },
          ]
        : [];
    })
    .sort((a, b) => b.businessDaysLate - a.businessDaysLate || a.dueOn.localeCompare(b.dueOn));
  const hasResponder = (await respondersOf(db, { organisation_id: org.id, escalation_level: 0, assignee_id: null })).length > 0;
  return { organisation: { id: org.id, slug: org.slug, name: { ko: org.name_ko, en: org.name_en } }, today, overdue, hasResponder };
}

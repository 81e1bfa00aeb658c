import type { Actor } from '../../../core/auth/actor.js';
import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { assertAllowed } from '../../accounts/index.js';
import { ITEM_NOTICES, type ItemNotice } from '../domain/notice-kinds.js';
import { choicesOf, saveChoice } from '../store/preferences.repository.js';

/** A signed-in reader chooses, per kind of event, whether it reaches them in the app and by mail. */
export async function setNoticePreferences(services: Services, actor: Actor, input: { choices: Record<string, { inApp?: unknown; byMail?: unknown }> }) {
  assertAllowed(actor, actor.user !== null, 'choose notices');
  const unknown = Object.keys(input.choices).filter((k) => !(ITEM_NOTICES as readonly string[]).includes(k));
  if (unknown.length) throw new AppError('accountability.unknown_notice', `Not a kind of notice: ${unknown.join(', ')}`, 422, { unknown, kinds: ITEM_NOTICES });
  for (const [notice, c] of Object.entries(input.choices)) {
    for (const key of ['inApp', 'byMail'] as const) {
      if (c[key] !== undefined && typeof c[key] !== 'boolean')
        throw new AppError('accountability.bad_choice', `${notice}.${key} must be true or false`, 422, { notice, key });
    }
  }
  const userId = actor.user!.id;
  const current = (await choicesOf(services.db, [userId])).get(userId)!;
  await services.db.transaction().execute(async (tx) => {
    for (const [notice, c] of Object.entries(input.choices) as Array<[ItemNotice, { inApp?: boolean; byMail?: boolean }]>) {
      const next = { in_app: Number(c.inApp ?? current[notice].inApp), by_mail: Number(c.byMail ?? current[notice].byMail) };
      await saveChoice(tx, userId, notice, next);
    }
  });
  return (await choicesOf(services.db, [userId])).get(userId)!;
}

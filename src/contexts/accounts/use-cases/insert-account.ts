import { randomUUID } from 'node:crypto';
import type { Actor, PlatformRole } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import { isUniqueViolation, nowIso, type DbOrTx } from '../../../core/db/database.js';
import { failField } from '../../../core/validation/checker.js';
import { findUserByEmail, insertUser, publicUser } from '../store/user.repository.js';

/** Stores a new account (inside the caller's transaction); a taken email, even in a race, is a field error. */
export async function insertAccount(
  tx: DbOrTx,
  actor: Actor,
  action: 'user.sign_up' | 'user.create',
  input: {
    email: string;
    displayName: string;
    passwordHash: string;
    role: PlatformRole;
    locale: string;
  },
) {
  if (await findUserByEmail(tx, input.email)) failField('email', 'validation.emailTaken');
  const now = nowIso();
  const row = {
    id: randomUUID(),
    email: input.email,
    display_name: input.displayName,
    password_hash: input.passwordHash,
    role: input.role,
    locale: input.locale,
    created_at: now,
    updated_at: now,
  };
  try {
    await insertUser(tx, row);
  } catch (error) {
    if (isUniqueViolation(error)) failField('email', 'validation.emailTaken');
    throw error;
  }
  await recordAudit(tx, actor, { action, entityType: 'user', entityId: row.id, after: publicUser(row) });
  return row;
}

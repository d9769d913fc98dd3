import type { ActingUser } from '../../auth/acting-user.js';
import { checkPasswordStrength, hashPassword, verifyPassword } from '../../auth/password.js';
import { UnauthorizedError, ValidationError } from '../../http/errors.js';
import { parseInput } from '../../http/validate.js';
import { canEditOwnProfile } from './user.policy.js';
import { passwordChangeSchema, profileUpdateSchema } from './user.schemas.js';
import { findUserDocument } from './user.service.js';
import { toUserRecord, type UserRecord } from './user.record.js';

/** The signed-in user's own account: view, edit name/position, change password. */

function assertSignedIn(actor: ActingUser | null): asserts actor is ActingUser {
  if (!canEditOwnProfile(actor)) throw new UnauthorizedError();
}

export async function getOwnProfile(actor: ActingUser | null): Promise<UserRecord> {
  assertSignedIn(actor);
  return toUserRecord(await findUserDocument(actor.id));
}

export async function updateOwnProfile(actor: ActingUser | null, raw: unknown): Promise<UserRecord> {
  assertSignedIn(actor);
  const input = parseInput(profileUpdateSchema, raw);
  const doc = await findUserDocument(actor.id);
  doc.set(input);
  await doc.save();
  return toUserRecord(doc);
}

/** Needs the current password; the new one must pass the strength check. */
export async function changeOwnPassword(actor: ActingUser | null, raw: unknown): Promise<void> {
  assertSignedIn(actor);
  const input = parseInput(passwordChangeSchema, raw);
  const doc = await findUserDocument(actor.id);
  if (!(await verifyPassword(doc.passwordHash, input.currentPassword))) {
    throw new ValidationError({ currentPassword: 'profile:errors.current_password_wrong' });
  }
  const weakness = checkPasswordStrength(input.newPassword, [doc.name, doc.email]);
  if (weakness) throw new ValidationError({ newPassword: weakness });
  doc.passwordHash = await hashPassword(input.newPassword);
  doc.passwordChangedAt = new Date();
  await doc.save();
}

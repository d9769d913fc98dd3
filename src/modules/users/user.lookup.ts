import mongoose, { Types } from 'mongoose';
import type { ActingUser } from '../../auth/acting-user.js';
import { UserModel, normaliseEmail, toActingUser, type UserDocument } from './user.model.js';

/** Lookups for the platform's sign-in and session code (src/auth). */

export type ActingUserFields = Parameters<typeof toActingUser>[0] & { active: boolean };

/** The only fields a signed-in request reads of its user (a projection). */
export const ACTING_USER_PROJECTION = { agency: 1, role: 1, name: 1, email: 1, active: 1 } as const;

/** The account as the request's acting user, or null when it is gone or deactivated (so the session ends). */
export function activeActingUser(doc: ActingUserFields | null): ActingUser | null {
  return doc && doc.active ? toActingUser(doc) : null;
}

/** The session's user, or null when the account is gone or deactivated (so the session ends). */
export async function findActingUserById(id: string): Promise<ActingUser | null> {
  if (!mongoose.isValidObjectId(id)) return null;
  // Runs on every signed-in request the session's read has not joined it to: only the fields an
  // ActingUser needs, read with the driver (the id is already validated, so mongoose's casting and
  // query building would only add CPU).
  const doc = await UserModel.collection.findOne<ActingUserFields>({ _id: new Types.ObjectId(id) }, { projection: ACTING_USER_PROJECTION });
  return activeActingUser(doc);
}

/** The full account (hash, lockout fields, active flag) for checking a sign-in attempt. */
export function findUserForSignIn(email: string): Promise<UserDocument | null> {
  return UserModel.findOne({ email: { $eq: normaliseEmail(email) } });
}

import mongoose, { Types } from 'mongoose';
import type { ActingUser } from '../../auth/acting-user.js';
import { UserModel, normaliseEmail, toActingUser, type UserDocument } from './user.model.js';

/** Lookups for the platform's sign-in and session code (src/auth). */

type ActingUserFields = Parameters<typeof toActingUser>[0] & { active: boolean };

/** The session's user, or null when the account is gone or deactivated (so the session ends). */
export async function findActingUserById(id: string): Promise<ActingUser | null> {
  if (!mongoose.isValidObjectId(id)) return null;
  // Runs on every signed-in request: only the fields an ActingUser needs, read with the driver
  // (the id is already validated, so mongoose's casting and query building would only add CPU).
  const doc = await UserModel.collection.findOne<ActingUserFields>({ _id: new Types.ObjectId(id) }, { projection: { agency: 1, role: 1, name: 1, email: 1, active: 1 } });
  return doc && doc.active ? toActingUser(doc) : null;
}

/** The full account (hash, lockout fields, active flag) for checking a sign-in attempt. */
export function findUserForSignIn(email: string): Promise<UserDocument | null> {
  return UserModel.findOne({ email: { $eq: normaliseEmail(email) } });
}

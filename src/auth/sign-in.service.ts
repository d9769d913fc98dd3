/**
 * Checks a sign-in attempt and keeps the per-account lock in MongoDB (so it holds across app
 * processes): after `maxFailures` failures within `lockMinutes` the account is locked for `lockMinutes`.
 * Unknown emails get the same answers, timing (a dummy hash is verified) and lock behaviour as
 * wrong passwords, so nothing reveals whether an address has an account.
 */
import type { Collection, Document, Filter } from 'mongodb';
import type { ActingUser } from './acting-user.js';
import { hashPassword, verifyPassword } from './password.js';
import { UnknownEmailAttemptModel } from './unknown-email-attempt.model.js';
import { UserModel, normaliseEmail, toActingUser } from '../modules/users/user.model.js';
import { findUserForSignIn } from '../modules/users/user.lookup.js';

export interface LockPolicy {
  maxFailures: number;
  lockMinutes: number;
}

export type SignInResult =
  | { outcome: 'ok'; user: ActingUser }
  | { outcome: 'invalid' }
  | { outcome: 'locked'; until: Date }
  | { outcome: 'inactive' };

let dummyHash: Promise<string> | undefined;

/**
 * Counts a failure on a counter document; locks (and restarts the count) when the limit is hit.
 * Failures only add up within a window of `lockMinutes` from the first one: a failure after the
 * window starts a new count. One pipeline update decides and counts, so concurrent attempts on
 * the same document each count exactly once.
 */
async function countFailure(
  collection: Collection,
  filter: Filter<Document>,
  policy: LockPolicy,
  now: Date,
  insertFields?: Document,
): Promise<{ outcome: 'invalid' } | { outcome: 'locked'; until: Date }> {
  const windowStart = new Date(now.getTime() - policy.lockMinutes * 60_000);
  // A missing timestamp (new document, or one counted before windows existed) is outside the window.
  const inWindow = { $gte: [{ $ifNull: ['$firstFailedLoginAt', new Date(0)] }, windowStart] };
  const updated = await collection.findOneAndUpdate(
    filter,
    [
      {
        $set: {
          failedLogins: { $cond: [inWindow, { $add: [{ $ifNull: ['$failedLogins', 0] }, 1] }, 1] },
          firstFailedLoginAt: { $cond: [inWindow, '$firstFailedLoginAt', now] },
          ...insertFields,
        },
      },
    ],
    { returnDocument: 'after', upsert: insertFields !== undefined, projection: { failedLogins: 1 } },
  );
  if (!updated || Number(updated.failedLogins) < policy.maxFailures) return { outcome: 'invalid' };
  const lockedUntil = new Date(now.getTime() + policy.lockMinutes * 60_000);
  await collection.updateOne(filter, { $set: { failedLogins: 0, firstFailedLoginAt: null, lockedUntil } });
  return { outcome: 'locked', until: lockedUntil };
}

export async function attemptSignIn(email: string, password: string, policy: LockPolicy, now = new Date()): Promise<SignInResult> {
  const normalised = normaliseEmail(email);
  const user = normalised === '' ? null : await findUserForSignIn(normalised);

  if (!user) {
    dummyHash ??= hashPassword('not-a-real-password-only-for-timing');
    await verifyPassword(await dummyHash, password);
    const known = await UnknownEmailAttemptModel.findOne({ email: { $eq: normalised } }, { lockedUntil: 1 });
    if (known?.lockedUntil && known.lockedUntil > now) return { outcome: 'locked', until: known.lockedUntil };
    const expiresAt = new Date(now.getTime() + 2 * policy.lockMinutes * 60_000);
    return countFailure(UnknownEmailAttemptModel.collection, { email: normalised }, policy, now, { expiresAt });
  }

  if (user.lockedUntil && user.lockedUntil > now) return { outcome: 'locked', until: user.lockedUntil };
  if (!(await verifyPassword(user.passwordHash, password))) {
    return countFailure(UserModel.collection, { _id: user._id }, policy, now);
  }
  if (!user.active) return { outcome: 'inactive' };
  if (user.failedLogins > 0 || user.lockedUntil) {
    await UserModel.updateOne({ _id: user._id }, { $set: { failedLogins: 0, firstFailedLoginAt: null, lockedUntil: null } });
  }
  return { outcome: 'ok', user: toActingUser(user) };
}

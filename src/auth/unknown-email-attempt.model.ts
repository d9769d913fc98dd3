/**
 * Failed sign-ins for email addresses that have no account. Counting them exactly like real
 * accounts' failures makes the lock message appear after the same number of tries either way, so
 * the lock cannot be used to find out which addresses exist. Documents expire by TTL.
 */
import mongoose, { Schema } from 'mongoose';

const unknownEmailAttemptSchema = new Schema({
  email: { type: String, required: true, unique: true },
  failedLogins: { type: Number, default: 0 },
  firstFailedLoginAt: { type: Date, default: null },
  lockedUntil: { type: Date, default: null },
  expiresAt: { type: Date, required: true, index: { expires: 0 } },
});

export const UnknownEmailAttemptModel = mongoose.model('UnknownEmailAttempt', unknownEmailAttemptSchema, 'unknown_email_attempts');

/**
 * User accounts. Fields the platform (src/auth) relies on — keep them stable:
 *  - email: unique, stored lower-cased and trimmed; look it up with `{email: {$eq: normaliseEmail(x)}}`.
 *  - passwordHash: argon2id/bcrypt hash from src/auth/password.ts hashPassword(); never exposed by presenters.
 *  - active: false → must not sign in, and an existing session must end (findActingUserById returns null).
 *  - failedLogins: failed sign-ins since firstFailedLoginAt; reset to 0 on success.
 *  - firstFailedLoginAt: start of the current failure window (src/auth/sign-in.service.ts), else null.
 *  - lockedUntil: Date while the account is locked after too many failures, else null.
 *  - passwordChangedAt: set whenever the password is set or changed.
 *  - role, agency, name: copied into the ActingUser by toActingUser() below.
 */
import mongoose, { Schema, type HydratedDocument, type InferSchemaType, type Types } from 'mongoose';
import { ROLES, type ActingUser, type Role } from '../../auth/acting-user.js';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const userSchema = new Schema(
  {
    /** As typed, with academic titles ("Alwa Dudi, S.T., M.M."). */
    name: { type: String, required: true, trim: true },
    email: { type: String, required: true, unique: true, lowercase: true, trim: true },
    /** Nomor Induk Pegawai, 18 digits (see nip.ts); null for non-civil-servants. */
    nip: { type: String, default: null },
    position: { type: String, default: '' },
    agency: { type: Schema.Types.ObjectId, ref: 'Agency', required: true, index: true },
    role: { type: String, required: true, enum: ROLES },
    active: { type: Boolean, default: true },
    passwordHash: { type: String, required: true },
    failedLogins: { type: Number, default: 0 },
    firstFailedLoginAt: { type: Date, default: null },
    lockedUntil: { type: Date, default: null },
    passwordChangedAt: { type: Date, default: () => new Date() },
  },
  { timestamps: true },
);

export type User = InferSchemaType<typeof userSchema>;
export type UserDocument = HydratedDocument<User>;

export const UserModel = mongoose.model('User', userSchema);

/** The plain acting-user shape passport keeps on req.user (the agency as an id string). */
export function toActingUser(user: {
  _id: Types.ObjectId;
  agency: Types.ObjectId;
  role: string;
  name: string;
  email: string;
}): ActingUser {
  return {
    id: user._id.toString(),
    agencyId: user.agency.toString(),
    role: user.role as Role,
    name: user.name,
    email: user.email,
  };
}

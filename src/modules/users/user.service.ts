import mongoose from 'mongoose';
import type { z } from 'zod';
import type { ActingUser } from '../../auth/acting-user.js';
import { checkPasswordStrength, hashPassword } from '../../auth/password.js';
import { ForbiddenError, ValidationError, type FieldErrors } from '../../http/errors.js';
import { parseInput } from '../../http/validate.js';
import { findAgencyById } from '../agencies/agency.lookup.js';
import { escapeRegex, fetchPage, type Page } from '../agencies/list-query.js';
import { bodyObject, collectInput, isDuplicateKeyError } from '../agencies/schema-kit.js';
import { UserModel, type UserDocument } from './user.model.js';
import { canChangeActivation, canChangeRole, canManageUsers, canViewUser } from './user.policy.js';
import {
  userAgencySchema,
  userCreateSchema,
  userEmailSchema,
  userListQuerySchema,
  userNipSchema,
  userUpdateSchema,
} from './user.schemas.js';
import { toUserRecord, type UserRecord } from './user.record.js';
import { findDocumentById } from '../agencies/find-document.js';

function assertCanManage(actor: ActingUser | null): void {
  if (!canManageUsers(actor)) throw new ForbiddenError();
}

export async function findUserDocument(id: string): Promise<UserDocument> {
  return findDocumentById(id, (valid) => UserModel.findById(valid));
}

export async function listUsers(actor: ActingUser | null, rawQuery: unknown): Promise<Page<UserRecord>> {
  assertCanManage(actor);
  const query = parseInput(userListQuerySchema, rawQuery);
  const filter: Record<string, unknown> = {};
  if (query.q) {
    const pattern = { $regex: escapeRegex(query.q), $options: 'i' };
    filter.$or = [{ name: pattern }, { email: pattern }, { nip: pattern }, { position: pattern }];
  }
  if (query.agency) filter.agency = { $eq: new mongoose.Types.ObjectId(query.agency) };
  if (query.role) filter.role = { $eq: query.role };
  if (query.active !== undefined) filter.active = { $eq: query.active };
  return fetchPage(
    query,
    (skip, limit) => UserModel.find(filter).sort({ name: 1 }).skip(skip).limit(limit),
    () => UserModel.countDocuments(filter),
    toUserRecord,
  );
}

export async function getUser(actor: ActingUser | null, id: string): Promise<UserRecord> {
  if (!canViewUser(actor, id)) throw new ForbiddenError();
  return toUserRecord(await findUserDocument(id));
}

/**
 * Schema and database checks together (active agency, unused email and NIP), so a form shows
 * every problem at once. Returns the parsed input, or null with `errors` filled.
 */
async function validateUser<T>(
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  raw: unknown,
  exceptId: string | null,
  errors: FieldErrors,
): Promise<T | null> {
  const input = collectInput(schema, raw, errors);
  const usedByOther = (owner: { _id: unknown } | null) => owner !== null && String(owner._id) !== exceptId;
  const agencyId = collectInput(userAgencySchema, raw, {})?.agency;
  if (agencyId) {
    const agency = await findAgencyById(agencyId);
    if (!agency || !agency.active) errors.agency = 'users:errors.agency_inactive';
  }
  const email = collectInput(userEmailSchema, raw, {})?.email;
  if (email && usedByOther(await UserModel.findOne({ email: { $eq: email } }, { _id: 1 }).lean())) {
    errors.email = 'users:errors.email_taken';
  }
  const nip = collectInput(userNipSchema, raw, {})?.nip;
  if (nip && usedByOther(await UserModel.findOne({ nip: { $eq: nip } }, { _id: 1 }).lean())) {
    errors.nip = 'users:errors.nip_taken';
  }
  return input;
}

/** Saves, reporting a race on the unique email index as the same field error as the check. */
async function saveUser(doc: UserDocument): Promise<UserRecord> {
  try {
    await doc.save();
  } catch (error) {
    if (isDuplicateKeyError(error)) throw new ValidationError({ email: 'users:errors.email_taken' });
    throw error;
  }
  return toUserRecord(doc);
}

/**
 * Creates an account without an acting user: for trusted callers only (the admin form after its
 * policy check, `npm run user:create`, the seed). Validates everything, hashes the password.
 */
export async function provisionUser(raw: unknown): Promise<UserRecord> {
  const errors: FieldErrors = {};
  const input = await validateUser(userCreateSchema, raw, null, errors);
  const { password: rawPassword, name, email } = bodyObject(raw);
  if (typeof rawPassword === 'string' && !errors.password) {
    const hints = [name, email].filter((v): v is string => typeof v === 'string');
    const weakness = checkPasswordStrength(rawPassword, hints);
    if (weakness) errors.password = weakness;
  }
  if (!input || Object.keys(errors).length > 0) throw new ValidationError(errors);
  const { password, ...fields } = input;
  const doc = new UserModel({ ...fields, passwordHash: await hashPassword(password), passwordChangedAt: new Date() });
  return saveUser(doc);
}

export async function createUser(actor: ActingUser | null, raw: unknown): Promise<UserRecord> {
  assertCanManage(actor);
  return provisionUser(raw);
}

export async function updateUser(actor: ActingUser | null, id: string, raw: unknown): Promise<UserRecord> {
  assertCanManage(actor);
  const doc = await findUserDocument(id);
  const errors: FieldErrors = {};
  const input = await validateUser(userUpdateSchema, raw, doc._id.toString(), errors);
  // Keeping one's own role is fine; changing it is not (see canChangeRole).
  if (input && input.role !== doc.role && !canChangeRole(actor, id)) errors.role = 'users:errors.own_role';
  if (!input || Object.keys(errors).length > 0) throw new ValidationError(errors);
  doc.set(input);
  return saveUser(doc);
}

export async function setUserActive(actor: ActingUser | null, id: string, active: boolean): Promise<UserRecord> {
  if (!canChangeActivation(actor, id)) throw new ForbiddenError();
  const doc = await findUserDocument(id);
  doc.active = active;
  if (active) {
    // A reactivated account starts with a clean sign-in record.
    doc.failedLogins = 0;
    doc.firstFailedLoginAt = null;
    doc.lockedUntil = null;
  }
  return saveUser(doc);
}

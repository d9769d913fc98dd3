/** Create, list, revoke and check personal API tokens. Each user manages only their own. */
import { createHash, randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { z } from 'zod';
import type { ActingUser } from '../acting-user.js';
import { ApiTokenModel } from './api-token.model.js';
import { ConflictError, NotFoundError } from '../../http/errors.js';
import { parseInput } from '../../http/validate.js';
import { findActingUserById } from '../../modules/users/user.lookup.js';

export const MAX_TOKENS_PER_USER = 10;
const TOKEN_PREFIX = 'st_';
/** lastUsedAt is refreshed at most this often, so busy clients do not write on every call. */
const LAST_USED_PRECISION_MS = 60_000;

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

const createSchema = z.object({ name: z.string().trim().min(1).max(80) });

function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function listApiTokens(actor: ActingUser): Promise<ApiTokenView[]> {
  const docs = await ApiTokenModel.find({ user: { $eq: actor.id } }).sort({ createdAt: -1 });
  return docs.map((doc) => ({ id: doc._id.toString(), name: doc.name, prefix: doc.prefix, createdAt: doc.createdAt, lastUsedAt: doc.lastUsedAt ?? null }));
}

/** Returns the token in clear text: the only moment it exists outside the client. */
export async function createApiToken(actor: ActingUser, input: unknown): Promise<{ token: string; name: string }> {
  const { name } = parseInput(createSchema, input);
  const count = await ApiTokenModel.countDocuments({ user: { $eq: actor.id } });
  if (count >= MAX_TOKENS_PER_USER) throw new ConflictError('auth:tokens.limit');
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  await ApiTokenModel.create({ user: actor.id, name, tokenHash: sha256(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) });
  return { token, name };
}

export async function revokeApiToken(actor: ActingUser, tokenId: string): Promise<void> {
  if (!mongoose.isValidObjectId(tokenId)) throw new NotFoundError();
  const result = await ApiTokenModel.deleteOne({ _id: { $eq: tokenId }, user: { $eq: actor.id } });
  if (result.deletedCount === 0) throw new NotFoundError();
}

/** The owner of a presented token, or null (unknown token, or owner deactivated/removed). */
export async function authenticateApiToken(token: string, now = new Date()): Promise<ActingUser | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const doc = await ApiTokenModel.findOne({ tokenHash: { $eq: sha256(token) } });
  if (!doc) return null;
  const user = await findActingUserById(doc.user.toString());
  if (!user) return null;
  if (!doc.lastUsedAt || now.getTime() - doc.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await ApiTokenModel.updateOne({ _id: doc._id }, { $set: { lastUsedAt: now } });
  }
  return user;
}

/** Filter pieces shared by the practice and lesson lists. */
import type mongoose from 'mongoose';
import { isAdmin, type ActingUser } from '../../auth/acting-user.js';
import { ForbiddenError } from '../../http/errors.js';
import { AgencyModel } from '../agencies/agency.model.js';
import { escapeRegex } from '../agencies/list-query.js';
import { visibleFilter } from './knowledge-policy.js';

export interface CommonListQuery {
  q: string;
  agency: string;
  province: string;
  topic: string;
  year: string;
  status: string;
}

/** Lists are for signed-in readers only. */
export function signedIn(actor: ActingUser | null): ActingUser {
  if (actor === null) throw new ForbiddenError();
  return actor;
}

async function agencyIdsInProvince(provinceCode: string): Promise<mongoose.Types.ObjectId[]> {
  const docs = await AgencyModel.find({ provinceCode: { $eq: provinceCode } }, { _id: 1 }).lean();
  return docs.map((d) => d._id);
}

/** [start, end) of a calendar year in UTC, matching how date-only fields are stored. */
function yearRange(year: string): { $gte: Date; $lt: Date } {
  const y = Number(year);
  return { $gte: new Date(Date.UTC(y, 0, 1)), $lt: new Date(Date.UTC(y + 1, 0, 1)) };
}

/**
 * The mongo filter of a list: what the actor may see, then each filter given. `deleted` as status
 * lists soft-deleted records (admins only; for others it simply matches nothing).
 */
export async function commonListFilter(
  actor: ActingUser,
  query: CommonListQuery,
  fields: { agency: string; date: string; text: string[] },
): Promise<Record<string, unknown>> {
  const parts: Record<string, unknown>[] = [visibleFilter(actor, fields.agency)];
  if (query.status === 'deleted') parts.push(isAdmin(actor) ? { deletedAt: { $ne: null } } : { _id: null });
  else {
    parts.push({ deletedAt: null });
    if (query.status) parts.push({ status: { $eq: query.status } });
  }
  if (query.q) {
    const pattern = { $regex: escapeRegex(query.q), $options: 'i' };
    parts.push({ $or: fields.text.map((field) => ({ [field]: pattern })) });
  }
  if (query.agency) parts.push({ [fields.agency]: { $eq: query.agency } });
  if (query.province) parts.push({ [fields.agency]: { $in: await agencyIdsInProvince(query.province) } });
  if (query.topic) parts.push({ topics: { $eq: query.topic } });
  if (query.year) parts.push({ [fields.date]: yearRange(query.year) });
  return { $and: parts };
}

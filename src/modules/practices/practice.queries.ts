/** Read-only practice lists: the catalogue, the visit form's picker, an agency's practices, lineage. */
import mongoose from 'mongoose';
import type { ActingUser } from '../../auth/acting-user.js';
import { parseInput } from '../../http/validate.js';
import { agencyShortNames } from '../agencies/agency.lookup.js';
import { escapeRegex, fetchPage, type Page } from '../agencies/list-query.js';
import { commonListFilter, signedIn } from './knowledge-list.js';
import { visibleFilter } from './knowledge-policy.js';
import { mostReplicatedPage } from './most-replicated-list.js';
import { PracticeModel } from './practice.model.js';
import { toPracticeRecord, type PracticeRecord } from './practice.record.js';
import { practiceListQuerySchema, type PracticeSort } from './practice.schemas.js';

const SORTS: Record<Exclude<PracticeSort, 'replicated'> | '', Record<string, 1 | -1>> = {
  '': { createdAt: -1, _id: -1 },
  newest: { createdAt: -1, _id: -1 },
  oldest: { createdAt: 1, _id: 1 },
  name: { nameKey: 1, _id: 1 },
  start_date: { startDate: -1, _id: -1 },
};

/** Visible, not deleted practices of the actor. */
function readable(actor: ActingUser): Record<string, unknown> {
  return { $and: [visibleFilter(actor, 'ownerAgencyId'), { deletedAt: null }] };
}

export async function listPractices(actor: ActingUser | null, rawQuery: unknown): Promise<Page<PracticeRecord>> {
  const reader = signedIn(actor);
  const query = parseInput(practiceListQuerySchema, rawQuery);
  const filter = await commonListFilter(reader, query, { agency: 'ownerAgencyId', date: 'startDate', text: ['name', 'shortDescription', 'tags', 'channel'] });
  if (query.stage) (filter.$and as unknown[]).push({ stage: { $eq: query.stage } });
  const sort = query.sort;
  if (sort === 'replicated') return mostReplicatedPage(query, filter);
  return fetchPage(
    query,
    (skip, limit) => PracticeModel.find(filter).sort(SORTS[sort]).skip(skip).limit(limit),
    () => PracticeModel.countDocuments(filter),
    toPracticeRecord,
  );
}

export interface PracticeSummary {
  id: string;
  name: string;
  ownerAgencyId: string;
  ownerAgencyName: string;
  status: string;
}

async function summaries(docs: { _id: unknown; name: string; ownerAgencyId: unknown; status: string }[]): Promise<PracticeSummary[]> {
  const names = await agencyShortNames(docs.map((d) => String(d.ownerAgencyId)));
  return docs.map((d) => ({
    id: String(d._id),
    name: d.name,
    ownerAgencyId: String(d.ownerAgencyId),
    ownerAgencyName: names.get(String(d.ownerAgencyId)) ?? '',
    status: d.status,
  }));
}

const SUMMARY_FIELDS = { name: 1, ownerAgencyId: 1, status: 1 } as const;

/** For the visit form: up to 20 visible practices whose name matches, by name. */
export async function searchPracticesForPicker(actor: ActingUser | null, q: string): Promise<PracticeSummary[]> {
  const reader = signedIn(actor);
  const text = q.trim().slice(0, 100);
  const match = text ? { name: { $regex: escapeRegex(text), $options: 'i' } } : {};
  const docs = await PracticeModel.find({ $and: [readable(reader), match] }, SUMMARY_FIELDS).sort({ nameKey: 1 }).limit(20).lean();
  return summaries(docs);
}

/** Visible practices with these ids (a visit's practices); hidden or unknown ids are left out, order kept. */
export async function findPracticeSummaries(actor: ActingUser | null, ids: readonly string[]): Promise<PracticeSummary[]> {
  const reader = signedIn(actor);
  const valid = ids.filter((id) => mongoose.isValidObjectId(id));
  const docs = await PracticeModel.find({ $and: [readable(reader), { _id: { $in: valid } }] }, SUMMARY_FIELDS).lean();
  const found = await summaries(docs);
  const byId = new Map(found.map((s) => [s.id, s]));
  return valid.flatMap((id) => byId.get(id) ?? []);
}

/** An agency's visible practices, newest first (the agency page). */
export async function listPracticesByOwner(actor: ActingUser | null, agencyId: string): Promise<PracticeRecord[]> {
  const reader = signedIn(actor);
  if (!mongoose.isValidObjectId(agencyId)) return [];
  const docs = await PracticeModel.find({ $and: [readable(reader), { ownerAgencyId: { $eq: agencyId } }] }).sort({ createdAt: -1, _id: -1 });
  return docs.map(toPracticeRecord);
}

/** Visible practices adopted from this one (the other half of the lineage). */
export async function listAdoptionsOf(actor: ActingUser | null, practiceId: string): Promise<PracticeSummary[]> {
  const reader = signedIn(actor);
  if (!mongoose.isValidObjectId(practiceId)) return [];
  const docs = await PracticeModel.find({ $and: [readable(reader), { adoptedFromId: { $eq: practiceId } }] }, SUMMARY_FIELDS).sort({ nameKey: 1 }).lean();
  return summaries(docs);
}

/** Choices for "adopted from": every visible practice but the one being edited, by name. */
export async function adoptionSourceOptions(actor: ActingUser | null, exceptId: string | null): Promise<PracticeSummary[]> {
  const reader = signedIn(actor);
  const except = exceptId && mongoose.isValidObjectId(exceptId) ? { _id: { $ne: exceptId } } : {};
  const docs = await PracticeModel.find({ $and: [readable(reader), except] }, SUMMARY_FIELDS).sort({ nameKey: 1 }).limit(500).lean();
  return summaries(docs);
}

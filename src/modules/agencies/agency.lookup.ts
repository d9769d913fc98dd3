import mongoose from 'mongoose';
import { AgencyModel, normaliseAgencyName } from './agency.model.js';
import { toAgencyRecord, type AgencyRecord } from './agency.service.js';

/**
 * Read-only agency lookups for other modules (users, CLI, seeds). They carry no policy: callers
 * use them to validate references and label choices, not to expose agency management.
 */

export async function findAgencyById(id: string): Promise<AgencyRecord | null> {
  if (!mongoose.isValidObjectId(id)) return null;
  const doc = await AgencyModel.findById(id);
  return doc ? toAgencyRecord(doc) : null;
}

/** By id, official name or short name (case-insensitive), as typed on the command line. */
export async function findAgencyByReference(reference: string): Promise<AgencyRecord | null> {
  const byId = await findAgencyById(reference);
  if (byId) return byId;
  const key = normaliseAgencyName(reference);
  const doc =
    (await AgencyModel.findOne({ nameKey: { $eq: key } })) ??
    (await AgencyModel.findOne({ searchKeys: { $eq: key } }).sort({ createdAt: 1 }));
  return doc ? toAgencyRecord(doc) : null;
}

export interface AgencyOption {
  id: string;
  label: string;
}

/** Agencies for a picker, sorted by short name: only active ones to assign, all of them to filter by. */
export async function agencyOptions(which: 'active' | 'all'): Promise<AgencyOption[]> {
  const filter = which === 'active' ? { active: true } : {};
  const docs = await AgencyModel.find(filter, { shortName: 1 }).sort({ shortName: 1 }).lean();
  return docs.map((d) => ({ id: d._id.toString(), label: d.shortName }));
}

/** Short names by id, for lists that show each row's agency. */
export async function agencyShortNames(ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)].filter((id) => mongoose.isValidObjectId(id));
  const docs = await AgencyModel.find({ _id: { $in: unique } }, { shortName: 1 }).lean();
  return new Map(docs.map((d) => [d._id.toString(), d.shortName]));
}

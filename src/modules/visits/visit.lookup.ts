/**
 * Visit facts for other modules (practices, lessons, attachments): each answer already applies
 * the visit policy for the given actor, so callers cannot leak a draft by accident.
 */
import mongoose from 'mongoose';
import type { ActingUser } from '../../auth/acting-user.js';
import { loadVisitAgencies } from './visit-agencies.js';
import { VisitModel } from './visit.model.js';
import { canEditVisit, canReadVisit, visibleVisitsFilter } from './visit.policy.js';
import { accessFacts, toVisitRecord } from './visit.record.js';

export const VISITS_PATH = '/kunjungan';

export function visitPageUrl(id: string): string {
  return `${VISITS_PATH}/${id}`;
}

async function facts(id: string) {
  const doc = mongoose.isValidObjectId(id) ? await VisitModel.findById(id) : null;
  return doc ? accessFacts(toVisitRecord(doc)) : null;
}

export async function canReadVisitById(actor: ActingUser | null, id: string): Promise<boolean> {
  const found = await facts(id);
  return found !== null && canReadVisit(actor, found);
}

export async function canEditVisitById(actor: ActingUser | null, id: string): Promise<boolean> {
  const found = await facts(id);
  return found !== null && canEditVisit(actor, found);
}

export interface VisitSummary {
  id: string;
  /** "Diskominfo Kota Solok → Diskominfo Kota Padang Panjang" */
  label: string;
  startDate: Date;
  url: string;
}

/** Short descriptions of the visits the actor may read, among `ids`, newest first. */
export async function findVisitSummaries(actor: ActingUser, ids: readonly string[]): Promise<VisitSummary[]> {
  const valid = ids.filter((id) => mongoose.isValidObjectId(id));
  if (valid.length === 0) return [];
  const docs = await VisitModel.find({ $and: [visibleVisitsFilter(actor), { _id: { $in: valid } }] }).sort({ startDate: -1 });
  const visits = docs.map(toVisitRecord);
  const agencies = await loadVisitAgencies(visits.flatMap((v) => v.agencyIds));
  const names = (list: string[]) => list.map((id) => agencies.get(id)?.shortName ?? '?').join(', ');
  return visits.map((v) => ({ id: v.id, label: `${names(v.visitingAgencyIds)} → ${names(v.hostAgencyIds)}`, startDate: v.startDate, url: visitPageUrl(v.id) }));
}

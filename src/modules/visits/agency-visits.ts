/**
 * Both sides of an agency: the visits it sent and received, grouped by the agency on the other
 * side, so repeat visits between the same two offices (Solok → Padang Panjang, 31 May and 18 July
 * 2022) read as one relationship. A visit with several hosts appears under each of them.
 */
import type { ActingUser } from '../../auth/acting-user.js';
import { VisitModel } from './visit.model.js';
import { visibleVisitsFilter } from './visit.policy.js';
import { toVisitRecord, type VisitRecord } from './visit.record.js';

export interface CounterpartGroup {
  counterpartId: string;
  /** Oldest first, so a follow-up reads after the first visit. */
  visits: VisitRecord[];
}

export interface AgencyVisits {
  sent: CounterpartGroup[];
  received: CounterpartGroup[];
  /** Every visit involved, for loading names once. */
  all: VisitRecord[];
}

function groupBy(visits: VisitRecord[], counterparts: (v: VisitRecord) => string[]): CounterpartGroup[] {
  const groups = new Map<string, VisitRecord[]>();
  for (const visit of visits) {
    for (const id of new Set(counterparts(visit))) groups.set(id, [...(groups.get(id) ?? []), visit]);
  }
  const latest = (g: CounterpartGroup) => g.visits[g.visits.length - 1]?.startDate.getTime() ?? 0;
  return [...groups.entries()]
    .map(([counterpartId, list]) => ({ counterpartId, visits: list }))
    .sort((a, b) => latest(b) - latest(a) || b.visits.length - a.visits.length);
}

export async function visitsOfAgency(actor: ActingUser, agencyId: string): Promise<AgencyVisits> {
  const docs = await VisitModel.find({ $and: [visibleVisitsFilter(actor), { agencyIds: { $eq: agencyId } }] }).sort({ startDate: 1, _id: 1 });
  const all = docs.map(toVisitRecord);
  const others = (ids: string[]) => ids.filter((id) => id !== agencyId);
  return {
    sent: groupBy(all.filter((v) => v.visitingAgencyIds.includes(agencyId)), (v) => others(v.hostAgencyIds)),
    received: groupBy(all.filter((v) => v.hostAgencyIds.includes(agencyId)), (v) => others(v.visitingAgencyIds)),
    all,
  };
}

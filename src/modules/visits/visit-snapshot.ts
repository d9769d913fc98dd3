/**
 * The readable form of a visit that revisions store: agencies by short name, topics and practices by name, and
 * dates as calendar days, so the history reads "Diskominfo Kota Solok" rather than an id even after
 * agencies are renamed.
 */
import type { VisitAgency } from './visit-agencies.js';
import type { VisitRecord } from './visit.record.js';

export function calendarDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export interface SnapshotNames {
  agencies: Map<string, VisitAgency>;
  /** Practice names by id (ids the reader may not see stay ids). */
  practices: Map<string, string>;
  /** Topic names by code (Indonesian, as the record's language). */
  topics: Map<string, string>;
}

export function visitSnapshot(visit: VisitRecord, { agencies, practices, topics }: SnapshotNames): Record<string, unknown> {
  const name = (id: string | null) => (id ? (agencies.get(id)?.shortName ?? id) : '');
  return {
    visitingAgencyIds: visit.visitingAgencyIds.map(name),
    hostAgencyIds: visit.hostAgencyIds.map(name),
    startDate: calendarDay(visit.startDate),
    endDate: calendarDay(visit.endDate),
    place: visit.place,
    purpose: visit.purpose,
    topics: visit.topics.map((code) => topics.get(code) ?? code),
    tags: visit.tags,
    delegation: visit.delegation.map((p) => ({ name: p.name, position: p.position, agency: name(p.agencyId) })),
    hostOfficials: visit.hostOfficials,
    summary: visit.summary,
    agenda: visit.agenda,
    sources: visit.sources,
    practiceIds: visit.practiceIds.map((id) => practices.get(id) ?? id),
    status: visit.status,
  };
}

/** Every agency id a visit mentions (to load names once). */
export function mentionedAgencyIds(...visits: (VisitRecord | null)[]): string[] {
  return visits.flatMap((v) => (v ? [...v.agencyIds, ...v.delegation.map((p) => p.agencyId).filter((id): id is string => id !== null)] : []));
}

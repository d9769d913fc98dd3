import type { VisitDocument, VisitStatus } from './visit.model.js';
import type { VisitAccessFacts } from './visit.policy.js';

/** Plain visit data handed to presenters and other modules (never a mongoose document). */
export interface VisitRecord {
  id: string;
  visitingAgencyIds: string[];
  hostAgencyIds: string[];
  agencyIds: string[];
  provinceCodes: string[];
  startDate: Date;
  endDate: Date;
  year: number;
  place: string;
  purpose: string;
  topics: string[];
  tags: string[];
  delegation: { name: string; position: string; agencyId: string | null }[];
  hostOfficials: { name: string; position: string }[];
  summary: string;
  agenda: string;
  sources: { url: string; title: string }[];
  practiceIds: string[];
  status: VisitStatus;
  createdBy: string | null;
  updatedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

const idString = (id: { toString(): string } | null | undefined) => (id ? id.toString() : null);

export function toVisitRecord(doc: VisitDocument): VisitRecord {
  return {
    id: doc._id.toString(),
    visitingAgencyIds: doc.visitingAgencyIds.map(String),
    hostAgencyIds: doc.hostAgencyIds.map(String),
    agencyIds: doc.agencyIds.map(String),
    provinceCodes: [...doc.provinceCodes],
    startDate: doc.startDate,
    endDate: doc.endDate,
    year: doc.year,
    place: doc.place ?? '',
    purpose: doc.purpose ?? '',
    topics: [...doc.topics],
    tags: [...doc.tags],
    delegation: doc.delegation.map((p) => ({ name: p.name, position: p.position ?? '', agencyId: idString(p.agencyId) })),
    hostOfficials: doc.hostOfficials.map((p) => ({ name: p.name, position: p.position ?? '' })),
    summary: doc.summary ?? '',
    agenda: doc.agenda ?? '',
    sources: doc.sources.map((s) => ({ url: s.url, title: s.title ?? '' })),
    practiceIds: doc.practiceIds.map(String),
    status: doc.status as VisitStatus,
    createdBy: idString(doc.createdBy),
    updatedBy: idString(doc.updatedBy),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    deletedAt: doc.deletedAt ?? null,
  };
}

export function accessFacts(visit: Pick<VisitRecord, 'agencyIds' | 'status' | 'deletedAt'>): VisitAccessFacts {
  return { agencyIds: visit.agencyIds, status: visit.status, deleted: visit.deletedAt !== null };
}

import { dateOnlyString } from './knowledge-fields.js';
import type { KnowledgeStatus, PracticeCategory, PracticeDocument, PracticeStage } from './practice.model.js';
import type { PracticeInput } from './practice.schemas.js';

export interface EvidenceEntry {
  date: Date;
  label: string;
  value: string;
}

export interface PracticeContact {
  name: string;
  position: string;
  email: string;
  phone: string;
}

/** Plain practice data handed to presenters and other modules (never a mongoose document). */
export interface PracticeRecord {
  id: string;
  ownerAgencyId: string;
  name: string;
  shortDescription: string;
  description: string;
  category: PracticeCategory;
  topics: string[];
  tags: string[];
  channel: string;
  stage: PracticeStage;
  startDate: Date | null;
  digital: boolean;
  evidence: EvidenceEntry[];
  contact: PracticeContact;
  adoptedFromId: string | null;
  status: KnowledgeStatus;
  createdBy: string | null;
  updatedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

export function toPracticeRecord(doc: PracticeDocument): PracticeRecord {
  return {
    id: doc._id.toString(),
    ownerAgencyId: doc.ownerAgencyId.toString(),
    name: doc.name,
    shortDescription: doc.shortDescription,
    description: doc.description ?? '',
    category: doc.category as PracticeCategory,
    topics: [...doc.topics],
    tags: [...doc.tags],
    channel: doc.channel ?? '',
    stage: doc.stage as PracticeStage,
    startDate: doc.startDate ?? null,
    digital: doc.digital ?? false,
    evidence: doc.evidence.map((e) => ({ date: e.date, label: e.label, value: e.value ?? '' })),
    contact: {
      name: doc.contact?.name ?? '',
      position: doc.contact?.position ?? '',
      email: doc.contact?.email ?? '',
      phone: doc.contact?.phone ?? '',
    },
    adoptedFromId: doc.adoptedFromId?.toString() ?? null,
    status: doc.status as KnowledgeStatus,
    createdBy: doc.createdBy?.toString() ?? null,
    updatedBy: doc.updatedBy?.toString() ?? null,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    deletedAt: doc.deletedAt ?? null,
  };
}

/** The editable fields of a stored practice, in the input shape (PATCH merges onto this; revisions diff it). */
export function practiceInputOf(record: PracticeRecord): PracticeInput {
  const { ownerAgencyId, name, shortDescription, description, category, topics, tags, channel, stage, startDate, digital, evidence, contact, adoptedFromId, status } = record;
  return { ownerAgencyId, name, shortDescription, description, category, topics, tags, channel, stage, startDate, digital, evidence, contact, adoptedFromId, status };
}

/** What a revision stores: the input fields with dates as calendar days, so the history reads "2022-05-31". */
export function practiceRevisionSnapshot(record: PracticeRecord): Record<string, unknown> {
  const input = practiceInputOf(record);
  return { ...input, startDate: dateOnlyString(input.startDate), evidence: input.evidence.map((e) => ({ ...e, date: dateOnlyString(e.date) })) };
}

/** For the policy: whose record it is and whether it is visible at all. */
export function practiceOwnership(record: PracticeRecord) {
  return { agencyId: record.ownerAgencyId, status: record.status, deletedAt: record.deletedAt };
}

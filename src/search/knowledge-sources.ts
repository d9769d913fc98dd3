/**
 * Where each indexed type lives in MongoDB and how its record reads as search text. The search
 * room reads the knowledge models directly (it is a data consumer, like seeds): the sync worker
 * and the reindex must see every record, whatever any user may see.
 */
import type { Model } from 'mongoose';
import { LessonModel } from '../modules/lessons/lesson.model.js';
import { PracticeModel } from '../modules/practices/practice.model.js';
import { VisitModel } from '../modules/visits/visit.model.js';
import { contactPersonOf, namesContact, type ContactPerson } from './contact-person.js';
import type { KnowledgeType } from './knowledge-index.js';

/** A record as read with .lean(): only the fields the search needs are typed. */
export type StoredRecord = Record<string, unknown> & { _id: { toString(): string }; status?: string; deletedAt?: Date | null; updatedAt?: Date; createdAt?: Date };

/** The type-specific part of a search document; agencies, topics and regions are resolved later. */
export interface RecordText {
  title: (names: Map<string, string>) => string;
  summary: string;
  body: string[];
  tags: string[];
  topics: string[];
  agencyIds: string[];
  /** The agencies visited: a visit's hosts; none for other records (a lesson's come from its visit). */
  hostAgencyIds: string[];
  /** The record's own date (visit start, practice start, lesson observed); null when it has none. */
  date: Date | null;
  stage: string | null;
  /** Whether a practice is a digital innovation (the innovation index's digital or non-digital); null for other records. */
  digital: boolean | null;
  /** Whether a practice names its contact person (contact-person.ts); false for other records. */
  namesContact: boolean;
  /** A practice's contact person by name, shown on its hit; null for other records. */
  contactPerson: ContactPerson | null;
}

/** The records a record links to, whose names its search document carries (linked-records.ts). */
export interface RecordLinks {
  practiceIds: string[];
  visitIds: string[];
}

/** Linked records are practices and visits. */
export type LinkedType = 'practice' | 'visit';

export interface KnowledgeSource {
  type: KnowledgeType;
  model: Model<Record<string, unknown>>;
  pagePath: string;
  /** The stored field naming the agencies whose names the search document shows. */
  agencyField: string;
  /** The stored fields holding the ids of the records it links to (an id or a list), by their type. */
  linkFields: Partial<Record<LinkedType, string>>;
  read(record: StoredRecord): RecordText;
}

const ids = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const texts = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const dateOf = (value: unknown): Date | null => (value instanceof Date ? value : null);
const people = (value: unknown): string[] =>
  Array.isArray(value) ? value.map((p: { name?: unknown; position?: unknown }) => `${text(p.name)} ${text(p.position)}`.trim()) : [];

/** "Diskominfo Kota Solok → Diskominfo Kota Padang Panjang": visiting agencies → hosts, by short name. */
export function visitTitle(visiting: string[], hosts: string[], names: Map<string, string>): string {
  const list = (agencyIds: string[]) => agencyIds.map((id) => names.get(id) ?? '').join(', ');
  return `${list(visiting)} → ${list(hosts)}`;
}

const visitSource: KnowledgeSource = {
  type: 'visit',
  model: VisitModel as unknown as Model<Record<string, unknown>>,
  pagePath: '/kunjungan',
  agencyField: 'agencyIds',
  // The practices shown during the visit.
  linkFields: { practice: 'practiceIds' },
  read(r) {
    const visiting = ids(r.visitingAgencyIds);
    const hosts = ids(r.hostAgencyIds);
    return {
      title: (names) => visitTitle(visiting, hosts, names),
      summary: text(r.purpose),
      body: [text(r.summary), text(r.agenda), text(r.place), ...people(r.delegation), ...people(r.hostOfficials)],
      tags: texts(r.tags),
      topics: texts(r.topics),
      agencyIds: [...new Set([...visiting, ...hosts])],
      hostAgencyIds: hosts,
      date: dateOf(r.startDate),
      stage: null,
      digital: null,
      namesContact: false,
      contactPerson: null,
    };
  },
};

const practiceSource: KnowledgeSource = {
  type: 'practice',
  model: PracticeModel as unknown as Model<Record<string, unknown>>,
  pagePath: '/praktik',
  agencyField: 'ownerAgencyId',
  // The practice it replicates.
  linkFields: { practice: 'adoptedFromId' },
  read(r) {
    const evidence = Array.isArray(r.evidence) ? r.evidence.map((e: { label?: unknown; value?: unknown }) => `${text(e.label)} ${text(e.value)}`) : [];
    return {
      title: () => text(r.name),
      summary: text(r.shortDescription),
      // The contact person is searched by name as a visit's people are; their email and phone are not.
      body: [text(r.description), text(r.channel), ...evidence, ...people(r.contact ? [r.contact] : [])],
      tags: texts(r.tags),
      topics: texts(r.topics),
      agencyIds: ids(r.ownerAgencyId === undefined || r.ownerAgencyId === null ? [] : [r.ownerAgencyId]),
      hostAgencyIds: [],
      date: dateOf(r.startDate),
      stage: text(r.stage) || null,
      digital: r.digital === true,
      namesContact: namesContact(r.contact),
      contactPerson: contactPersonOf(r.contact),
    };
  },
};

const lessonSource: KnowledgeSource = {
  type: 'lesson',
  model: LessonModel as unknown as Model<Record<string, unknown>>,
  pagePath: '/pelajaran',
  agencyField: 'recorderAgencyId',
  // The practices it is about, the visit it was learned on.
  linkFields: { practice: 'practiceIds', visit: 'visitId' },
  read(r) {
    return {
      title: () => text(r.title),
      summary: text(r.lesson),
      body: [text(r.observation), text(r.recommendation), text(r.appliesTo)],
      tags: texts(r.tags),
      topics: texts(r.topics),
      agencyIds: ids(r.recorderAgencyId === undefined || r.recorderAgencyId === null ? [] : [r.recorderAgencyId]),
      hostAgencyIds: [],
      date: dateOf(r.observedOn),
      stage: null,
      digital: null,
      namesContact: false,
      contactPerson: null,
    };
  },
};

export const KNOWLEDGE_SOURCES: readonly KnowledgeSource[] = [visitSource, practiceSource, lessonSource];

/** The ids in a link field: a list, one id, or none. */
function linkedIds(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return value === null || value === undefined ? [] : [String(value)];
}

export function linksOf(source: KnowledgeSource, record: StoredRecord): RecordLinks {
  const { practice, visit } = source.linkFields;
  return { practiceIds: practice ? linkedIds(record[practice]) : [], visitIds: visit ? linkedIds(record[visit]) : [] };
}

export function sourceOf(type: KnowledgeType): KnowledgeSource {
  const source = KNOWLEDGE_SOURCES.find((s) => s.type === type);
  if (!source) throw new Error(`unknown knowledge type ${type}`);
  return source;
}

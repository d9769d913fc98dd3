import { dateOnlyString } from '../practices/knowledge-fields.js';
import type { KnowledgeStatus } from '../practices/practice.model.js';
import type { LessonDocument } from './lesson.model.js';
import type { LessonInput } from './lesson.schemas.js';

/** Plain lesson data handed to presenters and other modules (never a mongoose document). */
export interface LessonRecord {
  id: string;
  title: string;
  observation: string;
  lesson: string;
  recommendation: string;
  appliesTo: string;
  visitId: string | null;
  practiceIds: string[];
  topics: string[];
  tags: string[];
  observedOn: Date | null;
  recorderAgencyId: string;
  recordedById: string | null;
  recordedByName: string;
  status: KnowledgeStatus;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

export function toLessonRecord(doc: LessonDocument): LessonRecord {
  return {
    id: doc._id.toString(),
    title: doc.title,
    observation: doc.observation,
    lesson: doc.lesson,
    recommendation: doc.recommendation ?? '',
    appliesTo: doc.appliesTo ?? '',
    visitId: doc.visitId?.toString() ?? null,
    practiceIds: doc.practiceIds.map((id) => id.toString()),
    topics: [...doc.topics],
    tags: [...doc.tags],
    observedOn: doc.observedOn ?? null,
    recorderAgencyId: doc.recorderAgencyId.toString(),
    recordedById: doc.recordedById?.toString() ?? null,
    recordedByName: doc.recordedByName ?? '',
    status: doc.status as KnowledgeStatus,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    deletedAt: doc.deletedAt ?? null,
  };
}

/** The editable fields in the input shape (PATCH merges onto this; revisions diff it). */
export function lessonInputOf(r: LessonRecord): LessonInput {
  const { title, observation, lesson, recommendation, appliesTo, visitId, practiceIds, topics, tags, observedOn, recorderAgencyId, status } = r;
  return { title, observation, lesson, recommendation, appliesTo, visitId, practiceIds, topics, tags, observedOn, recorderAgencyId, status };
}

/** What a revision stores: the input fields with the date as a calendar day. */
export function lessonRevisionSnapshot(r: LessonRecord): Record<string, unknown> {
  return { ...lessonInputOf(r), observedOn: dateOnlyString(r.observedOn) };
}

export function lessonOwnership(r: LessonRecord) {
  return { agencyId: r.recorderAgencyId, status: r.status, deletedAt: r.deletedAt };
}

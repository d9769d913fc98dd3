/** Read-only lesson lists: the catalogue, a visit's lessons, an agency's, a practice's. */
import mongoose from 'mongoose';
import type { ActingUser } from '../../auth/acting-user.js';
import { parseInput } from '../../http/validate.js';
import { fetchPage, type Page } from '../agencies/list-query.js';
import { commonListFilter, signedIn } from '../practices/knowledge-list.js';
import { visibleFilter } from '../practices/knowledge-policy.js';
import { LessonModel } from './lesson.model.js';
import { toLessonRecord, type LessonRecord } from './lesson.record.js';
import { lessonListQuerySchema, type LessonSort } from './lesson.schemas.js';

const SORTS: Record<LessonSort | '', Record<string, 1 | -1>> = {
  '': { createdAt: -1, _id: -1 },
  newest: { createdAt: -1, _id: -1 },
  oldest: { createdAt: 1, _id: 1 },
  title: { title: 1, _id: 1 },
  observed: { observedOn: -1, _id: -1 },
};

export async function listLessons(actor: ActingUser | null, rawQuery: unknown): Promise<Page<LessonRecord>> {
  const reader = signedIn(actor);
  const query = parseInput(lessonListQuerySchema, rawQuery);
  const filter = await commonListFilter(reader, query, {
    agency: 'recorderAgencyId',
    date: 'observedOn',
    text: ['title', 'observation', 'lesson', 'recommendation', 'appliesTo', 'tags'],
  });
  return fetchPage(
    query,
    (skip, limit) => LessonModel.find(filter).sort(SORTS[query.sort]).skip(skip).limit(limit),
    () => LessonModel.countDocuments(filter),
    toLessonRecord,
  );
}

/** Visible, not deleted lessons matching `match`, newest first. */
async function visibleLessons(actor: ActingUser | null, match: Record<string, unknown>): Promise<LessonRecord[]> {
  const reader = signedIn(actor);
  const docs = await LessonModel.find({ $and: [visibleFilter(reader, 'recorderAgencyId'), { deletedAt: null }, match] }).sort({ createdAt: -1, _id: -1 });
  return docs.map(toLessonRecord);
}

export async function listLessonsByVisit(actor: ActingUser | null, visitId: string): Promise<LessonRecord[]> {
  if (!mongoose.isValidObjectId(visitId)) return [];
  return visibleLessons(actor, { visitId: { $eq: visitId } });
}

/** Lessons recorded by users of this agency. */
export async function listLessonsByAgency(actor: ActingUser | null, agencyId: string): Promise<LessonRecord[]> {
  if (!mongoose.isValidObjectId(agencyId)) return [];
  return visibleLessons(actor, { recorderAgencyId: { $eq: agencyId } });
}

export async function listLessonsByPractice(actor: ActingUser | null, practiceId: string): Promise<LessonRecord[]> {
  if (!mongoose.isValidObjectId(practiceId)) return [];
  return visibleLessons(actor, { practiceIds: { $eq: practiceId } });
}

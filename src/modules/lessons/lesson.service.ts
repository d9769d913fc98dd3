import mongoose from 'mongoose';
import { isAdmin, type ActingUser } from '../../auth/acting-user.js';
import { ForbiddenError, ValidationError, type FieldErrors } from '../../http/errors.js';
import { findAgencyById } from '../agencies/agency.lookup.js';
import { bodyObject, collectInput } from '../agencies/schema-kit.js';
import { recordRevision } from '../history/revision.service.js';
import { assertCanRestore } from '../history/soft-delete.js';
import { checkTopics } from '../practices/knowledge-checks.js';
import { knowledgeAccess } from '../practices/knowledge-access.js';
import { purgeRecord, restoreRecord, softDeleteRecord } from '../practices/knowledge-lifecycle.js';
import { canCreateKnowledge, canEditKnowledge } from '../practices/knowledge-policy.js';
import { checkLessonLinks } from './lesson-links.js';
import { LessonModel, type LessonDocument } from './lesson.model.js';
import { lessonInputOf, lessonOwnership, lessonRevisionSnapshot, toLessonRecord, type LessonRecord } from './lesson.record.js';
import { lessonInputSchema, lessonLinksSchema, type LessonInput } from './lesson.schemas.js';

const lessonAccess = knowledgeAccess<LessonDocument>({
  findById: (id) => LessonModel.findById(id),
  ownership: (doc) => lessonOwnership(toLessonRecord(doc)),
});

export async function getLesson(actor: ActingUser | null, id: string): Promise<LessonRecord> {
  return toLessonRecord(await lessonAccess.readable(actor, id));
}

/** The lesson for its edit form: readable and editable by the actor. */
export async function getLessonForEdit(actor: ActingUser | null, id: string): Promise<LessonRecord> {
  return toLessonRecord(await lessonAccess.editable(actor, id));
}

export function canEditLesson(actor: ActingUser | null, lesson: LessonRecord): boolean {
  return canEditKnowledge(actor, lessonOwnership(lesson));
}

async function checkReferences(actor: ActingUser | null, input: LessonInput, self: LessonDocument, errors: FieldErrors): Promise<void> {
  if (!(await findAgencyById(input.recorderAgencyId))) errors.recorderAgencyId = 'lessons:errors.recorder_agency_unknown';
  else if (actor && !isAdmin(actor) && input.recorderAgencyId !== actor.agencyId) errors.recorderAgencyId = 'lessons:errors.recorder_agency_not_yours';
  await checkTopics(input.topics, self.isNew ? [] : self.topics, errors);
}

/** Who recorded it: set once, when the lesson is created. */
interface Recorder {
  id: string | null;
  name: string;
}

async function applyInput(actor: ActingUser | null, doc: LessonDocument, raw: unknown, recorder?: Recorder): Promise<LessonRecord> {
  const errors: FieldErrors = {};
  const input = collectInput(lessonInputSchema, raw, errors);
  if (input) await checkReferences(actor, input, doc, errors);
  // The visit and practices are checked even when other fields fail, so the form shows every problem.
  const links = collectInput(lessonLinksSchema, raw, {});
  const visit = links ? await checkLessonLinks(actor, links, errors) : null;
  if (!input || Object.keys(errors).length > 0) throw new ValidationError(errors);
  const before = doc.isNew ? null : lessonRevisionSnapshot(toLessonRecord(doc));
  // Without a date of its own, a lesson from a visit is dated by the visit's first day (the year filter).
  doc.set({ ...input, observedOn: input.observedOn ?? visit?.startDate ?? null, updatedBy: actor?.id ?? null });
  if (recorder) doc.set({ recordedById: recorder.id, recordedByName: recorder.name, createdBy: actor?.id ?? null });
  await doc.save();
  const record = toLessonRecord(doc);
  await recordRevision({ entityType: 'lesson', entityId: record.id, actor, before, after: lessonRevisionSnapshot(record) });
  return record;
}

/** Recorded by the actor, for the actor's agency (admins may name another recorder agency). */
export async function createLesson(actor: ActingUser | null, raw: unknown): Promise<LessonRecord> {
  if (!canCreateKnowledge(actor)) throw new ForbiddenError();
  const body = bodyObject(raw);
  const recorderAgencyId = body.recorderAgencyId === undefined || body.recorderAgencyId === '' ? actor.agencyId : body.recorderAgencyId;
  return applyInput(actor, new LessonModel(), { ...body, recorderAgencyId }, { id: actor.id, name: actor.name });
}

/** Full (form) or partial (API PATCH) update, validated as a whole. */
export async function updateLesson(actor: ActingUser | null, id: string, raw: unknown): Promise<LessonRecord> {
  const doc = await lessonAccess.editable(actor, id);
  return applyInput(actor, doc, { ...lessonInputOf(toLessonRecord(doc)), ...bodyObject(raw) });
}

export async function deleteLesson(actor: ActingUser | null, id: string): Promise<LessonRecord> {
  const doc = await lessonAccess.editable(actor, id);
  await softDeleteRecord('lesson', doc, actor as ActingUser);
  return toLessonRecord(doc);
}

export async function restoreLesson(actor: ActingUser | null, id: string): Promise<LessonRecord> {
  assertCanRestore(actor);
  const doc = await lessonAccess.find(id);
  await restoreRecord('lesson', doc, actor);
  return toLessonRecord(doc);
}

/** Deletes a lesson for good, with its attachments and history (admins only). */
export async function purgeLesson(actor: ActingUser | null, id: string): Promise<void> {
  assertCanRestore(actor);
  const doc = await lessonAccess.find(id);
  await purgeRecord('lesson', doc, () => LessonModel.deleteOne({ _id: doc._id }));
}

/**
 * Creates the lesson, or updates the one of the same recorder agency with the same title: the
 * knowledge seed's idempotent upsert. Trusted callers only.
 */
export async function provisionLesson(raw: unknown, recorder: Recorder): Promise<{ lesson: LessonRecord; created: boolean }> {
  const body = bodyObject(raw);
  const { recorderAgencyId, title } = body;
  const existing =
    typeof recorderAgencyId === 'string' && typeof title === 'string' && mongoose.isValidObjectId(recorderAgencyId)
      ? await LessonModel.findOne({ recorderAgencyId: { $eq: recorderAgencyId }, title: { $eq: title.trim() } })
      : null;
  const lesson = await applyInput(null, existing ?? new LessonModel(), body, recorder);
  return { lesson, created: existing === null };
}

import type { ActingUser } from '../../auth/acting-user.js';
import { ForbiddenError, NotFoundError } from '../../http/errors.js';
import { parseInput } from '../../http/validate.js';
import { bodyObject } from '../agencies/schema-kit.js';
import { fetchPage, type Page } from '../agencies/list-query.js';
import { deleteAttachmentsOf } from '../attachments/attachment.service.js';
import { deleteRevisionsOf, recordRevision } from '../history/revision.service.js';
import { restoreFields, softDeleteFields } from '../history/soft-delete.js';
import { findPracticeSummaries } from '../practices/practice.queries.js';
import { topicNames } from '../topics/topic.service.js';
import { loadVisitAgencies } from './visit-agencies.js';
import { checkVisitInput, createNewPractices } from './visit-input.js';
import { calendarDay, mentionedAgencyIds, visitSnapshot } from './visit-snapshot.js';
import { VisitModel, type VisitDocument } from './visit.model.js';
import { canEditVisit, canReadVisit, canRestoreVisit, canStartVisit, visibleVisitsFilter } from './visit.policy.js';
import { accessFacts, toVisitRecord, type VisitRecord } from './visit.record.js';
import { visitListQuerySchema, type VisitListQuery } from './visit.schemas.js';
import { findDocumentById } from '../agencies/find-document.js';

const SORTS: Record<VisitListQuery['sort'], Record<string, 1 | -1>> = {
  date_desc: { startDate: -1, _id: -1 },
  date_asc: { startDate: 1, _id: 1 },
  updated: { updatedAt: -1, _id: -1 },
};

export async function listVisits(actor: ActingUser | null, rawQuery: unknown): Promise<Page<VisitRecord>> {
  if (!actor) throw new ForbiddenError();
  const query = parseInput(visitListQuerySchema, rawQuery);
  const deletedOnly = query.deleted === 'only' && canRestoreVisit(actor);
  const conditions: Record<string, unknown>[] = [deletedOnly ? { deletedAt: { $ne: null } } : visibleVisitsFilter(actor)];
  if (query.agency) conditions.push({ agencyIds: { $eq: query.agency } });
  if (query.province) conditions.push({ provinceCodes: { $eq: query.province } });
  if (query.topic) conditions.push({ topics: { $eq: query.topic } });
  if (query.year) conditions.push({ year: { $eq: query.year } });
  if (query.status) conditions.push({ status: { $eq: query.status } });
  const filter = { $and: conditions };
  return fetchPage(
    query,
    (skip, limit) => VisitModel.find(filter).sort(SORTS[query.sort]).skip(skip).limit(limit),
    () => VisitModel.countDocuments(filter),
    toVisitRecord,
  );
}

async function findVisitDocument(id: string): Promise<VisitDocument> {
  return findDocumentById(id, (valid) => VisitModel.findById(valid));
}

/** A visit the actor may not see is reported as not found (drafts do not reveal they exist). */
async function findReadable(actor: ActingUser | null, id: string): Promise<VisitDocument> {
  const doc = await findVisitDocument(id);
  if (!canReadVisit(actor, accessFacts(toVisitRecord(doc)))) throw new NotFoundError();
  return doc;
}

export async function getVisit(actor: ActingUser | null, id: string): Promise<VisitRecord> {
  return toVisitRecord(await findReadable(actor, id));
}

async function findEditable(actor: ActingUser | null, id: string): Promise<{ doc: VisitDocument; editor: ActingUser }> {
  const doc = await findReadable(actor, id);
  if (!actor || !canEditVisit(actor, accessFacts(toVisitRecord(doc)))) throw new ForbiddenError();
  return { doc, editor: actor };
}

/** Validates a complete field set (every problem at once) and writes it to `doc`. */
async function applyInput(actor: ActingUser, authorId: string | null, doc: VisitDocument, raw: unknown): Promise<VisitRecord> {
  const stored = doc.isNew ? { topics: [], practiceIds: [] } : { topics: [...doc.topics], practiceIds: doc.practiceIds.map(String) };
  const { input, newPractices } = await checkVisitInput(actor, raw, stored);
  const createdPracticeIds = await createNewPractices(actor, newPractices);
  const agencyIds = [...new Set([...input.visitingAgencyIds, ...input.hostAgencyIds])];
  const agencies = await loadVisitAgencies(agencyIds);
  const provinceCodes = [...new Set([...agencies.values()].map((a) => a.provinceCode).filter((c): c is string => c !== null))];
  doc.set({
    ...input,
    practiceIds: [...new Set([...input.practiceIds, ...createdPracticeIds])],
    agencyIds,
    provinceCodes,
    year: input.startDate.getUTCFullYear(),
    updatedBy: authorId,
  });
  if (doc.isNew) doc.set({ createdBy: authorId });
  await doc.save();
  return toVisitRecord(doc);
}

/** `reader` decides which practice names the snapshot may show; `author` is who the revision names. */
async function recordVisitRevision(reader: ActingUser, author: ActingUser | null, before: VisitRecord | null, after: VisitRecord, action?: 'delete' | 'restore'): Promise<void> {
  const [agencies, practices, topics] = await Promise.all([
    loadVisitAgencies(mentionedAgencyIds(before, after)),
    findPracticeSummaries(reader, [...(before?.practiceIds ?? []), ...after.practiceIds]),
    topicNames('id'),
  ]);
  const names = { agencies, practices: new Map(practices.map((p) => [p.id, p.name])), topics };
  await recordRevision({
    entityType: 'visit',
    entityId: after.id,
    actor: author,
    before: before ? visitSnapshot(before, names) : null,
    after: visitSnapshot(after, names),
    action,
  });
}

export async function createVisit(actor: ActingUser | null, raw: unknown): Promise<VisitRecord> {
  if (!actor || !canStartVisit(actor)) throw new ForbiddenError();
  return saveVisitAs(actor, actor, new VisitModel(), raw);
}

/**
 * Validates `raw` as `checker` may write it and saves it into `doc` (new or stored), keeping a
 * revision attributed to `author` (null: the system, e.g. the seed).
 */
export async function saveVisitAs(checker: ActingUser, author: ActingUser | null, doc: VisitDocument, raw: unknown): Promise<VisitRecord> {
  const before = doc.isNew ? null : toVisitRecord(doc);
  const after = await applyInput(checker, author?.id ?? null, doc, before ? { ...inputFields(before), ...bodyObject(raw) } : raw);
  await recordVisitRevision(checker, author, before, after);
  return after;
}

/** The stored fields in input shape, so a PATCH can send only what changes. */
function inputFields(visit: VisitRecord): Record<string, unknown> {
  const { visitingAgencyIds, hostAgencyIds, place, purpose, topics, tags, delegation, hostOfficials, summary, agenda, sources, practiceIds, status } = visit;
  return { visitingAgencyIds, hostAgencyIds, startDate: calendarDay(visit.startDate), endDate: calendarDay(visit.endDate), place, purpose, topics, tags, delegation, hostOfficials, summary, agenda, sources, practiceIds, status };
}

/** Full (form) or partial (API PATCH) update; the result is validated as a whole. */
export async function updateVisit(actor: ActingUser | null, id: string, raw: unknown): Promise<VisitRecord> {
  const { doc, editor } = await findEditable(actor, id);
  return saveVisitAs(editor, editor, doc, raw);
}

/** Soft delete: the visit and its files stay, hidden from everyone but admins. */
export async function deleteVisit(actor: ActingUser | null, id: string): Promise<VisitRecord> {
  const { doc, editor } = await findEditable(actor, id);
  doc.set(softDeleteFields(editor));
  await doc.save();
  const visit = toVisitRecord(doc);
  await recordVisitRevision(editor, editor, visit, visit, 'delete');
  return visit;
}

export async function restoreVisit(actor: ActingUser | null, id: string): Promise<VisitRecord> {
  if (!actor || !canRestoreVisit(actor)) throw new ForbiddenError();
  const doc = await findVisitDocument(id);
  if (!doc.deletedAt) return toVisitRecord(doc);
  doc.set(restoreFields());
  await doc.save();
  const visit = toVisitRecord(doc);
  await recordVisitRevision(actor, actor, visit, visit, 'restore');
  return visit;
}

/** Deletes a visit for good, with its attachments and history (admins only). */
export async function purgeVisit(actor: ActingUser | null, id: string): Promise<void> {
  if (!canRestoreVisit(actor)) throw new ForbiddenError();
  const doc = await findVisitDocument(id);
  await deleteAttachmentsOf({ type: 'visit', id: doc._id.toString() });
  await deleteRevisionsOf('visit', doc._id.toString());
  await VisitModel.deleteOne({ _id: doc._id });
}

/** For the detail page's buttons; the service checks again on every write. */
export function visitPermissions(actor: ActingUser | null, visit: VisitRecord) {
  const facts = accessFacts(visit);
  return { canEdit: canEditVisit(actor, facts), canRestore: canRestoreVisit(actor) && visit.deletedAt !== null, canPurge: canRestoreVisit(actor) };
}

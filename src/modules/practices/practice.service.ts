import mongoose from 'mongoose';
import { isAdmin, type ActingUser } from '../../auth/acting-user.js';
import { ForbiddenError, ValidationError, type FieldErrors } from '../../http/errors.js';
import { findAgencyById } from '../agencies/agency.lookup.js';
import { bodyObject, collectInput } from '../agencies/schema-kit.js';
import { recordRevision } from '../history/revision.service.js';
import { assertCanRestore } from '../history/soft-delete.js';
import { checkTopics } from './knowledge-checks.js';
import { knowledgeAccess } from './knowledge-access.js';
import { purgeRecord, restoreRecord, softDeleteRecord } from './knowledge-lifecycle.js';
import { canCreateKnowledge, canEditKnowledge, canReadKnowledge } from './knowledge-policy.js';
import { PracticeModel, normalisePracticeName, type PracticeDocument } from './practice.model.js';
import { practiceInputOf, practiceOwnership, practiceRevisionSnapshot, toPracticeRecord, type PracticeRecord } from './practice.record.js';
import { inlinePracticeSchema, practiceInputSchema, type PracticeInput } from './practice.schemas.js';

const practiceAccess = knowledgeAccess<PracticeDocument>({
  findById: (id) => PracticeModel.findById(id),
  ownership: (doc) => practiceOwnership(toPracticeRecord(doc)),
});

export async function getPractice(actor: ActingUser | null, id: string): Promise<PracticeRecord> {
  return toPracticeRecord(await practiceAccess.readable(actor, id));
}

/** The practice for its edit form: readable and editable by the actor. */
export async function getPracticeForEdit(actor: ActingUser | null, id: string): Promise<PracticeRecord> {
  return toPracticeRecord(await practiceAccess.editable(actor, id));
}

export function canEditPractice(actor: ActingUser | null, practice: PracticeRecord): boolean {
  return canEditKnowledge(actor, practiceOwnership(practice));
}

/** Follows adoptedFrom links from `startId`; true when they lead back to `selfId`. */
async function formsCycle(selfId: string, startId: string): Promise<boolean> {
  let current: string | null = startId;
  for (let hops = 0; current && hops < 50; hops += 1) {
    if (current === selfId) return true;
    const next: { adoptedFromId?: unknown } | null = await PracticeModel.findById(current, { adoptedFromId: 1 }).lean();
    current = next?.adoptedFromId ? String(next.adoptedFromId) : null;
  }
  return false;
}

/** Database checks of a parsed input; every problem goes into `errors`. */
async function checkReferences(actor: ActingUser | null, input: PracticeInput, self: PracticeDocument, errors: FieldErrors, anyOwner: boolean): Promise<void> {
  const selfId = self.isNew ? null : self._id.toString();
  if (!(await findAgencyById(input.ownerAgencyId))) errors.ownerAgencyId = 'practices:errors.owner_unknown';
  else if (!anyOwner && actor && !isAdmin(actor) && input.ownerAgencyId !== actor.agencyId) errors.ownerAgencyId = 'practices:errors.owner_not_yours';
  await checkTopics(input.topics, self.isNew ? [] : self.topics, errors);
  if (input.adoptedFromId) {
    const source = await PracticeModel.findById(input.adoptedFromId);
    const visible = source && (actor === null || canReadKnowledge(actor, practiceOwnership(toPracticeRecord(source))));
    if (!visible) errors.adoptedFromId = 'practices:errors.adopted_from_unknown';
    else if (selfId && (await formsCycle(selfId, input.adoptedFromId))) errors.adoptedFromId = 'practices:errors.adopted_from_cycle';
  }
  const clash = await PracticeModel.findOne(
    { ownerAgencyId: { $eq: input.ownerAgencyId }, nameKey: { $eq: normalisePracticeName(input.name) }, deletedAt: null },
    { _id: 1 },
  ).lean();
  if (clash && clash._id.toString() !== selfId) errors.name = 'practices:errors.name_taken';
}

/**
 * Validates a complete field set (schema and database checks together) and saves it with a
 * revision. `anyOwner`: a non-admin may name another agency as owner (inline creation, seeds).
 */
async function applyInput(actor: ActingUser | null, doc: PracticeDocument, raw: unknown, anyOwner = false): Promise<PracticeRecord> {
  const errors: FieldErrors = {};
  const input = collectInput(practiceInputSchema, raw, errors);
  if (input) await checkReferences(actor, input, doc, errors, anyOwner);
  if (!input || Object.keys(errors).length > 0) throw new ValidationError(errors);
  const before = doc.isNew ? null : practiceRevisionSnapshot(toPracticeRecord(doc));
  doc.set({ ...input, updatedBy: actor?.id ?? null });
  if (doc.isNew) doc.createdBy = actor ? new mongoose.Types.ObjectId(actor.id) : null;
  await doc.save();
  const record = toPracticeRecord(doc);
  await recordRevision({ entityType: 'practice', entityId: record.id, actor, before, after: practiceRevisionSnapshot(record) });
  return record;
}

function assertCanCreate(actor: ActingUser | null): asserts actor is ActingUser {
  if (!canCreateKnowledge(actor)) throw new ForbiddenError();
}

/** Non-admins record practices of their own agency; the owner defaults to it. */
export async function createPractice(actor: ActingUser | null, raw: unknown): Promise<PracticeRecord> {
  assertCanCreate(actor);
  const body = bodyObject(raw);
  const ownerAgencyId = body.ownerAgencyId === undefined || body.ownerAgencyId === '' ? actor.agencyId : body.ownerAgencyId;
  return applyInput(actor, new PracticeModel(), { ...body, ownerAgencyId });
}

/** Full (form) or partial (API PATCH) update: given fields replace the stored ones, validated as a whole. */
export async function updatePractice(actor: ActingUser | null, id: string, raw: unknown): Promise<PracticeRecord> {
  const doc = await practiceAccess.editable(actor, id);
  return applyInput(actor, doc, { ...practiceInputOf(toPracticeRecord(doc)), ...bodyObject(raw) });
}

export async function deletePractice(actor: ActingUser | null, id: string): Promise<PracticeRecord> {
  const doc = await practiceAccess.editable(actor, id);
  await softDeleteRecord('practice', doc, actor as ActingUser);
  return toPracticeRecord(doc);
}

export async function restorePractice(actor: ActingUser | null, id: string): Promise<PracticeRecord> {
  assertCanRestore(actor);
  const doc = await practiceAccess.find(id);
  await restoreRecord('practice', doc, actor);
  return toPracticeRecord(doc);
}

/** Deletes a practice for good, with its attachments and history (admins only). */
export async function purgePractice(actor: ActingUser | null, id: string): Promise<void> {
  assertCanRestore(actor);
  const doc = await practiceAccess.find(id);
  await purgeRecord('practice', doc, () => PracticeModel.deleteOne({ _id: doc._id }));
}

/**
 * A practice seen during a visit, recorded by the visit's author for the host agency: published at
 * once (a draft of another agency would be hidden from its own author); afterwards only the owner
 * agency and admins edit it. The visit stores the link (its practiceIds).
 */
export async function createPracticeInline(
  actor: ActingUser | null,
  raw: { ownerAgencyId: string; name: string; shortDescription: string; visitId?: string },
): Promise<PracticeRecord> {
  assertCanCreate(actor);
  const errors: FieldErrors = {};
  const input = collectInput(inlinePracticeSchema, raw, errors);
  if (!input) throw new ValidationError(errors);
  return applyInput(actor, new PracticeModel(), { ...input, category: 'pelayanan_publik', stage: 'penerapan', status: 'published' }, true);
}

/**
 * Creates the practice, or updates the one of the same owner with the same name (any case): the
 * knowledge seed's idempotent upsert. Trusted callers only — there is no acting user to check.
 */
export async function provisionPractice(raw: unknown): Promise<{ practice: PracticeRecord; created: boolean }> {
  const body = bodyObject(raw);
  const { ownerAgencyId, name } = body;
  const existing =
    typeof ownerAgencyId === 'string' && typeof name === 'string' && mongoose.isValidObjectId(ownerAgencyId)
      ? await PracticeModel.findOne({ ownerAgencyId: { $eq: ownerAgencyId }, nameKey: { $eq: normalisePracticeName(name) } })
      : null;
  const practice = await applyInput(null, existing ?? new PracticeModel(), body, true);
  return { practice, created: existing === null };
}

/**
 * Soft delete, restore and purge as practices and lessons do them: the record keeps its data when
 * soft-deleted, each step leaves a revision, and a purge removes the record with its files and history.
 * Callers check the policy first (edit for delete, admin for restore and purge).
 */
import type { Types } from 'mongoose';
import type { ActingUser } from '../../auth/acting-user.js';
import { deleteAttachmentsOf } from '../attachments/attachment.service.js';
import { deleteRevisionsOf, recordRevision } from '../history/revision.service.js';
import { restoreFields, softDeleteFields } from '../history/soft-delete.js';

export interface KnowledgeDocument {
  _id: Types.ObjectId;
  deletedAt?: Date | null;
  set(fields: Record<string, unknown>): unknown;
  save(): Promise<unknown>;
}

type KnowledgeType = 'practice' | 'lesson';

export async function softDeleteRecord(type: KnowledgeType, doc: KnowledgeDocument, actor: ActingUser): Promise<void> {
  const fields = softDeleteFields(actor);
  doc.set(fields);
  await doc.save();
  await recordRevision({ entityType: type, entityId: doc._id.toString(), actor, action: 'delete', before: { deletedAt: null }, after: { deletedAt: fields.deletedAt } });
}

/** Nothing happens to a record that is not deleted. */
export async function restoreRecord(type: KnowledgeType, doc: KnowledgeDocument, actor: ActingUser | null): Promise<void> {
  if (!doc.deletedAt) return;
  const before = { deletedAt: doc.deletedAt };
  doc.set(restoreFields());
  await doc.save();
  await recordRevision({ entityType: type, entityId: doc._id.toString(), actor, action: 'restore', before, after: { deletedAt: null } });
}

/** Files and history first, then the record (deleteOne of the owning model); links to it elsewhere then resolve to nothing. */
export async function purgeRecord(type: KnowledgeType, doc: KnowledgeDocument, deleteRecord: () => Promise<unknown>): Promise<void> {
  await deleteAttachmentsOf({ type, id: doc._id.toString() });
  await deleteRevisionsOf(type, doc._id.toString());
  await deleteRecord();
}

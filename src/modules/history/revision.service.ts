import mongoose from 'mongoose';
import type { ActingUser } from '../../auth/acting-user.js';
import { diffFields, type FieldChange } from './field-diff.js';
import { RevisionModel, type EntityType, type RevisionAction } from './revision.model.js';

export interface RevisionInput {
  entityType: EntityType;
  entityId: string;
  /** null for trusted writers without a user (seeds). */
  actor: ActingUser | null;
  /** Plain snapshot before the write; null when the record was just created. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** Defaults: 'create' when before is null, else 'update'. Soft delete/restore pass theirs. */
  action?: RevisionAction;
}

export interface RevisionRecord {
  id: string;
  entityType: EntityType;
  entityId: string;
  action: RevisionAction;
  actorId: string | null;
  actorName: string;
  at: Date;
  changes: FieldChange[];
}

/**
 * Stores one revision with the field diff of the two snapshots. An update that changed nothing
 * stores nothing (returns null), so saving an untouched form leaves no noise.
 */
export async function recordRevision(input: RevisionInput): Promise<RevisionRecord | null> {
  const action = input.action ?? (input.before === null ? 'create' : 'update');
  const changes = diffFields(input.before, input.after);
  if (action === 'update' && changes.length === 0) return null;
  const doc = await RevisionModel.create({
    entityType: input.entityType,
    entityId: input.entityId,
    action,
    actorId: input.actor?.id ?? null,
    actorName: input.actor?.name ?? '',
    changes,
  });
  return toRevisionRecord(doc);
}

function toRevisionRecord(doc: InstanceType<typeof RevisionModel>): RevisionRecord {
  return {
    id: doc._id.toString(),
    entityType: doc.entityType as EntityType,
    entityId: doc.entityId.toString(),
    action: doc.action as RevisionAction,
    actorId: doc.actorId?.toString() ?? null,
    actorName: doc.actorName ?? '',
    at: doc.at,
    changes: doc.changes.map((c) => ({ field: c.field, before: c.before as unknown, after: c.after as unknown })),
  };
}

/** Newest first. The caller has already checked that the actor may read the record. */
export async function listRevisions(entityType: EntityType, entityId: string): Promise<RevisionRecord[]> {
  if (!mongoose.isValidObjectId(entityId)) return [];
  const docs = await RevisionModel.find({ entityType: { $eq: entityType }, entityId: { $eq: entityId } }).sort({ at: -1, _id: -1 });
  return docs.map(toRevisionRecord);
}

/** Removes the history of a record that is deleted for good. */
export async function deleteRevisionsOf(entityType: EntityType, entityId: string): Promise<void> {
  await RevisionModel.deleteMany({ entityType: { $eq: entityType }, entityId: { $eq: entityId } });
}

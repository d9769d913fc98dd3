import mongoose, { Schema, type InferSchemaType } from 'mongoose';

export const ENTITY_TYPES = ['visit', 'practice', 'lesson'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const REVISION_ACTIONS = ['create', 'update', 'delete', 'restore'] as const;
export type RevisionAction = (typeof REVISION_ACTIONS)[number];

/** One changed field: values are the plain (JSON-safe) stored values before and after. */
const changeSchema = new Schema(
  {
    field: { type: String, required: true },
    before: { type: Schema.Types.Mixed, default: null },
    after: { type: Schema.Types.Mixed, default: null },
  },
  { _id: false },
);

/** An append-only record of one write to a knowledge record: who, when, what changed. */
const revisionSchema = new Schema({
  entityType: { type: String, required: true, enum: ENTITY_TYPES },
  entityId: { type: Schema.Types.ObjectId, required: true },
  action: { type: String, required: true, enum: REVISION_ACTIONS },
  actorId: { type: Schema.Types.ObjectId, default: null },
  /** Kept as written at the time, so the history survives renamed or removed accounts. */
  actorName: { type: String, default: '' },
  at: { type: Date, required: true, default: () => new Date() },
  changes: { type: [changeSchema], default: [] },
});

revisionSchema.index({ entityType: 1, entityId: 1, at: -1 });

export type Revision = InferSchemaType<typeof revisionSchema>;

export const RevisionModel = mongoose.model('Revision', revisionSchema);

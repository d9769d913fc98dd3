import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { searchSyncPlugin } from '../../search/sync-marks.js';
import { SOFT_DELETE_FIELDS } from '../history/soft-delete.js';
import { KNOWLEDGE_STATUSES } from '../practices/practice.model.js';

/**
 * A pelajaran: what was observed, the lesson drawn from it, and what is recommended, tied to the
 * visit and practices it came from. It belongs to the agency of whoever recorded it.
 */
const lessonSchema = new Schema(
  {
    title: { type: String, required: true, trim: true },
    observation: { type: String, required: true },
    lesson: { type: String, required: true },
    recommendation: { type: String, default: '' },
    /** Who it applies to, e.g. "Diskominfo yang menjalankan fungsi kehumasan". */
    appliesTo: { type: String, default: '' },
    visitId: { type: Schema.Types.ObjectId, default: null, index: true },
    practiceIds: { type: [Schema.Types.ObjectId], default: [], index: true },
    topics: { type: [String], default: [], index: true },
    tags: { type: [String], default: [] },
    /** The day it was observed (usually the visit's first day): the year filter. */
    observedOn: { type: Date, default: null },
    recorderAgencyId: { type: Schema.Types.ObjectId, required: true, index: true },
    recordedById: { type: Schema.Types.ObjectId, default: null },
    /** Kept as written, so the record survives renamed or removed accounts. */
    recordedByName: { type: String, default: '' },
    status: { type: String, required: true, enum: KNOWLEDGE_STATUSES, default: 'draft' },
    createdBy: { type: Schema.Types.ObjectId, default: null },
    updatedBy: { type: Schema.Types.ObjectId, default: null },
    ...SOFT_DELETE_FIELDS,
  },
  { timestamps: true },
);

// Every write marks the record for the search index (the sync worker pushes it; see src/search/sync-marks.ts).
lessonSchema.plugin(searchSyncPlugin, { type: 'lesson' });
// A page of the list, newest first by default, reads along it instead of sorting every lesson.
lessonSchema.index({ createdAt: -1 });

export type Lesson = InferSchemaType<typeof lessonSchema>;
export type LessonDocument = HydratedDocument<Lesson>;

export const LessonModel = mongoose.model('Lesson', lessonSchema);

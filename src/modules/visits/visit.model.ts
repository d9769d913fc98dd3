import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { searchSyncPlugin } from '../../search/sync-marks.js';
import { SOFT_DELETE_FIELDS } from '../history/soft-delete.js';

export const VISIT_STATUSES = ['draft', 'published'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

const personSchema = new Schema(
  {
    name: { type: String, required: true, trim: true },
    position: { type: String, default: '', trim: true },
    /** The person's agency, when it is a registered one (journalists and guests have none). */
    agencyId: { type: Schema.Types.ObjectId, default: null },
  },
  { _id: false },
);

const officialSchema = new Schema(
  {
    name: { type: String, required: true, trim: true },
    position: { type: String, default: '', trim: true },
  },
  { _id: false },
);

const sourceSchema = new Schema(
  {
    url: { type: String, required: true },
    title: { type: String, default: '' },
  },
  { _id: false },
);

/**
 * A studi tiru: one or more visiting agencies went to one or more host agencies (loci). The
 * derived fields (agencyIds, provinceCodes, year) exist for the list filters and their indexes.
 */
const visitSchema = new Schema(
  {
    visitingAgencyIds: { type: [Schema.Types.ObjectId], required: true },
    hostAgencyIds: { type: [Schema.Types.ObjectId], required: true },
    /** visiting ∪ host: who may edit, who sees the draft, the agency filter and the agency page. */
    agencyIds: { type: [Schema.Types.ObjectId], default: [] },
    /** Provinces of every agency involved (province filter). */
    provinceCodes: { type: [String], default: [] },
    startDate: { type: Date, required: true },
    endDate: { type: Date, required: true },
    year: { type: Number, required: true },
    place: { type: String, default: '' },
    purpose: { type: String, default: '' },
    topics: { type: [String], default: [] },
    tags: { type: [String], default: [] },
    delegation: { type: [personSchema], default: [] },
    hostOfficials: { type: [officialSchema], default: [] },
    summary: { type: String, default: '' },
    agenda: { type: String, default: '' },
    sources: { type: [sourceSchema], default: [] },
    /** Practices (praktik baik) shown at this visit; the practice module reads this link. */
    practiceIds: { type: [Schema.Types.ObjectId], default: [] },
    status: { type: String, required: true, enum: VISIT_STATUSES, default: 'draft' },
    createdBy: { type: Schema.Types.ObjectId, default: null },
    updatedBy: { type: Schema.Types.ObjectId, default: null },
    ...SOFT_DELETE_FIELDS,
  },
  { timestamps: true },
);

visitSchema.index({ deletedAt: 1, status: 1, startDate: -1 });
visitSchema.index({ agencyIds: 1, startDate: -1 });
visitSchema.index({ provinceCodes: 1, startDate: -1 });
visitSchema.index({ topics: 1, startDate: -1 });
visitSchema.index({ year: 1, startDate: -1 });
visitSchema.index({ practiceIds: 1 });
// A page of the list (by date by default) and the forms' visit choices read along it instead of sorting every visit.
visitSchema.index({ startDate: -1 });
// The search sync asks every cycle which visits changed since its watermark (src/search/linked-records.ts).
visitSchema.index({ updatedAt: 1 });
// Every write marks the visit for the search index (src/search/sync-marks.ts).
visitSchema.plugin(searchSyncPlugin, { type: 'visit' });

export type Visit = InferSchemaType<typeof visitSchema>;
export type VisitDocument = HydratedDocument<Visit>;

export const VisitModel = mongoose.model('Visit', visitSchema);

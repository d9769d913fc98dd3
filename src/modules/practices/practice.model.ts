import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { searchSyncPlugin } from '../../search/sync-marks.js';
import { SOFT_DELETE_FIELDS } from '../history/soft-delete.js';

/** Tahapan per Indeks Inovasi Daerah (Permendagri 104/2018). */
export const PRACTICE_STAGES = ['inisiatif', 'uji_coba', 'penerapan'] as const;
export type PracticeStage = (typeof PRACTICE_STAGES)[number];

/** Jenis inovasi daerah: governance, public service, or another government affair. */
export const PRACTICE_CATEGORIES = ['tata_kelola', 'pelayanan_publik', 'urusan_lainnya'] as const;
export type PracticeCategory = (typeof PRACTICE_CATEGORIES)[number];

export const KNOWLEDGE_STATUSES = ['draft', 'published'] as const;
export type KnowledgeStatus = (typeof KNOWLEDGE_STATUSES)[number];

/** Lower-cased, single-spaced name: with the owner it is the natural key seeds upsert by. */
export function normalisePracticeName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A dated piece of evidence or metric, e.g. 31 Mei 2022 — "Episode siaran" — "pekan ke-68". */
const evidenceSchema = new Schema(
  {
    date: { type: Date, required: true },
    label: { type: String, required: true },
    value: { type: String, default: '' },
  },
  { _id: false },
);

const contactSchema = new Schema(
  {
    name: { type: String, default: '' },
    position: { type: String, default: '' },
    email: { type: String, default: '' },
    phone: { type: String, default: '' },
  },
  { _id: false },
);

/** A praktik baik / inovasi owned by one agency, which others may observe and adopt. */
const practiceSchema = new Schema(
  {
    ownerAgencyId: { type: Schema.Types.ObjectId, required: true, index: true },
    name: { type: String, required: true, trim: true },
    nameKey: { type: String, required: true, index: true },
    shortDescription: { type: String, required: true },
    /** Markdown, rendered through the shared sanitising renderer. */
    description: { type: String, default: '' },
    category: { type: String, required: true, enum: PRACTICE_CATEGORIES },
    topics: { type: [String], default: [], index: true },
    tags: { type: [String], default: [] },
    /** Bentuk / kanal, e.g. "Siaran berita mingguan di kanal PPTV". */
    channel: { type: String, default: '' },
    stage: { type: String, required: true, enum: PRACTICE_STAGES },
    startDate: { type: Date, default: null },
    digital: { type: Boolean, default: false },
    evidence: { type: [evidenceSchema], default: [] },
    contact: { type: contactSchema, default: () => ({}) },
    /** Lineage: the practice this one was adopted from (attribution shown on both). */
    adoptedFromId: { type: Schema.Types.ObjectId, default: null, index: true },
    /**
     * The practices it was once said to be adopted from, kept when the link changes in the same
     * write: the search document of the practice it left counts its replicas, so it must be pushed
     * again (src/search/linked-records.ts). Never shown.
     */
    formerAdoptedFromIds: { type: [Schema.Types.ObjectId], default: [] },
    status: { type: String, required: true, enum: KNOWLEDGE_STATUSES, default: 'draft' },
    createdBy: { type: Schema.Types.ObjectId, default: null },
    updatedBy: { type: Schema.Types.ObjectId, default: null },
    ...SOFT_DELETE_FIELDS,
  },
  { timestamps: true },
);

// The search sync asks every cycle which practices changed since its watermark (src/search/linked-records.ts).
practiceSchema.index({ updatedAt: 1 });
// A page of the list, newest first by default, reads along it instead of sorting every practice.
practiceSchema.index({ createdAt: -1 });

practiceSchema.pre('validate', function setNameKey() {
  this.nameKey = normalisePracticeName(this.name ?? '');
});

/** The link as loaded, to know on save which practice it leaves. */
const LOADED_ADOPTED_FROM = 'loadedAdoptedFromId';

practiceSchema.post('init', function rememberAdoptedFrom() {
  this.$locals[LOADED_ADOPTED_FROM] = this.adoptedFromId ?? null;
});

practiceSchema.pre('save', function keepFormerAdoptedFrom() {
  const loaded = this.$locals[LOADED_ADOPTED_FROM] as mongoose.Types.ObjectId | null | undefined;
  if (loaded && !loaded.equals(this.adoptedFromId ?? undefined) && !this.formerAdoptedFromIds.some((id) => id.equals(loaded))) {
    this.formerAdoptedFromIds = [...this.formerAdoptedFromIds, loaded];
  }
  this.$locals[LOADED_ADOPTED_FROM] = this.adoptedFromId ?? null;
});

// Every write marks the record for the search index (the sync worker pushes it; see src/search/sync-marks.ts).
practiceSchema.plugin(searchSyncPlugin, { type: 'practice', lineageFields: ['adoptedFromId', 'formerAdoptedFromIds'] });

export type Practice = InferSchemaType<typeof practiceSchema>;
export type PracticeDocument = HydratedDocument<Practice>;

export const PracticeModel = mongoose.model('Practice', practiceSchema);

import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';

export const AGENCY_LEVELS = ['kementerian_lembaga', 'provinsi', 'kabupaten', 'kota'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

/**
 * Lower-cases and collapses whitespace so "Dinas  Kominfo" and "dinas kominfo" collide on the
 * unique index (the same rule serves the search keys).
 */
export function normaliseAgencyName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

const agencySchema = new Schema(
  {
    name: { type: String, required: true, trim: true },
    /** normaliseAgencyName(name): makes the official name unique regardless of case. */
    nameKey: { type: String, required: true, unique: true },
    shortName: { type: String, required: true, trim: true },
    aliases: { type: [String], default: [] },
    /** Normalised name, short name and aliases, matched by the list search. */
    searchKeys: { type: [String], default: [] },
    level: { type: String, required: true, enum: AGENCY_LEVELS },
    /** Kemendagri code: a kabupaten/kota code ('13.72') or a province code ('13') for provincial agencies. */
    regionCode: { type: String, default: null, index: true },
    provinceCode: { type: String, default: null, index: true },
    provinceName: { type: String, default: null },
    regencyName: { type: String, default: null },
    address: { type: String, default: '' },
    website: { type: String, default: '' },
    active: { type: Boolean, default: true },
  },
  { timestamps: true },
);

agencySchema.pre('validate', function setDerivedKeys() {
  this.nameKey = normaliseAgencyName(this.name);
  const keys = [this.name, this.shortName, ...this.aliases].map(normaliseAgencyName).filter(Boolean);
  this.searchKeys = [...new Set(keys)];
});

export type Agency = InferSchemaType<typeof agencySchema>;
export type AgencyDocument = HydratedDocument<Agency>;

export const AgencyModel = mongoose.model('Agency', agencySchema);

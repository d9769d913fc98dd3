import mongoose, { Schema, type InferSchemaType } from 'mongoose';

/** Reference data: one document per province or kabupaten/kota, keyed by its Kemendagri code. */
const regionSchema = new Schema(
  {
    code: { type: String, required: true, unique: true },
    officialName: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, required: true, enum: ['provinsi', 'kabupaten', 'kota'] },
    provinceCode: { type: String, required: true, index: true },
  },
  { timestamps: true },
);

export type RegionDoc = InferSchemaType<typeof regionSchema>;

export const RegionModel = mongoose.model('Region', regionSchema);

import mongoose, { Schema, type InferSchemaType } from 'mongoose';

/** A managed topic: a stable code plus its names. Inactive topics stay valid on old records. */
const topicSchema = new Schema(
  {
    code: { type: String, required: true, unique: true, trim: true },
    name: { type: String, required: true, trim: true },
    nameEn: { type: String, required: true, trim: true },
    active: { type: Boolean, default: true },
  },
  { timestamps: true },
);

export type Topic = InferSchemaType<typeof topicSchema>;

export const TopicModel = mongoose.model('Topic', topicSchema);

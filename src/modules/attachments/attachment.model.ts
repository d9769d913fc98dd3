import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';

export const OWNER_TYPES = ['visit', 'practice', 'lesson'] as const;
export type OwnerType = (typeof OWNER_TYPES)[number];

/**
 * What we know about one attached file; the bytes live in the GridFS bucket 'attachments'
 * (fileId, and thumbnailId for images), so the same store serves embedded and production modes.
 */
const attachmentSchema = new Schema(
  {
    ownerType: { type: String, required: true, enum: OWNER_TYPES },
    ownerId: { type: Schema.Types.ObjectId, required: true },
    filename: { type: String, required: true },
    /** Decided from the content, never from the upload's own claim. */
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    image: { type: Boolean, default: false },
    fileId: { type: Schema.Types.ObjectId, required: true },
    thumbnailId: { type: Schema.Types.ObjectId, default: null },
    uploadedBy: { type: Schema.Types.ObjectId, default: null },
  },
  { timestamps: true },
);

attachmentSchema.index({ ownerType: 1, ownerId: 1, createdAt: 1 });

export type Attachment = InferSchemaType<typeof attachmentSchema>;
export type AttachmentDocument = HydratedDocument<Attachment>;

export const AttachmentModel = mongoose.model('Attachment', attachmentSchema);

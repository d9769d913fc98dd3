import mongoose from 'mongoose';
import type { ActingUser } from '../../auth/acting-user.js';
import { NotFoundError, ValidationError } from '../../http/errors.js';
import type { AttachmentLimits } from './attachment-limits.js';
import { AttachmentModel, type AttachmentDocument, type OwnerType } from './attachment.model.js';
import { requireOwnerAccess } from './attachment-owners.js';
import { cleanFilename } from './download-name.js';
import { detectAllowedKind } from './file-kinds.js';
import { openFile, putFile, removeFile, toObjectId } from './gridfs-store.js';
import { makeThumbnail } from './thumbnail.js';
import { findDocumentById } from '../agencies/find-document.js';

/** A file as the upload middleware hands it over (multer memory storage). */
export interface UploadedFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}

export interface AttachmentOwner {
  type: OwnerType;
  id: string;
}

/** Plain attachment data for presenters and the API. */
export interface AttachmentRef {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  image: boolean;
  hasThumbnail: boolean;
  createdAt: Date;
}

function toRef(doc: AttachmentDocument): AttachmentRef {
  return {
    id: doc._id.toString(),
    filename: doc.filename,
    contentType: doc.contentType,
    size: doc.size,
    image: doc.image ?? false,
    hasThumbnail: doc.thumbnailId != null,
    createdAt: doc.createdAt,
  };
}

const ownerFilter = (owner: AttachmentOwner) => ({ ownerType: { $eq: owner.type }, ownerId: { $eq: owner.id } });

interface CheckedFile {
  filename: string;
  contentType: string;
  image: boolean;
  thumbnail: Buffer | null;
  file: UploadedFile;
}

/** Every file is checked before any is stored, so a refused batch leaves nothing behind. */
async function checkFiles(files: UploadedFile[], limits: AttachmentLimits): Promise<CheckedFile[]> {
  const checked: CheckedFile[] = [];
  for (const file of files) {
    if (file.size > limits.maxBytes || file.buffer.length > limits.maxBytes) throw new ValidationError({ attachments: 'attachments:errors.too_large' });
    if (file.buffer.length === 0) throw new ValidationError({ attachments: 'attachments:errors.empty' });
    const filename = cleanFilename(file.originalname);
    const kind = await detectAllowedKind(file.buffer, filename);
    if (!kind) throw new ValidationError({ attachments: 'attachments:errors.type' });
    const thumbnail = kind.image ? await makeThumbnail(file.buffer) : null;
    if (kind.image && !thumbnail) throw new ValidationError({ attachments: 'attachments:errors.unreadable_image' });
    checked.push({ filename, contentType: kind.mime, image: kind.image, thumbnail, file });
  }
  return checked;
}

/**
 * Stores files for a record the caller has already allowed the actor to change. Limits: bytes per
 * file and files per record (existing ones count). Throws ValidationError({attachments: key}).
 */
export async function storeAttachments(
  actor: ActingUser | null,
  owner: AttachmentOwner,
  files: UploadedFile[],
  limits: AttachmentLimits,
): Promise<AttachmentRef[]> {
  if (files.length === 0) return [];
  const existing = await AttachmentModel.countDocuments(ownerFilter(owner));
  if (existing + files.length > limits.maxFiles) throw new ValidationError({ attachments: 'attachments:errors.too_many' });
  const checked = await checkFiles(files, limits);
  const stored: AttachmentRef[] = [];
  for (const item of checked) {
    const fileId = await putFile(item.filename, item.contentType, item.file.buffer);
    const thumbnailId = item.thumbnail ? await putFile(`thumb-${item.filename}.webp`, 'image/webp', item.thumbnail) : null;
    const doc = await AttachmentModel.create({
      ownerType: owner.type,
      ownerId: owner.id,
      filename: item.filename,
      contentType: item.contentType,
      size: item.file.buffer.length,
      image: item.image,
      fileId,
      thumbnailId,
      uploadedBy: actor?.id ?? null,
    });
    stored.push(toRef(doc));
  }
  return stored;
}

export async function listAttachmentsOf(owner: AttachmentOwner): Promise<AttachmentRef[]> {
  if (!mongoose.isValidObjectId(owner.id)) return [];
  const docs = await AttachmentModel.find(ownerFilter(owner)).sort({ createdAt: 1, _id: 1 });
  return docs.map(toRef);
}

async function removeStored(doc: AttachmentDocument): Promise<void> {
  await removeFile(toObjectId(doc.fileId));
  if (doc.thumbnailId) await removeFile(toObjectId(doc.thumbnailId));
  await AttachmentModel.deleteOne({ _id: doc._id });
}

/** Hard delete of every file of a record (the record itself is being deleted for good). */
export async function deleteAttachmentsOf(owner: AttachmentOwner): Promise<number> {
  const docs = await AttachmentModel.find(ownerFilter(owner));
  for (const doc of docs) await removeStored(doc);
  return docs.length;
}

async function findAttachment(id: string): Promise<AttachmentDocument> {
  return findDocumentById(id, (valid) => AttachmentModel.findById(valid));
}

async function assertOwnerAccess(actor: ActingUser, doc: AttachmentDocument, need: 'read' | 'edit'): Promise<void> {
  await requireOwnerAccess(actor, doc.ownerType as OwnerType, doc.ownerId.toString(), need);
}

export interface AttachmentDownload {
  ref: AttachmentRef;
  contentType: string;
  stream: NodeJS.ReadableStream;
}

/** Opens the original (or its thumbnail) for an actor who may read the owning record. */
export async function openAttachment(actor: ActingUser, id: string, variant: 'original' | 'thumbnail'): Promise<AttachmentDownload> {
  const doc = await findAttachment(id);
  await assertOwnerAccess(actor, doc, 'read');
  if (variant === 'thumbnail') {
    if (!doc.thumbnailId) throw new NotFoundError();
    return { ref: toRef(doc), contentType: 'image/webp', stream: openFile(toObjectId(doc.thumbnailId)) };
  }
  return { ref: toRef(doc), contentType: doc.contentType, stream: openFile(toObjectId(doc.fileId)) };
}

/** Removes one attachment; the actor must be allowed to edit the owning record. Returns its owner. */
export async function deleteAttachment(actor: ActingUser, id: string): Promise<AttachmentOwner> {
  const doc = await findAttachment(id);
  await assertOwnerAccess(actor, doc, 'edit');
  await removeStored(doc);
  return { type: doc.ownerType as OwnerType, id: doc.ownerId.toString() };
}

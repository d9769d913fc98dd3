/** The bytes of attachments in the GridFS bucket 'attachments' of the app's database. */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import mongoose from 'mongoose';
import { GridFSBucket, ObjectId } from 'mongodb';

const BUCKET_NAME = 'attachments';

function bucket(): GridFSBucket {
  const db = mongoose.connection.db;
  if (!db) throw new Error('MongoDB is not connected');
  return new GridFSBucket(db, { bucketName: BUCKET_NAME });
}

export async function putFile(filename: string, contentType: string, data: Uint8Array): Promise<ObjectId> {
  const upload = bucket().openUploadStream(filename, { metadata: { contentType } });
  await pipeline(Readable.from([Buffer.from(data)]), upload);
  return upload.id;
}

export function openFile(id: ObjectId): NodeJS.ReadableStream {
  return bucket().openDownloadStream(id);
}

/** Deletes a file and its chunks; a file already gone is not an error. */
export async function removeFile(id: ObjectId): Promise<void> {
  try {
    await bucket().delete(id);
  } catch (error) {
    if (!(error instanceof Error && /File not found/i.test(error.message))) throw error;
  }
}

export function toObjectId(id: unknown): ObjectId {
  return new ObjectId(String(id));
}

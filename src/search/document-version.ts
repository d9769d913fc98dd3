/**
 * Which shape of search documents the index holds (SEARCH_DOCUMENT_VERSION), kept in MongoDB per
 * index. A worker whose code builds a newer shape marks every record once, and the sync pushes them
 * all again in batches: an upgrade that changes what documents hold needs no manual reindex, and
 * search keeps answering with the older documents meanwhile. A worker of an older version, still
 * running during a rolling upgrade, leaves the pushing to the newer ones.
 */
import mongoose from 'mongoose';
import { KNOWLEDGE_SOURCES } from './knowledge-sources.js';

/**
 * Bump when buildSearchDocuments changes what a document holds.
 * 2: `date` is the record's own date only (before: its creation date when it had none).
 */
export const SEARCH_DOCUMENT_VERSION = 2;

const COLLECTION = 'search_document_versions';

interface VersionDoc {
  _id: string;
  version: number;
}

function versions() {
  const database = mongoose.connection.db;
  if (!database) throw new Error('MongoDB is not connected');
  return database.collection<VersionDoc>(COLLECTION);
}

/** Records that the index now holds documents of `version` (never lowers what is stored). */
export async function recordDocumentVersion(indexUid: string, version = SEARCH_DOCUMENT_VERSION): Promise<void> {
  await versions().updateOne({ _id: indexUid }, { $max: { version } }, { upsert: true });
}

/**
 * 'older': the index held an older shape (or none recorded) — every record is now marked, then the
 * version recorded, in that order, so a crash in between marks them again at the next start.
 * 'newer': a newer version of the app fills this index. 'current': nothing to do.
 */
export async function settleDocumentVersion(indexUid: string, version = SEARCH_DOCUMENT_VERSION): Promise<'older' | 'current' | 'newer'> {
  const stored = (await versions().findOne({ _id: indexUid }))?.version ?? 0;
  if (stored > version) return 'newer';
  if (stored === version) return 'current';
  for (const source of KNOWLEDGE_SOURCES) {
    await source.model.collection.updateMany({}, { $set: { 'searchSync.pending': true }, $inc: { 'searchSync.version': 1 } });
  }
  await recordDocumentVersion(indexUid, version);
  return 'older';
}

/**
 * One round of search sync: read a batch of marked records and tombstones, push the live ones and
 * remove the deleted ones, wait until the engine reports both tasks succeeded, then clear each mark
 * only if its version did not change meanwhile (a write during the push stays pending).
 */
import type { Meilisearch } from 'meilisearch';
import mongoose from 'mongoose';
import { PRIMARY_KEY, waitForTask, type KnowledgeSearchDocument, type KnowledgeType } from './knowledge-index.js';
import { KNOWLEDGE_SOURCES, sourceOf, type KnowledgeSource, type StoredRecord } from './knowledge-sources.js';
import { markAdoptedPractices, markLinkingRecords } from './linked-records.js';
import { buildSearchDocuments } from './search-documents.js';
import { TOMBSTONES_COLLECTION, type Tombstone } from './sync-marks.js';

type MarkedRecord = StoredRecord & { searchSync?: { version?: number } };

interface Plan {
  live: Map<KnowledgeSource, StoredRecord[]>;
  deletedUids: string[];
  /** Marks and tombstones read. */
  handled: number;
  /** Run after the engine confirmed the push. */
  clears: Array<() => Promise<unknown>>;
}

function tombstones() {
  const db = mongoose.connection.db;
  if (!db) throw new Error('MongoDB is not connected');
  return db.collection<Tombstone>(TOMBSTONES_COLLECTION);
}

function addLive(plan: Plan, source: KnowledgeSource, record: StoredRecord): void {
  plan.live.set(source, [...(plan.live.get(source) ?? []), record]);
}

async function planMarked(plan: Plan, source: KnowledgeSource, batchSize: number): Promise<void> {
  const records = await source.model.find({ 'searchSync.pending': true }).limit(batchSize).lean<MarkedRecord[]>();
  for (const record of records) {
    if (record.deletedAt) plan.deletedUids.push(`${source.type}-${record._id.toString()}`);
    else addLive(plan, source, record);
  }
  if (records.length === 0) return;
  plan.handled += records.length;
  // One write for the batch's marks: one round trip per mark made the clearing the slowest step of a refill.
  const clears = records.map((record) => ({
    updateOne: { filter: { _id: record._id, 'searchSync.version': record.searchSync?.version ?? 0 }, update: { $set: { 'searchSync.pending': false } } },
  }));
  plan.clears.push(() => source.model.collection.bulkWrite(clears, { ordered: false }));
}

/** A tombstone whose record still exists (its delete failed) re-indexes that record instead. */
async function planTombstones(plan: Plan, batchSize: number): Promise<void> {
  const found = await tombstones().find({}).limit(batchSize).toArray();
  for (const tomb of found) {
    const source = sourceOf(tomb.type as KnowledgeType);
    const valid = mongoose.isValidObjectId(tomb.recordId);
    const record = valid ? await source.model.findById(tomb.recordId).lean<StoredRecord>() : null;
    if (record && !record.deletedAt) addLive(plan, source, record);
    else plan.deletedUids.push(tomb._id);
    // A purged record no longer lends its name, nor counts as a replica: the records linking to it and
    // the practices it was adopted from are pushed again (before the tombstone goes).
    if (!record && valid) await markLinkingRecords(source.type, [new mongoose.Types.ObjectId(tomb.recordId)]);
    if (!record && tomb.lineageIds) await markAdoptedPractices(tomb.lineageIds.filter((id) => mongoose.isValidObjectId(id)));
    plan.handled += 1;
    plan.clears.push(() => tombstones().deleteOne({ _id: tomb._id, at: tomb.at }));
  }
}

export interface BatchResult {
  /** Marks and tombstones handled. */
  handled: number;
  /** Documents sent to the engine (added or deleted). */
  pushed: number;
}

export async function syncPendingBatch(client: Meilisearch, indexUid: string, batchSize: number): Promise<BatchResult> {
  const plan: Plan = { live: new Map(), deletedUids: [], handled: 0, clears: [] };
  for (const source of KNOWLEDGE_SOURCES) await planMarked(plan, source, batchSize);
  await planTombstones(plan, batchSize);
  if (plan.handled === 0) return { handled: 0, pushed: 0 };

  const documents: KnowledgeSearchDocument[] = [];
  for (const [source, records] of plan.live) documents.push(...(await buildSearchDocuments(source, records)));
  const index = client.index<KnowledgeSearchDocument>(indexUid);
  if (documents.length > 0) await waitForTask(client, (await index.addDocuments(documents, { primaryKey: PRIMARY_KEY })).taskUid);
  const deleted = [...new Set(plan.deletedUids)];
  if (deleted.length > 0) await waitForTask(client, (await index.deleteDocuments(deleted)).taskUid);
  for (const clear of plan.clears) await clear();
  return { handled: plan.handled, pushed: documents.length + deleted.length };
}

/**
 * What the admin page shows about search sync: how many changes wait, when a push last succeeded,
 * the last error. Kept in MongoDB so every app process reports the same.
 */
import mongoose from 'mongoose';
import { engineErrorText } from './client.js';
import { KNOWLEDGE_SOURCES } from './knowledge-sources.js';
import { TOMBSTONES_COLLECTION } from './sync-marks.js';

const STATUS_COLLECTION = 'search_sync_status';
const STATUS_ID = 'knowledge';

interface StatusDoc {
  _id: string;
  lastSuccessAt?: Date;
  lastPushed?: number;
  lastErrorAt?: Date;
  lastError?: string;
}

export interface SyncStatus {
  pending: number;
  lastSuccessAt: Date | null;
  lastPushed: number | null;
  lastErrorAt: Date | null;
  lastError: string | null;
}

function db() {
  const database = mongoose.connection.db;
  if (!database) throw new Error('MongoDB is not connected');
  return database;
}

export async function recordSyncSuccess(pushed: number): Promise<void> {
  await db().collection<StatusDoc>(STATUS_COLLECTION).updateOne({ _id: STATUS_ID }, { $set: { lastSuccessAt: new Date(), lastPushed: pushed } }, { upsert: true });
}

export async function recordSyncError(error: unknown): Promise<void> {
  const message = engineErrorText(error);
  await db().collection<StatusDoc>(STATUS_COLLECTION).updateOne({ _id: STATUS_ID }, { $set: { lastErrorAt: new Date(), lastError: message.slice(0, 500) } }, { upsert: true });
}

export async function countPending(): Promise<number> {
  const counts = await Promise.all([
    ...KNOWLEDGE_SOURCES.map((s) => s.model.countDocuments({ 'searchSync.pending': true })),
    db().collection(TOMBSTONES_COLLECTION).countDocuments({}),
  ]);
  return counts.reduce((a, b) => a + b, 0);
}

export async function readSyncStatus(): Promise<SyncStatus> {
  const [pending, doc] = await Promise.all([countPending(), db().collection<StatusDoc>(STATUS_COLLECTION).findOne({ _id: STATUS_ID })]);
  return {
    pending,
    lastSuccessAt: doc?.lastSuccessAt ?? null,
    lastPushed: doc?.lastPushed ?? null,
    lastErrorAt: doc?.lastErrorAt ?? null,
    lastError: doc?.lastError ?? null,
  };
}

/**
 * Search documents carry agency names and regions, which live on the agency, not on the record.
 * When an agency changes (renamed, moved to another region), its records are marked for sync
 * through the same plugin-marked update, so the index never keeps an old name.
 *
 * Agency timestamps come from the clocks of several app processes, so each round looks a little
 * further back than the newest change it saw; the (id, updatedAt) pairs already handled inside
 * that margin are remembered, so a change is marked once.
 */
import mongoose from 'mongoose';
import { AgencyModel } from '../modules/agencies/agency.model.js';
import { KNOWLEDGE_SOURCES } from './knowledge-sources.js';

const WATERMARK_ID = 'agencies-watermark';
const CLOCK_MARGIN_MS = 5_000;

interface Watermark {
  _id: string;
  /** The newest agency updatedAt seen. */
  at: Date;
  /** `<id>@<updatedAt ms>` of the changes handled within the margin before `at`. */
  handled: string[];
}

function watermarks() {
  const db = mongoose.connection.db;
  if (!db) throw new Error('MongoDB is not connected');
  return db.collection<Watermark>('search_sync_status');
}

/** Marks the records of agencies changed since the last call; the first call only sets the watermark. */
export async function markRecordsOfChangedAgencies(): Promise<number> {
  const previous = await watermarks().findOne({ _id: WATERMARK_ID });
  const since = previous ? new Date(previous.at.getTime() - CLOCK_MARGIN_MS) : new Date(0);
  const recent = await AgencyModel.find({ updatedAt: { $gt: since } }, { _id: 1, updatedAt: 1 }).lean();
  const key = (a: { _id: unknown; updatedAt: Date }) => `${String(a._id)}@${a.updatedAt.getTime()}`;
  const seen = new Set(previous?.handled ?? []);
  const changed = previous ? recent.filter((a) => !seen.has(key(a))).map((a) => a._id) : [];
  let marked = 0;
  for (const source of changed.length > 0 ? KNOWLEDGE_SOURCES : []) {
    // The sync plugin adds the pending mark and the version increment to this update.
    const result = await source.model.updateMany({ [source.agencyField]: { $in: changed }, deletedAt: null }, { $set: {} });
    marked += result.modifiedCount;
  }
  const at = new Date(Math.max(previous?.at.getTime() ?? 0, ...recent.map((a) => a.updatedAt.getTime())));
  const handled = recent.filter((a) => a.updatedAt.getTime() > at.getTime() - CLOCK_MARGIN_MS).map(key);
  if (!previous || changed.length > 0 || at.getTime() !== previous.at.getTime()) {
    await watermarks().updateOne({ _id: WATERMARK_ID }, { $set: { at, handled } }, { upsert: true });
  }
  return marked;
}

/**
 * Some search documents carry text of other records (agency names, the names of linked practices
 * and visits). When such a record changes, the documents that carry it are marked for sync through
 * the same plugin-marked update, so the index never keeps an old name. A watermark per watched
 * collection, kept in MongoDB, says which changes were handled: it survives restarts, and the sync
 * lease lets one process at a time move it.
 *
 * Timestamps come from the clocks of several app processes, so each round looks a little further
 * back than the newest change it saw; the (id, updatedAt) pairs already handled inside that margin
 * are remembered, so a change is handled once.
 */
import mongoose, { type Model } from 'mongoose';

const CLOCK_MARGIN_MS = 5_000;

interface Watermark {
  _id: string;
  /** The newest updatedAt seen. */
  at: Date;
  /** `<id>@<updatedAt ms>` of the changes handled within the margin before `at`. */
  handled: string[];
}

type Changed = { _id: unknown; updatedAt: Date };

function watermarks() {
  const db = mongoose.connection.db;
  if (!db) throw new Error('MongoDB is not connected');
  return db.collection<Watermark>('search_sync_status');
}

/**
 * Hands the ids of `model`'s records changed since the last call to `onChanged`, then moves the
 * watermark (after, so a crash in between hands them again). The first call only sets the watermark.
 * Returns what `onChanged` returned in total (the number of documents it marked).
 */
export async function handleChanges(watermarkId: string, model: Model<Record<string, unknown>>, onChanged: (ids: unknown[]) => Promise<number>): Promise<number> {
  const previous = await watermarks().findOne({ _id: watermarkId });
  const since = previous ? new Date(previous.at.getTime() - CLOCK_MARGIN_MS) : new Date(0);
  const recent = await model.find({ updatedAt: { $gt: since } }, { _id: 1, updatedAt: 1 }).lean<Changed[]>();
  const key = (c: Changed) => `${String(c._id)}@${c.updatedAt.getTime()}`;
  const seen = new Set(previous?.handled ?? []);
  const changed = previous ? recent.filter((c) => !seen.has(key(c))).map((c) => c._id) : [];
  const marked = changed.length > 0 ? await onChanged(changed) : 0;
  const at = new Date(Math.max(previous?.at.getTime() ?? 0, ...recent.map((c) => c.updatedAt.getTime())));
  const handled = recent.filter((c) => c.updatedAt.getTime() > at.getTime() - CLOCK_MARGIN_MS).map(key);
  if (!previous || changed.length > 0 || at.getTime() !== previous.at.getTime()) {
    await watermarks().updateOne({ _id: watermarkId }, { $set: { at, handled } }, { upsert: true });
  }
  return marked;
}

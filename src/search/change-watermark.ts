/**
 * Some search documents carry text of other records (agency names, the names of linked practices
 * and visits). When such a record changes, the documents that carry it are marked for sync through
 * the same plugin-marked update, so the index never keeps an old name. A watermark per watched
 * collection, kept in MongoDB, says which changes were handled: it survives restarts, and the sync
 * lease lets one process at a time move it.
 *
 * Each round asks for the changes since the previous round began, looking a little further back:
 * timestamps come from the clocks of several app processes, and a write stamped just before a round
 * may land just after it. The (id, updatedAt) pairs handled inside that margin are remembered, so a
 * change is handled once. The window follows the clock, not the newest change: after a bulk import
 * of thousands of records stamped alike, they leave it a few seconds later.
 */
import mongoose, { type Model } from 'mongoose';

const CLOCK_MARGIN_MS = 5_000;

interface Watermark {
  _id: string;
  /** When the last round began (the clock of the process that ran it). */
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
  const at = new Date();
  const previous = await watermarks().findOne({ _id: watermarkId });
  // The first round hands nothing on; it only notes the changes inside the margin, which it counts as seen.
  const since = previous ? previous.at.getTime() - CLOCK_MARGIN_MS : at.getTime() - CLOCK_MARGIN_MS;
  const recent = await model.find({ updatedAt: { $gt: new Date(since) } }, { _id: 1, updatedAt: 1 }).lean<Changed[]>();
  const key = (c: Changed) => `${String(c._id)}@${c.updatedAt.getTime()}`;
  const seen = new Set(previous?.handled ?? []);
  const changed = previous ? recent.filter((c) => !seen.has(key(c))).map((c) => c._id) : [];
  const marked = changed.length > 0 ? await onChanged(changed) : 0;
  // Written when something was handled, else every margin or so: the window stays a few seconds wide without a write each round.
  if (!previous || changed.length > 0 || at.getTime() - previous.at.getTime() >= CLOCK_MARGIN_MS) {
    const handled = recent.filter((c) => c.updatedAt.getTime() > at.getTime() - CLOCK_MARGIN_MS).map(key);
    await watermarks().updateOne({ _id: watermarkId }, { $set: { at, handled } }, { upsert: true });
  }
  return marked;
}

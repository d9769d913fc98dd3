/**
 * How many practices adopted each practice (adoptedFromId): the published, live ones only, as a
 * draft or a deleted replica shows nobody that the practice spread. Search counts them the same
 * way (search/replication.ts).
 */
import { Types } from 'mongoose';
import { PracticeModel } from './practice.model.js';

/** The replicas counted: published and not deleted. */
const COUNTED_REPLICA = { status: 'published', deletedAt: null } as const;

/** By original's id, its count; of `originals` only when given. A practice nobody adopted is absent. */
export async function replicationCounts(originals?: readonly Types.ObjectId[]): Promise<Map<string, number>> {
  if (originals?.length === 0) return new Map();
  const adopted = originals ? { $in: originals } : { $ne: null };
  const rows: { _id: unknown; replications: number }[] = await PracticeModel.aggregate([
    { $match: { adoptedFromId: adopted, ...COUNTED_REPLICA } },
    { $group: { _id: '$adoptedFromId', replications: { $sum: 1 } } },
  ]);
  return new Map(rows.map((row) => [String(row._id), row.replications]));
}

/** The counts of the practices listed, by their records' ids (a list page, an API answer). */
export function replicationCountsOf(records: readonly { id: string }[]): Promise<Map<string, number>> {
  return replicationCounts(records.map((record) => new Types.ObjectId(record.id)));
}

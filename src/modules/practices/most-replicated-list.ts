/**
 * The practices list sorted "most replicated": the practices adopted by the most others first
 * (replication-counts.ts), then by newest; those nobody adopted after them, newest first, as search
 * orders its sort "replicated". Few practices are adopted, so they are read whole and the others a
 * page at a time after them.
 */
import type { Page, PageRequest } from '../agencies/list-query.js';
import { PracticeModel } from './practice.model.js';
import { toPracticeRecord, type PracticeRecord } from './practice.record.js';
import { replicationCounts } from './replication-counts.js';

const NEWEST = { createdAt: -1, _id: -1 } as const;

export async function mostReplicatedPage(request: PageRequest, filter: Record<string, unknown>): Promise<Page<PracticeRecord>> {
  const { page, perPage } = request;
  const counts = await replicationCounts();
  const adoptedIds = [...counts.keys()];
  const [adopted, total] = await Promise.all([PracticeModel.find({ $and: [filter, { _id: { $in: adoptedIds } }] }).sort(NEWEST), PracticeModel.countDocuments(filter)]);
  // Stable: equal counts keep the newest first.
  adopted.sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0));
  const skip = (page - 1) * perPage;
  const first = adopted.slice(skip, skip + perPage);
  const others = perPage - first.length;
  const rest = others > 0 ? await PracticeModel.find({ $and: [filter, { _id: { $nin: adoptedIds } }] }).sort(NEWEST).skip(Math.max(0, skip - adopted.length)).limit(others) : [];
  return { items: [...first, ...rest].map(toPracticeRecord), page, perPage, total, totalPages: Math.max(1, Math.ceil(total / perPage)) };
}

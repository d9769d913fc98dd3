/**
 * Practices already replicated: "inovasi humas yang sudah diadopsi", "videotron yang ditiru daerah
 * lain". Few records say so in words; what makes a practice one is a lineage link between practices
 * (adoptedFromId). Both ends hold the replication key while the other end is published and live —
 * a draft lends nothing (linked-records.ts) — and the engine query puts the key before the words
 * asking for it (key-phrases.ts). When a practice's link changes, the practices it names, now and
 * before, are pushed again (linked-records.ts); when it is purged, through its tombstone.
 */
import { PracticeModel } from '../modules/practices/practice.model.js';
import type { StoredRecord } from './knowledge-sources.js';

/** A key no text holds, as those of places (place-names.ts). */
export const REPLICATION_KEY = 'tirureplikasi';

/**
 * The ids of the practices among `records` that are in a lineage: adopted from a practice that lends
 * its name (`lending`: the published, live practices linked, by id), or adopted by a published, live one.
 */
export async function practicesInLineage(records: StoredRecord[], lending: ReadonlyMap<string, string>): Promise<Set<string>> {
  const ids = records.map((r) => r._id);
  const adopted = ids.length ? await PracticeModel.distinct('adoptedFromId', { adoptedFromId: { $in: ids }, status: 'published', deletedAt: null }) : [];
  const inLineage = new Set(adopted.map(String));
  for (const record of records) if (record.adoptedFromId && lending.has(String(record.adoptedFromId))) inLineage.add(record._id.toString());
  return inLineage;
}

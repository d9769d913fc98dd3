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

/** A practice's place in a lineage, shown on its hit: adopted by another (replicated), adopted from another (a replica). */
export const LINEAGE_ROLES = ['replicated', 'replica'] as const;
export type LineageRole = (typeof LINEAGE_ROLES)[number];

/**
 * The roles of the practices among `records` in a lineage, by id: adopted by a published, live
 * practice; adopted from a practice that lends its name (`lending`: the published, live practices
 * linked, by id). A practice in none is absent.
 */
export async function practicesInLineage(records: StoredRecord[], lending: ReadonlyMap<string, string>): Promise<Map<string, LineageRole[]>> {
  const ids = records.map((r) => r._id);
  const adopted = new Set((ids.length ? await PracticeModel.distinct('adoptedFromId', { adoptedFromId: { $in: ids }, status: 'published', deletedAt: null }) : []).map(String));
  const roles = new Map<string, LineageRole[]>();
  for (const record of records) {
    const id = record._id.toString();
    const found: LineageRole[] = [];
    if (adopted.has(id)) found.push('replicated');
    if (record.adoptedFromId && lending.has(String(record.adoptedFromId))) found.push('replica');
    if (found.length > 0) roles.set(id, found);
  }
  return roles;
}

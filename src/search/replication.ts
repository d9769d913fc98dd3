/**
 * Practices already replicated: "inovasi humas yang sudah diadopsi", "videotron yang ditiru daerah
 * lain". Few records say so in words; what makes a practice one is a lineage link between practices
 * (adoptedFromId). Both ends hold the replication key while the other end is published and live —
 * a draft lends nothing (linked-records.ts) — and the engine query puts the key before the words
 * asking for it (key-phrases.ts). When a practice's link changes, the practices it names, now and
 * before, are pushed again (linked-records.ts); when it is purged, through its tombstone.
 */
import type { Types } from 'mongoose';
import { replicationCounts } from '../modules/practices/replication-counts.js';
import type { StoredRecord } from './knowledge-sources.js';

/** A key no text holds, as those of places (place-names.ts). */
export const REPLICATION_KEY = 'tirureplikasi';

/** A practice's place in a lineage, shown on its hit: adopted by another (replicated), adopted from another (a replica). */
export const LINEAGE_ROLES = ['replicated', 'replica'] as const;
export type LineageRole = (typeof LINEAGE_ROLES)[number];

/** A practice's place in a lineage and how many published, live practices adopted it. */
export interface PracticeLineage {
  roles: LineageRole[];
  replications: number;
}

/**
 * The practices among `records` that are in a lineage, by id: how many published, live practices
 * adopted each, and its roles: adopted by such a practice; adopted from a practice that lends its
 * name (`lending`: the published, live practices linked, by id). A practice in none is absent.
 */
export async function practicesInLineage(records: StoredRecord[], lending: ReadonlyMap<string, string>): Promise<Map<string, PracticeLineage>> {
  const adopted = await replicationCounts(records.map((r) => r._id as Types.ObjectId));
  const lineages = new Map<string, PracticeLineage>();
  for (const record of records) {
    const id = record._id.toString();
    const replications = adopted.get(id) ?? 0;
    const roles: LineageRole[] = [];
    if (replications > 0) roles.push('replicated');
    if (record.adoptedFromId && lending.has(String(record.adoptedFromId))) roles.push('replica');
    if (roles.length > 0) lineages.set(id, { roles, replications });
  }
  return lineages;
}

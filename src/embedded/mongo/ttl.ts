/**
 * The TTL monitor's work: delete documents whose indexed date (the earliest one, for arrays) is
 * older than the index's expireAfterSeconds. Uses the index's sorted keys, so it reads only
 * expired entries.
 */
import type { Catalog } from './catalog/catalog.js';
import { valuesAtPath } from './catalog/keys.js';

const EARLIEST_DATE = new Date(-8.64e15);

export function sweepExpired(catalog: Catalog, now = Date.now()): number {
  let removed = 0;
  for (const coll of [...catalog.allCollections()]) {
    for (const index of [...coll.indexes.values()]) {
      const ttl = index.spec.expireAfterSeconds;
      if (typeof ttl !== 'number' || index.fields.length !== 1) continue;
      const cutoff = now - ttl * 1000;
      const ids = index.lookupRange({ value: EARLIEST_DATE, inclusive: true }, { value: new Date(cutoff), inclusive: false });
      const parts = index.fields[0].split('.');
      for (const id of ids) {
        const doc = coll.get(id);
        if (!doc) continue;
        const dates = valuesAtPath(doc, parts).filter((v): v is Date => v instanceof Date);
        if (dates.length && Math.min(...dates.map((d) => d.getTime())) < cutoff) {
          catalog.remove(coll, doc);
          removed++;
        }
      }
    }
  }
  return removed;
}

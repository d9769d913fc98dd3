/**
 * Word positions as Meilisearch ranks them. It stores a position bucketed (exact below 16, 16–23
 * as 24, then the next power of two) and grades a word's wordPosition cost 0–10 by the distance
 * from that bucketed position to the word's place in the query. A match keeps only the bucket
 * (match-layout.ts), and a table per query place gives the cost of each bucket without arithmetic.
 */

export const MAX_POSITION_COST = 10;

/** Buckets 0–15: the position itself; 16: 16–23 (as 24); then one per power of two (17: up to 32, 18: up to 64 …). */
export function positionBucket(position: number): number {
  if (position < 16) return position;
  if (position < 24) return 16;
  return 12 + Math.ceil(Math.log2(position));
}

/** The position Meilisearch counts for a bucket. */
function bucketedPosition(bucket: number): number {
  if (bucket < 16) return bucket;
  return bucket === 16 ? 24 : 2 ** (bucket - 12);
}

/** The distance grades: a distance up to UPPER[c] (and above the previous one) costs c. */
const UPPER = [0, 1, 4, 7, 11, 16, 24, 64, 256, 1024];

function costOf(distance: number): number {
  const cost = UPPER.findIndex((upper) => distance <= upper);
  return cost === -1 ? MAX_POSITION_COST : cost;
}

/** Positions in an attribute go up to 0xffff: bucket 28. */
const BUCKETS = positionBucket(0xffff) + 1;
const tables = new Map<number, Uint8Array>();

/** Cost by position bucket of a word at `queryPosition` in the query. */
export function positionCosts(queryPosition: number): Uint8Array {
  let table = tables.get(queryPosition);
  if (!table) {
    table = Uint8Array.from({ length: BUCKETS }, (_, bucket) => costOf(Math.abs(bucketedPosition(bucket) - queryPosition)));
    tables.set(queryPosition, table);
  }
  return table;
}

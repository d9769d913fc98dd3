/**
 * The wordPosition cost of a word as Meilisearch reckons it: its position in the attribute,
 * bucketed as Meilisearch stores positions (exact below 16, then 24, then powers of two), taken as
 * a distance from the word's place in the query and graded 0–10. One table per query place, so
 * ranking reads a cost per word and document without arithmetic.
 */
import { MAX_POSITION } from './match-layout.js';

export const MAX_POSITION_COST = 10;

/** The distance grades: a distance up to UPPER[c] (and above the previous one) costs c. */
const UPPER = [0, 1, 4, 7, 11, 16, 24, 64, 256, 1024];

function bucketed(position: number): number {
  if (position < 16) return position;
  if (position < 24) return 24;
  return 2 ** Math.ceil(Math.log2(position));
}

function costOf(distance: number): number {
  const cost = UPPER.findIndex((upper) => distance <= upper);
  return cost === -1 ? MAX_POSITION_COST : cost;
}

const tables = new Map<number, Uint8Array>();

/** Cost by position (0 … MAX_POSITION) of a word at `queryPosition` in the query; a capped position counts as farthest. */
export function positionCosts(queryPosition: number): Uint8Array {
  let table = tables.get(queryPosition);
  if (!table) {
    table = Uint8Array.from({ length: MAX_POSITION + 1 }, (_, position) => costOf(Math.abs(bucketed(position) - queryPosition)));
    table[MAX_POSITION] = MAX_POSITION_COST;
    tables.set(queryPosition, table);
  }
  return table;
}

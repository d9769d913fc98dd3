/**
 * "Praktik yang belum diadopsi", "videotron yang belum pernah ditiru": a word asking for practices
 * already replicated, denied. Its key would put the replicated practices first, the opposite of
 * what is asked, and no filter tells a practice nobody adopted: the denial and the word are left
 * out, and the rest of the query is searched.
 */
import { REPLICATION_DENIED, REPLICATION_PHRASES } from './language-data.js';

const negations = new Set(REPLICATION_DENIED.negations);
const between = new Set(REPLICATION_DENIED.between);
const replicated = new Set(REPLICATION_PHRASES);

export function withoutDeniedReplication(typed: string[]): string[] {
  const dropped = new Set<number>();
  typed.forEach((word, i) => {
    if (!negations.has(word)) return;
    let end = i + 1;
    while (end < typed.length && between.has(typed[end])) end++;
    if (end < typed.length && replicated.has(typed[end])) for (let k = i; k <= end; k++) dropped.add(k);
  });
  return dropped.size > 0 ? typed.filter((_, i) => !dropped.has(i)) : typed;
}

/**
 * "Praktik yang belum diadopsi", "videotron yang belum pernah ditiru": a word asking for practices
 * already replicated, denied. Its key would put the replicated practices first, the opposite of
 * what is asked: the denial and the word are left out of the words searched, and the search is
 * narrowed to the practices no other practice was adopted from (search.service.ts).
 */
import { REPLICATION_DENIED, REPLICATION_PHRASES } from './language-data.js';
import type { LineageRole } from './replication.js';
import { quote, type FilterClause } from './search-filters.js';

const negations = new Set(REPLICATION_DENIED.negations);
const between = new Set(REPLICATION_DENIED.between);
const replicated = new Set(REPLICATION_PHRASES);

/** The positions of each denial and the word it denies, with the words between. */
function deniedAt(typed: string[]): Set<number> {
  const dropped = new Set<number>();
  typed.forEach((word, i) => {
    if (!negations.has(word)) return;
    let end = i + 1;
    while (end < typed.length && between.has(typed[end])) end++;
    if (end < typed.length && replicated.has(typed[end])) for (let k = i; k <= end; k++) dropped.add(k);
  });
  return dropped;
}

export function withoutDeniedReplication(typed: string[]): string[] {
  const dropped = deniedAt(typed);
  return dropped.size > 0 ? typed.filter((_, i) => !dropped.has(i)) : typed;
}

/** Whether the words deny a word asking for practices replicated: the query asks for practices nobody adopted. */
export function deniesReplication(typed: string[]): boolean {
  return deniedAt(typed).size > 0;
}

const ADOPTED_BY_ANOTHER: LineageRole = 'replicated';

/** The practices nobody adopted, when the query asks for them: no other practice names them as the one it was adopted from. */
export function unreplicatedFilter(unreplicated: boolean | undefined): FilterClause[] {
  return unreplicated ? [`type = ${quote('practice')}`, `lineage != ${quote(ADOPTED_BY_ANOTHER)}`] : [];
}

/**
 * Meilisearch's split words: a query word is also read as two words next to each other
 * ("satudata" → "satu data", "eoffice" → "e office"). Every split point is tried; both parts must
 * be indexed terms, and the split kept is the one whose parts stand together in the most
 * documents. A match through the split costs one typo (SPLIT_TYPOS).
 */
import type { TermIndex } from './term-index.js';
import { adjacentCount } from './word-matching.js';

/** The term ids of the best split of `word`, or null; `indexed` says whether a term can be matched at all (stop words cannot). */
export function bestSplit(word: string, index: TermIndex, indexed: (id: number) => boolean): [number, number] | null {
  const chars = [...word];
  let best: [number, number] | null = null;
  let bestCount = 0;
  for (let at = 1; at < chars.length; at++) {
    const left = index.termId(chars.slice(0, at).join(''));
    if (left === undefined || !indexed(left)) continue;
    const right = index.termId(chars.slice(at).join(''));
    if (right === undefined || !indexed(right)) continue;
    const count = adjacentCount(index, left, right);
    // The first split point wins a tie.
    if (count > bestCount) {
      best = [left, right];
      bestCount = count;
    }
  }
  return best;
}

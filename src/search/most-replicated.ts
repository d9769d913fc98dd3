/**
 * "Inovasi yang paling banyak ditiru", "praktik terbanyak direplikasi", "most replicated
 * innovations", "praktik baik terpopuler": the practices adopted by the most others, first. Searched as words, "banyak" and
 * "paling" were an aspect and a stop word, and the replicated practices came in the engine's order
 * of relevance, a replica saying "meniru" before the practice it copied. The phrase is read off
 * into the sort "replicated" (a practice's `replications`, replication.ts): among the records
 * holding the other words, the practices adopted by the most others first.
 */
import { ENGLISH_WORDS, REPLICATION_PHRASES } from './language-data.js';
import { readPhraseOff } from './phrases.js';

/** The words asking for replicated practices, Indonesian and English (replicated, adopted). */
const replicationWords = new Set([...REPLICATION_PHRASES, ...Object.entries(ENGLISH_WORDS).flatMap(([word, reading]) => (REPLICATION_PHRASES.includes(reading) ? [word] : []))]);

/** The count as one word (terbanyak, tersering) or a superlative alone (paling ditiru, most replicated). */
const COUNT_WORDS = new Set(['terbanyak', 'tersering']);
const SUPERLATIVES = new Set(['paling', 'most']);
/** The words "paling" makes a count of: paling banyak, paling sering. */
const COUNTED = new Set(['banyak', 'sering']);

/** How many tokens from typed[i] say "the most" (paling banyak, terbanyak, most); 0 when they do not. */
function countAt(typed: readonly string[], i: number): number {
  if (COUNT_WORDS.has(typed[i])) return 1;
  if (!SUPERLATIVES.has(typed[i])) return 0;
  return COUNTED.has(typed[i + 1] ?? '') ? 2 : 1;
}

/**
 * The most popular (terpopuler, paling populer, most popular): the only measure of it the records
 * hold is how many adopted a practice.
 */
function mostPopularAt(typed: readonly string[], i: number): number {
  if (typed[i] === 'terpopuler') return 1;
  return SUPERLATIVES.has(typed[i]) && (typed[i + 1] === 'populer' || typed[i + 1] === 'popular') ? 2 : 0;
}

/** How many tokens from typed[i] are a count and the replication word it is said of, in either order (paling banyak ditiru, direplikasi terbanyak), or say the most popular; 0 when none. */
function mostReplicatedAt(typed: readonly string[], i: number): number {
  const popular = mostPopularAt(typed, i);
  if (popular > 0) return popular;
  const count = countAt(typed, i);
  if (count > 0) return replicationWords.has(typed[i + count] ?? '') ? count + 1 : 0;
  if (!replicationWords.has(typed[i])) return 0;
  const after = countAt(typed, i + 1);
  return after > 0 ? after + 1 : 0;
}

/** The query with the words asking for the most replicated read off, as typed; null when it has none. */
export function readMostReplicated(q: string): { q: string; phrase: string } | null {
  const read = readPhraseOff(q, (typed, i) => {
    const length = mostReplicatedAt(typed, i);
    return length > 0 ? { length, read: true } : null;
  });
  return read && { q: read.q, phrase: read.phrase };
}

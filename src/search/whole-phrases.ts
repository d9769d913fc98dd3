/**
 * Synonym phrases the engine query keeps whole. The engine reads a phrase's synonyms only from its
 * words as written, side by side; the query's roots first (query-terms.ts) had split a phrase
 * holding an affixed word: "hubungan masyarakat" became `"hubung" masyarakat hubungan`, found the 16
 * records of the demo that say both words and none of the 24 on humas. A phrase all of whose
 * synonyms share its roots (pelayanan publik, layanan publik) is left to the roots, which find
 * every form of it (layanan informasi publik).
 */
import { ONE_WAY_SYNONYMS, SYNONYM_GROUPS } from './language-data.js';
import { byFirstWord, startsAt } from './phrases.js';
import { stemWord, words } from './stemmer.js';

const rootsOf = (member: string): string => [...new Set(words(member).map(stemWord))].sort().join(' ');

/** Whether a member of a group has a synonym of other roots, which its roots alone would not find (humas of hubungan masyarakat). */
export const hasSynonymOfOtherRoots = (members: readonly string[], member: string): boolean => members.some((other) => rootsOf(other) !== rootsOf(member));

/** Each phrase holding an affixed word with a synonym of other roots, as its words (penganggaran elektronik: e-budgeting). */
const wholePhrases: readonly (readonly string[])[] = [...SYNONYM_GROUPS, ...Object.entries(ONE_WAY_SYNONYMS).map(([word, others]) => [word, ...others])]
  .flatMap((members) =>
    members.filter((member) => {
      const phrase = words(member);
      return phrase.length > 1 && phrase.some((word) => stemWord(word) !== word) && hasSynonymOfOtherRoots(members, member);
    }),
  )
  .map(words);

/** Those phrases by their first word: every search reads its words against them. */
const phrasesStartingWith = byFirstWord(wholePhrases, (phrase) => phrase);

/** The words of such phrases typed whole in the query's words: searched as typed, without their roots. */
export function affixedPhraseWords(ordered: readonly string[]): string[] {
  const kept: string[] = [];
  ordered.forEach((word, i) => {
    for (const phrase of phrasesStartingWith.get(word) ?? []) if (startsAt(phrase, ordered, i)) kept.push(...phrase);
  });
  return kept;
}

/**
 * Synonym phrases read while they are typed (search-as-you-type). As typed, the words before the
 * last are searched by their roots and the last as a prefix, so a phrase never met its synonyms
 * until it was submitted: "hubungan masya" suggested the records saying "terhubung" and
 * "penghubung", none on humas, and "pejabat pengelola inform" none on PPID. A query ending in the
 * start of a synonym phrase is read with that phrase whole, as the submitted search reads it.
 */
import { SYNONYM_GROUPS } from './language-data.js';
import { MIN_TYPED_PREFIX } from './kind-names.js';
import { byFirstWord } from './phrases.js';
import { hasSynonymOfOtherRoots } from './whole-phrases.js';
import { words } from './stemmer.js';

/** Typed words of a phrase that make it the one meant, though more of its words follow ("usaha mikro kec…"). */
const WORDS_FOR_A_LONGER_PHRASE = 3;

interface GroupPhrase {
  words: readonly string[];
  group: number;
}

/**
 * Every synonym member of two words or more with a synonym of other roots, with its group. A phrase
 * whose synonyms share its roots (pelayanan publik, layanan publik) is found by the roots the words
 * typed are searched by, and its last word stays a prefix (pelayanan publ… may be publikasi).
 */
const groupPhrases: readonly GroupPhrase[] = SYNONYM_GROUPS.flatMap((members, group) =>
  members.filter((member) => hasSynonymOfOtherRoots(members, member)).map((member) => ({ words: words(member), group })).filter((phrase) => phrase.words.length > 1),
);
const phrasesStartingWith = byFirstWord(groupPhrases, (phrase) => phrase.words);
const longestPhrase = Math.max(...groupPhrases.map((phrase) => phrase.words.length));

/**
 * Whether the phrase's first `typed.length` words are the typed words, the last one begun: all of
 * the phrase, or three words or more of it (fewer could start another phrase than the one in the data).
 */
function typedStartOf(phrase: readonly string[], typed: readonly string[]): boolean {
  const k = typed.length;
  if (k > phrase.length || (k < phrase.length && k < WORDS_FOR_A_LONGER_PHRASE)) return false;
  const last = typed[k - 1];
  const begun = phrase[k - 1] === last || (last.length >= MIN_TYPED_PREFIX && phrase[k - 1].startsWith(last));
  return begun && typed.slice(0, -1).every((word, j) => phrase[j] === word);
}

/**
 * The words typed, ending in the start of a synonym phrase of one group only ("hubungan masya",
 * "pejabat pengelola inform", "monitoring dan eval"), with that phrase whole; null when they end
 * in none, or in phrases of several groups.
 */
export function completedSynonymPhrase(written: readonly string[]): string[] | null {
  for (let start = Math.max(0, written.length - longestPhrase); start <= written.length - 2; start++) {
    const typed = written.slice(start);
    const found = (phrasesStartingWith.get(typed[0]) ?? []).filter((phrase) => typedStartOf(phrase.words, typed));
    if (found.length > 0 && found.every((phrase) => phrase.group === found[0].group)) return [...written.slice(0, start), ...found[0].words];
  }
  return null;
}

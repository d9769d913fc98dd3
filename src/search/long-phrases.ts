/**
 * Long synonym phrases, as the engine cannot read them. Meilisearch reads a query's synonyms from at
 * most three words side by side (its n-grams; the embedded engine too), so an official name of
 * more words typed whole had none: "pejabat pengelola informasi dan dokumentasi" listed the records
 * saying "pejabat", none on PPID; "usaha mikro kecil dan menengah" named "mikro" and "menengah"
 * missing, and "sistem pemerintahan berbasis elektronik" found 5 records where "spbe" finds 23.
 * Such a phrase is searched as the one-word member of its group (ppid, umkm, spbe), whose synonyms
 * the engine reads, the long name among them. So is a phrase repeating a word (undang-undang: uu):
 * the engine query holds each word once, and "undang" alone matched "mengundang" (to invite).
 */
import { STOP_WORD_SET, SYNONYM_GROUPS } from './language-data.js';
import { byFirstWord, startsAt } from './phrases.js';
import { words } from './stemmer.js';

/** The most words side by side the engine reads a synonym from. */
const SYNONYM_NGRAM = 3;

const withoutStopWords = (member: string): string[] => words(member).filter((word) => !STOP_WORD_SET.has(word));

/** Whether the engine cannot read the phrase's synonyms: too many words, or a word twice. */
const unreadable = (phrase: readonly string[]): boolean => phrase.length > SYNONYM_NGRAM || new Set(phrase).size < phrase.length;

/** Each such member of a group that has a one-word member, as its words but stop words, with that word. */
const standIns: readonly { phrase: readonly string[]; word: string }[] = SYNONYM_GROUPS.flatMap((group) => {
  const word = group.map(words).find((member) => member.length === 1)?.[0];
  if (word === undefined) return [];
  return group.map(withoutStopWords).filter(unreadable).map((phrase) => ({ phrase, word }));
});

/** Those phrases by their first word: every search reads its words against them. */
const standInsStartingWith = byFirstWord(standIns, ({ phrase }) => phrase);

/** The words of a query, stop words left out, with each long synonym phrase typed whole replaced by its one-word member. */
export function withLongPhrasesShort(typed: readonly string[]): string[] {
  return longPhrasesRead(typed).words;
}

/** Those words, and each one-word member put in with the phrase it stands for (uu: undang undang). */
export function longPhrasesRead(typed: readonly string[]): { words: string[]; phrases: Map<string, string> } {
  const out: string[] = [];
  const phrases = new Map<string, string>();
  for (let i = 0; i < typed.length; i++) {
    const standIn = standInsStartingWith.get(typed[i])?.find(({ phrase }) => startsAt(phrase, typed, i));
    if (standIn) {
      out.push(standIn.word);
      phrases.set(standIn.word, standIn.phrase.join(' '));
      i += standIn.phrase.length - 1;
    } else out.push(typed[i]);
  }
  return { words: out, phrases };
}

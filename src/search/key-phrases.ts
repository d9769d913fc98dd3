/**
 * Phrases of a query read as a key no text holds: a border crossed (luar provinsi → the visits
 * across it, crossing.ts), a practice already replicated (diadopsi → the practices in a lineage,
 * replication.ts), whom to contact (narahubung → the practices naming their contact person,
 * contact-person.ts). The engine query holds the key right before the phrase: with the "last" strategy
 * the phrase's own words are dropped first, then the key, so the records holding the key come
 * before the other records of the subject, whatever words they hold.
 */
import { CONTACT_KEY } from './contact-person.js';
import { CROSSING_KEYS } from './crossing.js';
import { CONTACT_PHRASES, CROSSING_PHRASES, CROSSINGS, REPLICATION_PHRASES } from './language-data.js';
import { startsAt } from './phrases.js';
import { REPLICATION_KEY } from './replication.js';
import { stemWord, words } from './stemmer.js';

interface KeyPhrase {
  words: string[];
  key: string;
  /** The roots of its words when one differs (diadopsi: adopsi; penanggung jawab: tanggung jawab): the engine query gives the roots of all words first, the affixed words after them. */
  root: string[] | null;
  /** Its words that differ from their roots (penanggung), which the engine query gives after the roots. */
  affixed: string[];
}

const phrase = (text: string, key: string): KeyPhrase => {
  const split = text.split(' ');
  const root = split.map(stemWord);
  const affixed = split.filter((word, k) => word !== root[k]);
  return { words: split, key, root: affixed.length > 0 ? root : null, affixed };
};

const phrases: KeyPhrase[] = [
  ...CROSSINGS.flatMap((crossing) => CROSSING_PHRASES[crossing].map((text) => phrase(text, CROSSING_KEYS[crossing]))),
  ...REPLICATION_PHRASES.map((text) => phrase(text, REPLICATION_KEY)),
  ...CONTACT_PHRASES.map((text) => phrase(text, CONTACT_KEY)),
];

const phraseKeys = new Set(phrases.map((p) => p.key));
const contactPhrases = phrases.filter((p) => p.key === CONTACT_KEY);
/** The words of the phrases, and their roots, as an engine query holds them after their key. */
const phraseWords = new Set(phrases.flatMap((p) => [...p.words, ...(p.root ?? [])]));

/**
 * How many of an engine query's first `count` words a hit must hold to hold every word typed: when
 * they end with a phrase's key and the phrase's words, up to the key. The key stands for the phrase
 * (few records say "diadopsi" or "luar provinsi"; every practice in a lineage, every visit across
 * the border, holds the key), and the "last" strategy drops the phrase's words first.
 */
export function throughPhraseKey(query: readonly string[], count: number): number {
  let end = count;
  while (end > 0 && phraseWords.has(query[end - 1]) && !phraseKeys.has(query[end - 1])) end--;
  return end > 0 && end < count && phraseKeys.has(query[end - 1]) ? end : count;
}

/** Whether the phrase starts at word i of an engine query: as written, or as its roots, its affixed words written further on. */
function foundAt(p: KeyPhrase, query: readonly string[], i: number): boolean {
  if (startsAt(p.words, query, i)) return true;
  const { root } = p;
  return root !== null && startsAt(root, query, i) && p.affixed.every((word) => query.includes(word, i + root.length));
}

/** The words of the key phrases in a query's words: they are read as their key, whether or not a record holds them. */
export function keyPhraseWordsIn(typed: readonly string[]): Set<string> {
  const found = new Set<string>();
  typed.forEach((_, i) => {
    for (const p of phrases) if (startsAt(p.words, typed, i)) p.words.forEach((word) => found.add(word));
  });
  return found;
}

/** Whether a query's words ask whom to contact (narahubung, kontak person): the search page then shows the practices' contact persons. */
export function asksContact(typed: readonly string[]): boolean {
  return typed.some((_, i) => contactPhrases.some((p) => startsAt(p.words, typed, i)));
}

/** The engine query with each phrase's key before it ("… wilantarprovinsi luar provinsi", "… tirureplikasi adopsi … diadopsi"); as it is when it holds none. */
export function withPhraseKeys(engineQuery: string): string {
  const query = words(engineQuery);
  const out: string[] = [];
  let found = false;
  query.forEach((word, i) => {
    const named = phrases.find((p) => foundAt(p, query, i));
    if (named && !out.includes(named.key)) {
      out.push(named.key);
      found = true;
    }
    out.push(word);
  });
  return found ? out.join(' ') : engineQuery;
}

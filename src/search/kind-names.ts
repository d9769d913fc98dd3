/**
 * The names of the kinds of record in a query: the words every record of a kind holds (studi tiru,
 * praktik baik, pelajaran), the other names people type for them (studi banding, kunker), and the
 * names that alone ask for a kind (data/record-kinds.json).
 */
import type { KnowledgeType } from './knowledge-index.js';
import { KIND_NAMES, KIND_TYPED, KIND_WORDS } from './language-data.js';
import { memoized } from '../http/memo.js';
import { isDictionaryRoot, stemWord, words } from './stemmer.js';
import { editDistance, typosAllowed } from './suggestion.js';
import { startsAt } from './phrases.js';

/** Roots of the words naming a kind of record (studi tiru, praktik baik, pelajaran → ajar): every record of that kind holds them. */
const kindRoots = new Set(Object.values(KIND_WORDS).flatMap((list) => list.split(' ').map(stemWord)));

export function isKindRoot(root: string): boolean {
  return kindRoots.has(root);
}

/** Phrases as word lists, longest first so that "lessons learned" wins over a shorter phrase inside it. */
function longestFirst<T extends { words: string[] }>(phrases: T[]): T[] {
  return phrases.sort((a, b) => b.words.length - a.words.length);
}

/** The longest of the phrases that the words start with at position i. */
function phraseAt<T extends { words: string[] }>(phrases: readonly T[], typed: readonly string[], i: number): T | undefined {
  return phrases.find(({ words: phrase }) => startsAt(phrase, typed, i));
}

/** The other names typed for a kind, with the kind's words they stand for. */
const typedKinds = longestFirst(Object.entries(KIND_TYPED).map(([typed, kind]) => ({ words: typed.split(' '), kind: kind.split(' ') })));

/** Words of the kinds' names, as written or typed (pelajaran, studi, banding, kunker). */
const kindNameWords = new Set([...Object.keys(KIND_TYPED), ...Object.values(KIND_WORDS)].flatMap((name) => name.split(' ')));

/**
 * Whether a query word names a kind of record. Every record of the kind holds it in its stemmed
 * field, which is not highlighted: a typo look-alike highlighted in a hit (pelaporan, Bandung) is not
 * what it matched.
 */
export function namesKind(word: string): boolean {
  return kindNameWords.has(word) || isKindRoot(stemWord(word));
}

/** The names that alone ask for a kind of record. */
const kindNames = longestFirst(Object.entries(KIND_NAMES).flatMap(([kind, names]) => names.map((name) => ({ kind: kind as KnowledgeType, words: name.split(' ') }))));

/**
 * "Studi banding ke Padang Panjang", "kunker ke Bandung": other names of a kind of record are read
 * as the kind's own words, which every record of that kind holds. They are not indexed: "banding"
 * would reach every record of Bandung through a typo, "kerja" every record of kinerja.
 */
export function withKindNamesRead(typed: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < typed.length; ) {
    const found = phraseAt(typedKinds, typed, i);
    out.push(...(found ? found.kind : [typed[i]]));
    i += found ? found.words.length : 1;
  }
  return out;
}

/**
 * "Pelajaran dari kunjungan ke Padang Panjang", "praktik baik yang dilihat saat studi tiru": the kind
 * named first is the one asked for; the names of another kind after it only say where it came from.
 * Every record of that other kind holds its name, so keeping it would rank those records first.
 */
export function withFirstKindOnly(typed: string[]): string[] {
  const out: string[] = [];
  let head: KnowledgeType | null = null;
  for (let i = 0; i < typed.length; ) {
    const found = phraseAt(kindNames, typed, i);
    if (!found) {
      out.push(typed[i]);
      i += 1;
      continue;
    }
    head ??= found.kind;
    if (found.kind === head) out.push(...found.words);
    i += found.words.length;
  }
  return out;
}

/** The kinds' own words long enough to be typed with a typo (kunjungan, pelajaran, praktik, studi). */
const kindWordList = [...new Set(Object.values(KIND_WORDS).flatMap((list) => list.split(' ')))];

/**
 * "Pelajran", "kunjungn ke Sleman": a kind's word typed with a typo is read as that word. The kind
 * words are matched in the stemmed field, where typos are off, so the typo found nothing or only
 * texts that happen to say "kunjungan". A word of the language (pelaporan, studio, tunjangan: its
 * root is in the stemmer's dictionary) is no typo; the engine's allowance is kept (5/9 letters).
 */
export function withKindTyposRead(typed: string[]): string[] {
  return typed.map(kindTypoReading);
}

/** Distinct words whose reading is remembered: each query reads its words several times. */
const REMEMBERED_WORDS = 10_000;

const kindTypoReading = memoized((word: string): string => {
  const allowed = typosAllowed(word);
  if (allowed === 0 || namesKind(word) || isDictionaryRoot(word) || isDictionaryRoot(stemWord(word))) return word;
  return kindWordList.find((kindWord) => editDistance(word, kindWord) <= allowed) ?? word;
}, REMEMBERED_WORDS);

/** The query with its kind words' typos corrected (kunjungn ke sleman → kunjungan ke sleman); undefined when it has none. */
export function correctedKindTypos(q: string): string | undefined {
  const written = words(q);
  const read = withKindTyposRead(written);
  return read.some((word, i) => word !== written[i]) ? read.join(' ') : undefined;
}

/** The shortest start of a name's last word that is read as that name while it is typed (a synonym phrase's too). */
export const MIN_TYPED_PREFIX = 3;

/**
 * While it is typed, a query ending in the start of a kind's name of two or more words ("studi
 * band", "lessons lea", "praktik bai") ends in that name: the start alone would match as a prefix
 * ("band" of Bandung). Null when it does not.
 */
export function completedKindName(written: string[]): string[] | null {
  const last = written[written.length - 1] ?? '';
  if (last.length < MIN_TYPED_PREFIX) return null;
  for (const name of [...typedKinds, ...kindNames]) {
    const n = name.words.length;
    if (n < 2 || written.length < n) continue;
    const start = written.length - n;
    const whole = name.words.slice(0, -1).every((w, j) => written[start + j] === w);
    if (whole && name.words[n - 1].startsWith(last)) return [...written.slice(0, start), ...name.words];
  }
  return null;
}

/** The kinds whose names make up the words, every word being part of a name; null when some word is not. */
export function kindsNamed(typed: readonly string[]): Set<KnowledgeType> | null {
  const kinds = new Set<KnowledgeType>();
  for (let i = 0; i < typed.length; ) {
    const found = phraseAt(kindNames, typed, i);
    if (!found) return null;
    kinds.add(found.kind);
    i += found.words.length;
  }
  return kinds;
}

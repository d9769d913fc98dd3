/**
 * Affix-aware matching for Indonesian: every word of a record is reduced to its root with
 * Sastrawi's dictionary-based stemmer (sastrawijs: confix stripping checked against ~28k roots,
 * so "dipublikasikan" → "publikasi" while "sekolah" stays "sekolah"). The roots go into the extra
 * `stemmed` field of the search document, and a query's words are stemmed the same way.
 */
import { Stemmer } from 'sastrawijs';
import { compoundOf } from './compound-words.js';
import { memoized } from '../http/memo.js';
import { EXTRA_ROOTS, PLACE_NAME_WORDS, ROOT_READINGS } from './language-data.js';

const stemmer = new Stemmer();
// The domain's roots that Sastrawi lacks (data/roots.json): its addToDict loses `this`.
for (const root of EXTRA_ROOTS) stemmer.internalDictionary[root] = '';
const placeNames = new Set(PLACE_NAME_WORDS);
/** Distinct words whose roots are remembered. */
const REMEMBERED_WORDS = 50_000;

/** Whether the word is a root of the stemmer's dictionary: a word of the language, never a typo of another. */
export function isDictionaryRoot(word: string): boolean {
  return stemmer.find(word);
}

/** Lower-cased words of letters and digits (hyphenated words split: "e-government" → e, government). */
export function words(text: string): string[] {
  return text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * sastrawijs reads "menge-"/"penge-" only as the prefix of a one-syllable root (mengecat → cat), so
 * "mengelola", "pengembangan" and "mengevaluasi" kept their affixes and "mengenal" became "nal".
 * Sastrawi's rule also tries the root with the k the prefix dropped (kelola, kembang, kenal) and
 * the root right after "meng"/"peng" (evaluasi). The k reading goes first: roots in k are far more
 * common than roots in e, and "etik" must not win over "ketik". A one-syllable root whose k
 * reading is also a word is misread (mengecek → kecek); the raw word still matches as typed.
 */
function rootAfterNge(word: string): string | undefined {
  const rest = word.slice(4);
  for (const candidate of [`k${rest}`, rest]) {
    const root = stemmer.stem(candidate);
    if (stemmer.find(root)) return root;
  }
  return undefined;
}

/** The consonants a nasal prefix replaces, by the nasal, in the order Sastrawi's rules try them. */
const REPLACED: Readonly<Record<string, readonly string[]>> = { m: ['p', 'm'], n: ['t', 'n'], ny: ['s', 'ny'] };

/**
 * sastrawijs often reads me-/pe- with m, n or ny before a vowel as the whole prefix and the rest as
 * a root in a vowel (menambah → ambah, pemetaan → eta, menilai → ilai), or leaves the word whole
 * (menyajikan). Indonesian puts meng- before a root in a vowel, so after these nasals a consonant was
 * replaced, and the root is looked for with it put back: tambah, peta, nilai, saji. Left as read: a
 * word that is a root itself (menara), and a root read in such a consonant that goes on as the word
 * does after the nasal (memakai → pakai, meminta → minta). meng- is ambiguous (mengisi: isi, not
 * kisi), so its misreadings are listed in data/root-readings.json (mengunjungi → kunjung).
 */
function rootAfterNasal(word: string, read: string): string | undefined {
  const match = /^[mp]e(ny|m|n)([aiueo].*)$/.exec(word);
  if (!match || stemmer.find(word)) return undefined;
  const [, nasal, rest] = match;
  const consonants = REPLACED[nasal];
  if (consonants.some((c) => read.startsWith(c) && rest.startsWith(read.slice(c.length, c.length + 2)))) return undefined;
  for (const c of consonants) {
    const root = stemmer.stem(c + rest);
    if (root.startsWith(c) && stemmer.find(root)) return root;
  }
  return undefined;
}

/** Sastrawi's root, or the one after a nasal prefix it misread. */
function sastrawiRoot(word: string): string {
  const read = stemmer.stem(word) || word;
  return rootAfterNasal(word, read) ?? read;
}

const rootOf = memoized((word: string) => ROOT_READINGS.get(word) ?? compoundOf(word) ?? (/^[mp]enge/.test(word) ? rootAfterNge(word) : undefined) ?? sastrawiRoot(word), REMEMBERED_WORDS);

/**
 * The root of one lower-case word; words with digits, very short words and place names are kept as
 * they are. An affixed compound gives the compound's words ("tindak lanjut", see compound-words.ts).
 */
export function stemWord(word: string): string {
  if (word.length <= 3 || /\d/.test(word) || placeNames.has(word)) return word;
  return rootOf(word);
}

/** The roots of every word of `text`, in order (order keeps phrase proximity for the stemmed field). */
export function stemText(text: string): string {
  return words(text).map(stemWord).join(' ');
}

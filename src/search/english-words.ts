/**
 * English typed in the search box (the interface speaks English too; the records are Indonesian):
 * each word of data/english.json is read as the Indonesian words the records use, the little words
 * (a, the, of) dropped. English puts the head of a phrase last, Indonesian first, and with the
 * "last" strategy the first word is the one every hit must hold: a run of such words holding a
 * truly English one is turned around, "weekly news programme" → "program berita mingguan".
 * Question words, verbs, stop words and the words asking for a list or the newest stay where they
 * are, so the question's opening is read as in Indonesian ("who runs …" → "siapa menjalankan …").
 */
import { ASKED_ABOUT, ASKED_VERBS, ASPECT_CLAUSE_VERBS, BORDER_PLACE_WORDS, ENGLISH_PHRASES, ENGLISH_WORDS, LIST_WORDS, NEWEST_WORDS, OUTSIDE_WORDS, QUESTION_WORDS, REPLICATION_PHRASES, REQUEST_WORDS, STOP_WORD_SET, STOP_WORDS, SYNONYM_ONE_WORDS, SYNONYM_PHRASES } from './language-data.js';
import { MONTH_NAMES } from './months.js';
import { startsAt, withPairsJoined } from './phrases.js';
import { placeNameLengthBefore, withoutPlaceNames } from './place-names.js';
import { isDictionaryRoot, stemWord } from './stemmer.js';

/** A word's regular English plural (problems, cities, taxes), or its -s form as a verb (runs). */
function pluralOf(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

/**
 * The table, and the regular plural of each English word in it read as the word is ("budget
 * problems" had named problems missing), unless the table reads the plural itself or it is an
 * Indonesian root. Little words (a, the) and words both languages write have none.
 */
const english = new Map(Object.entries(ENGLISH_WORDS));
for (const [word, reading] of Object.entries(ENGLISH_WORDS)) {
  const plural = pluralOf(word);
  if (reading !== '' && reading !== word && !english.has(plural) && !isDictionaryRoot(plural)) english.set(plural, reading);
}
// A phrase of two English words is one entry, read as a word once withEnglishRead has joined its words.
for (const [phrase, reading] of Object.entries(ENGLISH_PHRASES)) english.set(phrase, reading);
const phraseReadAs = (word: string, next: string): string | null => (Object.hasOwn(ENGLISH_PHRASES, `${word} ${next}`) ? `${word} ${next}` : null);

/** Readings that frame a question rather than name its subject (siapa, menjalankan, punya, diadopsi, dihadapi): never turned around with it. */
const framing = new Set([...QUESTION_WORDS, ...REQUEST_WORDS, ...ASKED_VERBS, ...ASPECT_CLAUSE_VERBS, ...REPLICATION_PHRASES, ...LIST_WORDS, ...NEWEST_WORDS, ...STOP_WORDS]);

const askedAbout = new Set(ASKED_ABOUT);

/** The one-word synonyms that are no Indonesian word either (spbe, ppid, medsos, csirt): acronyms and brands, of no one language. */
const acronyms = new Set([...SYNONYM_ONE_WORDS].filter((word) => !isDictionaryRoot(word) && !isDictionaryRoot(stemWord(word))));

/** Whether the word is English only, read as other words (weekly, news; not data or media, which both languages write). */
export function isEnglishWord(word: string): boolean {
  const reading = english.get(word);
  return reading !== undefined && reading !== word;
}

/**
 * Whether a query is written in English: more of its words English only than not in the table.
 * Words both languages write, numbers (lessons 2022), months (as "last month" is read: visits 2026
 * oktober), the names of places (visits to padang panjang) and the acronyms of the synonym data
 * (spbe implementation had been read as Indonesian, implementation named missing) count for
 * neither. Indonesian keeps English terms of the trade ("security operation center"): a query
 * holding one is not read.
 */
export function readsAsEnglish(typed: string[]): boolean {
  // A pair read together (email address) counts as one English word: "address" alone is none.
  const unnamed = withPairsJoined(withoutPlaceNames(typed), phraseReadAs);
  const englishOnly = unnamed.filter(isEnglishWord).length;
  const other = unnamed.filter((word) => !english.has(word) && !/\d/.test(word) && !MONTH_NAMES.has(word) && !acronyms.has(word)).length;
  return englishOnly > other;
}

/**
 * An English word being typed, completed ("wee" → weekly) when every word of the table starting
 * with it is read one way, another word than itself (a word both languages write, or a little word,
 * is matched as typed): then it is read as any English word is. Three letters at least.
 */
export function englishCompletion(fragment: string): string | undefined {
  if (fragment.length < 3 || english.has(fragment)) return undefined;
  let first: string | undefined;
  const readings = new Set<string>();
  for (const [word, reading] of english) {
    if (!word.startsWith(fragment)) continue;
    if (reading === '' || reading === word) return undefined;
    first ??= word;
    readings.add(reading);
  }
  return readings.size === 1 ? first : undefined;
}

/** The English word typed (waste) that the query read as this Indonesian word (sampah), if any. */
export function englishFor(word: string, typed: string[]): string | undefined {
  return typed.find((token) => english.get(token)?.split(' ').includes(word) && token !== word);
}

/** The kinds of place English names after a place's name (bandung city, solok regency), by their reading. */
const PLACE_KINDS = new Set(['kota', 'kabupaten', 'provinsi']);

/**
 * An English kind of place after a place's name put before it, read, as Indonesian names a place
 * (bandung city → kota bandung): "city" had been searched as a subject word, and "visits to solok
 * regency" had led with "kabupaten".
 */
function withPlaceKindsFirst(typed: string[]): string[] {
  const out = [...typed];
  for (let i = 1; i < out.length; i++) {
    const kind = english.get(out[i]);
    const length = kind && PLACE_KINDS.has(kind) ? placeNameLengthBefore(out, i) : 0;
    if (length > 0) out.splice(i - length, length + 1, kind as string, ...out.slice(i - length, i));
  }
  return out;
}

/** The words read as Indonesian when the query is English (`inEnglish`: decided on the words as typed, a kind's English name among them). */
export function withEnglishRead(typedAsIs: string[], inEnglish = readsAsEnglish(typedAsIs)): string[] {
  if (!inEnglish) return typedAsIs;
  // English phrases (in charge) joined first: each is read as one word of the table.
  const typed = withPairsJoined(withPlaceKindsFirst(typedAsIs), phraseReadAs);
  const out: string[] = [];
  // The current run of subject words, each as its reading's words, and whether one is English only.
  let run: string[][] = [];
  let foreign = false;
  const endRun = (): void => {
    out.push(...(foreign ? [...run].reverse() : run).flat());
    run = [];
    foreign = false;
  };
  for (let i = 0; i < typed.length; i++) {
    // A synonym phrase is the engine's to read (smart city → kota cerdas, public relations → humas).
    const phrase = SYNONYM_PHRASES.find((words) => startsAt(words, typed, i));
    if (phrase) {
      endRun();
      out.push(...phrase);
      i += phrase.length - 1;
      continue;
    }
    const word = typed[i];
    const reading = english.get(word);
    // Visits "to other provinces": a border crossed, as "ke provinsi lain" is read (query-terms.ts).
    const other = reading === 'lain' ? (english.get(typed[i + 1] ?? '') ?? '') : '';
    if (OUTSIDE_WORDS.towards.includes(out.at(-1) ?? '') && run.length === 0 && BORDER_PLACE_WORDS.has(other)) {
      out.push('luar', other);
      i++;
      continue;
    }
    // "Other cities", "other regions": another of the things asked about names no record (as "daerah lain" does in query-terms.ts).
    if (askedAbout.has(other)) {
      endRun();
      i++;
      continue;
    }
    // A reading ending in a little word (visited: kunjungan ke) leads to what follows: never turned around with what precedes.
    if (reading === undefined || reading === '' || framing.has(reading) || STOP_WORD_SET.has(reading.split(' ').pop() ?? '')) {
      endRun();
      if (reading === undefined) out.push(word);
      else if (reading !== '') out.push(...reading.split(' '));
      continue;
    }
    run.push(reading.split(' '));
    foreign ||= reading !== word;
  }
  endRun();
  return out;
}

/**
 * The query the engine receives. With stemming, the roots of the words come first and the raw
 * forms that differ from their root follow: Meilisearch's default matching strategy ("last") drops
 * words from the end when too few records match every word, so a record that holds only another
 * affixed form ("mempublikasikan" for "dipublikasikan") still matches through the roots in its
 * `stemmed` field, while records with the exact form match one word more and rank above it.
 */
import type { KnowledgeType } from './knowledge-index.js';
import type { SearchParams } from './search-types.js';
import { englishCompletion, readsAsEnglish, withEnglishRead } from './english-words.js';
import { completedKindName, kindsNamed, namesKind, withFirstKindOnly, withKindNamesRead, withKindTyposRead } from './kind-names.js';
import { ASKED_ABOUT, ASKED_VERBS, ASPECT_CLAUSE_VERBS, ASPECT_FORMS, BORDER_PLACE_WORDS, COUNT_WORDS, CROSSING_PHRASES, CROSSINGS, ISLANDS, LIST_WORDS, NEWEST_WORDS, OUTSIDE_WORDS, QUESTION_WORDS, REPLICATION_PHRASES, REQUEST_WORDS, STOP_WORD_SET, SUPERLATIVE_WORDS, SYNONYM_PHRASES, SYNONYM_WORDS } from './language-data.js';
import { namesKindWithin, startsPlaceName } from './place-names.js';
import { stemWord, words } from './stemmer.js';
import { MONTH_NAMES } from './months.js';
import { namesAspect, namesDate, placeOf, placesOf, subjectFirst, SUBJECT, withResourcesLeading, YEAR, YEARS } from './engine-order.js';
import { startsAt, withPairsJoined } from './phrases.js';
import { affixedPhraseWords } from './whole-phrases.js';
import { withLongPhrasesShort } from './long-phrases.js';
import { completedSynonymPhrase } from './completed-phrases.js';
import { withRelativeDatesRead } from './relative-dates.js';
import { withDayDatesRead } from './day-dates.js';
import { deniesReplication, withoutDeniedReplication } from './denied-replication.js';

/** Words that make an opening a question or a request: siapa, mana, apakah …; ingin, tolong …; daftar, tampilkan … */
const askingWords = new Set([...QUESTION_WORDS, ...REQUEST_WORDS, ...LIST_WORDS]);
/** Asking words that are no stop words, dropped from an opening with the verbs: daftar, tampilkan … */
const listWords = new Set(LIST_WORDS);
const askedAbout = new Set(ASKED_ABOUT);
/** Words a question's opening may hold around its subject: the thing asked about, the verb of having or using it. */
const framing = new Set([...ASKED_ABOUT, ...ASKED_VERBS]);
/** Words saying where the thing asked about lies (instansi di Jawa Tengah, dinas dari Sumbar). */
const WHERE_WORDS = new Set(['di', 'dari']);
/** Words asking for practices replicated (diadopsi, ditiru): an opening may hold them, and keeps them (replication.ts). */
const replicated = new Set(REPLICATION_PHRASES);
/** Whether a synonym phrase starts at typed[i]: its first word is then no word asking for a list (daftar informasi publik). */
function opensPhrase(typed: string[], i: number): boolean {
  return SYNONYM_PHRASES.some((phrase) => startsAt(phrase, typed, i));
}

/**
 * "Daerah mana yang sudah punya …", "dinas mana yang pakai videotron", "kami ingin belajar literasi
 * digital": a question or a request opens with the general thing it asks about and a verb of
 * having, using or learning; "daftar inovasi kota Solok" with a word asking for a list. When the
 * opening run of stop words and such words holds a question, request or list word, those words are
 * dropped there: with the "last" strategy the first word left is one every hit must hold, and few
 * records say "daerah", "pakai" or "daftar" of themselves.
 */
function withoutQuestionFrame(typed: string[]): string[] {
  let end = 0;
  const inOpening = (word: string, i: number): boolean => STOP_WORD_SET.has(word) || framing.has(word) || replicated.has(word) || (listWords.has(word) && !opensPhrase(typed, i));
  while (end < typed.length && inOpening(typed[end], end)) end++;
  const opening = typed.slice(0, end);
  // "Daerah yang …", "dinas yang …" asks which ones, as "daerah mana yang …" does.
  const asksWhich = askedAbout.has(opening[0]) && opening[1] === 'yang';
  // "Instansi di Jawa Tengah": the general thing, then only where; no record says "instansi" of itself.
  const asksWhere = end === 2 && askedAbout.has(opening[0]) && WHERE_WORDS.has(opening[1]) && startsPlaceName(typed, end);
  if (asksWhere) return typed.slice(1);
  if (!asksWhich && !opening.some((w) => askingWords.has(w))) return typed;
  // A thing asked about right before the subject, beginning a place's name with it, names it: "… di
  // kota solok" is not Kabupaten Solok; "which agencies visited bandung" asks for no "instansi".
  const namesSubject = (i: number): boolean => i === end - 1 && end < typed.length && askedAbout.has(typed[i]) && startsPlaceName(typed, i);
  return [...opening.filter((w, i) => !listWords.has(w) && (!framing.has(w) || namesSubject(i))), ...typed.slice(end)];
}

/** Whether a word typed is one of a query's subject, which leads the engine query: no stop word, question's frame, kind's name, date or aspect. */
export function isSubjectWord(word: string): boolean {
  return !STOP_WORD_SET.has(word) && !askingWords.has(word) && !framing.has(word) && placeOf(word, stemWord(word)) === SUBJECT;
}

const islands = Object.keys(ISLANDS).map((island) => island.split(' '));

/** Words for a part of a year or a month named after them (awal tahun 2024, akhir 2022, pertengahan Mei). */
const PART_OF_PERIOD = new Set(['awal', 'akhir', 'pertengahan', 'penghujung']);

const isCount = (word: string): boolean => /^\d{1,3}$/.test(word) || Object.hasOwn(COUNT_WORDS, word);

/** A count before a kind's name, and "top" before either (10 inovasi terbaik, top 5 praktik): the size of the list asked for, which no record holds. */
function countsList(typed: readonly string[], i: number): boolean {
  const next = typed[i + 1] ?? '';
  if (typed[i] === 'top') return isCount(next) || namesKind(next);
  return isCount(typed[i]) && namesKind(next);
}

/** Whether a year or a month is named at typed[i], "tahun" or "bulan" before it or not. */
function namesDateAt(typed: readonly string[], i: number): boolean {
  const at = typed[i] === 'tahun' || typed[i] === 'bulan' ? i + 1 : i;
  return namesDate(typed[at] ?? '');
}

/**
 * "Tahun" right before a year, "bulan" before a month, "pulau" before an island ("kunjungan tahun
 * 2023", "bulan mei", "studi banding ke pulau Jawa"): records hold the month and year of their date
 * and the names of their provinces, not those words. "Pulau" would have led the query, and its root
 * is that of "Kepulauan Mentawai". So do "se" before a place (se-Jawa Barat: all of it), the kind
 * of the places lying in one named (kabupaten di Sumbar: namesKindWithin), a part of the period
 * before a date (awal tahun 2024: the year's records; "awal" had led the query), and the size of
 * a list asked for (10 inovasi terbaik had listed the one practice saying "10").
 */
function withoutNamingWords(typed: string[]): string[] {
  return typed.filter(
    (word, i) =>
      !(PART_OF_PERIOD.has(word) && namesDateAt(typed, i + 1)) &&
      !countsList(typed, i) &&
      !(word === 'tahun' && YEAR.test(typed[i + 1] ?? '')) &&
      !(word === 'bulan' && MONTH_NAMES.has(typed[i + 1] ?? '')) &&
      !(word === 'pulau' && islands.some((island) => startsAt(island, typed, i + 1))) &&
      !(word === 'se' && startsPlaceName(typed, i + 1)) &&
      !namesKindWithin(typed, i),
  ).filter((word, i, kept) => !(ASPECT_CLAUSE_VERBS.has(word) && saysOfAspect(kept, i)));
}

/**
 * Whether the word before typed[i], stop words aside, names an aspect (kendala yang dihadapi,
 * masalah yang sering terjadi), or only stop words open the query before it (hal yang perlu
 * diperhatikan: the things to mind, of whatever follows).
 */
function saysOfAspect(typed: readonly string[], i: number): boolean {
  let before = i - 1;
  while (before >= 0 && STOP_WORD_SET.has(typed[before])) before--;
  return before >= 0 ? namesAspect(typed[before]) : i > 0;
}

const superlativeWords = new Set(SUPERLATIVE_WORDS);
/** The superlatives the query data reads (terbaru, terpopuler): "paling" joins only these; before another word it is the stop word it is (paling efektif: efektif). */
const readSuperlatives = new Set([...NEWEST_WORDS, ...ASPECT_FORMS].filter((word) => word.startsWith('ter')));

/**
 * "Paling baru", "paling populer" as the one word ter- makes of them (terbaru, terpopuler): the
 * newest words and the words judging a subject read that word; "paling" alone is a stop word, and
 * "baru" was searched as a subject ("pelajaran paling baru" had listed the lessons saying "baru").
 */
const superlativeJoined = (word: string, next: string): string | null => (superlativeWords.has(word) && readSuperlatives.has(`ter${next}`) ? `ter${next}` : null);

const crossingPhrases = new Set(CROSSINGS.flatMap((crossing) => CROSSING_PHRASES[crossing]));

/**
 * Two words typed for a border's one-word phrase (se-provinsi → seprovinsi) when they are no phrase
 * themselves (antar provinsi is), and so a phrase opening with a stop word, which the data reads as
 * one word (dalam provinsi → dalamprovinsi; language-data.ts): the stop word would be dropped, and
 * "provinsi" alone had listed the visits of any province's agency.
 */
const crossingJoined = (word: string, next: string): string | null =>
  crossingPhrases.has(word + next) && !crossingPhrases.has(`${word} ${next}`) ? word + next : null;

/** Where the superlative joined into `word` (terpopuler) was typed as two words (paling populer); -1 when it was not. */
export function superlativeTypedAt(word: string, typed: readonly string[]): number {
  return typed.findIndex((w, i) => i + 1 < typed.length && superlativeJoined(w, typed[i + 1]) === word);
}

/**
 * The words of a query with a year or month named from today read as it (tahun lalu → 2025), a
 * kind's words typed with a typo and its other names read as its words, English read as
 * Indonesian, a denied word asking for practices replicated left out (belum diadopsi), and so is
 * another of the things a question asks about (daerah lain); a superlative typed as two words, and
 * a border's phrase opening with a stop word, read as one word (paling baru, dalam provinsi).
 * `typing`: a word still being typed is no word of either language, so whether the query is
 * English is told by the words before it ("complaint hand…").
 */
export function readWords(q: string, typing = false): string[] {
  // Denials are read once English is read as Indonesian: "not yet adopted" as "tidak diadopsi".
  // Superlatives once English is read too: "most popular" as "paling populer", then "terpopuler".
  const read = withoutOthersAskedAbout(withoutDeniedReplication(wordsInIndonesian(q, typing)));
  return withPairsJoined(withPairsJoined(read, superlativeJoined), crossingJoined);
}

/** The words of a query with its dates, a kind's names and English read (readWords' first steps). */
function wordsInIndonesian(q: string, typing: boolean): string[] {
  const typed = withKindTyposRead(withDayDatesRead(withRelativeDatesRead(words(q))));
  const unfinished = typing && endsInWord(q);
  const whole = unfinished ? typed.slice(0, -1) : typed;
  const inEnglish = readsAsEnglish(whole);
  // An English word being typed is read once it can be read one way only (who runs a wee… → mingguan).
  const completed = unfinished && inEnglish ? englishCompletion(typed[typed.length - 1]) : undefined;
  return withEnglishRead(withKindNamesRead(completed ? [...whole, completed] : typed), inEnglish);
}

/** Whether a query asks for practices nobody adopted (praktik yang belum diadopsi, practices not yet replicated); a quoted phrase is taken literally. */
export function asksUnreplicated(q: string): boolean {
  return !q.includes('"') && deniesReplication(wordsInIndonesian(q, false));
}

const OTHER = new Set(['lain', 'lainnya']);

/** Whether the word before typed[i], stop words aside, asks for practices replicated (direplikasi oleh kabupaten). */
function afterReplication(typed: readonly string[], i: number): boolean {
  let before = i - 1;
  while (before >= 0 && STOP_WORD_SET.has(typed[before])) before--;
  return before >= 0 && replicated.has(typed[before]);
}

/**
 * "Ditiru daerah lain", "dari instansi lainnya": another of the things a question asks about names
 * no record, and a record saying "daerah" is no more what is asked than one that does not. Both
 * words are left out (English "other regions" is left out as it is read: english-words.ts). So is
 * such a thing named as the one replicating, unless it starts a place's name: "praktik yang bisa
 * direplikasi kabupaten" had required "kabupaten" before the replicated practices. Visited, the
 * other place is a border crossed: "studi tiru ke provinsi lain" is "ke luar provinsi" (crossing.ts),
 * and had listed every visit.
 */
function withoutOthersAskedAbout(typed: string[]): string[] {
  const dropped = new Set<number>();
  const crossed = new Set<number>();
  typed.forEach((word, i) => {
    if (OUTSIDE_WORDS.towards.includes(typed[i - 1]) && BORDER_PLACE_WORDS.has(word) && OTHER.has(typed[i + 1] ?? '')) crossed.add(i);
    else if (askedAbout.has(word) && OTHER.has(typed[i + 1] ?? '')) dropped.add(i).add(i + 1);
    else if (askedAbout.has(word) && afterReplication(typed, i) && !startsPlaceName(typed, i)) dropped.add(i);
  });
  if (dropped.size === 0 && crossed.size === 0) return typed;
  return typed.flatMap((word, i) => (crossed.has(i) ? ['luar', word] : crossed.has(i - 1) || dropped.has(i) ? [] : [word]));
}

/** Whether a query ends inside a word: as it is typed, that word may be unfinished; sent to the engine, it is read as a prefix. */
export const endsInWord = (q: string): boolean => /[\p{L}\p{N}]$/u.test(q);

/** Whether readWords reads the query as English: decided before a kind's other names are read, so "lessons learned" counts as English. */
export function readAsEnglish(q: string): boolean {
  return readsAsEnglish(withKindTyposRead(words(q)));
}

/**
 * The kind of record a query asks for when it is nothing but names of that kind ("pelajaran",
 * "semua studi banding", "kunjungan studi tiru"), years aside ("studi tiru 2022"); null for any
 * other query. Every record of the kind holds those words, so searching them would only rank the
 * kind's records among look-alikes (pelaporan for pelajaran, mempelajari) and the records of other
 * kinds that speak of it.
 */
export function kindNamedBy(q: string): KnowledgeType | null {
  if (q.includes('"')) return null;
  const asked = withoutQuestionFrame(withoutNamingWords(readWords(q))).filter((w) => !STOP_WORD_SET.has(w) && !YEAR.test(w));
  const kinds = kindsNamed(asked);
  return kinds?.size === 1 ? [...kinds][0] : null;
}

/** The years a query names ("studi tiru 2022"): the records of a year hold it (search-documents.ts). */
export function yearsIn(q: string): string[] {
  return withRelativeDatesRead(words(q)).filter((w) => YEAR.test(w));
}

const newestWords = new Set(NEWEST_WORDS);

/** Whether the query asks for the newest records first ("inovasi terbaru", "studi tiru terkini"). */
export function asksNewest(q: string): boolean {
  return readWords(q).some((word) => newestWords.has(word));
}

/** The words of a query that are searched for: without stop words and a question's opening. */
export function searchedWords(q: string): string[] {
  return withoutQuestionFrame(withoutNamingWords(readWords(q))).filter((w) => !STOP_WORD_SET.has(w));
}

/** How some words of a query are searched, when its first search found them otherwise (missing-words.ts). */
export type WordReadings = Readonly<Pick<SearchParams, 'asTyped' | 'rootsOnly'>>;

/**
 * `typing` (search-as-you-type): a query that ends inside a word is still being typed, and the
 * engine matches its last word as a prefix only while it is last. That word is kept as typed and
 * last — its "root" would be a guess from a fragment (pemberi… → beri), and the raw forms appended
 * after it would take its place ("pelayanan publ" must not become "layan publ pelayanan").
 * `readings.asTyped`: words kept as typed, without a root (a typo that reads as another word's
 * affixed form); `readings.rootsOnly`: words searched by their root alone, no record holding the
 * form typed (missing-words.ts).
 * `placeKeys`: the keys of the places the query names, searched after its subject and kind words;
 * `placeWords`: the words of those names, searched after the keys when the query has a subject.
 */
export function expandQuery(q: string, typing = false, readings: WordReadings = {}, placeKeys: readonly string[] = [], placeWords: ReadonlySet<string> = new Set()): string {
  // Quoted phrases are taken literally.
  if (q.includes('"')) return q;
  if (typing && endsInWord(q)) {
    const completed = completedKindName(words(q)) ?? completedSynonymPhrase(words(q));
    if (completed) return expandQuery(completed.join(' '), false, readings);
  }
  const written = words(q);
  const typed = withFirstKindOnly(withoutNamingWords(readWords(q, typing)));
  const asked = withoutQuestionFrame(typed);
  const raw = asked.filter((w) => !STOP_WORD_SET.has(w));
  const prefix = typing && endsInWord(q) && raw.length > 0 && raw[raw.length - 1] === typed[typed.length - 1];
  if (prefix) {
    // A date or a word for an aspect would have to lead, the word being typed staying last: left out while typing.
    const typedRoots = raw.map(stemWord);
    const places = placesOf(raw, typedRoots);
    const before = typedRoots.slice(0, -1).filter((_, i) => places[i] < YEARS);
    return [...new Set([...before, raw[raw.length - 1]])].join(' ');
  }
  const ordered = withResourcesLeading(withLongPhrasesShort(raw), placeWords);
  const { asTyped = [], rootsOnly = [] } = readings;
  const whole = new Set([...asTyped, ...affixedPhraseWords(ordered)]);
  const roots = ordered.map((word) => (whole.has(word) ? word : stemWord(word)));
  const changed = ordered.filter((w, i) => roots[i] !== w && !roots.includes(w) && !rootsOnly.includes(w));
  const expanded = subjectFirst(ordered, roots, [...new Set([...roots, ...changed])], placeKeys, placeWords);
  // Nothing but stop words, or nothing read, dropped, stemmed or moved: the engine gets the query as typed.
  const unchanged = asked.length === typed.length && typed.join(' ') === written.join(' ') && expanded.join(' ') === raw.join(' ');
  if (raw.length === 0 || unchanged) return q;
  return expanded.join(' ');
}

/** A submitted last word this short is an abbreviation typed whole (pp, kb, tv), not the start of a word. */
const SHORTEST_PREFIX = 3;

/**
 * A submitted query whose last word is a word of the synonym data (dip, kim, wa, ppid) or shorter
 * than three letters is read whole: the engine takes a query's last word as a prefix unless a space
 * follows it, and "dip" would find "dipasang" and "dipelihara", "wa" every "warga", the "pp" of
 * "satpol pp" every PPID. Search-as-you-type keeps the prefix.
 */
export function lastWordWhole(engineQuery: string): string {
  if (engineQuery.includes('"')) return engineQuery;
  const last = words(engineQuery).pop();
  const whole = last !== undefined && (SYNONYM_WORDS.has(last) || last.length < SHORTEST_PREFIX);
  return whole && endsInWord(engineQuery) ? `${engineQuery} ` : engineQuery;
}

/**
 * The engine query with the roots it gives beside the words typed (pasang of pemasangan) quoted:
 * the engine then matches them as written only, never through a typo nor as a prefix. A root is
 * the app's reading, not a word anyone typed: through one typo "pasang" had found every record of
 * Padang, "cegah" every "celah", "liput" every "luput". The word typed keeps its typos. A root of
 * the synonym data stays a word, its synonyms the engine's to add; a query with a phrase of its own
 * is the user's to word.
 */
export function withRootsExact(engineQuery: string, q: string): string {
  if (q.includes('"')) return engineQuery;
  const typed = new Set([...words(q), ...readWords(q)]);
  const roots = new Set([...typed].map(stemWord).filter((root) => !typed.has(root) && !root.includes(' ') && !SYNONYM_WORDS.has(root)));
  if (roots.size === 0) return engineQuery;
  return engineQuery.replace(/[^\s"]+/g, (word) => (roots.has(word) ? `"${word}"` : word));
}

/**
 * Where each typed word goes in the engine query: the subject first, then the words naming a kind,
 * the keys of the places named, the places' own words, the years and months, the aspects last
 * (query-terms.ts reads the words; this orders them). With the "last" strategy the engine drops
 * words from the end, so the order says which words a hit may lack first.
 */
import { isKindRoot } from './kind-names.js';
import { ASKED_VERBS, ASPECT_FORMS, ASPECT_PHRASES, ASPECT_WORDS, EXACT_WORDS, RESOURCE_ASPECTS, SYNONYM_PHRASES, SYNONYM_WORDS } from './language-data.js';
import { MONTH_NAMES } from './months.js';
import { startsAt } from './phrases.js';
import { isDictionaryRoot, stemWord } from './stemmer.js';
import { editDistance, typosAllowed } from './suggestion.js';
import { memoized } from '../http/memo.js';

/**
 * The words for an aspect of a subject or a process done to it (manfaat, biaya, peningkatan …): by
 * root, or as written. The verbs of having, using or learning it that a question opens with go
 * there too when they follow it ("kominfo padang belajar apa" asks for Kota Padang's visits, not
 * for every record saying "belajar").
 */
const aspectRoots = new Set(ASPECT_WORDS.map(stemWord));
const aspectForms = new Set([...ASPECT_FORMS, ...ASKED_VERBS]);
const aspectPhrases = ASPECT_PHRASES.map((phrase) => phrase.split(' '));
const aspectSpellings = [...ASPECT_WORDS, ...ASPECT_FORMS];
/** Words of the domain's data, known though no dictionary lists them (pemda, one letter from perda). */
const knownWords = new Set([...SYNONYM_WORDS, ...EXACT_WORDS]);

/**
 * A word neither the stemmer, its dictionary nor the language data knows, as near to an aspect's
 * word as the engine's typo tolerance reaches (pengelolan, peningkatn): that aspect, mistyped. Read
 * as a subject it led the engine query, and "pengelolan pengaduan" listed the records on
 * pengelolaan before those on pengaduan.
 */
const mistypedAspect = memoized((word: string): boolean => {
  const allowed = typosAllowed(word);
  if (allowed === 0 || knownWords.has(word) || stemWord(word) !== word || isDictionaryRoot(word)) return false;
  return aspectSpellings.some((aspect) => Math.abs(aspect.length - word.length) <= allowed && editDistance(word, aspect) <= allowed);
}, 5_000);

/** Places in the engine query, first to last: the keys of the places named go before the aspects (place-names.ts). */
export const SUBJECT = 0;
const KIND = 1;
const PLACE_KEYS = 2;
const PLACE_WORDS = 3;
export const YEARS = 4;
const MONTHS = 5;
const ASPECT = 6;
/** A year as records hold their dates. */
export const YEAR = /^(19|20)\d\d$/;

/** Whether a word of the query names a year or a month, as records hold their dates. */
export function namesDate(word: string): boolean {
  return YEAR.test(word) || MONTH_NAMES.has(word);
}

/**
 * Where a typed word goes in the engine query, by itself or its root. A year or a month narrows the
 * subject, and goes before the aspects: it names the records meant, an aspect only what is said of
 * them. A year goes before a month: "kunjungan juli 2022" lists the other visits of 2022 after those
 * of July, not those of July 2024. An aspect is read by the word's own root, not `root`: a word
 * searched as typed (asTyped) comes with itself as its root ("tantangan podcast" searched again so
 * had put tantangan first).
 */
export function placeOf(word: string, root: string): number {
  if (YEAR.test(word)) return YEARS;
  if (MONTH_NAMES.has(word)) return MONTHS;
  if (aspectForms.has(word) || aspectRoots.has(stemWord(word)) || ASPECT_PHRASES.includes(root) || mistypedAspect(word)) return ASPECT;
  return isKindRoot(root) ? KIND : SUBJECT;
}

/** Whether a word names an aspect of a subject (kendala, manfaat, sering), by root or as written. */
export function namesAspect(word: string): boolean {
  return placeOf(word, stemWord(word)) === ASPECT;
}

/**
 * The "e" of e-musrenbang, e-kinerja (electronic) before its subject, which records on it may not
 * say: after it, as an aspect. Leading, it had listed the e-office records, none on musrenbang. A
 * synonym phrase it opens (e-office, e-budgeting) stays whole, the engine reading its synonyms.
 */
function electronicPrefix(raw: readonly string[], i: number): boolean {
  return raw[i] === 'e' && i + 1 < raw.length && !SYNONYM_PHRASES.some((phrase) => startsAt(phrase, raw, i));
}

/** Where each typed word goes in the engine query, and the first word of the aspect phrase it is in (itself outside one). */
interface TypedPlaces {
  places: number[];
  unitStarts: number[];
}

/**
 * The places of the typed words; the words of an aspect phrase typed whole (tindak lanjut) are an
 * aspect, and so is a synonym phrase typed whole that opens with an aspect's word: "aplikasi
 * pesan" (WhatsApp) stays whole, which the engine reads with its synonyms, rather than being split
 * into an aspect (aplikasi) and a subject (pesan).
 */
function typedPlacesOf(raw: string[], roots: string[]): TypedPlaces {
  const places = raw.map((word, i) => (electronicPrefix(raw, i) ? ASPECT : placeOf(word, roots[i])));
  const unitStarts = raw.map((_, i) => i);
  const asOneAspect = (phrase: readonly string[], i: number): void => phrase.forEach((_word, j) => ((places[i + j] = ASPECT), (unitStarts[i + j] = unitStarts[i])));
  raw.forEach((_, i) => {
    for (const phrase of aspectPhrases) {
      if (startsAt(phrase, raw, i)) asOneAspect(phrase, i);
    }
    for (const phrase of SYNONYM_PHRASES) {
      if (places[i] === ASPECT && startsAt(phrase, raw, i)) asOneAspect(phrase, i);
    }
  });
  return { places, unitStarts };
}

export const placesOf = (raw: string[], roots: string[]): number[] => typedPlacesOf(raw, roots).places;

/** Whether an aspect typed (a word, or a phrase typed whole) names what a subject takes (RESOURCE_ASPECTS). */
const resourceRoots = new Set(RESOURCE_ASPECTS.map((form) => (form.includes(' ') ? form : stemWord(form))));
const namesResource = (aspect: readonly string[]): boolean => resourceRoots.has(aspect.length > 1 ? aspect.join(' ') : stemWord(aspect[0]));

/**
 * A query of aspects with no subject but the places named (kendala anggaran, kebutuhan sdm di
 * Solok) names its subject through what it takes, which goes first: with the "last" strategy the
 * first aspect is the one every hit must hold, and "kendala anggaran" had listed the one record
 * saying an obstacle and the budget, those on the budget below it. Phrases stay whole.
 */
export function withResourcesLeading(raw: string[], placeWords: ReadonlySet<string>): string[] {
  const { places, unitStarts } = typedPlacesOf(raw, raw.map(stemWord));
  if (places.some((at, i) => at === SUBJECT && !placeWords.has(raw[i]))) return raw;
  const aspects: string[][] = [];
  raw.forEach((word, i) => {
    if (places[i] !== ASPECT) return;
    if (unitStarts[i] === i) aspects.push([word]);
    else aspects[aspects.length - 1].push(word);
  });
  const resources = aspects.filter(namesResource);
  if (resources.length === 0 || resources.length === aspects.length) return raw;
  return [...raw.filter((_, i) => places[i] !== ASPECT), ...resources.flat(), ...aspects.filter((aspect) => !namesResource(aspect)).flat()];
}

/**
 * The subject first, then the words naming a kind of record, then the keys of the places named,
 * then a year or month, then the words for an aspect of it: the "last" strategy drops words from
 * the end. "Studi tiru command center" lists the visits to a command center, then the command center
 * practice, rather than every other visit; "manfaat PPID" the PPID records, those that speak of its
 * benefits first, rather than every record of manfaat; "studi tiru kota solok 2023" the visits of
 * Kota Solok, those of 2023 first, rather than every other visit of 2023; "hasil kunjungan ke padang
 * panjang tahun 2022" the visits of 2022 before those of other years when none says "hasil".
 */
export function subjectFirst(raw: string[], roots: string[], expanded: string[], keys: readonly string[], placeWords: ReadonlySet<string>): string[] {
  // A root goes where the word typed goes: "tangan" of "penanganan" after the subject, of "tanda tangan" in it.
  const place = new Map<string, number>();
  const places = queryPlaces(raw, roots, placeWords);
  raw.forEach((word, i) => {
    const at = places[i];
    for (const form of [roots[i], word]) place.set(form, Math.min(place.get(form) ?? at, at));
  });
  for (const key of keys) place.set(key, PLACE_KEYS);
  // Sorting is stable: each group keeps its roots first, then its raw forms.
  return [...expanded, ...keys].sort((a, b) => (place.get(a) ?? 0) - (place.get(b) ?? 0));
}

/**
 * Where each typed word goes in the engine query. The words of a place named go after its key when
 * the query has a subject besides: "jawa" and "barat" no longer make a full match of a record
 * saying "Jawa Timur" and "Sumatera Barat". A query naming only a place keeps its words first: the
 * records saying it without the key stay.
 */
function queryPlaces(raw: string[], roots: string[], placeWords: ReadonlySet<string>): number[] {
  const typedPlaces = placesOf(raw, roots);
  const isPlaceWord = (i: number): boolean => typedPlaces[i] === SUBJECT && placeWords.has(raw[i]);
  const hasSubject = typedPlaces.some((at, i) => at === SUBJECT && !isPlaceWord(i));
  return typedPlaces.map((at, i) => (hasSubject && isPlaceWord(i) ? PLACE_WORDS : at));
}

/** Typed words (searchedWords) in the order the engine query asks for them: every hit holds the first. */
export function inEngineOrder(words: string[], placeWords: ReadonlySet<string>): string[] {
  const ordered = withResourcesLeading(words, placeWords);
  const places = queryPlaces(ordered, ordered.map(stemWord), placeWords);
  return ordered.map((word, i) => ({ word, at: places[i] })).sort((a, b) => a.at - b.at).map(({ word }) => word);
}

/**
 * "Praktik di luar Sumatera Barat", "podcast selain Jawa", "kunjungan ke luar Sumbar": the records
 * of other places than the one named (data/outside.json), read off the query into a filter, as a
 * span of years is (year-ranges.ts). As words, the place's name would put its own records first,
 * the opposite of what is asked, and "luar" would find the records saying "luar ruang". A record
 * involving the place (a visit's visitors or hosts, a practice's or lesson's agency) is left out.
 * After "ke" it is the place visited: the visits whose hosts lie elsewhere; the place's name stays
 * in the query, so that its own visits (leaving it) come first. An island (Jawa, Sumatera …)
 * stands for its provinces.
 */
import { withEnglishRead } from './english-words.js';
import { ISLANDS, OUTSIDE_WORDS } from './language-data.js';
import { typedTokens } from './phrases.js';
import { placeNamedAt, titleCased, type PlaceNames } from './place-names.js';
import { quote, type FilterClause } from './search-filters.js';
import { words } from './stemmer.js';

/** The places whose records are left out: codes of provinces (13) and kabupaten/kota (13.72), and their readable names. */
export interface PlacesLeftOut {
  /** Records involving these places. */
  involved: { codes: string[]; names: string[] };
  /** Visits (and lessons learned on them) to these places. */
  visited: { codes: string[]; names: string[] };
}

export interface QueryWithPlacesLeftOut {
  /** The query without the words read, as typed (the name of a place left stays). */
  q: string;
  left: PlacesLeftOut;
  /** The words read, as typed, with the name of a place left (ke luar Sumbar). */
  phrase: string;
  /** The names of places left that stay in the query, as typed (Sumbar). */
  kept: string[];
}

interface NamedPlace {
  codes: readonly string[];
  name: string;
  length: number;
  island: boolean;
}

const outsideWords = new Set(OUTSIDE_WORDS.words);
const towardsWords = new Set(OUTSIDE_WORDS.towards);
const towardsOutsideWords = new Set(OUTSIDE_WORDS.towardsOutside);
const islandForms = Object.keys(ISLANDS).map((form) => form.split(' '));

/** The island or place named from typed[i] on, as typed or in English (west sumatra, bandung city, java), the longer name first. */
function placeAt(typed: readonly string[], i: number, names: PlaceNames): NamedPlace | null {
  for (let length = Math.min(names.longest, typed.length - i); length > 0; length--) {
    const slice = typed.slice(i, i + length);
    for (const form of [slice, withEnglishRead(slice, true)]) {
      const named = namedAt(form, names);
      if (named && named.length === form.length) return { ...named, length };
    }
  }
  return null;
}

/** The island or place named at the start of the words, the longer name first: "sumatera barat" is the province, not the island; "papua" the island. */
function namedAt(typed: readonly string[], names: PlaceNames): NamedPlace | null {
  const island = islandForms.filter((form) => form.every((word, j) => typed[j] === word)).sort((a, b) => b.length - a.length)[0];
  const place = placeNamedAt(typed, 0, names);
  if (island && (!place || island.length >= place.length)) {
    const form = island.join(' ');
    return { codes: ISLANDS[form], name: titleCased(form), length: island.length, island: true };
  }
  if (!place) return null;
  return { codes: names.codes.get(place.end) ?? [], name: names.labels.get(place.end) ?? '', length: place.length, island: false };
}

/** The query with the places it asks to leave out read off; null when it names none (or quotes a phrase, taken literally). */
export function readPlacesLeftOut(q: string, names: PlaceNames): QueryWithPlacesLeftOut | null {
  const split = typedTokens(q);
  if (!split) return null;
  const { tokens, typed } = split;
  const taken = new Set<number>();
  // The names of places left: in the query and, for a suggestion, in the phrase ("ke luar Sumbar", not "Sumbar … ke luar").
  const keptAt = new Set<number>();
  const kept: string[] = [];
  const left: PlacesLeftOut = { involved: { codes: [], names: [] }, visited: { codes: [], names: [] } };
  for (let i = 0; i < typed.length; i++) {
    const joined = towardsOutsideWords.has(typed[i]);
    if (!joined && !outsideWords.has(typed[i])) continue;
    // "selain ke Padang Panjang": the place visited named after the word.
    const after = !joined && towardsWords.has(typed[i + 1] ?? '') ? 1 : 0;
    const place = placeAt(typed, i + 1 + after, names);
    if (!place) continue;
    const before = !joined && towardsWords.has(typed[i - 1] ?? '');
    // "di luar", "ke luar": the word before goes with them.
    const first = before || typed[i - 1] === 'di' ? i - 1 : i;
    // Leaving a place (ke luar, keluar) keeps its name in the query: its own visits first. An island is no place of the records.
    const leaving = (joined || before) && !place.island;
    const last = leaving ? i : i + after + place.length;
    for (let j = first; j <= last; j++) taken.add(j);
    if (leaving) {
      for (let j = i + 1; j <= i + place.length; j++) keptAt.add(j);
      kept.push(tokens.slice(i + 1, i + 1 + place.length).join(' '));
    }
    const into = joined || before || after > 0 ? left.visited : left.involved;
    into.codes.push(...place.codes);
    into.names.push(place.name);
    i += after + place.length;
  }
  if (taken.size === 0) return null;
  const phrase = tokens.filter((_, i) => taken.has(i) || keptAt.has(i)).join(' ');
  return { q: tokens.filter((_, i) => !taken.has(i)).join(' '), left, phrase, kept };
}

/** A suggestion for the query read without the names of places left (the phrase holds them), so that the phrase follows it whole. */
export function withoutKeptNames(suggestion: string, kept: readonly string[]): string {
  const suggested = suggestion.split(' ');
  for (const name of kept) {
    const named = words(name);
    const at = suggested.findLastIndex((_, i) => named.every((word, j) => suggested[i + j] === word));
    if (at >= 0) suggested.splice(at, named.length);
  }
  return suggested.join(' ');
}

/** The filter clauses leaving out the records of those places. */
export function placesLeftOutFilter(left: PlacesLeftOut | undefined): FilterClause[] {
  if (!left) return [];
  const notIn = (attribute: string, codes: readonly string[]): FilterClause[] => (codes.length > 0 ? [`${attribute} NOT IN [${[...new Set(codes)].map(quote).join(', ')}]`] : []);
  const provinces = left.involved.codes.filter((code) => !code.includes('.'));
  const regions = left.involved.codes.filter((code) => code.includes('.'));
  return [...notIn('provinceCodes', provinces), ...notIn('regionCodes', regions), ...notIn('visitedCodes', left.visited.codes)];
}
